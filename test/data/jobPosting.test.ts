import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { offerFromJobPosting } from '../../data/offers/jobPosting.js';
import { parseResidence } from '../../data/offers/residence.js';
import { offerByReference, REAL_OFFERS_DIR, sampleOffers } from '../helpers/offers.js';

const postingDir = path.join(REAL_OFFERS_DIR, 'jobposting');
const files = readdirSync(postingDir).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(path.join(postingDir, file), 'utf8')) as Record<string, unknown>;

describe('JobPosting conversion', () => {
  it('covers every real JobPosting file', () => {
    expect(files.length).toBe(19);
  });

  it.each(files)('%s is shipped exactly as the converter reads it', (file) => {
    const converted = offerFromJobPosting(read(file), `jobposting/${file}`);
    expect(sampleOffers().find((o) => o.reference === converted.reference)).toEqual(converted);
  });

  it.each(files)('%s keeps every field the posting has', (file) => {
    const posting = read(file);
    const offer = offerFromJobPosting(posting);
    const has = (key: string) => posting[key] !== null && posting[key] !== undefined;
    expect(offer.reference).toBe(posting.identifier);
    expect(offer.title).toBe(posting.title ?? posting.name);
    expect(offer.activities).toEqual(posting.responsibilities ?? []);
    if (has('skills')) expect(offer.skills).toEqual(posting.skills);
    if (has('qualifications')) expect(offer.conditions).toContain(posting.qualifications);
    if (has('jobBenefits')) expect(offer.benefits).toBe(posting.jobBenefits);
    if (has('workHours')) expect(offer.workingHours).toBe(posting.workHours);
    if (has('experienceRequirements')) expect(offer.experience).toBe(posting.experienceRequirements);
    if (has('totalJobOpenings')) expect(offer.openings).toBe(posting.totalJobOpenings);
    if (has('alternateName')) expect(offer.alternateTitle).toBe(posting.alternateName);
    if (has('employerOverview')) expect(offer.presentation).toBe(posting.employerOverview);
    const contact = posting.applicationContact as { email?: string; telephone?: string };
    expect(offer.applyTo?.email).toBe(contact.email ?? undefined);
    expect(offer.applyTo?.phone).toBe(contact.telephone ?? undefined);
  });

  it('puts the earlier date first when the source swapped them, and says so', () => {
    for (const reference of ['3134-26-0943/SR', '3134-26-0945/SR', '3134-26-0972/SR']) {
      const offer = offerByReference(reference);
      expect(offer.postedOn < offer.deadline).toBe(true);
      expect(offer.corrections).toEqual(['datesSwapped']);
    }
    const posting = read('3134-26-0943_SR.json');
    expect(offerByReference('3134-26-0943/SR')).toMatchObject({ postedOn: posting.validThrough, deadline: posting.datePosted });
  });

  it('reads the residence condition per grade, and leaves it absent when the posting has none', () => {
    expect(offerByReference('3134-26-0975/SR').residence?.requirements).toEqual([
      { grade: 'Ingénieur 1er grade', years: 10 },
      { grade: 'Ingénieur 2ème grade', years: 5 },
    ]);
    expect(offerByReference('3134-26-0712/SR').residence).toBeUndefined();
    expect(offerByReference('3134-26-0438/SR').residence).toBeUndefined();
  });

  it('keeps the workplace commune and the free notes that are not the residence', () => {
    expect(offerByReference('3134-26-0438/SR').location).toEqual({ name: 'Agences de Voh, Koné et Pouembout', commune: 'Koné' });
    expect(offerByReference('3134-26-0975/SR').notes).toEqual([
      { label: 'Fourniture ou mise à disposition de matériels, biens ou services', value: 'Téléphone Mobile de sécurité' },
      { label: "Fiche d'emploi générique RESPNC", value: 'https://drhfpnc.gouv.nc/sites/default/files/atoms/files/12955314.PDF' },
    ]);
  });
});

describe('residence durations', () => {
  it.each([
    ['au moins égale à 5 ans', [{ years: 5 }]],
    [
      'Ingénieur 1er grade : au moins égale à 10 ans ; Ingénieur 2ème grade : au moins égale à 5 ans',
      [
        { grade: 'Ingénieur 1er grade', years: 10 },
        { grade: 'Ingénieur 2ème grade', years: 5 },
      ],
    ],
    ['/', []],
    ['', []],
    ['Néant', []],
    ['au moins égale à 2,5 ans', [{ years: 2.5 }]],
  ])('%j', (input, expected) => {
    expect(parseResidence(input)).toEqual(expected);
  });
});
