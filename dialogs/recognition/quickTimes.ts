/**
 * The durations and dates people write most ("3 jours avant", "cinq ans", "5 ans et demi", "depuis
 * 2019", "la veille", "two days before"), read by a few regular expressions in microseconds.
 * Recognizers-Text reads everything else, but takes 10–300 ms a sentence: it is asked only when
 * this finds nothing (see entities.ts).
 */
import { foldAccents } from '../../data/search/normalize.js';

export interface QuickTime {
  kind: 'duration' | 'date';
  /** Characters of the original text. */
  start: number;
  length: number;
  /** ISO 8601 / TIMEX: "P3D", "P5.5Y", "2019". */
  timex: string;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};

const UNITS: Record<string, 'D' | 'W' | 'M' | 'Y'> = {
  jour: 'D', jours: 'D', day: 'D', days: 'D',
  semaine: 'W', semaines: 'W', week: 'W', weeks: 'W',
  mois: 'M', month: 'M', months: 'M',
  an: 'Y', ans: 'Y', annee: 'Y', annees: 'Y', year: 'Y', years: 'Y',
};

const NUMBER = `(\\d+(?:[.,]\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = `(${Object.keys(UNITS).join('|')})`;
const DURATION = new RegExp(`\\b(?:(?:depuis|since|for|pendant|durant)\\s+)?${NUMBER}\\s+${UNIT}\\b(\\s+(?:et\\s+demie?|and\\s+a\\s+half))?`, 'g');
const DAY_BEFORE = /\b(la veille|the day before)\b/g;
const SINCE_YEAR = /\b(?:depuis|since|en|in)\s+((?:19|20)\d{2})\b/g;

/** The folded text, when folding kept every offset (it does for the letters French uses). */
function fold(text: string): string | undefined {
  const folded = foldAccents(text);
  return folded.length === text.length ? folded : undefined;
}

export function quickTimes(text: string): QuickTime[] {
  const folded = fold(text);
  if (folded === undefined) return [];
  const found: QuickTime[] = [];
  for (const match of folded.matchAll(DURATION)) {
    const [whole, amount = '', unit = '', half] = match;
    const value = /^\d/.test(amount) ? Number(amount.replace(',', '.')) : NUMBER_WORDS[amount];
    const code = UNITS[unit];
    if (value === undefined || code === undefined) continue;
    found.push({ kind: 'duration', start: match.index, length: whole.length, timex: `P${half ? value + 0.5 : value}${code}` });
  }
  for (const match of folded.matchAll(DAY_BEFORE)) {
    found.push({ kind: 'duration', start: match.index, length: match[0].length, timex: 'P1D' });
  }
  for (const match of folded.matchAll(SINCE_YEAR)) {
    found.push({ kind: 'date', start: match.index, length: match[0].length, timex: match[1] as string });
  }
  return found.sort((a, b) => a.start - b.start);
}
