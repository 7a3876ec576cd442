/**
 * Reads every posting text of a folder (default: test/fixtures/real-offers/avp-text) and compares
 * what the reader finds with the facts as published (avp-text-labels.json beside the folder):
 * reference, posting date, deadline, original deadline. Prints the misses and the share read right.
 *   node dist/scripts/postingsReport.js [FOLDER]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareWithLabels, type PostingLabel } from '../data/offers/labelledPostings.js';
import { offerFromPostingText } from '../data/offers/postingText.js';

const folder = path.resolve(process.argv[2] ?? 'test/fixtures/real-offers/avp-text');
const labels = JSON.parse(await readFile(path.join(folder, '..', 'avp-text-labels.json'), 'utf8')) as PostingLabel[];
const texts = new Map<string, string>();
for (const file of await readdir(folder)) texts.set(file, await readFile(path.join(folder, file), 'utf8'));
const started = performance.now();
const report = compareWithLabels(labels, (file) => {
  const text = texts.get(file);
  return text === undefined ? undefined : offerFromPostingText(text, file);
});
const ms = performance.now() - started;
for (const miss of report.misses) console.log(`${miss.file}  ${miss.field}: expected ${miss.expected ?? '(none)'}, read ${miss.read ?? '(none)'}${miss.error ? `  [${miss.error}]` : ''}`);
console.log(`\n${report.right} of ${report.checked} labelled facts read right (${((100 * report.right) / report.checked).toFixed(1)}%); ${report.unreadable} files unreadable; ${ms.toFixed(0)} ms`);
