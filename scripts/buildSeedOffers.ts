/**
 * Rebuilds the offers the bot ships with from the real postings of test/fixtures/real-offers
 * (copied from ../shared/offers by scripts/copy-real-offers.sh), read by the importers HR uses:
 * - `data/offers.json`: the real catalogue: every posting of avp-text/ (text taken out of the PDFs of
 *   every employer), the two original postings and the schema.org JobPosting files;
 * - `--sample`: `test/fixtures/sample-offers.json`, the 21 offers of one employer the conversation
 *   tests are written against (the two postings and the JobPosting files).
 * A posting the readers cannot read is left out and named; an offer with impossible data (a deadline
 * before its posting date) is kept in the file, where the bot sets it aside until HR corrects it.
 *   node dist/scripts/buildSeedOffers.js [--sample] [REAL_OFFERS_DIR] [OUT_FILE]
 */
import path from 'node:path';
import { importPaths } from '../cli/importCommand.js';
import { JsonFileOfferStore } from '../data/offers/offerStore.js';
import type { Offer } from '../data/offers/offer.js';

const args = process.argv.slice(2);
const sample = args.includes('--sample');
const [realDir = path.resolve('test/fixtures/real-offers'), outFile = path.resolve(sample ? 'test/fixtures/sample-offers.json' : 'data/offers.json')] = args.filter((a) => a !== '--sample');

const sources = sample ? ['postings', 'jobposting'] : ['avp-text', 'postings', 'jobposting'];
const result = await importPaths(sources.map((s) => path.join(realDir, s)));
for (const { file, error } of result.failures) console.warn(`left out: ${path.relative(realDir, file)}: ${error.reason} ${error.detail}`);

// The same reference read twice (a posting republished, a text and its JobPosting): the latest posting wins.
const byReference = new Map<string, Offer>();
const all = [...result.valid, ...result.warned.map((w) => w.imported.offer)];
for (const offer of all) {
  const known = byReference.get(offer.reference);
  if (!known || offer.postedOn >= known.postedOn) byReference.set(offer.reference, offer);
}
const valid = new Set(result.valid);
const offers = [...byReference.values()].sort((a, b) => a.reference.localeCompare(b.reference));
await new JsonFileOfferStore(outFile).save(offers.filter((o) => valid.has(o)), offers.filter((o) => !valid.has(o)));
console.log(`${offers.length} offers written to ${outFile} (${offers.filter((o) => !valid.has(o)).length} set aside until corrected; ${result.failures.length} postings left out)`);
