/**
 * `npm run bench`: search latency and quality, and turn latency, on this machine.
 *   - search: plain fuse.js with default options over all fields (what a typical bot does) next to
 *     the project's index, at 100, 1,000 and 10,000 offers generated from the real ones;
 *     p50/p95 per query, and precision@5 on the labelled queries over the real offers;
 *   - turns: a search message POSTed to /api/messages of the bot running in its own process (as
 *     `npm start` runs it), its reply received by a local Bot Connector, at 1 and 10 concurrent
 *     conversations; the echo bot, the assistant on files, on Azure Storage (Azurite), and with two
 *     processes (`npm run start:cluster`);
 *   - reminders: the scheduler's round over 10,000 pending reminders in the embedded store.
 * Prints Markdown tables for the README. Not a test: it asserts nothing, it measures.
 */
import Fuse from 'fuse.js';
import { spawn } from 'node:child_process';
import { startAzurite } from './azurite.js';
import { treeCpuMs } from './cpuTime.js';
import { fakeConnector, startBotProcess, userMessage } from './botProcesses.js';
import MiniSearch from 'minisearch';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { importPaths } from '../cli/importCommand.js';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Offer } from '../data/offers/offer.js';
import { OfferCatalog } from '../data/offers/offerCatalog.js';
import { systemClock } from '../data/clock.js';
import { languageModelFile } from '../bot/paths.js';
import { loadCluProject } from '../dialogs/recognition/cluProject.js';
import { EmbeddedRecognizer } from '../dialogs/recognition/embeddedRecognizer.js';
import { searchOffers } from '../data/search/searchOffers.js';
import { hitAt5, requestOf, type LabelledQuery } from '../data/search/searchQuality.js';
import { checkOffers } from '../data/offers/offerValidation.js';
import { pendingDelivery } from '../data/reminders/delivery.js';
import { sendDue } from '../data/reminders/dispatch.js';
import type { Reminder } from '../data/reminders/proactiveRecords.js';
import { dueOutgoing, FileProactiveStore } from '../data/reminders/proactiveStore.js';
import { reminderTime } from '../data/reminders/reminderRules.js';

/** The labelled queries are written for the 21 sample offers of one employer. */
const OFFERS_FILE = path.resolve('test/fixtures/sample-offers.json');
const REAL_POSTINGS = path.resolve('test/fixtures/real-offers/avp-text');
const NOW = new Date('2026-07-05T12:00:00+11:00');
const COMMUNES = ['Nouméa', 'Dumbéa', 'Mont-Dore', 'Païta', 'Koné', 'Koumac', 'Lifou', 'Maré', 'Bourail', 'La Foa', 'Poindimié'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/** Offers like the real ones, many more of them: new references, places and dates, shuffled lists. */
function generateOffers(real: Offer[], count: number): Offer[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, k) => {
    const base = real[k % real.length] as Offer;
    const posted = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000);
    const deadline = new Date(posted.getTime() + (14 + Math.floor(random() * 28)) * 86_400_000);
    const commune = COMMUNES[Math.floor(random() * COMMUNES.length)] as string;
    return {
      ...base,
      reference: `3134-${20 + (k % 7)}-${String(10000 + k).slice(-5)}/SR`,
      location: { ...base.location, commune },
      postedOn: posted.toISOString().slice(0, 10),
      deadline: deadline.toISOString().slice(0, 10),
      activities: [...base.activities].sort(() => random() - 0.5),
    };
  });
}

/** MiniSearch, a well-kept index library, set up as one would for these offers: the anchor to beat. */
function miniSearch(offers: Offer[]): (text: string) => Offer[] {
  const documents = offers.map((offer, id) => ({
    id,
    reference: offer.reference,
    title: offer.title,
    employer: offer.employer,
    grades: offer.corpsGrades.join(' '),
    domains: offer.domains.join(' '),
    commune: offer.location?.commune ?? '',
    text: [...offer.missions, ...offer.activities].join(' '),
  }));
  const index = new MiniSearch({ fields: ['reference', 'title', 'employer', 'grades', 'domains', 'commune', 'text'], storeFields: [] });
  index.addAll(documents);
  const options = { prefix: true, fuzzy: 0.2, boost: { title: 3, grades: 2, domains: 2, employer: 1.5, commune: 1.5 } };
  return (text) => index.search(text, options).slice(0, 5).map((r) => offers[r.id as number] as Offer);
}

/** A bot as the benchmark runs it: which script, with what settings beyond the defaults. */
interface BotSetup {
  script: string;
  env?: NodeJS.ProcessEnv;
}

/** Turns before measuring, in a conversation of their own: the JIT warms up, as in a bot that has run a while. */
const WARM_UP_TURNS = 100;
/**
 * Each bot is measured in this many rounds, the bots taking turns within a round: this machine's speed
 * drifts within minutes (the assistant alone, 100 turns measured eight times in ten minutes: p95 from 15 to 24 ms), and a
 * bot measured only before or only after another would carry the drift into the ratio. Short rounds: with
 * three rounds of 100 turns, the ratio of the same code at ten conversations went from 0.43× to 0.33× between two runs.
 */
const ROUNDS = 6;
const TURNS_PER_ROUND = 50;

interface RunningBench {
  /** One measured stretch: `concurrency` conversations sending back to back, `turns` each. */
  measure(concurrency: number, turns: number): Promise<{ times: number[]; ms: number }>;
  /** The bot's process (a cluster's primary: its workers are its children). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * A bot in its own process(es) (the load and the stand-in connector stay out of its CPU), POSTed to over
 * kept-alive connections as Azure Bot Service sends them. Every activity has an id of its own (the bot
 * drops an activity it has already handled), and every stretch conversations of its own.
 */
async function startBench(setup: BotSetup, name: string): Promise<RunningBench> {
  const connector = await fakeConnector({ keep: false });
  const bot = await startBotProcess({ ...process.env, STATE_DIR: await mkdtemp(path.join(tmpdir(), 'bench-state-')), OFFERS_FILE, BOT_NOW: NOW.toISOString(), ...setup.env }, setup.script);
  const queries = ['offres en informatique', 'chargé de contact clientèle', 'IT jobs', 'postes à Nouméa', 'comptable'];
  let stretch = 0;
  const post = async (conversation: string, user: string, turn: number) => {
    const body = JSON.stringify(userMessage({ serviceUrl: connector.serviceUrl, conversationId: conversation, userId: user, text: queries[turn % queries.length] as string, id: `${conversation}-${turn}` }));
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
  };
  for (let turn = 0; turn < WARM_UP_TURNS; turn++) await post(`${name}-warm-up`, 'warm-up', turn);
  return {
    pid: bot.child.pid ?? 0,
    async measure(concurrency, turns) {
      stretch += 1;
      const times: number[] = [];
      const began = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, c) => {
          for (let turn = 0; turn < turns; turn++) {
            const start = performance.now();
            await post(`${name}-${stretch}-${c}`, `user-${c}`, turn);
            times.push(performance.now() - start);
          }
        }),
      );
      return { times, ms: performance.now() - began };
    },
    async stop() {
      await bot.stop();
      await connector.close();
    },
  };
}

const real = (JSON.parse(await readFile(OFFERS_FILE, 'utf8')) as { offers: Offer[] }).offers;

console.log(`# Benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`);
/** `npm run bench -- turns`, `-- search`, `-- nlu`, `-- import` or `-- reminders` runs one part. */
const part = process.argv[2];

if (part === undefined || part === 'import') {
  // A year of postings (about 1,600): the 385 real ones of every employer, four times over, in a folder.
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-postings-'));
  const names = (await readdir(REAL_POSTINGS)).filter((name) => !name.startsWith('.'));
  for (let copy = 0; copy < 4; copy++) {
    await mkdir(path.join(folder, String(copy)));
    for (const name of names) await copyFile(path.join(REAL_POSTINGS, name), path.join(folder, String(copy), name.replace(/[^\w.-]/g, '_')));
  }
  const files = names.length * 4;
  let start = performance.now();
  const result = await importPaths([folder]);
  const read = performance.now() - start;
  const offersFile = path.join(folder, 'offers.json');
  await writeFile(offersFile, JSON.stringify({ offers: [] }));
  start = performance.now();
  await new Promise<void>((resolve) => spawn(process.execPath, ['dist/cli/offersCli.js', 'import', folder, '--write', '--file', offersFile], { stdio: 'ignore' }).on('close', () => resolve()));
  const command = performance.now() - start;
  console.log(`\nImport of ${files.toLocaleString('en')} real posting texts (the 385 of every employer, four times; ${result.valid.length + result.warned.length} offers read, ${result.failures.length} files unreadable):\n`);
  console.log('| what | time | postings per second | target |\n|---|---|---|---|');
  console.log(`| read and check (importPaths) | ${ms(read)} ms | ${Math.round(files / (read / 1000)).toLocaleString('en')} | |`);
  console.log(`| \`offers import FOLDER --write\` as a process, start to exit | ${ms(command)} ms | ${Math.round(files / (command / 1000)).toLocaleString('en')} | 1,600 in under 10 s |`);
}

if (part === undefined || part === 'nlu') {
  const catalog = OfferCatalog.of(real, systemClock);
  const project = await loadCluProject(languageModelFile());
  const trainings: number[] = [];
  let recognizer: EmbeddedRecognizer | undefined;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    recognizer = await EmbeddedRecognizer.train(project, () => catalog.current());
    trainings.push(performance.now() - start);
  }
  const heldOut = (await readFile(path.resolve('test/fixtures/nlu-heldout.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; language?: 'fr' | 'en' });
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const utterance of heldOut) {
      const start = performance.now();
      await recognizer?.recognize(utterance.text, utterance.language ?? 'fr');
      if (round > 0) times.push(performance.now() - start);
    }
  }
  console.log(`\nLanguage understanding, embedded recogniser (${project.assets.utterances.length} training utterances, ${heldOut.length} held-out):\n`);
  console.log('| training, median of 3 | recognition p50 | recognition p95 |\n|---|---|---|');
  console.log(`| ${ms(percentile(trainings, 50))} ms | ${ms(percentile(times, 50))} ms | ${ms(percentile(times, 95))} ms |`);
}

if (part === undefined || part === 'search') {
  // The real catalogue (data/offers.json), then 10,000 and 50,000 offers generated from it; the 130
  // labelled real queries of test/fixtures/realQueries.json, each read as the dialogs read it.
  const catalogue = checkOffers(JSON.parse(await readFile(path.resolve('data/offers.json'), 'utf8'))).offers;
  const realQueries = (JSON.parse(await readFile(path.resolve('test/fixtures/realQueries.json'), 'utf8')) as { queries: LabelledQuery[] }).queries;
  const texts = realQueries.map((q) => q.query);
  console.log(`\nSearch over the real catalogue (${catalogue.length} offers) and offers generated from it; ${realQueries.length} labelled real queries:\n`);
  console.log('| offers | engine | build | first time p95 | p50 | p95 | hit@5 |\n|---|---|---|---|---|---|---|');
  for (const size of [catalogue.length, 10_000, 50_000]) {
    const offers = size === catalogue.length ? catalogue : generateOffers(catalogue, size);
    const snapshot = OfferCatalog.of(offers, systemClock).current();
    let started = performance.now();
    const engines: Array<[string, (text: string) => Offer[], number]> = [];
    const project = OfferCatalog.of(offers, systemClock).current();
    engines.push(['project index', (text) => searchOffers(project.index, requestOf(project, text), NOW, project.matchWord).hits.map((h) => h.offer), performance.now() - started]);
    started = performance.now();
    const mini = miniSearch(offers);
    engines.push(['MiniSearch (prefix, fuzzy 0.2, boosts)', mini, performance.now() - started]);
    if (size <= 10_000) {
      started = performance.now();
      const fuse = new Fuse(offers, { keys: ['reference', 'title', 'employer', 'corpsGrades', 'domains', 'location.commune', 'missions', 'activities'] });
      engines.push(['plain fuse.js, default options', (text) => fuse.search(text, { limit: 5 }).map((r) => r.item), performance.now() - started]);
    }
    for (const [name, search, build] of engines) {
      // fuse.js takes a second a query at 10,000 offers: a dozen queries keep the run short.
      const sample = name.startsWith('plain') && size > 1000 ? texts.slice(0, 12) : texts;
      // The first time each query is seen (nothing remembered yet), then as a running bot answers them.
      const first: number[] = [];
      for (const text of sample) {
        const t = performance.now();
        search(text);
        first.push(performance.now() - t);
      }
      const times: number[] = [];
      for (let round = 0; round < (name.startsWith('plain') ? 1 : 3); round++) {
        for (const text of sample) {
          const t = performance.now();
          search(text);
          times.push(performance.now() - t);
        }
      }
      const quality = size === catalogue.length ? hitAt5(snapshot, realQueries, NOW, (_s, text) => search(text)).hitAt5.toFixed(3) : '';
      console.log(`| ${size.toLocaleString('en')} | ${name} | ${ms(build)} ms | ${ms(percentile(first, 95))} ms | ${ms(percentile(times, 50))} ms | ${ms(percentile(times, 95))} ms | ${quality} |`);
    }
  }
}

if (part === undefined || part === 'turns') {
console.log('\nTurns, a search message through POST /api/messages to the reply, one process each; the echo bot is the');
console.log('samples\' plainest bot (scripts/echoBot.ts) in the same run. Anchors (issue): turns/s at least 0.4× the echo bot\'s');
console.log('(goal 0.6×), p95 at most 2× the echo bot\'s.\n');
console.log(`Each bot gets ${WARM_UP_TURNS} warm-up turns first, not counted, then ${ROUNDS} rounds of ${TURNS_PER_ROUND} turns per conversation, the bots taking turns in each round. The assistant runs on its files (npm start), then on`);
console.log('Azure Storage (Azurite, started here, on the same two cores) with one process and with two (npm run start:cluster).\n');
console.log('The last three columns say where the cores went while the bot was measured: CPU time of the bot\'s processes, of');
console.log('Azurite and of this benchmark (the conversations and the stand-in connector), as a share of one core (200% = both cores).\n');
console.log('| bot | processes | concurrent conversations | turns | turns/s | p50 ms | p95 ms | turns/s vs echo | p95 vs echo | CPU bot | CPU Azurite | CPU load |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
const azurite = await startAzurite();
const azure = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, DIRECTLINE_SECRET: 'not-used-by-the-benchmark' };
const setups: Array<[string, number, BotSetup]> = [
  ['assistant, files', 1, { script: 'dist/bot/index.js' }],
  ['assistant, Azure Storage', 1, { script: 'dist/bot/index.js', env: azure }],
  ['assistant, Azure Storage', 2, { script: 'dist/bot/cluster.js', env: { ...azure, WEB_CONCURRENCY: '2' } }],
];
const bots = [{ label: 'echo', processes: 1, setup: { script: 'dist/scripts/echoBot.js' } }, ...setups.map(([label, processes, setup]) => ({ label, processes, setup }))];
for (const concurrency of [1, 10]) {
  const running = await Promise.all(bots.map((b, i) => startBench(b.setup, `bench-${concurrency}-${i}`)));
  const pooled = bots.map(() => ({ times: [] as number[], ms: 0, cpu: { bot: 0, azurite: 0, load: 0 } }));
  for (let round = 0; round < ROUNDS; round++) {
    // Each round in another order: no bot always runs first, or always right after another.
    const order = running.map((_, i) => (i + round) % running.length);
    for (const i of order) {
      const bench = running[i] as RunningBench;
      const before = { bot: treeCpuMs(bench.pid) ?? NaN, azurite: treeCpuMs(azurite.process.pid ?? 0) ?? NaN, load: process.cpuUsage() };
      const { times, ms: spent } = await bench.measure(concurrency, TURNS_PER_ROUND);
      const load = process.cpuUsage(before.load);
      const p = pooled[i] as (typeof pooled)[number];
      p.times.push(...times);
      p.ms += spent;
      p.cpu.bot += (treeCpuMs(bench.pid) ?? NaN) - before.bot;
      p.cpu.azurite += (treeCpuMs(azurite.process.pid ?? 0) ?? NaN) - before.azurite;
      p.cpu.load += (load.user + load.system) / 1000;
    }
  }
  await Promise.all(running.map((r) => r.stop()));
  const share = (cpuMs: number, ms: number) => (Number.isNaN(cpuMs) ? 'n/a' : `${((100 * cpuMs) / ms).toFixed(0)}%`);
  const figures = pooled.map((p) => ({
    perSecond: (p.times.length / p.ms) * 1000,
    p50: percentile(p.times, 50),
    p95: percentile(p.times, 95),
    count: p.times.length,
    cpu: `| ${share(p.cpu.bot, p.ms)} | ${share(p.cpu.azurite, p.ms)} | ${share(p.cpu.load, p.ms)} |`,
  }));
  const echo = figures[0] as (typeof figures)[number];
  bots.forEach((b, i) => {
    const f = figures[i] as (typeof figures)[number];
    const vs = i === 0 ? '| 1 | 1' : `| ${(f.perSecond / echo.perSecond).toFixed(2)}× | ${(f.p95 / echo.p95).toFixed(2)}×`;
    console.log(`| ${b.label} | ${b.processes} | ${concurrency} | ${f.count} | ${f.perSecond.toFixed(0)} | ${ms(f.p50)} | ${ms(f.p95)} ${vs} ${f.cpu}`);
  });
}
await azurite.stop();
}

if (part === undefined || part === 'reminders') {
  // 10,000 pending reminders over the offers' last days; the scheduler's round finds and sends
  // what is due (a channel that answers at once: the cost measured is the bot's own).
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-proactive-'));
  const { store } = await FileProactiveStore.open(dir);
  const days = ['2026-07-10', '2026-07-17', '2026-07-24', '2026-07-31', '2026-08-14'];
  const reminders: Reminder[] = [];
  for (let i = 0; i < 10_000; i++) {
    const lastDay = days[i % days.length] as string;
    const leadDays = i % 7;
    reminders.push({
      id: `r${i}`,
      kind: 'reminder',
      recipient: { userKey: `webchat:user${i}`, address: { conversation: { id: `c${i}` }, serviceUrl: 'http://127.0.0.1/' }, language: 'fr' },
      offer: { reference: `3134-26-${1000 + (i % 500)}/SR`, title: 'Offre' },
      leadDays,
      lastDay,
      createdAt: NOW.toISOString(),
      delivery: pendingDelivery(reminderTime(lastDay, leadDays)),
    });
  }
  let start = performance.now();
  for (let i = 0; i < reminders.length; i += 500) await store.put(...reminders.slice(i, i + 500));
  const writeAll = performance.now() - start;
  start = performance.now();
  const reopened = (await FileProactiveStore.open(dir)).store;
  const reopen = performance.now() - start;
  const rounds: Array<[string, Date]> = [
    ['nothing due', new Date('2026-07-01T00:00:00Z')],
    ['one morning due', reminderTime('2026-07-10', 2)],
    ['all due at once', new Date('2026-08-14T00:00:00Z')],
  ];
  console.log('\nScheduler, 10,000 pending reminders in the embedded store (STATE_DIR file and journal):\n');
  console.log(`Saving them: ${ms(writeAll)} ms; reading them back at start-up: ${ms(reopen)} ms.\n`);
  console.log('| round | due | find what is due | find and send (record before and after) |\n|---|---|---|---|');
  for (const [label, at] of rounds) {
    start = performance.now();
    const due = dueOutgoing(reopened, at).length;
    const find = performance.now() - start;
    start = performance.now();
    await sendDue(reopened, at, async () => ({ kind: 'sent' }));
    const send = performance.now() - start;
    console.log(`| ${label} | ${due.toLocaleString('en')} | ${ms(find)} ms | ${ms(send)} ms |`);
  }
}
