import { afterEach, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import type { IntentRecognizer } from '../../dialogs/recognition/recognizer.js';
import { noumeaNoon } from '../helpers/offers.js';
import { fakeService, testConfig } from '../helpers/servers.js';

const JULY_5 = noumeaNoon('2026-07-05');
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function bot(env: Record<string, string> = {}, recognizer?: IntentRecognizer) {
  const logger = new MemoryLogger();
  const app = await startApp(await testConfig(env), { clock: fixedClock(JULY_5), logger, recognizer });
  closers.push(() => app.close());
  return { ...app, logger };
}

function activity(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: 'activity-1',
    channelId: 'webchat',
    serviceUrl,
    text,
    locale: 'fr-FR',
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: 'conversation-1' },
    timestamp: new Date().toISOString(),
    ...extra,
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('POST /api/messages, as a channel calls it', () => {
  it('answers through the Bot Connector API at the activity serviceUrl', async () => {
    const connector = await fakeService();
    closers.push(() => connector.close());
    const { url } = await bot();
    const response = await post(`${url}/api/messages`, activity(connector.url, 'offres en informatique'));
    expect(response.status).toBeLessThan(300);
    const [reply] = await connector.waitFor(1);
    expect(reply?.method).toBe('POST');
    expect(reply?.url).toBe('/v3/conversations/conversation-1/activities/activity-1');
    expect(String(reply?.body.text)).toContain('offres ouvertes correspondent');
    expect((reply?.body.attachments as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers an activity the channel sends again (same id) once, and the next one as usual', async () => {
    const connector = await fakeService();
    closers.push(() => connector.close());
    const { url } = await bot();
    const first = await post(`${url}/api/messages`, activity(connector.url, 'offres en informatique'));
    expect(first.status).toBeLessThan(300);
    expect(connector.received).toHaveLength(1);
    // A channel without the answer to its POST in time (Teams waits 15 s) sends the same activity again.
    const again = await post(`${url}/api/messages`, activity(connector.url, 'offres en informatique'));
    expect(again.status).toBeLessThan(300);
    expect(connector.received).toHaveLength(1);
    await post(`${url}/api/messages`, activity(connector.url, 'aide', { id: 'activity-2' }));
    expect(connector.received).toHaveLength(2);
    expect(String(connector.received[1]?.body.text)).toContain('Voici ce que je sais faire');
  });

  it('checks the Bot Framework token when MicrosoftAppId is set, as in production', async () => {
    const connector = await fakeService();
    closers.push(() => connector.close());
    const { url } = await bot({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    const response = await post(`${url}/api/messages`, activity(connector.url, 'aide'));
    expect(response.status).toBe(401);
    const forged = await post(`${url}/api/messages`, activity(connector.url, 'aide'), { authorization: 'Bearer forged.token.value' });
    expect(forged.status).toBe(401);
    // A token shaped as the Bot Framework's, forged: 401, and nothing of the bot's insides in the answer.
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${part({ alg: 'RS256', typ: 'JWT', kid: 'forged' })}.${part({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001', exp: 4102444800, serviceUrl: connector.url })}.c2lnbmF0dXJl`;
    const shaped = await post(`${url}/api/messages`, activity(connector.url, 'aide'), { authorization: `Bearer ${jwt}` });
    expect(shaped.status).toBe(401);
    const body = await shaped.text();
    expect(body).toBe(JSON.stringify({ error: 'unauthorized' }));
    expect(connector.received).toEqual([]);
  });

  it('refuses oversized and malformed requests with a 4xx and keeps serving', async () => {
    const { url } = await bot();
    const huge = await post(`${url}/api/messages`, activity('http://127.0.0.1:9', 'x'.repeat(300_000)));
    expect(huge.status).toBe(413);
    const broken = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "mess' });
    expect(broken.status).toBe(400);
    expect((await post(`${url}/api/messages`, { text: 'no type' })).status).toBe(400);
    expect((await post(`${url}/api/messages`, [1, 2, 3])).status).toBe(400);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', offers: 21 });
  });

  it('apologises in the user language when a turn fails, logs it with the conversation id, and serves the next', async () => {
    const connector = await fakeService();
    closers.push(() => connector.close());
    let fail = true;
    const flaky: IntentRecognizer = {
      async recognize(text) {
        if (fail) throw new Error('recogniser exploded');
        return { text, topIntent: 'Help', intents: [{ category: 'Help', confidenceScore: 1 }], entities: [] };
      },
    };
    const { url, logger } = await bot({}, flaky);
    await post(`${url}/api/messages`, activity(connector.url, 'show me the jobs please', { locale: 'en-US' }));
    const [apology] = await connector.waitFor(1);
    expect(apology?.body.text).toBe('Sorry, a technical problem stops me from answering. Please try again in a moment.');
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'turn failed', fields: expect.objectContaining({ conversationId: 'conversation-1' }) }),
    );
    fail = false;
    await post(`${url}/api/messages`, activity(connector.url, 'help', { id: 'activity-2' }));
    const replies = await connector.waitFor(2);
    expect(String(replies[1]?.body.text)).toContain('Here is what I can do');
  });
});

describe('offer addresses', () => {
  it('send /offres/REF to the chat opened on that offer, and anything else to the chat', async () => {
    const { url } = await bot();
    const offer = await fetch(`${url}/offres/3134-26-1010-SR`, { redirect: 'manual' });
    expect(offer.status).toBe(302);
    expect(offer.headers.get('location')).toBe('/?offre=3134-26-1010-SR');
    const odd = await fetch(`${url}/offres/%3Cscript%3E`, { redirect: 'manual' });
    expect(odd.headers.get('location')).toBe('/');
  });
});

describe('the chat page', () => {
  it('serves the page with a strict content security policy, and Web Chat from the installed package', async () => {
    const { url } = await bot();
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/webchat/webchat.js"></script>');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const bundle = await fetch(`${url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });
});
