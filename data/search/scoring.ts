import type { OfferIndex } from './offerIndex.js';
import type { QueryTerm } from './queryTerms.js';
import type { WordMatcher } from './wordMatches.js';

/**
 * Relevance of the offers to a query: each query term takes its best-matching word in each offer
 * (idf × field weight × match quality), offers matching every term lead (coverage squared), and a
 * phrase typed as such earns a bonus.
 */
export interface Scores {
  /** The offers that share a word with the query. */
  docs: number[];
  /** Relevance by offer position (zero for the others). */
  of: Float64Array;
}

interface Scratch {
  totals: Float64Array;
  covered: Uint16Array;
  best: Float64Array;
}

/**
 * Per-offer score arrays, one set per index, reused by every query: allocating them per query
 * cost more in garbage collection (at 10,000 offers) than the scoring itself. Search is
 * synchronous, so no two queries ever share them at once.
 */
const scratchOf = new WeakMap<OfferIndex, Scratch>();

function scratch(index: OfferIndex): Scratch {
  let arrays = scratchOf.get(index);
  if (!arrays) {
    const n = index.offers.length;
    arrays = { totals: new Float64Array(n), covered: new Uint16Array(n), best: new Float64Array(n) };
    scratchOf.set(index, arrays);
  }
  arrays.totals.fill(0);
  arrays.covered.fill(0);
  return arrays;
}

export function score(index: OfferIndex, terms: readonly QueryTerm[], matchWord: WordMatcher): Scores {
  const { totals, covered, best } = scratch(index);
  const touched: number[] = [];
  const required = terms.filter((t) => !t.optional).length;

  for (const term of terms) {
    const termDocs: number[] = [];
    for (const variant of term.variants) {
      // A longer or misspelt neighbour of a common word is rarer, so its idf is higher: capped at
      // the word's own, so "maîtriser" never outweighs "maîtrise" for someone who typed "maîtrise".
      const ownIdf = index.postings.get(variant.word)?.idf ?? Number.POSITIVE_INFINITY;
      // A variant the lexicon adds ("informatique" → "logiciel") counts as written, not its neighbours.
      const matches = variant.quality < 1 ? [{ word: variant.word, quality: variant.quality }] : matchWord(variant.word, 1);
      for (const match of matches) {
        const postings = index.postings.get(match.word);
        if (!postings) continue;
        const factor = Math.min(postings.idf, ownIdf) * match.quality;
        for (let i = 0; i < postings.docs.length; i++) {
          const doc = postings.docs[i] as number;
          const value = factor * (postings.weights[i] as number);
          if ((best[doc] as number) === 0) termDocs.push(doc);
          if (value > (best[doc] as number)) best[doc] = value;
        }
      }
    }
    for (const doc of termDocs) {
      if ((totals[doc] as number) === 0) touched.push(doc);
      totals[doc] = (totals[doc] as number) + (best[doc] as number);
      if (!term.optional) covered[doc] = (covered[doc] as number) + 1;
      best[doc] = 0;
    }
  }

  // `totals` becomes the final score in place: coverage squared, so offers matching every word lead.
  const complete: number[] = [];
  for (const doc of touched) {
    const coverage = required === 0 ? 1 : (covered[doc] as number) / required;
    totals[doc] = (totals[doc] as number) * coverage * coverage;
    if (coverage === 1) complete.push(doc);
  }
  const scores = { docs: touched, of: totals };
  rewardPhrases(index, terms, complete, scores);
  return scores;
}

/**
 * "Maîtrise d'œuvre" said as such beats "maîtrise" here and "œuvre" there. Checked on the best
 * complete matches only: a phrase check reads the offer's whole text.
 */
const HEADING_PHRASE_BONUS = 1.5;
const TEXT_PHRASE_BONUS = 1.3;
const PHRASE_CANDIDATES = 50;

function rewardPhrases(index: OfferIndex, terms: readonly QueryTerm[], docs: number[], scores: Scores): void {
  const phrase = terms.filter((t) => !t.optional);
  if (phrase.length < 2) return;
  const literal = ` ${phrase.map((t) => t.variants[0]?.word).join(' ')} `;
  const best = firstInOrder(docs, PHRASE_CANDIDATES, (a, b) => (scores.of[b] as number) - (scores.of[a] as number));
  for (const doc of best) {
    const bonus = namesThePhrase(index.headings[doc] ?? [], phrase)
      ? HEADING_PHRASE_BONUS
      : (index.texts[doc] as string).includes(literal)
        ? TEXT_PHRASE_BONUS
        : 1;
    scores.of[doc] = (scores.of[doc] as number) * bonus;
  }
}

function namesThePhrase(headings: ReadonlyArray<readonly string[]>, phrase: readonly QueryTerm[]): boolean {
  return headings.some((heading) => {
    for (let start = 0; start + phrase.length <= heading.length; start++) {
      if (phrase.every((term, k) => term.variants.some((v) => v.word === heading[start + k]))) return true;
    }
    return false;
  });
}

/**
 * The first `count` items in order, without sorting them all: a page is 5 offers out of thousands
 * of matches, so keeping a short sorted list beats sorting everything.
 */
export function firstInOrder<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  if (items.length <= count * 4) return [...items].sort(order).slice(0, count);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count && order(item, kept[count - 1] as T) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1] as T) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

