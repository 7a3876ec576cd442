import type { Offer } from '../offers/offer.js';
import { referencesInText } from '../offers/reference.js';
import { calendarDaysBetween, noumeaDay } from '../offers/openness.js';
import { FACET_KINDS, facetKey, type FacetKind } from './facets.js';
import type { OfferIndex } from './offerIndex.js';
import { queryTerms } from './queryTerms.js';
import { firstInOrder, score } from './scoring.js';
import { wordMatches, type WordMatcher } from './wordMatches.js';

/** A value per kind of facet (employer, domain, commune, grade), and "closing soon". */
export type OfferFilters = Partial<Record<FacetKind, string>> & {
  /** Open offers whose deadline is at most this many days away. */
  closingWithinDays?: number;
};

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

/**
 * The filters as one test per offer, prepared once per search: the wanted values in facet form,
 * today's date in Nouméa. Each offer's own facet keys were prepared with the index.
 */
function filterTest(index: OfferIndex, filters: OfferFilters | undefined, now: Date): (doc: number) => boolean {
  if (!filters) return () => true;
  const wanted = FACET_KINDS
    .filter((kind) => filters[kind] !== undefined)
    .map((kind) => [index.facetKeys[kind], facetKey(filters[kind] as string)] as const);
  const within = filters.closingWithinDays;
  const today = noumeaDay(now);
  return (doc) => {
    for (const [keys, key] of wanted) {
      if (!(keys[doc] ?? []).some((k) => k === key || k.includes(key))) return false;
    }
    if (within !== undefined) {
      const left = calendarDaysBetween(today, (index.offers[doc] as Offer).deadline);
      if (left < 0 || left > within) return false;
    }
    return true;
  };
}

/** Relevance for each offer sharing a word with the query; zero elsewhere. */
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

  const exact = referencesInText(request.text)[0]?.reference;
  if (exact) {
    const doc = index.byReference.get(exact);
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
  const passesFilters = filterTest(index, request.filters, now);
  ranked = ranked.filter(([doc]) => passesStatus(index, doc, request, nowMs) && passesFilters(doc));
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
