import { offerSchema, offersFileSchema, type Offer } from './offer.js';

/** What kind of problem, for messages in HR's language; `message` keeps the validator's own words. */
export type ProblemCode =
  | 'missing'
  | 'empty'
  | 'invalidDate'
  | 'invalidEmail'
  | 'invalidUrl'
  | 'badReference'
  | 'outOfRange'
  | 'unknownField'
  | 'deadlineBeforePosting'
  | 'duplicateReference'
  | 'notOffersFile'
  | 'invalid';

/** One thing wrong with the offers file, said so that HR can find it: which offer, which field. */
export interface OfferProblem {
  /** The offer's reference when it has a readable one, else its position ("#3"). */
  offer: string;
  field: string;
  code: ProblemCode;
  message: string;
}

interface Issue {
  code: string;
  format?: string;
  path: PropertyKey[];
  keys?: string[];
  message: string;
}

function codeOf(issue: Issue, field: string): ProblemCode {
  switch (issue.code) {
    case 'invalid_type':
      return 'missing';
    case 'too_small':
      return 'empty';
    case 'too_big':
      return 'outOfRange';
    case 'unrecognized_keys':
      return 'unknownField';
    case 'custom':
      return field === 'deadline' ? 'deadlineBeforePosting' : 'invalid';
    case 'invalid_format':
      if (issue.format === 'date') return 'invalidDate';
      if (issue.format === 'email') return 'invalidEmail';
      if (issue.format === 'url') return 'invalidUrl';
      return field === 'reference' ? 'badReference' : 'invalid';
    default:
      return 'invalid';
  }
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
    return { ok: false, problems: [{ offer: '-', field: 'offers', code: 'notOffersFile', message: 'the file must hold {"offers": [...]}' }] };
  }
  const problems: OfferProblem[] = [];
  const offers: Offer[] = [];
  const seen = new Set<string>();
  file.data.offers.forEach((raw, index) => {
    const label = offerLabel(raw, index);
    const parsed = offerSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues as Issue[]) {
        const field = issue.code === 'unrecognized_keys' ? (issue.keys ?? []).join(', ') : issue.path.map(String).join('.') || '-';
        problems.push({ offer: label, field, code: codeOf(issue, field), message: issue.message });
      }
      return;
    }
    if (seen.has(parsed.data.reference)) {
      problems.push({ offer: label, field: 'reference', code: 'duplicateReference', message: 'this reference is used by another offer' });
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
