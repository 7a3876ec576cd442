import type { Offer } from '../offers/offer.js';
import { daysLeft } from '../offers/openness.js';
import { offerFacetKeys, facetKey, type FacetKind } from './facets.js';
import type { OfferIndex } from './offerIndex.js';
import { queryTerms, type QueryTerm } from './queryTerms.js';
import { wordMatches, type WordMatcher } from './wordMatches.js';

export interface OfferFilters {
  employer?: string;
  domain?: string;
  commune?: string;
  grade?: string;
  /** Open offers whose deadline is at most this many days away. */
  closingWithinDays?: number;
}

export type OfferStatus = 'open' | 'closed' | 'any';

export interface SearchRequest {
  text: string;
  filters?: OfferFilters;
  status?: OfferStatus;
  /** With status "closed": only offers closed since this instant (the recently closed). */
  closedSince?: Date;
  offset?: number;
  limit?: number;
}

export interface SearchHit {
  offer: Offer;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

/** Hits scoring under this share of the best are noise: a word of the activities matched by chance. */
const RELATIVE_CUTOFF = 0.3;
const REFERENCE_PATTERN = /\b\d{4}-\d{2}-\d{3,5}(?:\s*\/\s*[a-z]{1,4})?\b/i;

function passesStatus(index: OfferIndex, doc: number, request: SearchRequest, nowMs: number): boolean {
  const status = request.status ?? 'open';
  const open = nowMs >= (index.opensAtMs[doc] as number) && nowMs < (index.closesAtMs[doc] as number);
  if (status === 'open') return open;
  if (status === 'closed') {
    const closedAt = index.closesAtMs[doc] as number;
    return nowMs >= closedAt && (!request.closedSince || closedAt >= request.closedSince.getTime());
  }
  return true;
}

function passesFilters(offer: Offer, filters: OfferFilters | undefined, now: Date): boolean {
  if (!filters) return true;
  const kinds: Array<[FacetKind, string | undefined]> = [
    ['employer', filters.employer],
    ['domain', filters.domain],
    ['commune', filters.commune],
    ['grade', filters.grade],
  ];
  for (const [kind, wanted] of kinds) {
    if (wanted === undefined) continue;
    const key = facetKey(wanted);
    if (!offerFacetKeys(kind, offer).some((k) => k === key || k.includes(key))) return false;
  }
  if (filters.closingWithinDays !== undefined) {
    const left = daysLeft(offer, now);
    if (left < 0 || left > filters.closingWithinDays) return false;
  }
  return true;
}

/** Relevance for each offer sharing a word with the query; zero elsewhere. */
interface Scores {
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

function score(index: OfferIndex, terms: readonly QueryTerm[], matchWord: WordMatcher): Scores {
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
function firstInOrder<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
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

function byDeadline(index: OfferIndex, status: OfferStatus) {
  // Open offers: the one closing first comes first. Closed ones: the most recently closed first.
  return (a: number, b: number) =>
    status === 'closed'
      ? (index.closesAtMs[b] as number) - (index.closesAtMs[a] as number)
      : (index.closesAtMs[a] as number) - (index.closesAtMs[b] as number);
}

/**
 * Ranked offers for what the user typed, within the filters and status asked. A query that is only
 * a reference ("3134-25-0966/SR") finds that offer whatever its status; one with no words left (only
 * filters) lists every offer that passes them, closing soonest first.
 */
export function searchOffers(
  index: OfferIndex,
  request: SearchRequest,
  now: Date,
  matchWord: WordMatcher = (word, quality) => wordMatches(index, word, quality),
): SearchResult {
  const nowMs = now.getTime();
  const status = request.status ?? 'open';
  const offset = request.offset ?? 0;
  const limit = request.limit ?? 5;

  const exact = REFERENCE_PATTERN.exec(request.text)?.[0];
  if (exact) {
    const doc = index.byReference.get(exact.replace(/\s+/g, '').toLowerCase()) ??
      index.byReference.get(`${exact.replace(/\s*\/.*$/, '').toLowerCase()}/sr`);
    if (doc !== undefined) {
      const hits = offset === 0 ? [{ offer: index.offers[doc] as Offer, score: Number.MAX_VALUE }] : [];
      return { hits, total: 1 };
    }
  }

  const terms = queryTerms(request.text);
  let ranked: Array<[number, number]>;
  if (terms.length === 0) {
    ranked = index.offers.map((_, doc) => [doc, 1]);
  } else {
    const scores = score(index, terms, matchWord);
    ranked = scores.docs.map((doc) => [doc, scores.of[doc] as number]);
  }
  ranked = ranked.filter(
    ([doc]) => passesStatus(index, doc, request, nowMs) && passesFilters(index.offers[doc] as Offer, request.filters, now),
  );
  const top = ranked.reduce((max, [, s]) => Math.max(max, s), 0);
  const deadlineOrder = byDeadline(index, status);
  const better = (a: [number, number], b: [number, number]) => b[1] - a[1] || deadlineOrder(a[0], b[0]);
  ranked = ranked.filter(([, s]) => s >= top * RELATIVE_CUTOFF);
  return {
    hits: firstInOrder(ranked, offset + limit, better)
      .slice(offset)
      .map(([doc, s]) => ({ offer: index.offers[doc] as Offer, score: s })),
    total: ranked.length,
  };
}
