import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { ManualClock } from '../../data/clock.js';
import { AdminClient, adminEnv } from '../helpers/adminClient.js';
import { connect, type DirectLineClient } from '../helpers/directLine.js';
import { noumeaNoon } from '../helpers/offers.js';
import { testConfig } from '../helpers/servers.js';

/** The handoff over HTTP: the real app, its Direct Line channel and the review page's forms. */
let app: Awaited<ReturnType<typeof startApp>>;
const clock = new ManualClock(noumeaNoon('2026-07-06')); // a Monday, noon in Nouméa

beforeAll(async () => {
  app = await startApp(await testConfig({ ...(await adminEnv()), HANDOFF_WAIT_MINUTES: '10', HANDOFF_IDLE_MINUTES: '30' }), { clock, logger: new MemoryLogger() });
}, 30000);

afterAll(async () => {
  await app?.close();
});

async function userAsking(text: string): Promise<DirectLineClient> {
  const client = await connect(app.url);
  await client.start();
  await client.untilBotSays();
  await client.send({ type: 'message', from: { id: `user-${Math.random()}` }, text, locale: 'fr-FR' });
  return client;
}

/** A staff member signed in, with the queue open: support is on duty. */
async function staffOnTheQueue(): Promise<AdminClient> {
  const staff = new AdminClient(app.url);
  await staff.login();
  await staff.get('/admin/queue');
  return staff;
}

const texts = (activities: Array<{ text?: string }>) => activities.map((a) => a.text ?? '').join('\n');

describe('the handoff over HTTP', () => {
  it('nobody takes it in time: the user is told, and the request becomes a message staff answer later, signed with a first name', async () => {
    const staff = await staffOnTheQueue();
    const user = await userAsking('détails 0975');
    await user.untilBotSays();
    await user.send({ type: 'message', from: { id: 'user-timeout' }, text: 'je veux parler à un conseiller', locale: 'fr-FR' });
    expect(texts(await user.untilBotSays())).toMatch(/Je transmets votre demande/);
    const [request] = app.handoffs.all();
    expect(request?.status).toBe('waiting');

    clock.advance(11 * 60_000);
    await app.handoffDesk.sweep();
    // Told, with whom the offer names to ask.
    expect(texts(await user.untilBotSays())).toMatch(/Personne n'a pu prendre votre demande à temps[\s\S]*Pour l'offre 3134-26-0975\/SR, vous pouvez aussi joindre : .*@opt\.nc/);
    expect(app.handoffs.get(request!.id)?.status).toBe('message');

    // Answered later from the request's page.
    const page = await (await staff.get(`/admin/handoff?id=${request!.id}`)).text();
    expect(page).toContain('<script src="/admin/handoff.js" defer></script>');
    const sent = await staff.post('/admin/handoff/answer', { csrf: AdminClient.csrfOf(page), id: request!.id, name: 'Léa', text: 'Votre dossier est **complet**.' });
    expect(sent.status).toBe(303);
    const answer = (await user.untilBotSays()).find((a) => (a.channelData as { handoff?: unknown } | undefined)?.handoff);
    // Signed with the first name; the staff member's markdown is shown as typed, not interpreted.
    expect(answer?.text).toBe('**Léa** (équipe d’assistance) : Votre dossier est \\*\\*complet\\*\\*.');
    expect(answer?.channelData).toMatchObject({ handoff: { from: 'agent', name: 'Léa' } });
  });

  it('a taken conversation silent for the idle time ends, and the bot says it is back; forms without the CSRF token are refused', async () => {
    const staff = await staffOnTheQueue();
    const user = await userAsking('je veux parler à quelqu’un');
    await user.untilBotSays();
    const request = app.handoffs.all().find((h) => h.status === 'waiting');
    expect((await staff.post('/admin/handoff/take', { id: request!.id, name: 'Paul' })).status).toBe(403);
    const page = await (await staff.get(`/admin/handoff?id=${request!.id}`)).text();
    await staff.post('/admin/handoff/take', { csrf: AdminClient.csrfOf(page), id: request!.id, name: 'Paul' });
    expect(texts(await user.untilBotSays())).toMatch(/Paul, de l’équipe d’assistance, prend votre demande/);
    // An unknown request: a clear page, not a crash.
    expect((await staff.get('/admin/handoff?id=nope')).status).toBe(404);
    clock.advance(31 * 60_000);
    await app.handoffDesk.sweep();
    expect(texts(await user.untilBotSays())).toMatch(/c'est de nouveau l'assistant automatique/);
    expect(app.handoffs.get(request!.id)).toMatchObject({ status: 'ended', endedBy: 'silence' });
  });

  it('the live page streams the conversation as server-sent events, only to staff', async () => {
    const request = app.handoffs.all()[0]!;
    expect((await fetch(`${app.url}/admin/handoff/events?id=${request.id}`, { redirect: 'manual' })).status).toBe(303);
    const staff = new AdminClient(app.url);
    await staff.login();
    const controller = new AbortController();
    const response = await fetch(`${app.url}/admin/handoff/events?id=${request.id}`, { headers: { cookie: [...staff.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ') }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const { value } = (await reader.read()) as { value: Uint8Array };
    controller.abort();
    const event = JSON.parse(new TextDecoder().decode(value).replace(/^data: /, '').trim()) as { status: string; messages: unknown[] };
    expect(event.status).toBe(request.status);
    expect(event.messages.length).toBe(request.messages.length);
  });
});
