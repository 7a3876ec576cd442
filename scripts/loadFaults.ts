/**
 * `npm run load:faults [-- SECONDS]`: a load and fault run, on this machine only (loopback). Three bot
 * instances on one Azurite (started here), 50 conversations each walking through an eligibility check
 * again and again (a user's pause between turns), one instance killed with SIGKILL and started again
 * every minute, Azurite paused for 10 s once, and a burst of reminders falling due just before a kill.
 * Reports turns served, errors, answers that lost what came before, and reminders lost and doubled.
 * Not a test: it measures and prints a Markdown table for the README. Bounded: 3 minutes by default.
 * `LOAD_LOG=FILE` keeps what the instances logged, and prints the first wrong answers.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BlobProactiveStore } from '../bot/storage/blobRecords.js';
import { dueReminder, ELIGIBILITY_CHECK, REMINDER_DUE } from './scenarios.js';
import { startAzurite } from './azurite.js';
import { fakeConnector, postActivity, repliesSince, startBotProcess, userMessage, type BotProcess } from './botProcesses.js';

const SECONDS = Number(process.argv[2] ?? 180);
const CONVERSATIONS = 50;
const PAUSE_BETWEEN_TURNS_MS = 1500;
const KILL_EVERY_MS = 60_000;
const AZURITE_PAUSE_AT_MS = 100_000;
const AZURITE_PAUSE_MS = 10_000;
const REMINDERS = 200;
/** The reminders fall due this long after the start, half a second before the second kill. */
const REMINDERS_DUE_AT_MS = 2 * KILL_EVERY_MS - 500;
/** The bots' clock: running from just before the reminders' hour, shared by instances started later. */
const DUE = REMINDER_DUE;

const azurite = await startAzurite();
const connector = await fakeConnector({ delayMs: 20 });
const began = performance.now();
const elapsed = () => performance.now() - began;
const stateDir = await mkdtemp(path.join(tmpdir(), 'load-faults-'));

/** Every instance started, killed ones included: what they logged is read at the end. */
const started: BotProcess[] = [];

/** An instance, with a clock on the run's timeline whenever it starts. */
async function start(): Promise<BotProcess> {
  const bot = await startInstance();
  started.push(bot);
  return bot;
}

async function startInstance(): Promise<BotProcess> {
  const clockStart = new Date(DUE.getTime() - REMINDERS_DUE_AT_MS + elapsed()).toISOString();
  return startBotProcess({
    PATH: process.env.PATH ?? '',
    STATE_DIR: stateDir,
    OFFERS_FILE: path.resolve('data/offers.json'),
    BOT_CLOCK_START: clockStart,
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    REMINDER_CHECK_SECONDS: '1',
  });
}

const bots: Array<BotProcess | undefined> = await Promise.all([start(), start(), start()]);
const store = await BlobProactiveStore.open(azurite.connectionString, 'bot-reminders');
const reminderIds = Array.from({ length: REMINDERS }, (_, i) => `load-${String(i).padStart(3, '0')}`);
await store.put(...reminderIds.map((id) => dueReminder(id, connector.serviceUrl)));

const stats = { sent: 0, served: 0, errors: 0, retried: 0, wrong: 0, checks: 0, times: [] as number[], kills: 0, copiesDropped: 0, answeredTwice: 0 };
let stopping = false;
let next = 0;

/**
 * One turn to an instance that is up, again on another when the one asked died under it: the same
 * activity, id included, as a channel sends it again. The answer is every reply since the first try
 * (a dead instance may have answered before it died).
 */
async function turn(conversation: string, n: number, text: string): Promise<string> {
  const before = connector.received.length;
  for (let attempt = 0; attempt < 5; attempt++) {
    const live = bots.filter((b): b is BotProcess => b !== undefined);
    const bot = live[(next += 1) % live.length];
    if (!bot) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    const attemptBefore = connector.received.length;
    const started = performance.now();
    stats.sent += 1;
    try {
      const status = await postActivity(bot.url, userMessage({ serviceUrl: connector.serviceUrl, conversationId: conversation, userId: `user-${conversation}`, text, id: `${conversation}-${n}` }), 60_000);
      if (status < 300) {
        stats.served += 1;
        stats.times.push(performance.now() - started);
        if (attempt > 0) {
          const earlier = connector.received.slice(before, attemptBefore).some((a) => a.conversationId === conversation && a.type === 'message');
          const now = repliesSince(connector, attemptBefore, conversation) !== '';
          if (earlier && !now) stats.copiesDropped += 1;
          if (earlier && now) stats.answeredTwice += 1;
        }
        return repliesSince(connector, before, conversation);
      }
      stats.errors += 1;
    } catch {
      stats.errors += 1;
    }
    stats.retried += 1;
  }
  return '';
}

async function conversation(c: number): Promise<void> {
  let n = 0;
  while (!stopping) {
    const id = `load-conv-${c}-${n}`;
    for (const [text, expected] of ELIGIBILITY_CHECK) {
      if (stopping) return;
      const said = await turn(id, (n += 1), text);
      if (!expected.test(said)) {
        stats.wrong += 1;
        if (process.env.LOAD_LOG && stats.wrong <= 12) console.error(`WRONG ${id} "${text}" → ${said.slice(0, 160).replace(/\n/g, ' ⏎ ')}`);
      }
      await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_TURNS_MS * (0.5 + Math.random())));
    }
    stats.checks += 1;
  }
}

const killer = setInterval(() => {
  const victim = stats.kills % bots.length;
  stats.kills += 1;
  const bot = bots[victim];
  bots[victim] = undefined;
  void bot
    ?.kill()
    .then(() => start())
    .then((fresh) => (bots[victim] = fresh));
}, KILL_EVERY_MS);
const pause = setTimeout(() => {
  azurite.pause();
  setTimeout(() => azurite.resume(), AZURITE_PAUSE_MS);
}, AZURITE_PAUSE_AT_MS);

const users = Array.from({ length: CONVERSATIONS }, (_, c) => conversation(c));
await new Promise((r) => setTimeout(r, SECONDS * 1000));
stopping = true;
clearInterval(killer);
clearTimeout(pause);
azurite.resume();
await Promise.all(users);
// The last kill's instance back, and a few rounds for what was due.
while (bots.some((b) => b === undefined)) await new Promise((r) => setTimeout(r, 200));
await new Promise((r) => setTimeout(r, 5000));

const sends = reminderIds.map((id) => connector.received.filter((a) => a.conversationId === `conv-${id}` && a.type === 'message' && Array.isArray(a.attachments) && a.attachments.length > 0).length);
await store.refresh();
const interrupted = reminderIds.filter((id) => {
  const record = store.get(id);
  return record?.kind === 'reminder' && /interrupted/.test(record.delivery.lastError ?? '');
}).length;
const logged = started.map((b) => b.output()).join('\n');
const failedTurns = (logged.match(/"message":"turn failed"/g) ?? []).length;
if (process.env.LOAD_LOG) await writeFile(process.env.LOAD_LOG, logged);
const sorted = [...stats.times].sort((a, b) => a - b);
const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

console.log(`# Load and fault run — ${new Date().toISOString().slice(0, 10)}, ${SECONDS} s, 3 instances on Azurite, ${CONVERSATIONS} conversations\n`);
console.log('| turns asked | turns served | errors (then asked again of another instance) | turns failed in the bot (apology) | copies not handled again (answer already out) | answered twice | answers out of step | eligibility checks finished | p50 ms | p95 ms | max ms | instances killed | reminders due | sent once | lost | doubled | recorded interrupted |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| ${stats.sent} | ${stats.served} | ${stats.errors} | ${failedTurns} | ${stats.copiesDropped} | ${stats.answeredTwice} | ${stats.wrong} | ${stats.checks} | ${at(50)} | ${at(95)} | ${Math.round(sorted.at(-1) ?? 0)} | ${stats.kills} | ${REMINDERS} | ${sends.filter((n) => n === 1).length} | ${sends.filter((n) => n === 0).length} | ${sends.filter((n) => n > 1).length} | ${interrupted} |`,
);
await Promise.all(bots.map((b) => b?.stop() ?? Promise.resolve()));
await connector.close();
await azurite.stop();
process.exit(0);
