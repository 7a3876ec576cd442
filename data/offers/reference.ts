/**
 * Offer references, of every employer that publishes through the DRHFPNC, in one place: parsed,
 * formatted, found in text and matched against what people type.
 *
 * - "3134-25-0966/SR": provinces, hospitals, OPT, communes, agencies, the university (an employer
 *   code, the year, a number of 3 to 5 digits, a suffix);
 * - "24-54956/MPRH", "25-1234/GNC": the Nouvelle-Calédonie government (year, number, service).
 *
 * People and feeds also use short forms: "25-0979" (the open data's "numero"), "0979", "979",
 * "54956", "offre 966". A short form is a way to find an offer, never a reference itself.
 */
export interface Reference {
  /** "3134" for the SR scheme; absent for the government's references. */
  code?: string;
  /** Two digits: "25". */
  year: string;
  /** As written, leading zeros kept: "0966". */
  number: string;
  /** "SR", "MPRH", "GNC". */
  suffix: string;
}

/** A reference as the offer record keeps it: the canonical written form. */
export const REFERENCE_PATTERN = /^(?:\d{4}-\d{2}-\d{3,5}\/[A-Z]{1,5}|\d{2}-\d{3,6}\/[A-Z]{2,5})$/;

/**
 * A reference written in free text: "N°3134-24-1930/SR", "3134-24-1930 / SR", "24-54956/MPRH",
 * "25 - 1234 / GNC". The suffix is required here, or "25-0979" (a short form) would count.
 */
const IN_TEXT = /(?<![\d-])(?:(\d{4})\s*-\s*)?(\d{2})\s*-\s*(\d{3,6})\s*\/\s*([A-Za-z]{2,5})(?![A-Za-z])/g;
/** The SR scheme's reference without its suffix ("3134-25-0966"): unambiguous, the suffix is SR. */
const SR_WITHOUT_SUFFIX = /(?<![\d-])(\d{4})-(\d{2})-(\d{3,5})(?![\d-]|\s*\/)/g;

export function formatReference(reference: Reference): string {
  const head = reference.code ? `${reference.code}-${reference.year}` : reference.year;
  return `${head}-${reference.number}/${reference.suffix}`;
}

function fromMatch(code: string | undefined, year: string, number: string, suffix: string): Reference | undefined {
  const upper = suffix.toUpperCase();
  // Government references have no employer code; SR references always have one.
  if (!code && upper === 'SR') return undefined;
  if (code && number.length > 5) return undefined;
  if (!code && number.length < 4) return undefined;
  return { ...(code ? { code } : {}), year, number, suffix: upper };
}

/** The reference a text holds exactly (spaces, case and "N°" tolerated), or undefined. */
export function parseReference(text: string): Reference | undefined {
  const trimmed = text.trim().replace(/^(?:n[°o]\.?|no\.?|#)\s*/i, '');
  for (const match of trimmed.matchAll(IN_TEXT)) {
    if (match.index !== 0 || match[0].length !== trimmed.length) break;
    return fromMatch(match[1], match[2] as string, match[3] as string, match[4] as string);
  }
  const sr = /^(\d{4})-(\d{2})-(\d{3,5})$/.exec(trimmed);
  return sr ? { code: sr[1] as string, year: sr[2] as string, number: sr[3] as string, suffix: 'SR' } : undefined;
}

/** "3134-25-0966/SR" in canonical form, or undefined when the text is not one reference. */
export function canonicalReference(text: string): string | undefined {
  const reference = parseReference(text);
  return reference ? formatReference(reference) : undefined;
}

export interface ReferenceMention {
  reference: string;
  start: number;
  end: number;
}

/** Every full reference written in a text, with where it stands (for readers, entities and masking). */
export function referencesInText(text: string): ReferenceMention[] {
  const found: ReferenceMention[] = [];
  for (const match of text.matchAll(IN_TEXT)) {
    const reference = fromMatch(match[1], match[2] as string, match[3] as string, match[4] as string);
    if (reference) found.push({ reference: formatReference(reference), start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(SR_WITHOUT_SUFFIX)) {
    const at = match.index;
    if (found.some((f) => at >= f.start && at < f.end)) continue;
    const reference = { code: match[1] as string, year: match[2] as string, number: match[3] as string, suffix: 'SR' };
    found.push({ reference: formatReference(reference), start: at, end: at + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * What someone typed to name an offer, read as a look-up: a full reference, a year and a number
 * ("25-0979"), or a number alone ("0979", "54956", "offre 966").
 */
export type ReferenceQuery =
  | { kind: 'full'; reference: string }
  | { kind: 'yearNumber'; year: string; number: number }
  | { kind: 'number'; number: number };

export function referenceQuery(text: string): ReferenceQuery | undefined {
  const full = canonicalReference(text);
  if (full) return { kind: 'full', reference: full };
  const compact = text.trim().replace(/^(?:n[°o]\.?|no\.?|#|offres?|offers?|r[ée]f(?:[ée]rence)?\.?)\s*/i, '').replace(/\s+/g, '');
  const yearNumber = /^(?:\d{4}-)?(\d{2})-(\d{3,6})(?:\/[A-Za-z]{2,5})?$/.exec(compact);
  if (yearNumber) return { kind: 'yearNumber', year: yearNumber[1] as string, number: Number(yearNumber[2]) };
  const number = /^(\d{3,6})(?:\/[A-Za-z]{2,5})?$/.exec(compact);
  return number ? { kind: 'number', number: Number(number[1]) } : undefined;
}

/** Whether an offer's reference answers a look-up. */
export function referenceAnswers(reference: string, query: ReferenceQuery): boolean {
  if (query.kind === 'full') return reference === query.reference;
  const parsed = parseReference(reference);
  if (!parsed || Number(parsed.number) !== query.number) return false;
  return query.kind === 'number' || parsed.year === query.year;
}

/** The number of a reference, as people say it: "3134-25-0966/SR" → "0966"; "24-54956/MPRH" → "54956". */
export function referenceNumber(reference: string): string | undefined {
  return parseReference(reference)?.number;
}

/** The words a search index files an offer under besides its reference: "0966", "966", "25-0966". */
export function referenceWords(reference: string): string[] {
  const parsed = parseReference(reference);
  if (!parsed) return [];
  const bare = String(Number(parsed.number));
  return [...new Set([parsed.number, bare, bare.padStart(4, '0'), `${parsed.year}-${parsed.number}`])];
}

/** The reference as one path segment of an address: "/" becomes "-" ("3134-25-0966-SR", "24-54956-MPRH"). */
export function referenceSegment(reference: string): string {
  return reference.replace('/', '-');
}

/** The reference of a path segment ("3134-25-0966-SR" → "3134-25-0966/SR"), or undefined. */
export function referenceOfSegment(segment: string): string | undefined {
  const match = /^(.+)-([A-Za-z]{2,5})$/.exec(segment);
  return match ? canonicalReference(`${match[1]}/${match[2]}`) : undefined;
}

/**
 * The open data's short "numero" ("25-0979") for an SR reference: the employer code is the one the
 * DRHFPNC uses for all of them. A full reference in the feed is kept as it is.
 */
export const SR_EMPLOYER_CODE = '3134';

export function referenceFromOpenData(numero: string): string | undefined {
  const full = canonicalReference(numero);
  if (full) return full;
  const short = /^\s*(\d{2})-(\d{3,5})\s*$/.exec(numero);
  return short ? formatReference({ code: SR_EMPLOYER_CODE, year: short[1] as string, number: short[2] as string, suffix: 'SR' }) : undefined;
}
