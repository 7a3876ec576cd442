import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Offer } from '../../data/offers/offer.js';
import { checkOffers, validateOffers } from '../../data/offers/offerValidation.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The 21 offers of one employer the conversation tests are written against (npm run offers:seed rebuilds it). */
export const SAMPLE_OFFERS_FILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'sample-offers.json');
/** The real catalogue the bot ships with. */
export const SHIPPED_OFFERS_FILE = path.join(PROJECT_ROOT, 'data', 'offers.json');
/** The real postings, copied into the project by scripts/copy-real-offers.sh (npm run fixtures:copy). */
export const REAL_OFFERS_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'real-offers');

/** The sample offers, validated as the bot validates them. */
export function sampleOffers(): Offer[] {
  const result = validateOffers(JSON.parse(readFileSync(SAMPLE_OFFERS_FILE, 'utf8')));
  if (!result.ok) throw new Error(`sample-offers.json is invalid: ${JSON.stringify(result.problems)}`);
  return result.offers;
}

/** The real catalogue the bot ships with (data/offers.json), the offers it serves. */
export function shippedOffers(): Offer[] {
  return checkOffers(JSON.parse(readFileSync(SHIPPED_OFFERS_FILE, 'utf8'))).offers;
}

export function offerByReference(reference: string): Offer {
  const offer = sampleOffers().find((o) => o.reference === reference);
  if (!offer) throw new Error(`no offer ${reference}`);
  return offer;
}

/** 12:00 on a day in Nouméa (UTC+11, no daylight saving). */
export function noumeaNoon(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00+11:00`);
}
