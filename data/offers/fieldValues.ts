import type { Place } from './offer.js';
import { communeOf } from './communes.js';
import { foldAccents } from '../search/normalize.js';

/**
 * Small rules every reader of postings applies the same way (JobPosting, posting text, open-data
 * CSV), so that one source never says "absent" where another says "".
 */

/** A value with its spaces trimmed, or undefined when there is nothing left. */
export function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The object without its absent fields (undefined or an empty string). Lists stay, even empty. */
export function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * A workplace as postings write it, filed under its commune: "Nouméa" and "NOUMEA" are the commune;
 * "Médipôle Koutio" is a place in Dumbéa; "Immeuble COPERNIC - 59 Rue …" an address (of its commune
 * when it names one). A place the list does not know keeps its name, with no commune guessed.
 */
export function placeFromText(value: string | undefined): Place | undefined {
  const text = present(value);
  if (!text) return undefined;
  const commune = communeOf(text);
  const isAddress = /\d|\b(rue|immeuble|avenue|route|bp|boulevard|bd)\b/i.test(text);
  const isCommune = commune !== undefined && foldAccents(text).replace(/[^a-z]+/g, '') === foldAccents(commune).replace(/[^a-z]+/g, '');
  if (isCommune) return { commune };
  if (isAddress) return { address: text, ...(commune ? { commune } : {}) };
  return commune ? { name: text, commune } : { name: text };
}

/** "ingénieur 2ème grade" → "Ingénieur 2ème grade": a field's value as a heading, the rest as written. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
