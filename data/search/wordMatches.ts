import { allowedEdits, editDistanceWithin } from './editDistance.js';
import { trigramsOf, type OfferIndex } from './offerIndex.js';

/** A word of the index that stands for a word of the query, and how sure that is (1 = same word). */
export interface WordMatch {
  word: string;
  quality: number;
}

const PREFIX_QUALITY = 0.75;
const SHORT_PREFIX_QUALITY = 0.5;
const MAX_PREFIX_MATCHES = 24;
const TYPO_QUALITY_PER_EDIT = 0.25;

function firstAtOrAfter(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

function prefixMatches(index: OfferIndex, word: string, out: Map<string, number>): void {
  if (word.length < 3 || /^\d+$/.test(word)) return;
  const quality = word.length >= 4 ? PREFIX_QUALITY : SHORT_PREFIX_QUALITY;
  const vocabulary = index.vocabulary;
  for (let i = firstAtOrAfter(vocabulary, word), found = 0; i < vocabulary.length && found < MAX_PREFIX_MATCHES; i++) {
    const candidate = vocabulary[i] as string;
    if (!candidate.startsWith(word)) break;
    if (candidate !== word) {
      out.set(candidate, Math.max(out.get(candidate) ?? 0, quality));
      found++;
    }
  }
}

function typoMatches(index: OfferIndex, word: string, out: Map<string, number>): void {
  const edits = allowedEdits(word);
  if (edits === 0 || /\d/.test(word)) return;
  const grams = trigramsOf(word);
  const shared = new Map<string, number>();
  for (const gram of grams) {
    for (const holder of index.trigrams.get(gram) ?? []) shared.set(holder, (shared.get(holder) ?? 0) + 1);
  }
  // Each edit can spoil at most three trigrams: fewer shared than that cannot be within reach.
  const needed = Math.max(1, grams.length - 3 * edits);
  for (const [candidate, count] of shared) {
    if (count < needed || candidate === word) continue;
    const distance = editDistanceWithin(word, candidate, edits);
    if (distance === undefined) continue;
    // Two typos reach far ("cosmonaute" ~ "communaute"): only for words that name offers.
    if (distance > 1 && !index.salient.has(candidate)) continue;
    const quality = 1 - TYPO_QUALITY_PER_EDIT * distance;
    out.set(candidate, Math.max(out.get(candidate) ?? 0, quality));
  }
}

/** The index words a query word reaches: itself, words it begins, and words within a typo or two. */
export function wordMatches(index: OfferIndex, word: string, quality: number): WordMatch[] {
  const found = new Map<string, number>();
  if (index.postings.has(word)) found.set(word, 1);
  prefixMatches(index, word, found);
  typoMatches(index, word, found);
  return [...found].map(([match, q]) => ({ word: match, quality: q * quality }));
}

export type WordMatcher = (word: string, quality: number) => WordMatch[];

const REMEMBERED_WORDS = 20_000;

/**
 * The same look-ups, remembered for one index: people type the same words again and again, and
 * an index never changes. Bounded; forgotten with the index when the offers change.
 */
export function rememberingWordMatcher(index: OfferIndex): WordMatcher {
  const remembered = new Map<string, WordMatch[]>();
  return (word, quality) => {
    let matches = remembered.get(word);
    if (!matches) {
      if (remembered.size >= REMEMBERED_WORDS) remembered.clear();
      matches = wordMatches(index, word, 1);
      remembered.set(word, matches);
    }
    return quality === 1 ? matches : matches.map((m) => ({ word: m.word, quality: m.quality * quality }));
  };
}
