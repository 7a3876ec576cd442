import { foldAccents } from '../search/normalize.js';

/** "Vendredi 18 juillet 2025", "1er juillet 2025", "27/06/2025" → "2025-07-18"; undefined if not a real date. */
const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function parseFrenchDate(text: string): string | undefined {
  const folded = foldAccents(text);
  const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(folded);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const written = /\b(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})\b/.exec(folded);
  const month = written ? MONTHS[written[2] as string] : undefined;
  if (written && month) return iso(Number(written[3]), month, Number(written[1]));
  return undefined;
}
