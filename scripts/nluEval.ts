/**
 * `npm run nlu:eval -- FILE.jsonl`: how well the configured recogniser (embedded, or Azure CLU when
 * CLU_ENDPOINT and CLU_KEY are set) understands labelled
 * utterances (lines {"text": ..., "intent": ..., "language"?: "fr"|"en"}). Prints accuracy,
 * precision and recall per intent, and the most frequent confusions.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../bot/config.js';
import type { Logger } from '../bot/logger.js';
import { createRecognizer } from '../bot/recognizerFactory.js';
import { clockOf } from '../data/clock.js';
import { OfferCatalog } from '../data/offers/offerCatalog.js';
import { JsonFileOfferStore } from '../data/offers/offerStore.js';
import { detectLanguage } from '../dialogs/i18n/language.js';
import { evaluate, type LabelledUtterance } from '../dialogs/recognition/evaluation.js';
import { CatalogueRecognizer } from '../dialogs/recognition/catalogueRecognizer.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run nlu:eval -- FILE.jsonl');
  process.exit(2);
}
const utterances = (await readFile(file, 'utf8'))
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledUtterance);
const config = loadConfig();
const catalog = await OfferCatalog.open(new JsonFileOfferStore(config.offersFile), clockOf(config.clock));
const quiet: Logger = { info: () => undefined, warn: (message, fields) => console.warn(message, fields), error: (message, fields) => console.error(message, fields) };
const { recognizer, name } = await createRecognizer(config, catalog, quiet);
// As the bot reads messages: the model, then bare words against the catalogue.
const result = await evaluate(new CatalogueRecognizer(recognizer, () => catalog.current(), clockOf(config.clock)), utterances, (text) => detectLanguage(text) ?? 'fr');

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`recogniser: ${name}`);
console.log(`accuracy: ${pct(result.accuracy)} on ${result.total} utterances\n`);
console.log('| intent | precision | recall | support |\n|---|---|---|---|');
for (const i of result.perIntent) console.log(`| ${i.intent} | ${pct(i.precision)} | ${pct(i.recall)} | ${i.support} |`);
console.log('\nconfusions (expected → predicted):');
for (const c of result.confusions) console.log(`  ${c.expected} → ${c.predicted}: ${c.count}  e.g. ${c.examples.map((e) => JSON.stringify(e)).join(', ')}`);
