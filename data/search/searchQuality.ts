import type { OfferSnapshot } from '../offers/offerCatalog.js';
import type { Offer } from '../offers/offer.js';
import { foldAccents } from './normalize.js';
import { searchOffers, type OfferFilters, type SearchRequest } from './searchOffers.js';

/**
 * How well search answers real queries (test/fixtures/realQueries.json), for the test that holds it
 * and for `npm run bench`: each query as the bot reads it (an employer or a commune named in it is a
 * filter, as the dialogs make it), and whether an offer a careful person expects is in the first five.
 */
export interface LabelledQuery {
  query: string;
  expect: Partial<Record<'title' | 'employer' | 'commune' | 'reference', string>>;
}

/** The request the dialogs make of a message: named employers and communes as filters, the rest as words. */
export function requestOf(snapshot: OfferSnapshot, text: string): SearchRequest {
  const filters: OfferFilters = {};
  let words = text;
  for (const mention of [...snapshot.facetMatcher.find(text)].sort((a, b) => b.start - a.start)) {
    if (mention.value.kind !== 'commune' && mention.value.kind !== 'employer') continue;
    filters[mention.value.kind] ??= mention.value.label;
    words = `${words.slice(0, mention.start)} ${words.slice(mention.end)}`;
  }
  return { text: words.replace(/\s+/g, ' ').trim(), filters, status: 'any', limit: 5 };
}

export function expected(offer: Offer, expect: LabelledQuery['expect']): boolean {
  const fields: Record<keyof LabelledQuery['expect'], string> = {
    title: offer.title,
    employer: offer.employer,
    commune: offer.location?.commune ?? '',
    reference: offer.reference,
  };
  return Object.entries(expect).every(([field, pattern]) =>
    new RegExp(foldAccents(pattern), 'i').test(foldAccents(fields[field as keyof LabelledQuery['expect']])),
  );
}

export interface QualityReport {
  hitAt5: number;
  misses: string[];
}

/** Share of the queries with an expected offer in the first five results, and the queries that had none. */
export function hitAt5(snapshot: OfferSnapshot, queries: readonly LabelledQuery[], now: Date, search = defaultSearch): QualityReport {
  const misses: string[] = [];
  for (const labelled of queries) {
    const top = search(snapshot, labelled.query, now);
    if (!top.some((offer) => expected(offer, labelled.expect))) misses.push(`${labelled.query} → ${top.map((o) => o.title).join(' | ') || '(nothing)'}`);
  }
  return { hitAt5: (queries.length - misses.length) / queries.length, misses };
}

function defaultSearch(snapshot: OfferSnapshot, text: string, now: Date): Offer[] {
  return searchOffers(snapshot.index, requestOf(snapshot, text), now, snapshot.matchWord).hits.map((hit) => hit.offer);
}
