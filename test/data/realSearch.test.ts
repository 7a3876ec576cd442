import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../data/clock.js';
import { OfferCatalog } from '../../data/offers/offerCatalog.js';
import { hitAt5, type LabelledQuery } from '../../data/search/searchQuality.js';
import { searchOffers } from '../../data/search/searchOffers.js';
import { noumeaNoon, PROJECT_ROOT, shippedOffers } from '../helpers/offers.js';

const queries = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'realQueries.json'), 'utf8')) as { queries: LabelledQuery[] }).queries;
const snapshot = OfferCatalog.of(shippedOffers(), systemClock).current();

describe('search over the real catalogue, as job seekers ask', () => {
  it('has at least 100 labelled real queries: French, English, typos, bare titles, employers, communes, references', () => {
    expect(queries.length).toBeGreaterThanOrEqual(100);
  });

  it('finds an offer a careful person expects in the first five for at least 95% of them', () => {
    const report = hitAt5(snapshot, queries, noumeaNoon('2025-01-31'));
    if (report.misses.length > 0) console.warn(`hit@5 ${report.hitAt5.toFixed(3)}; misses:\n${report.misses.join('\n')}`);
    expect(report.hitAt5).toBeGreaterThanOrEqual(0.95);
  });

  it('shows several employers on the first page when several match about as well ("infirmier")', () => {
    const { hits, total } = searchOffers(snapshot.index, { text: 'infirmier', status: 'any', limit: 5 }, noumeaNoon('2025-01-31'), snapshot.matchWord);
    expect(total).toBeGreaterThan(30);
    expect(new Set(hits.map((h) => h.offer.employer)).size).toBeGreaterThanOrEqual(3);
    // Pages follow on: the second page repeats none of the first.
    const second = searchOffers(snapshot.index, { text: 'infirmier', status: 'any', offset: 5, limit: 5 }, noumeaNoon('2025-01-31'), snapshot.matchWord);
    expect(second.hits.filter((h) => hits.some((first) => first.offer.reference === h.offer.reference))).toEqual([]);
  });
});
