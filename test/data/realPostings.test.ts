import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareWithLabels, type PostingLabel } from '../../data/offers/labelledPostings.js';
import { offerFromPostingText } from '../../data/offers/postingText.js';
import type { Offer } from '../../data/offers/offer.js';
import { REAL_OFFERS_DIR } from '../helpers/offers.js';

/**
 * The 385 real postings of every employer (text taken out of their PDFs), read as HR imports them,
 * against the facts as published (avp-text-labels.json): reference, posting date, deadline and the
 * original deadline of an extended one.
 */
const folder = path.join(REAL_OFFERS_DIR, 'avp-text');
const labels = JSON.parse(readFileSync(path.join(REAL_OFFERS_DIR, 'avp-text-labels.json'), 'utf8')) as PostingLabel[];
const texts = new Map(readdirSync(folder).map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]));
const read = new Map<string, Offer | Error>();
for (const [file, text] of texts) {
  try {
    read.set(file, offerFromPostingText(text, file));
  } catch (error) {
    read.set(file, error as Error);
  }
}
const offerOf = (file: string) => {
  const outcome = read.get(file);
  if (outcome instanceof Error) throw outcome;
  return outcome;
};

describe('every real posting, from every employer', () => {
  it('gives the published reference, posting date, deadline and original deadline for at least 99% of the labelled facts', () => {
    const report = compareWithLabels(labels, offerOf);
    const misses = report.misses.map((m) => `${m.file} ${m.field}: expected ${m.expected}, read ${m.read ?? '-'}${m.error ? ` (${m.error})` : ''}`);
    // The misses, for whoever improves the reader next.
    if (misses.length > 0) console.warn(`${report.right}/${report.checked} facts read right; misses:\n${misses.join('\n')}`);
    expect(report.checked).toBeGreaterThan(1000);
    expect(report.right / report.checked).toBeGreaterThanOrEqual(0.99);
  });

  it('reads the references of the government (MPRH) and of the other employers (SR)', () => {
    const references = [...read.values()].filter((o): o is Offer => !(o instanceof Error)).map((o) => o.reference);
    expect(references.filter((r) => /^\d{2}-\d{5}\/MPRH$/.test(r)).length).toBeGreaterThan(40);
    expect(references.filter((r) => /^3134-\d{2}-\d{3,5}\/SR$/.test(r)).length).toBeGreaterThan(290);
  });

  it('never invents an extension: an original deadline only where the posting says the date was moved', () => {
    for (const [file, offer] of read) {
      if (offer instanceof Error || !offer.originalDeadline) continue;
      expect([file, /initialement pr[ée]vue/i.test(texts.get(file) ?? '')]).toEqual([file, true]);
      expect(offer.originalDeadline).not.toBe(offer.deadline);
    }
  });

  it('names what a posting lacks rather than guessing: a posting cut before its deadline', () => {
    const cut = (texts.get('54118.md') ?? '').split('Date limite')[0] as string;
    expect(() => offerFromPostingText(cut)).toThrow(/missing: deadline/);
  });

  it('reads the residence as posted: per grade, "inférieure à 3 ans", "/" as none, a blank as nothing said', () => {
    const offers = [...read.values()].filter((o): o is Offer => !(o instanceof Error));
    const byText = (pattern: RegExp) => offers.find((o) => o.residence && pattern.test(o.residence.text))?.residence;
    expect(byText(/^inférieure à 3 ans$/)?.requirements).toEqual([{ years: 3, comparison: 'lessThan' }]);
    expect(byText(/^\/$/)?.requirements).toEqual([]);
    expect(byText(/^Pharmacien : au moins/)?.requirements).toEqual([
      { grade: 'Pharmacien', years: 10 },
      { grade: 'Médecin', years: 3, comparison: 'lessThan' },
    ]);
    expect(byText(/recrutement direct/)?.requirements[0]).toMatchObject({ route: expect.stringMatching(/^recrutement direct d.un adjoint administratif$/) });
    // "Durée de résidence exigée pour le recrutement sur titre (1) :" followed by nothing: no record.
    expect(offerOf('52572.md')?.residence).toBeUndefined();
  });

  it('reads the body of a posting: missions, activities, conditions, start date, employer under one name', () => {
    const offer = offerOf('55520.md');
    expect(offer).toMatchObject({
      reference: '3134-24-1945/SR',
      employer: 'Centre hospitalier territorial Gaston-Bourret',
      start: 'janvier 2025',
      location: { name: 'Médipôle Koutio', commune: 'Dumbéa' },
      residence: { requirements: [{ years: 10 }] },
    });
    expect(offer?.activities.length).toBeGreaterThan(10);
    expect(offer?.conditions?.[0]).toMatch(/^Travail en horaires de jour et de nuit/);
    expect(offer?.organisation?.relations).toEqual(expect.arrayContaining(['Cadre de santé']));
  });
});
