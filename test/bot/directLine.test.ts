import { afterEach, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { fixedClock } from '../../data/clock.js';
import { noumeaNoon } from '../helpers/offers.js';
import { fakeService, testConfig } from '../helpers/servers.js';
import { connect, DirectLineClient, type TokenAnswer } from '../helpers/directLine.js';
import { MAX_CONVERSATION_BYTES, MAX_TOTAL_BYTES } from '../../bot/directline/localDirectLine.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function bot(env: Record<string, string> = {}, tokenNow?: () => number) {
  const app = await startApp(await testConfig(env), { clock: fixedClock(noumeaNoon('2026-07-05')), logger: new MemoryLogger(), tokenNow });
  closers.push(() => app.close());
  return app;
}

describe('the built-in Direct Line channel', () => {
  it('starts a conversation, greets, relays each message to the bot and returns its answer by watermark', async () => {
    const { url } = await bot();
    const client = await connect(url);
    expect((await client.start()).status).toBe(201);
    const welcome = await client.untilBotSays();
    expect(welcome.map((a) => a.text).join()).toContain("Bonjour ! Je suis l'assistant emploi");

    const sent = await client.send({ type: 'message', text: 'détails 0975', from: { id: 'someone-else' }, channelData: { clientActivityID: 'c1' } });
    expect(sent.status).toBe(200);
    const { id } = (await sent.json()) as { id: string };
    const activities = await client.untilBotSays();
    const echo = activities.find((a) => a.id === id);
    expect(echo?.channelData).toEqual({ clientActivityID: 'c1' });
    // The user is who the token says, whatever the activity claims.
    expect(echo?.from?.id).toMatch(/^user_/);
    const card = activities.find((a) => a.from?.role === 'bot')?.attachments?.[0];
    expect(JSON.stringify(card)).toContain('Concepteur-Développeur');
    // Nothing twice: a poll at the new watermark brings nothing already seen.
    expect(await client.poll()).toEqual([]);
  });

  it('refuses a token for another conversation, a forged token and an expired one', async () => {
    let now = Date.now();
    const { url } = await bot({}, () => now);
    const alice = await connect(url);
    const bob = await connect(url);
    await alice.start();
    await bob.start();
    const intruder = new DirectLineClient(alice.domain, bob.token, alice.conversationId);
    expect((await intruder.send({ type: 'message', text: 'hello' })).status).toBe(403);
    const forged = new DirectLineClient(alice.domain, `${alice.token.split('.')[0]}.AAAA`, alice.conversationId);
    expect((await forged.send({ type: 'message', text: 'hello' })).status).toBe(403);

    now += 31 * 60 * 1000;
    const expired = await alice.send({ type: 'message', text: 'hello' });
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ error: { code: 'TokenExpired', message: 'token expired' } });
  });

  it('refreshes a token before it expires', async () => {
    let now = Date.now();
    const { url } = await bot({}, () => now);
    const client = await connect(url);
    await client.start();
    now += 20 * 60 * 1000;
    const refreshed = await fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } });
    client.token = ((await refreshed.json()) as TokenAnswer).token;
    now += 20 * 60 * 1000;
    expect((await client.send({ type: 'message', text: 'aide' })).status).toBe(200);
  });

  it('refuses an activity without a type', async () => {
    const { url } = await bot();
    const client = await connect(url);
    await client.start();
    expect((await client.send({ text: 'no type' })).status).toBe(400);
  });
});

describe('with DIRECTLINE_SECRET, Azure Direct Line', () => {
  it('exchanges the secret for a token on the server and never gives the secret to the page', async () => {
    const azure = await fakeService(() => ({ status: 200, body: { conversationId: 'azure-conv', token: 'azure-token', expires_in: 1800 } }));
    closers.push(() => azure.close());
    const { url } = await bot({ DIRECTLINE_SECRET: 'the-secret', DIRECTLINE_ENDPOINT: `${azure.url}/v3/directline` });
    const response = await fetch(`${url}/api/directline/token`, { method: 'POST' });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ token: 'azure-token', conversationId: 'azure-conv' });
    expect(text).not.toContain('the-secret');
    expect(azure.received[0]?.url).toBe('/v3/directline/tokens/generate');
    expect(azure.received[0]?.headers.authorization).toBe('Bearer the-secret');
    expect((azure.received[0]?.body.user as { id: string }).id).toMatch(/^dl_/);
    // The local channel is off: its routes do not exist.
    expect((await fetch(`${url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
  });

  it('says the channel is unavailable when Azure refuses, without detail', async () => {
    const azure = await fakeService(() => ({ status: 403, body: { error: 'bad secret' } }));
    closers.push(() => azure.close());
    const { url } = await bot({ DIRECTLINE_SECRET: 'wrong', DIRECTLINE_ENDPOINT: azure.url });
    const response = await fetch(`${url}/api/directline/token`, { method: 'POST' });
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain('wrong');
  });

  it('keeps a byte budget a conversation: 40 messages of 150 kB hold at most 2 MB, and the newest still arrive', async () => {
    const app = await bot();
    const client = await connect(app.url);
    await client.start();
    await client.untilBotSays();
    for (let i = 0; i < 40; i++) expect((await client.send({ type: 'message', text: `${i} ${'x'.repeat(150_000)}` })).status).toBe(200);
    const replies = await client.untilBotSays();
    expect(replies.map((a) => a.text ?? '').join()).toContain('trop long');
    expect(app.localDirectLine?.conversations.bytesOf(client.conversationId)).toBeLessThanOrEqual(MAX_CONVERSATION_BYTES);
    expect(app.localDirectLine?.conversations.bytes).toBeLessThanOrEqual(MAX_TOTAL_BYTES);
  });
});

describe('ids a channel sends', () => {
  it('a conversation id of 600 characters keeps its transcript (stored under a hash)', async () => {
    const app = await bot();
    const connector = await fakeService();
    closers.push(() => connector.close());
    const long = `a:${'x'.repeat(600)}`;
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: 'm1', channelId: 'msteams', serviceUrl: connector.url, text: 'aide', from: { id: 'u1', role: 'user' }, recipient: { id: 'bot' }, conversation: { id: long } }),
    });
    expect(response.status).toBeLessThan(300);
    await connector.waitFor(1);
    await app.transcripts.flush();
    expect((await app.transcripts.read('msteams', long)).map((a) => a.text)).toContain('aide');
    expect(await app.transcripts.conversationIds('msteams')).toEqual([{ channelId: 'msteams', conversationId: long }]);
  });

  it('refuses an id with a control character (a NUL) with a 400, and keeps serving', async () => {
    const app = await bot();
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'aide', serviceUrl: 'http://127.0.0.1:9', from: { id: 'u1' }, conversation: { id: 'a\u0000b' } }),
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

