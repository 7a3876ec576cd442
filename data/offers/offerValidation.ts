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
  | 'emptied'
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

/** An offer of the file that cannot be published as it is: kept in the file for HR to correct, never served. */
export interface SetAsideOffer {
  /** The offer as the file holds it. */
  raw: unknown;
  /** Its reference, or its position in the file ("#3"). */
  offer: string;
  problems: OfferProblem[];
}

/**
 * The offers of a file, each on its own: the valid ones, and those set aside with their problems.
 * One bad offer never takes the others down. `fileProblem`: the file is not an offers file at all
 * (`null`, `0`, `""`, a list, another shape), and nothing in it can be trusted.
 */
export interface OffersCheck {
  offers: Offer[];
  setAside: SetAsideOffer[];
  fileProblem?: OfferProblem;
}

function offerLabel(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'reference' in raw && typeof raw.reference === 'string') {
    return raw.reference;
  }
  return `#${index + 1}`;
}

export function checkOffers(data: unknown): OffersCheck {
  const file = offersFileSchema.safeParse(data);
  if (!file.success) {
    return { offers: [], setAside: [], fileProblem: { offer: '-', field: 'offers', code: 'notOffersFile', message: 'the file must hold {"offers": [...]}' } };
  }
  const offers: Offer[] = [];
  const setAside: SetAsideOffer[] = [];
  const seen = new Set<string>();
  file.data.offers.forEach((raw, index) => {
    const label = offerLabel(raw, index);
    const parsed = offerSchema.safeParse(raw);
    if (!parsed.success) {
      const problems = (parsed.error.issues as Issue[]).map((issue) => {
        const field = issue.code === 'unrecognized_keys' ? (issue.keys ?? []).join(', ') : issue.path.map(String).join('.') || '-';
        return { offer: label, field, code: codeOf(issue, field), message: issue.message };
      });
      setAside.push({ raw, offer: label, problems });
      return;
    }
    if (seen.has(parsed.data.reference)) {
      const problem: OfferProblem = { offer: label, field: 'reference', code: 'duplicateReference', message: 'this reference is used by another offer' };
      setAside.push({ raw, offer: label, problems: [problem] });
      return;
    }
    seen.add(parsed.data.reference);
    offers.push(parsed.data);
  });
  return { offers, setAside };
}

/** Every problem of an offers check, file first. */
export function problemsOf(check: OffersCheck): OfferProblem[] {
  return [...(check.fileProblem ? [check.fileProblem] : []), ...check.setAside.flatMap((s) => s.problems)];
}

/** Checks a parsed offers file (`{ "offers": [...] }`): valid only when every offer is; every problem reported. */
export function validateOffers(data: unknown): OffersValidation {
  const check = checkOffers(data);
  const problems = problemsOf(check);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, offers: check.offers };
}

export function formatProblems(problems: OfferProblem[]): string {
  return problems.map((p) => `offer ${p.offer}, field ${p.field}: ${p.message}`).join('\n');
}
