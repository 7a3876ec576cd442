import { describe, expect, it } from '@jest/globals';
import {
  canonicalReference,
  referenceFromOpenData,
  referenceOfSegment,
  referenceQuery,
  referencesInText,
  referenceSegment,
  referenceWords,
} from '../../data/offers/reference.js';
import { OfferCatalog } from '../../data/offers/offerCatalog.js';
import { systemClock } from '../../data/clock.js';
import { sampleOffers } from '../helpers/offers.js';

describe('references of every employer', () => {
  it.each([
    ['3134-25-0966/SR', '3134-25-0966/SR'],
    ['N°3134-24-1930/SR', '3134-24-1930/SR'],
    ['3134-24-1930 / sr', '3134-24-1930/SR'],
    ['3134-26-679/SR', '3134-26-679/SR'],
    ['3134-25-0966', '3134-25-0966/SR'],
    ['24-54956/MPRH', '24-54956/MPRH'],
    ['25-1234/GNC', '25-1234/GNC'],
    ['25 - 1234 / gnc', '25-1234/GNC'],
  ])('%s is the reference %s', (text, reference) => {
    expect(canonicalReference(text)).toBe(reference);
  });

  it.each(['25-0979', '0979', '54956', '25-09/SR', '12/03/2025', '26.79.28', 'offre'])('%s alone is no full reference', (text) => {
    expect(canonicalReference(text)).toBeUndefined();
  });

  it('finds the references written in a text, and no date or phone number', () => {
    const text = 'Référence : N°3134-24-1930/SR du 13/12/2024 ; voir aussi 24-54956/MPRH et 25-1234/GNC. Tél. 26.79.28';
    expect(referencesInText(text).map((m) => m.reference)).toEqual(['3134-24-1930/SR', '24-54956/MPRH', '25-1234/GNC']);
    const [first] = referencesInText(text);
    expect(text.slice(first?.start, first?.end)).toBe('3134-24-1930/SR');
  });

  it('reads what people type to name an offer', () => {
    expect(referenceQuery('25-0979')).toEqual({ kind: 'yearNumber', year: '25', number: 979 });
    expect(referenceQuery('offre 966')).toEqual({ kind: 'number', number: 966 });
    expect(referenceQuery('54956')).toEqual({ kind: 'number', number: 54956 });
    expect(referenceQuery('n° 0979')).toEqual({ kind: 'number', number: 979 });
    expect(referenceQuery('informatique')).toBeUndefined();
  });

  it('files an offer under the words people use', () => {
    expect(referenceWords('3134-25-0966/SR')).toEqual(expect.arrayContaining(['0966', '966', '25-0966']));
    expect(referenceWords('24-54956/MPRH')).toEqual(expect.arrayContaining(['54956', '24-54956']));
  });

  it('writes a reference as one path segment and reads it back', () => {
    for (const reference of ['3134-25-0966/SR', '24-54956/MPRH', '25-1234/GNC']) {
      expect(referenceOfSegment(referenceSegment(reference))).toBe(reference);
    }
    expect(referenceOfSegment('..-SR')).toBeUndefined();
  });

  it('turns the open data short numero into the reference the PDF writes', () => {
    expect(referenceFromOpenData('25-0979')).toBe('3134-25-0979/SR');
    expect(referenceFromOpenData('24-54956/MPRH')).toBe('24-54956/MPRH');
    expect(referenceFromOpenData('n/a')).toBeUndefined();
  });

  it('the catalog finds an offer by any of its forms', () => {
    const catalog = OfferCatalog.of(sampleOffers(), systemClock).current();
    for (const typed of ['3134-25-0966/SR', '25-0966', '0966', '966', 'offre 966']) expect(catalog.findByReference(typed)?.reference).toBe('3134-25-0966/SR');
    expect(catalog.findByReference('27-0966')).toBeUndefined();
  });
});
