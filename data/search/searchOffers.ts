import type { Offer } from '../offers/offer.js';
import { referencesInText } from '../offers/reference.js';
import { calendarDaysBetween, noumeaDay } from '../offers/openness.js';
import { FACET_KINDS, facetKey, type FacetKind } from './facets.js';
import type { OfferIndex } from './offerIndex.js';
import { queryTerms } from './queryTerms.js';
import { offerStates, type StatedFact } from './statedFacts.js';
import { words } from './normalize.js';
import { firstInOrder, score } from './scoring.js';
import { wordMatches, type WordMatcher } from './wordMatches.js';

/** A value per kind of facet (employer, domain, commune, grade), and "closing soon". */
export type OfferFilters = Partial<Record<FacetKind, string>> & {
  /** Open offers whose deadline is at most this many days away. */
  closingWithinDays?: number;
  /** Offers published at most this many days ago ("nouvelles offres", "publiées aujourd'hui": 0). */
  postedWithinDays?: number;
  /** Offers whose text says it ("temps partiel", "CDD", "catégorie B"): few do, and the answer says so. */
  states?: StatedFact;
};

/**
 * The filters that hold for offers yet to come: an alert or a subscription keeps the employer, the
 * place, the domain and the grade, not "closing soon" or "posted this week", which are about today.
 */
export function lastingFilters(filters: OfferFilters): Partial<Record<FacetKind, string>> {
  const { closingWithinDays: _closing, postedWithinDays: _posted, states: _states, ...lasting } = filters;
  return lasting;
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
  const postedWithin = filters.postedWithinDays;
  const today = noumeaDay(now);
  return (doc) => {
    for (const [keys, key] of wanted) {
      if (!(keys[doc] ?? []).some((k) => k === key || k.includes(key))) return false;
    }
    if (within !== undefined) {
      const left = calendarDaysBetween(today, (index.offers[doc] as Offer).deadline);
      if (left < 0 || left > within) return false;
    }
    if (filters.states && !offerStates(index.offers[doc] as Offer, filters.states)) return false;
    if (postedWithin !== undefined) {
      const ago = calendarDaysBetween((index.offers[doc] as Offer).postedOn, today);
      if (ago < 0 || ago > postedWithin) return false;
    }
    return true;
  };
}

/** The order of offers scoring alike (all of them when only filters were asked). */
function byDeadline(index: OfferIndex, status: OfferStatus, newestFirst: boolean) {
  // "Nouvelles offres": the one published last comes first (an ISO date orders as text).
  const posted = (doc: number) => (index.offers[doc] as Offer).postedOn;
  if (newestFirst) return (a: number, b: number) => (posted(a) < posted(b) ? 1 : posted(a) > posted(b) ? -1 : 0);
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
  const deadlineOrder = byDeadline(index, status, request.filters?.postedWithinDays !== undefined);
  const better = (a: [number, number], b: [number, number]) => b[1] - a[1] || deadlineOrder(a[0], b[0]);
  // Zero: only an English original matched ("driver" in a list of software), no word asked for.
  ranked = ranked.filter(([, s]) => s > 0 && s >= top * RELATIVE_CUTOFF);
  const window = Math.max(DIVERSITY_WINDOW, offset + limit);
  const ordered = terms.length > 0 ? varied(index, firstInOrder(ranked, window, better)) : firstInOrder(ranked, window, better);
  return {
    hits: ordered.slice(offset, offset + limit).map(([doc, s]) => ({ offer: index.offers[doc] as Offer, score: s })),
    total: ranked.length,
  };
}

/** The best matches are re-ordered together, always the same many, so that pages follow on without gaps or repeats. */
const DIVERSITY_WINDOW = 60;
/** Each further offer of an employer already shown counts for this share of its score. */
const SAME_EMPLOYER = 0.85;

/**
 * "Infirmier" matches 130 offers: the first page shows the best titles of several employers rather
 * than five postings of one when others match about as well. Greedy: each place goes to the best
 * score once an employer's earlier places have lowered its others.
 */
function varied(index: OfferIndex, ranked: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const left = [...ranked];
  const shown = new Map<string, number>();
  const out: Array<[number, number]> = [];
  while (left.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    left.forEach(([doc, s], at) => {
      const employer = (index.offers[doc] as Offer).employer;
      const adjusted = s * SAME_EMPLOYER ** (shown.get(employer) ?? 0);
      if (adjusted > bestScore) {
        best = at;
        bestScore = adjusted;
      }
    });
    const [picked] = left.splice(best, 1) as [[number, number]];
    const employer = (index.offers[picked[0]] as Offer).employer;
    shown.set(employer, (shown.get(employer) ?? 0) + 1);
    out.push(picked);
  }
  return out;
}

/** The fields that name an offer (what a bare "infirmier", "Lifou" or "CHT" is about), not its long texts. */
function namingWords(offer: Offer): Set<string> {
  const named = [offer.title, offer.employer, offer.respncJob ?? '', offer.location?.commune ?? '', offer.location?.name ?? '', ...offer.corpsGrades, ...offer.domains];
  return new Set(named.flatMap((text) => words(text)));
}

/**
 * A message that is only a job, a word, a place or an employer ("infirmier", "sage-femme", "nurse",
 * "Lifou"): does it name offers of the catalogue, open or not? Every word of it must stand in what
 * names one of the best matches (its title, grade, domain, employer, place), so that a word met by
 * chance in a long description is not taken for a search.
 */
export function namesOffers(index: OfferIndex, text: string, matchWord: WordMatcher, now: Date): boolean {
  const terms = queryTerms(text);
  if (terms.length === 0 || terms.length > 6) return false;
  const { hits } = searchOffers(index, { text, status: 'any', limit: 5 }, now, matchWord);
  return hits.some(({ offer }) => {
    const named = [...namingWords(offer)];
    return terms.every((term) => term.optional || term.variants.some((v) => named.some((word) => word === v.word || (v.word.length >= 4 && word.startsWith(v.word)) || (word.length >= 4 && v.word.startsWith(word)))));
  });
}
