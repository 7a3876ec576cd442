import { foldAccents } from '../search/normalize.js';

/**
 * Diploma levels as postings and people write them, on one scale of years after the baccalauréat:
 * "Bac+3", "licence", "BTS", "master", "CAP". -1 is below the bac (CAP, BEP), -2 no diploma.
 */
export interface EducationLevel {
  /** Years after the bac: 0 bac, 2 BTS/DUT, 3 licence, 5 master, 8 doctorat. */
  level: number;
  /** How to say it: "Bac+3". */
  label: string;
}

const NAMED: Array<[RegExp, number]> = [
  [/\b(aucun|aucune|pas de diplome|sans diplome|none|no (diploma|degree|qualification))\b/, -2],
  [/\b(cap|bep|brevet)\b/, -1],
  [/\b(doctorat|doctorate|phd|these)\b/, 8],
  [/\b(master|maitrise|mba|ingenieur|engineering degree|dea|dess|masters)\b/, 5],
  [/\b(licence|bachelor'?s?|but|lp|licence pro(fessionnelle)?)\b/, 3],
  [/\b(bts|dut|deug|deust|associate'?s?( degree)?)\b/, 2],
  [/\b(bac|baccalaureat|high school|a levels?)\b/, 0],
];

export function labelOf(level: number): string {
  if (level <= -2) return '—';
  if (level === -1) return 'CAP/BEP';
  return level === 0 ? 'Bac' : `Bac+${level}`;
}

/** The level a text states, or undefined ("Non spécifié", "selon le statut"). */
export function parseEducation(text: string): EducationLevel | undefined {
  const folded = foldAccents(text);
  const plus = /\bbac\s*\+\s*(\d)\b/.exec(folded);
  if (plus) {
    const level = Number(plus[1]);
    return { level, label: labelOf(level) };
  }
  for (const [pattern, level] of NAMED) if (pattern.test(folded)) return { level, label: labelOf(level) };
  return undefined;
}
