import type { Residence, ResidenceRequirement } from './offer.js';

/**
 * The residence condition as postings state it, kept as they say it:
 *   "au moins égale à 5 ans"                                   → at least 5 years
 *   "inférieure à 3 ans"                                        → a requirement under 3 years, its value not stated
 *   "Ingénieur 1er grade : au moins égale à 10 ans ; Ingénieur 2ème grade : au moins égale à 5 ans"
 *   "- Pharmacien : au moins égale à 10 ans. ; - Médecin : inférieure à 3 ans."
 *   "pour le recrutement direct d'un adjoint administratif : au moins égale à 10 ans"  → that route
 *   "/", "néant"                                                → the posting says there is none
 * A blank says nothing: no residence record at all (the posting, not the record, is then the source).
 */
const STANDARD_ROUTE = /^\s*pour (?:le|la) (?:recrutement|nomination) sur titre\s*(?:\(\d\))?\s*:?\s*/i;
const OTHER_ROUTE = /^\s*pour (?:le|la) (recrutement direct d[’']une? [^:(]+?|recrutement [^:(]+?)\s*(?:\(\d\))?\s*:\s*/i;
const NONE = /^(?:[/\-–]+|n[ée]ant|aucune?|sans objet|non concern[ée]e?)\.?$/i;

export function readResidence(stated: string | undefined): Residence | undefined {
  if (stated === undefined) return undefined;
  let text = stated.replace(/\s+/g, ' ').replace(/\s*(?:\(\d\)|⁽¹⁾|¹)\s*/g, ' ').replace(/^\s*:\s*/, '').trim();
  text = text.replace(STANDARD_ROUTE, '').replace(/^\s*:\s*/, '').trim();
  if (text === '' || text === ':') return undefined;
  if (NONE.test(text)) return { text, requirements: [] };
  // "PROVINCE SUD au moins égale à 5 ans": another column's banner before the statement.
  const start = /^[A-ZÀ-Ý' -]{3,}\s+(?=au moins|inf[ée]rieure|sup[ée]rieure)/.exec(text);
  if (start) text = text.slice(start[0].length);
  return { text, requirements: parseResidence(text) };
}

/** The durations a residence statement sets, grade by grade. "/" and blanks set none. */
const NUMBER_WORDS: Record<string, number> = { un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, quinze: 15, vingt: 20 };

/** "dix ans" → "10 ans". */
function spelledYears(text: string): string {
  return text.replace(/\b(un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt)\s+ans?\b/gi, (whole, word: string) => `${NUMBER_WORDS[word.toLowerCase()] ?? word} ans`);
}

export function parseResidence(text: string): ResidenceRequirement[] {
  const trimmed = text.trim();
  if (trimmed === '' || NONE.test(trimmed)) return [];
  const requirements: ResidenceRequirement[] = [];
  // "… 10 ans pour un ingénieur 1er grade ou au moins égale à 5 ans pour un ingénieur 2ème grade": two requirements.
  for (const raw of trimmed.split(/\s*;\s*|\s+ou\s+(?=au moins|inf[ée]rieure)/i)) {
    let part = spelledYears(raw.replace(/^[-–•\s]+/, '').replace(/\.$/, ''));
    const route = OTHER_ROUTE.exec(part)?.[1];
    if (route) part = part.slice((OTHER_ROUTE.exec(part) as RegExpExecArray)[0].length);
    const years = /(\d+(?:[.,]\d+)?)\s*ans?\b/i.exec(part);
    if (!years?.[1]) continue;
    const colon = part.indexOf(':');
    // The grade comes first ("Pharmacien : …") or after the duration ("… 5 ans pour ingénieur 2ème grade").
    const after = /\bans?\b[^;]*?\bpour (?:les |un |une |l[’'])?((?!le recrutement)[^;]+)$/i.exec(part.slice(years.index))?.[1]?.trim();
    const grade = colon > 0 && colon < years.index ? part.slice(0, colon).trim() : after;
    const requirement: ResidenceRequirement = { ...(grade ? { grade } : {}), years: Number(years[1].replace(',', '.')) };
    if (/\b(?:inf[ée]rieure?s?|moins de)\b/i.test(part.slice(0, years.index)) && !/au moins/i.test(part)) requirement.comparison = 'lessThan';
    if (route) requirement.route = route.trim();
    requirements.push(requirement);
  }
  return requirements;
}
