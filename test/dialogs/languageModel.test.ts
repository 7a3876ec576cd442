import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { languageModelFile } from '../../bot/paths.js';
import { facetKey, facetValues } from '../../data/search/facets.js';
import { detectLanguage } from '../../dialogs/i18n/language.js';
import { cluProjectSchema, loadCluProject, PROJECT_FILE_VERSION } from '../../dialogs/recognition/cluProject.js';
import { extractEntities } from '../../dialogs/recognition/entities.js';
import { dateTimeWorker } from '../../dialogs/recognition/dateTimeRecognition.js';
import { CatalogueRecognizer } from '../../dialogs/recognition/catalogueRecognizer.js';
import { classifierWords } from '../../dialogs/recognition/embeddedRecognizer.js';
import { evaluate, type LabelledUtterance } from '../../dialogs/recognition/evaluation.js';
import { OfferCatalog } from '../../data/offers/offerCatalog.js';
import { systemClock } from '../../data/clock.js';
import { INTENTS } from '../../dialogs/recognition/recognizer.js';
import { PROJECT_ROOT, sampleOffers, shippedOffers } from '../helpers/offers.js';
import { trainedRecognizer } from '../helpers/testBot.js';

const raw = JSON.parse(readFileSync(languageModelFile(), 'utf8')) as unknown;
const project = cluProjectSchema.parse(raw);
const heldOut = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'nlu-heldout.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as LabelledUtterance);

describe('the CLU project file', () => {
  it(`is in the CLU export format, pinned to ${PROJECT_FILE_VERSION}`, async () => {
    await expect(loadCluProject(languageModelFile())).resolves.toMatchObject({ projectFileVersion: PROJECT_FILE_VERSION });
    expect(project.assets.intents.map((i) => i.category).sort()).toEqual([...INTENTS].sort());
    expect(() => cluProjectSchema.parse({ ...(raw as object), projectFileVersion: '2021-11-01' })).toThrow();
  });

  it.each([...INTENTS])('%s has at least 25 French and 10 English utterances', (intent) => {
    const of = (language: string) => project.assets.utterances.filter((u) => u.intent === intent && u.language === language);
    expect(of('fr').length).toBeGreaterThanOrEqual(25);
    expect(of('en-us').length).toBeGreaterThanOrEqual(10);
  });

  it('labels entity spans inside their text, with entities the project declares', () => {
    const declared = new Set(project.assets.entities.map((e) => e.category));
    const reference = new RegExp(
      (project.assets.entities.find((e) => e.category === 'offerReference')?.regex?.expressions ?? []).map((e) => e.regexPattern).join('|'),
    );
    let labelled = 0;
    for (const utterance of project.assets.utterances) {
      for (const entity of utterance.entities) {
        expect(declared.has(entity.category)).toBe(true);
        expect(entity.offset + entity.length).toBeLessThanOrEqual(utterance.text.length);
        const span = utterance.text.slice(entity.offset, entity.offset + entity.length);
        expect(span.trim()).toBe(span);
        if (entity.category === 'offerReference') expect(span).toMatch(reference);
        labelled += 1;
      }
    }
    expect(labelled).toBeGreaterThan(60);
    // The references of every employer, as CLU will find them.
    for (const written of ['3134-25-0966/SR', '24-54956/MPRH', '25-1234/GNC', '25-0979', '54956']) expect(written.match(reference)?.[0]).toBe(written);
  });

  it('lists every domain, employer, commune and grade of the real catalogue and of the sample, with English synonyms (npm run nlu:lists)', () => {
    for (const facet of [...facetValues(shippedOffers()), ...facetValues(sampleOffers())]) {
      const entity = project.assets.entities.find((e) => e.category === facet.kind);
      const values = (entity?.list?.sublists ?? []).flatMap((s) => s.synonyms.flatMap((syn) => syn.values).concat(s.listKey));
      expect(values.map(facetKey)).toContain(facet.key);
    }
    const english = project.assets.entities.flatMap((e) => e.list?.sublists ?? []).filter((s) => s.synonyms.some((syn) => syn.language === 'en-us'));
    expect(english.length).toBeGreaterThan(5);
  });
});

describe('the embedded recogniser', () => {
  it('is evaluated on at least 100 held-out utterances, a quarter in English, none of them trained on', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    expect(heldOut.filter((u) => u.language === 'en').length).toBeGreaterThanOrEqual(25);
    const trained = new Set(project.assets.utterances.map((u) => u.text.toLowerCase()));
    expect(heldOut.filter((u) => trained.has(u.text.toLowerCase()))).toEqual([]);
  });

  it('understands at least 90% of the held-out utterances', async () => {
    const result = await evaluate(await trainedRecognizer(), heldOut, (text) => detectLanguage(text) ?? 'fr');
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('understands at least 90% of bare titles, places, employers and short questions over the real catalogue, as the bot reads them', async () => {
    const bare = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'nlu-heldout-bare.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as LabelledUtterance);
    expect(bare.length).toBeGreaterThanOrEqual(60);
    const trained = new Set(project.assets.utterances.map((u) => u.text.toLowerCase()));
    expect(bare.filter((u) => trained.has(u.text.toLowerCase()))).toEqual([]);
    const real = OfferCatalog.of(shippedOffers(), systemClock);
    const asTheBotReads = new CatalogueRecognizer((await trainedRecognizer()).withOffers(() => real.current()), () => real.current(), systemClock);
    const result = await evaluate(asTheBotReads, bare, (text) => detectLanguage(text) ?? 'fr');
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
    // And the held-out set of before stays at 90% or more through the same reading.
    const before = await evaluate(new CatalogueRecognizer(await trainedRecognizer(), () => real.current(), systemClock), heldOut, (text) => detectLanguage(text) ?? 'fr');
    expect(before.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('a reference alone is that offer whatever intent the model leans to; with words of its own, the model decides', async () => {
    const real = OfferCatalog.of(shippedOffers(), systemClock);
    const trained = (await trainedRecognizer()).withOffers(() => real.current());
    // A model that leans to eligibility for anything, as a model trained on more "je suis …" examples did for "0966".
    const leaning = { recognize: async (text: string, language: 'fr' | 'en') => ({ ...(await trained.recognize(text, language)), topIntent: 'CheckEligibility' as const }) };
    const reading = new CatalogueRecognizer(leaning, () => real.current(), systemClock);
    expect((await reading.recognize('0966', 'fr')).topIntent).toBe('OfferDetails');
    expect((await reading.recognize('la 0966 ?', 'fr')).topIntent).toBe('OfferDetails');
    expect((await reading.recognize('éligible 0966', 'fr')).topIntent).toBe('CheckEligibility');
    // Leaning to a search: a search names no reference, so the one named is the offer asked about.
    const searching = { recognize: async (text: string, language: 'fr' | 'en') => ({ ...(await trained.recognize(text, language)), topIntent: 'SearchOffers' as const }) };
    const searchReading = new CatalogueRecognizer(searching, () => real.current(), systemClock);
    expect((await searchReading.recognize('what does the job 0966 involve', 'en')).topIntent).toBe('OfferDetails');
    expect((await searchReading.recognize('infirmier à Koné', 'fr')).topIntent).toBe('SearchOffers');
  });

  it.each([
    ['chui éligible ?', 'fr', 'CheckEligibility'],
    ['rappelle-moi 3 jours avant la 0966', 'fr', 'SetReminder'],
    ['remind me the day before', 'en', 'SetReminder'],
    ['supprime mes données', 'fr', 'DeleteMyData'],
    // A verb's pronoun typed with its hyphen reads as with a space.
    ['oublie-moi', 'fr', 'DeleteMyData'],
    ['oubliez-moi', 'fr', 'DeleteMyData'],
    ['ingenieur informatiqe', 'fr', 'SearchOffers'],
  ] as Array<[string, 'fr' | 'en', string]>)('"%s" (%s) → %s', async (text, language, intent) => {
    expect((await (await trainedRecognizer()).recognize(text, language)).topIntent).toBe(intent);
  });

  it("splits a verb from its pronoun, never a job title's or a place's hyphen", () => {
    expect(['oublie-moi', 'y a-t-il des astreintes', 'montre-les-moi', 'aide-soignant', 'sage-femme', 'Saint-Louis'].map(classifierWords)).toEqual([
      'oublie moi',
      'y a t il des astreintes',
      'montre les moi',
      'aide-soignant',
      'sage-femme',
      'Saint-Louis',
    ]);
  });

  it('finds references, places, durations and dates, with their offsets', async () => {
    const recognizer = await trainedRecognizer();
    const reminder = await recognizer.recognize('rappelle-moi 3 jours avant la 0966', 'fr');
    expect(reminder.entities).toEqual([
      expect.objectContaining({ category: 'duration', text: '3 jours', offset: 13, resolution: 'P3D' }),
      expect.objectContaining({ category: 'offerReference', text: '0966', offset: 30, resolution: '3134-25-0966/SR' }),
    ]);
    const eligibility = await recognizer.recognize("j'habite à Koné depuis 2019", 'fr');
    expect(eligibility.entities.map((e) => [e.category, e.resolution])).toEqual([
      ['commune', 'Koné'],
      ['date', '2019'],
    ]);
    const english = await recognizer.recognize('I have lived here for five years', 'en');
    expect(english.entities).toContainEqual(expect.objectContaining({ category: 'duration', resolution: 'P5Y' }));
  });
});

describe('entities in any spelling', () => {
  const snapshot = () => OfferCatalog.of(sampleOffers(), systemClock).current();

  it.each([
    ['détails 3134-25-0966/SR', '3134-25-0966/SR'],
    ['la 25-0966 svp', '3134-25-0966/SR'],
    ['fiche 0966', '3134-25-0966/SR'],
    ['offre 966', '3134-25-0966/SR'],
    ['n° 679', '3134-26-679/SR'],
  ])('%s → %s', async (text, reference) => {
    expect(await extractEntities(text, 'fr', snapshot(), false)).toContainEqual(
      expect.objectContaining({ category: 'offerReference', resolution: reference }),
    );
  });

  it('leaves numbers that are no offer alone', async () => {
    expect(await extractEntities('je cherche depuis 2019 et 3000 francs', 'fr', snapshot(), false)).toEqual([]);
  });

  it('asks Recognizers-Text for what the quick reading does not know', async () => {
    // Warmed as the bot warms it at start-up: a sentence does not wait more than a second for the models.
    await dateTimeWorker.warm();
    const entities = await extractEntities('rappelle-moi le 10 juillet 2026', 'fr', snapshot(), true);
    expect(entities).toEqual([expect.objectContaining({ category: 'date', text: '10 juillet 2026', offset: 16, resolution: '2026-07-10' })]);
    expect(await extractEntities('remind me on July 10, 2026', 'en', snapshot(), true)).toContainEqual(
      expect.objectContaining({ category: 'date', resolution: '2026-07-10' }),
    );
  });
});

describe('npm run nlu:eval', () => {
  it('prints accuracy, precision and recall per intent, and the confusions, for the configured recogniser', () => {
    const run = spawnSync(process.execPath, ['dist/scripts/nluEval.js', 'test/fixtures/nlu-heldout.jsonl'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('recogniser: embedded (NLP.js)');
    expect(run.stdout).toMatch(new RegExp(`accuracy: \\d+\\.\\d% on ${heldOut.length} utterances`));
    expect(run.stdout).toContain('| SearchOffers |');
    expect(run.stdout).toContain('confusions (expected → predicted):');
  });

  it('says how to call it when the file is missing', () => {
    const run = spawnSync(process.execPath, ['dist/scripts/nluEval.js'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run nlu:eval -- FILE.jsonl');
  });
});
