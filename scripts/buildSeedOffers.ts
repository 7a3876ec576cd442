/**
 * Rebuilds data/offers.json, the offers the bot ships with, from the real postings in
 * test/fixtures/real-offers (copied from ../shared/offers by scripts/copy-real-offers.sh): the two
 * text postings (read by data/offers/postingText.ts) and the schema.org JobPosting files (converted
 * by data/offers/jobPosting.ts).
 *   node dist/scripts/buildSeedOffers.js [REAL_OFFERS_DIR] [OUT_FILE]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { offerFromJobPosting } from '../data/offers/jobPosting.js';
import { offerFromPostingText } from '../data/offers/postingText.js';
import { JsonFileOfferStore } from '../data/offers/offerStore.js';
import { validateOffers, formatProblems } from '../data/offers/offerValidation.js';

const realDir = process.argv[2] ?? path.resolve('test/fixtures/real-offers');
const outFile = process.argv[3] ?? path.resolve('data/offers.json');

const textDir = path.join(realDir, 'postings');
const texts = (await readdir(textDir)).filter((f) => f.endsWith('.txt')).sort().reverse();
const fromText = await Promise.all(
  texts.map(async (file) => offerFromPostingText(await readFile(path.join(textDir, file), 'utf8'), `postings/${file}`)),
);
const postingDir = path.join(realDir, 'jobposting');
const files = (await readdir(postingDir)).filter((f) => f.endsWith('.json')).sort();
const converted = await Promise.all(
  files.map(async (file) =>
    offerFromJobPosting(JSON.parse(await readFile(path.join(postingDir, file), 'utf8')), `jobposting/${file}`),
  ),
);
const result = validateOffers({ offers: [...fromText, ...converted] });
if (!result.ok) {
  console.error(formatProblems(result.problems));
  process.exit(1);
}
await new JsonFileOfferStore(outFile).save(result.offers);
console.log(`${result.offers.length} offers written to ${outFile}`);
