import type { ResidenceRequirement } from './offer.js';

/**
 * Reads the residence condition as postings write it:
 *   "au moins égale à 5 ans"
 *   "Ingénieur 1er grade : au moins égale à 10 ans ; Ingénieur 2ème grade : au moins égale à 5 ans"
 * Returns no requirement for "/", "néant" or a blank: the posting states no condition.
 */
export function parseResidence(text: string): ResidenceRequirement[] {
  const trimmed = text.trim();
  if (trimmed === '' || /^[/\-–]+$/.test(trimmed) || /^(n[ée]ant|aucune?|sans objet)$/i.test(trimmed)) return [];
  const requirements: ResidenceRequirement[] = [];
  for (const part of trimmed.split(/\s*;\s*/)) {
    const years = /(\d+(?:[.,]\d+)?)\s*ans?\b/i.exec(part);
    if (!years?.[1]) continue;
    const colon = part.indexOf(':');
    const grade = colon > 0 ? part.slice(0, colon).trim() : undefined;
    const value = Number(years[1].replace(',', '.'));
    requirements.push(grade ? { grade, years: value } : { years: value });
  }
  return requirements;
}
