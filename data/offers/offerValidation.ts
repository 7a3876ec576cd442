import { offerSchema, offersFileSchema, type Offer } from './offer.js';

/** One thing wrong with the offers file, said so that HR can find it: which offer, which field. */
export interface OfferProblem {
  /** The offer's reference when it has a readable one, else its position ("#3"). */
  offer: string;
  field: string;
  message: string;
}

export type OffersValidation =
  | { ok: true; offers: Offer[] }
  | { ok: false; problems: OfferProblem[] };

function offerLabel(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'reference' in raw && typeof raw.reference === 'string') {
    return raw.reference;
  }
  return `#${index + 1}`;
}

/** Checks a parsed offers file (`{ "offers": [...] }`) and reports every problem, not just the first. */
export function validateOffers(data: unknown): OffersValidation {
  const file = offersFileSchema.safeParse(data);
  if (!file.success) {
    return { ok: false, problems: [{ offer: '-', field: 'offers', message: 'the file must hold {"offers": [...]}' }] };
  }
  const problems: OfferProblem[] = [];
  const offers: Offer[] = [];
  const seen = new Set<string>();
  file.data.offers.forEach((raw, index) => {
    const label = offerLabel(raw, index);
    const parsed = offerSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ offer: label, field: issue.path.join('.') || '-', message: issue.message });
      }
      return;
    }
    if (seen.has(parsed.data.reference)) {
      problems.push({ offer: label, field: 'reference', message: 'this reference is used by another offer' });
      return;
    }
    seen.add(parsed.data.reference);
    offers.push(parsed.data);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, offers };
}

export function formatProblems(problems: OfferProblem[]): string {
  return problems.map((p) => `offer ${p.offer}, field ${p.field}: ${p.message}`).join('\n');
}
