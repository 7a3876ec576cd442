/**
 * `npm run nlu:lists`: the language model's list entities and its search examples drawn from the
 * real catalogue (data/offers.json), so that Azure CLU knows the employers, communes, domains and
 * grades the offers use (with the employers' and communes' other names), and sentences about the
 * trades the catalogue holds. Entries already in the file keep their synonyms (the English ones are
 * written by hand); the bare words of the held-out sets are never added as examples.
 *   node dist/scripts/languageModelLists.js
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../data/clock.js';
import { OfferCatalog } from '../data/offers/offerCatalog.js';
import { checkOffers } from '../data/offers/offerValidation.js';
import { FACET_KINDS, facetKey, otherNames, type FacetKind } from '../data/search/facets.js';
import { domainsNamed } from '../data/offers/corpsGrades.js';

interface Synonyms {
  language: string;
  values: string[];
}
interface Sublist {
  listKey: string;
  synonyms: Synonyms[];
}
interface Utterance {
  text: string;
  intent: string;
  language: string;
  dataset?: string;
  entities: Array<{ category: string; offset: number; length: number }>;
}
interface Project {
  assets: { entities: Array<{ category: string; list?: { sublists: Sublist[] } }>; utterances: Utterance[] };
}

const MODEL = path.resolve('deployment/clu/job-assistant.json');
const project = JSON.parse(await readFile(MODEL, 'utf8')) as Project;
const offers = checkOffers(JSON.parse(await readFile(path.resolve('data/offers.json'), 'utf8'))).offers;
const snapshot = OfferCatalog.of(offers, systemClock).current();
const heldOut = new Set(
  (await Promise.all(['test/fixtures/nlu-heldout.jsonl', 'test/fixtures/nlu-heldout-bare.jsonl'].map((f) => readFile(path.resolve(f), 'utf8'))))
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text.toLowerCase()),
);

/** The facet values of the catalogue, a sublist each, the file's own synonyms kept. */
for (const entity of project.assets.entities) {
  if (!entity.list || !(FACET_KINDS as readonly string[]).includes(entity.category)) continue;
  const kind = entity.category as FacetKind;
  const kept = new Map(entity.list.sublists.map((s) => [facetKey(s.listKey), s]));
  const sublists: Sublist[] = [];
  for (const value of snapshot.facets.filter((f) => f.kind === kind)) {
    const others = otherNames(kind, value.label);
    const existing = kept.get(value.key);
    const french = new Set([value.label, ...others, ...(existing?.synonyms.find((s) => s.language === 'fr')?.values ?? [])]);
    const synonyms: Synonyms[] = [{ language: 'fr', values: [...french] }, ...(existing?.synonyms.filter((s) => s.language !== 'fr') ?? [])];
    sublists.push({ listKey: value.label, synonyms });
    kept.delete(value.key);
  }
  // Entries the file had that the catalogue no longer uses stay: people still say them. Not a domain the
  // postings' reader now reads otherwise ("Domaine informatique", "Statistiques Direction du budget…"): the
  // reader's mistake of an earlier day, which nobody says.
  const stale = [...kept.values()].filter((s) => kind !== 'domain' || domainsNamed(s.listKey).join('|') === s.listKey);
  entity.list.sublists = [...sublists, ...stale];
}

/** Sentences about the trades the catalogue holds most: "je cherche un poste de …", "des offres de … ?". */
const trades = offers
  .map((o) => o.title.replace(/^\d+\s+/, '').split(/[–(,/]| - /)[0]?.trim() ?? '')
  .filter((t) => t.length > 4 && t.length < 40 && t !== t.toUpperCase());
const frequent = [...new Set(trades)].slice(0, 60);
const known = new Set(project.assets.utterances.map((u) => u.text.toLowerCase()));
let added = 0;
for (const [index, title] of frequent.entries()) {
  const text = index % 2 === 0 ? `je cherche un poste de ${title.toLowerCase()}` : `des offres pour ${title.toLowerCase()} ?`;
  if (known.has(text.toLowerCase()) || heldOut.has(text.toLowerCase())) continue;
  project.assets.utterances.push({ text, intent: 'SearchOffers', language: 'fr', dataset: 'Train', entities: [] });
  known.add(text.toLowerCase());
  added += 1;
}
await writeFile(MODEL, `${JSON.stringify(project, null, 2)}\n`);
console.log(`${MODEL}: lists from ${offers.length} offers; ${added} search examples added (${project.assets.utterances.length} in all)`);
