import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { noumeaNoon } from '../helpers/offers.js';
import { fakeService, testConfig } from '../helpers/servers.js';

/**
 * Messages built to be slow, French and English, up to the size limits, sent as a channel sends them
 * while /healthz is asked every 50 ms. The budget stated: each message answered within 2.5 s, and
 * /healthz (every other conversation) never kept waiting more than 300 ms.
 */
const ANSWER_MS = 2500;
const HEALTH_MS = 300;

const hostile: Array<[string, string]> = [
  ['repeated French number words (43 s before)', `suis-je éligible à la 1129 depuis ${'mille neuf cent '.repeat(10)}`],
  ['twelve of them', `rappelle-moi ${'mille neuf cent '.repeat(12)} jours avant`],
  ['up to the limit', `je vis ici depuis ${'mille neuf cent quatre-vingt-dix-neuf '.repeat(52)}`.slice(0, 2000)],
  ['repeated English number words', `remind me ${'nineteen hundred '.repeat(14)}days before the deadline`],
  ['numbers and days', `rappelle-moi ${'1 '.repeat(900)}jours avant`],
  ['years after "depuis"', `depuis ${'2019 '.repeat(390)}`],
  ['digits up to the limit', '7'.repeat(1999)],
  ['at signs', 'a@'.repeat(999)],
  ['one long word', 'a'.repeat(1999)],
  ['many search words', 'informatique '.repeat(150)],
  ['a commune again and again', `offres à ${'Nouméa '.repeat(270)}`],
  ['too long to read, logged all the same', '7'.repeat(120_000)],
];

let app: RunningApp;
let connector: Awaited<ReturnType<typeof fakeService>>;
beforeAll(async () => {
  connector = await fakeService();
  app = await startApp(await testConfig(), { clock: fixedClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger() });
}, 30_000);
afterAll(async () => {
  await app.close();
  await connector.close();
});

describe('no message can stall the bot', () => {
  it.each(hostile)('%s: answered in time, /healthz keeps answering', async (_label, text) => {
    let polling = true;
    let slowest = 0;
    const poll = (async () => {
      while (polling) {
        const started = performance.now();
        await fetch(`${app.url}/healthz`);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const before = connector.received.length;
    const started = performance.now();
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `hostile-${text.length}`,
        channelId: 'webchat',
        serviceUrl: connector.url,
        text,
        from: { id: 'attacker', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        conversation: { id: `hostile-${text.length}-${text.charCodeAt(3)}` },
      }),
    });
    await connector.waitFor(before + 1, ANSWER_MS + 1000);
    const answered = performance.now() - started;
    polling = false;
    await poll;
    expect(response.status).toBeLessThan(300);
    expect(answered).toBeLessThan(ANSWER_MS);
    expect(slowest).toBeLessThan(HEALTH_MS);
    const reply = connector.received[before];
    expect(reply?.body.type).toBe('message');
  });
});
