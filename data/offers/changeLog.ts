import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfferChanges } from './offerChanges.js';

/** One published change of the offers file, as the change log next to it keeps it (JSON Lines). */
export interface ChangeLogEntry extends OfferChanges {
  at: string;
  command: string;
  closed: string[];
}

/** "data/offers.json" → "data/offers.history.jsonl". */
export function changeLogFile(offersFile: string): string {
  return path.join(path.dirname(offersFile), `${path.basename(offersFile, '.json')}.history.jsonl`);
}

export async function appendChange(offersFile: string, entry: ChangeLogEntry): Promise<void> {
  await appendFile(changeLogFile(offersFile), `${JSON.stringify(entry)}\n`, 'utf8');
}

/** The change log's JSON lines as entries (the file's or the blob's). */
export function changesOf(text: string): ChangeLogEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ChangeLogEntry);
}

export async function readChanges(offersFile: string): Promise<ChangeLogEntry[]> {
  try {
    return changesOf(await readFile(changeLogFile(offersFile), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
