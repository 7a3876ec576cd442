import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSnapshot } from '../../data/offers/offerCatalog.js';
import { editDistanceWithin } from '../../data/search/editDistance.js';
import { normalize, words } from '../../data/search/normalize.js';
import { searchOffers, type SearchRequest } from '../../data/search/searchOffers.js';
import { noumeaNoon, PROJECT_ROOT, sampleOffers } from '../helpers/offers.js';

interface LabelledQuery {
  query: string;
  expected: string[];
}
const labelled = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'labelledQueries.json'), 'utf8')) as {
    queries: LabelledQuery[];
  }
).queries;

const snapshot = buildSnapshot(sampleOffers(), new Date());
const references = (request: SearchRequest, now = new Date('2026-11-22T00:00:00Z')) =>
  searchOffers(snapshot.index, request, now).hits.map((h) => h.offer.reference);

describe('search finds what job seekers mean', () => {
  it('has a labelled set of at least 40 queries, English and typos included', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(40);
  });

  it.each(labelled.map((q) => [q.query, q.expected[0] as string]))('"%s" has %s in the top 3', (query, expected) => {
    expect(references({ text: query, status: 'any', limit: 3 })).toContain(expected);
  });
});

describe('search filters and status', () => {
  // 28 July 2026: 1049 (Lifou, until 31 July), 1104, 1106, 1127, 1129 (until 14 August) are open.
  const july = noumeaNoon('2026-07-28');

  it('proposes only open offers by default', () => {
    const found = references({ text: 'chargé de contact clientèle' }, july);
    expect(found).toEqual(expect.arrayContaining(['3134-26-1049/SR', '3134-26-1104/SR']));
    expect(found).not.toContain('3134-26-0438/SR'); // closed on 17 April 2026
    expect(references({ text: 'informatique' }, july)).not.toContain('3134-25-0966/SR');
  });

  it('filters by commune, employer, domain, grade and closing soon', () => {
    expect(references({ text: '', filters: { commune: 'Mont-Dore' }, limit: 10 }, july).sort()).toEqual([
      '3134-26-1104/SR',
      '3134-26-1127/SR',
    ]);
    expect(references({ text: '', filters: { employer: 'Province Sud' }, status: 'any' })).toEqual(['3134-25-0159/SR']);
    expect(references({ text: '', filters: { domain: 'Pilotage' }, status: 'any', limit: 10 }).sort()).toEqual([
      '3134-26-0943/SR',
      '3134-26-0998/SR',
      '3134-26-1129/SR',
    ]);
    expect(references({ text: '', filters: { grade: 'Ingénieur 3ème grade' }, status: 'any' })).toEqual(['3134-25-0159/SR']);
    // On 28 July, 1049 closes on the 31st (3 days); the others on 14 August.
    expect(references({ text: '', filters: { closingWithinDays: 7 }, limit: 10 }, july)).toEqual(['3134-26-1049/SR']);
    expect(references({ text: '', filters: { closingWithinDays: 17 }, limit: 10 }, july)).toHaveLength(5);
  });

  it('lists open offers closing soonest first when there are no words, and pages through them', () => {
    const all = searchOffers(snapshot.index, { text: 'toutes les offres', limit: 100 }, july);
    const deadlines = all.hits.map((h) => h.offer.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const page2 = searchOffers(snapshot.index, { text: '', offset: 5, limit: 5 }, july);
    expect(page2.total).toBe(all.total);
    expect(page2.hits.map((h) => h.offer.reference)).toEqual(all.hits.slice(5, 10).map((h) => h.offer.reference));
  });

  it('finds recently closed offers, most recent first, only when asked', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const since = new Date('2026-06-01T00:00:00Z');
    const closed = searchOffers(snapshot.index, { text: 'informatique', status: 'closed', closedSince: since }, now);
    expect(closed.hits.map((h) => h.offer.reference)).toEqual(expect.arrayContaining(['3134-26-0975/SR', '3134-26-1010/SR']));
    expect(closed.hits.map((h) => h.offer.reference)).not.toContain('3134-25-0966/SR');
    expect(references({ text: 'informatique' }, now)).toEqual([]);
  });

  it('finds an offer by its full reference whatever its status', () => {
    expect(references({ text: 'offre 3134-25-0966/SR' })).toEqual(['3134-25-0966/SR']);
    expect(references({ text: '3134-25-0966 / sr' })).toEqual(['3134-25-0966/SR']);
  });

  it('finds nothing for words no offer has', () => {
    expect(references({ text: 'astronaute lunaire', status: 'any' })).toEqual([]);
  });
});

describe('references in any spelling', () => {
  it.each([
    ['3134-25-0966/SR', '3134-25-0966/SR'],
    ['3134-25-0966', '3134-25-0966/SR'],
    ['25-0966', '3134-25-0966/SR'],
    ['0966', '3134-25-0966/SR'],
    ['966', '3134-25-0966/SR'],
    ['n°679', '3134-26-679/SR'],
    ['0679', '3134-26-679/SR'],
  ])('%s', (text, reference) => {
    expect(snapshot.findByReference(text)?.reference).toBe(reference);
  });

  it('finds nothing for an unknown number', () => {
    expect(snapshot.findByReference('9999')).toBeUndefined();
    expect(snapshot.findByReference('3134-24-0966/SR')).toBeUndefined();
  });
});

describe('text normal form', () => {
  it('folds case, accents and ligatures and singularises', () => {
    expect(normalize('Maîtrise d’Œuvre – ÉTUDES')).toBe('maitrise d oeuvre etudes');
    expect(words('Ingénieurs informatiques, offres')).toEqual(['ingenieur', 'informatique', 'offre']);
    expect(words('Cæsar')).toEqual(['caesar']);
  });

  it('measures typos with transpositions and gives up past the allowed distance', () => {
    expect(editDistanceWithin('informatiqe', 'informatique', 2)).toBe(1);
    expect(editDistanceWithin('comptabel', 'comptable', 1)).toBe(1);
    expect(editDistanceWithin('auditeur', 'directeur', 2)).toBeUndefined();
  });
});

describe('facets named in a sentence', () => {
  it.each([
    ['offres à Koné', 'commune', 'Koné'],
    ['postes a noumea', 'commune', 'Nouméa'],
    ['offres à Noumae', 'commune', 'Nouméa'],
    ["offres de l'OPT", 'employer', 'Office des postes et télécommunications'],
    ['jobs at province sud', 'employer', 'Province Sud'],
  ])('%s → %s %s', (text, kind, label) => {
    const mentions = snapshot.facetMatcher.find(text);
    expect(mentions.map((m) => [m.value.kind, m.value.label.toLowerCase()])).toContainEqual([kind, label.toLowerCase()]);
  });

  it('does not see a facet in ordinary words', () => {
    expect(snapshot.facetMatcher.find('je cherche un poste de comptable')).toEqual([]);
  });
});
