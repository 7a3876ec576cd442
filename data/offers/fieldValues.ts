import type { Place } from './offer.js';

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

/** "Lieu de travail : Nouméa" is a commune; "Immeuble COPERNIC - 59 Rue …" an address. */
export function placeFromText(value: string | undefined): Place | undefined {
  const text = present(value);
  if (!text) return undefined;
  return /\d|\b(rue|immeuble|avenue|route|bp)\b/i.test(text) ? { address: text } : { commune: text };
}
