import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlobProactiveStore } from '../../bot/storage/blobRecords.js';
import { fakeConnector, say, startBotProcess, type BotProcess, type FakeConnector } from '../../scripts/botProcesses.js';
import { dueReminder, ELIGIBILITY_CHECK } from '../../scripts/scenarios.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';
import { PROJECT_ROOT } from '../helpers/offers.js';
import { waitUntil } from '../helpers/servers.js';

/**
 * Three bot processes, each with its own port and nothing in common but one storage account
 * (Azurite, started here), as three instances behind a load balancer.
 */
let azurite: RunningAzurite;
let connector: FakeConnector;
const PROACTIVE = 'three-reminders';

async function botEnv(): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env.PATH ?? '',
    STATE_DIR: await mkdtemp(path.join(tmpdir(), 'three-')),
    OFFERS_FILE: path.join(PROJECT_ROOT, 'data', 'offers.json'),
    BOT_NOW: '2026-07-05T12:00:00+11:00',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_PROACTIVE_CONTAINER: PROACTIVE,
    REMINDER_CHECK_SECONDS: '0.2',
  };
}
/** Every process started here, stopped at the end whatever happened. */
const started: BotProcess[] = [];
const start = async () => {
  const bot = await startBotProcess(await botEnv(), path.join(PROJECT_ROOT, 'dist/bot/index.js'));
  started.push(bot);
  return bot;
};

beforeAll(async () => {
  // The connector answers each post after 100 ms, as a real channel takes its time: a kill lands mid-send.
  [azurite, connector] = await Promise.all([startAzurite(), fakeConnector({ delayMs: 100 })]);
}, 30000);

afterAll(async () => {
  await connector?.close();
  await azurite?.stop();
});

const reminder = (id: string) => dueReminder(id, connector.serviceUrl);

/** How many times each reminder was sent: its message with the offer's card (a "how to apply" follows it). */
function sendsOf(ids: readonly string[]): number[] {
  return ids.map((id) => connector.received.filter((a) => a.conversationId === `conv-${id}` && a.type === 'message' && a.attachments?.length).length);
}

describe('three bot processes on one storage account', () => {
  let bots: BotProcess[] = [];
  beforeAll(async () => {
    bots = await Promise.all([start(), start(), start()]);
  }, 60000);
  afterAll(async () => {
    await Promise.all(started.map((bot) => bot.stop().catch(() => undefined)));
  });

  it('conversations whose turns go round-robin keep every answer, one process killed with SIGKILL between two rounds', async () => {
    const conversations = ['rr-1', 'rr-2', 'rr-3', 'rr-4'];
    let alive = [...bots];
    for (const [turn, [text, expected]] of ELIGIBILITY_CHECK.entries()) {
      if (turn === 3) {
        // The load balancer's view: the killed process is taken out of the round.
        await bots[1]!.kill();
        alive = [bots[0]!, bots[2]!];
      }
      await Promise.all(
        conversations.map(async (conversation, c) => {
          const bot = alive[(turn + c) % alive.length]!;
          expect(await say(bot.url, connector, conversation, `user-${conversation}`, text, `${conversation}-${turn}`)).toMatch(expected);
        }),
      );
    }
    // Each turn answered once: no reply doubled.
    for (const conversation of conversations) {
      expect(connector.received.filter((a) => a.conversationId === conversation && a.type === 'message').length).toBeLessThanOrEqual(ELIGIBILITY_CHECK.length * 2);
    }
    bots[1] = await start();
  }, 90000);

  it('100 reminders due at once are each sent exactly once', async () => {
    const store = await BlobProactiveStore.open(azurite.connectionString, PROACTIVE);
    const ids = Array.from({ length: 100 }, (_v, i) => `once-${String(i).padStart(3, '0')}`);
    await store.put(...ids.map(reminder));
    await waitUntil(async () => (sendsOf(ids).every((n) => n >= 1) ? true : undefined), 30000);
    // A few more rounds of every process: nothing goes twice.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sendsOf(ids)).toEqual(ids.map(() => 1));
  }, 60000);

  it('one process killed with SIGKILL in the middle of a round of 100: none doubled; none lost but what it had in hand', async () => {
    const store = await BlobProactiveStore.open(azurite.connectionString, PROACTIVE);
    const ids = Array.from({ length: 100 }, (_v, i) => `kill-${String(i).padStart(3, '0')}`);
    const before = connector.received.length;
    await store.put(...ids.map(reminder));
    // The first reminder reaches the channel: the round has begun; one process dies mid-way.
    await waitUntil(async () => (connector.received.length > before ? true : undefined), 30000);
    await bots[0]!.kill();
    // The two others send the rest: wait until nothing more arrives.
    let seen = -1;
    await waitUntil(async () => {
      const now = connector.received.length;
      const settled = now === seen;
      seen = now;
      return settled ? true : undefined;
    }, 30000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // The killed process comes back: what it had claimed is settled as sent, never sent again.
    bots[0] = await start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sends = sendsOf(ids);
    expect(sends.filter((n) => n > 1)).toEqual([]);
    await store.refresh();
    const records = ids.map((id) => store.get(id));
    expect(records.every((r) => r?.kind === 'reminder' && r.delivery.status === 'sent')).toBe(true);
    // At most once: a reminder lost is one the killed process had claimed and not yet handed to the
    // channel (at most one batch, 8), and its record says so.
    const lost = ids.filter((_id, i) => sends[i] === 0);
    expect(lost.length).toBeLessThanOrEqual(8);
    for (const id of lost) expect(store.get(id)).toMatchObject({ delivery: { lastError: expect.stringMatching(/interrupted/) } });
  }, 90000);
});
