import { afterEach, describe, expect, it } from '@jest/globals';
import type { Activity } from 'botbuilder';
import ICAL from 'ical.js';
import { startApp } from '../../bot/app.js';
import { MemoryLogger } from '../../bot/logger.js';
import { ManualClock } from '../../data/clock.js';
import { pendingDelivery } from '../../data/reminders/delivery.js';
import type { Reminder } from '../../data/reminders/proactiveRecords.js';
import { connect } from '../helpers/directLine.js';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../data/state/atomicFile.js';
import { noumeaNoon, SAMPLE_OFFERS_FILE } from '../helpers/offers.js';
import { fakeService, testConfig, waitUntil } from '../helpers/servers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function bot(clock: ManualClock, env: Record<string, string> = {}) {
  const app = await startApp(await testConfig({ REMINDER_CHECK_SECONDS: '0.1', ...env }), { clock, logger: new MemoryLogger() });
  closers.push(() => app.close());
  return app;
}

describe('a reminder over the real channel', () => {
  it('asked in a Direct Line conversation, it arrives in that conversation when the clock reaches its time', async () => {
    const clock = new ManualClock(noumeaNoon('2026-07-05'));
    const { url } = await bot(clock);
    const client = await connect(url);
    await client.start();
    await client.untilBotSays(); // the welcome
    await client.send({ type: 'message', from: { id: 'user-1' }, text: 'rappelle-moi 2 jours avant la date limite de la 0975', locale: 'fr-FR' });
    const confirmation = await client.untilBotSays();
    expect(confirmation.find((a) => a.from?.role === 'bot')?.text).toMatch(/^C'est noté : je vous rappellerai l'offre 3134-26-0975\/SR/);

    // 07:59 on 15 July in Nouméa: nothing yet.
    clock.set(new Date('2026-07-14T20:59:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await client.poll()).filter((a) => a.from?.role === 'bot')).toEqual([]);
    // 08:00: the scheduler's next round sends it, unasked.
    clock.set(new Date('2026-07-14T21:00:00Z'));
    const reminder: Array<Partial<Activity>> = [];
    await waitUntil(async () => {
      reminder.push(...(await client.poll()));
      return reminder.some((a) => a.from?.role === 'bot' && /^Pour postuler/.test(a.text ?? '')) ? true : undefined;
    });
    const texts = reminder.filter((a) => a.from?.role === 'bot').map((a) => a.text);
    expect(texts[0]).toMatch(/^Rappel : l'offre 3134-26-0975\/SR .* Il vous reste 64 heures/);
    expect(reminder.find((a) => a.from?.role === 'bot')?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    // Once.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await client.poll()).filter((a) => a.from?.role === 'bot')).toEqual([]);
  });
});

function dueReminder(serviceUrl: string, user: string): Reminder {
  return {
    id: `r-${user}`,
    kind: 'reminder',
    recipient: {
      userKey: `msteams:${user}`,
      address: { serviceUrl, channelId: 'msteams', conversation: { id: `conv-${user}` }, bot: { id: 'bot' }, user: { id: user } },
      language: 'fr',
    },
    offer: { reference: '3134-26-0975/SR', title: 'x' },
    leadDays: 2,
    lastDay: '2026-07-17',
    createdAt: '2026-07-01T00:00:00.000Z',
    delivery: pendingDelivery(new Date('2026-07-05T00:00:00Z')),
  };
}

describe('what the channel answers', () => {
  it('403 (the user blocked the bot): unsubscribed, not retried; 500: kept for a later try', async () => {
    const connector = await fakeService((request) =>
      request.url.includes('conv-blocked') ? { status: 403, body: { error: { code: 'BotBlocked' } } } : { status: 500, body: {} },
    );
    closers.push(() => connector.close());
    const app = await bot(new ManualClock(noumeaNoon('2026-07-05')), { REMINDER_CHECK_SECONDS: '3600' });
    await app.proactive.put(dueReminder(connector.url, 'blocked'), dueReminder(connector.url, 'flaky'));
    const report = await app.scheduler.tick();
    expect(report.unsubscribed).toEqual(['msteams:blocked']);
    expect(app.proactive.get('r-blocked')).toBeUndefined();
    expect(app.proactive.get('r-flaky')).toMatchObject({ delivery: { status: 'pending', attempts: 1, lastError: expect.stringContaining('500') } });
  });
});

describe('the deadline as a calendar file', () => {
  it('is a valid iCalendar event on the last day, in Pacific/Noumea, with an alarm the day before', async () => {
    const { url } = await bot(new ManualClock(noumeaNoon('2026-07-05')));
    const response = await fetch(`${url}/offres/3134-26-0975-SR/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()) as unknown[]);
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Pacific/Noumea');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.summary).toBe("Date limite : Concepteur-Développeur d'Applications SI Postal (3134-26-0975/SR)");
    expect((calendar.getFirstSubcomponent('vevent') as ICAL.Component).getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Pacific/Noumea');
    expect(event.startDate.toString()).toBe('2026-07-17T16:00:00');
    // The instant: 16:00 in Nouméa is 05:00 UTC.
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-17T05:00:00.000Z');
    const alarm = (calendar.getFirstSubcomponent('vevent') as ICAL.Component).getFirstSubcomponent('valarm');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-P1D');
  });

  it('speaks English when asked, and answers 404 for an unknown offer', async () => {
    const { url } = await bot(new ManualClock(noumeaNoon('2026-07-05')));
    expect(await (await fetch(`${url}/offres/3134-26-0975-SR/agenda.ics?lang=en`)).text()).toContain('SUMMARY:Deadline: Concepteur');
    expect((await fetch(`${url}/offres/3134-26-9999-SR/agenda.ics`)).status).toBe(404);
    expect((await fetch(`${url}/offres/not-an-offer/agenda.ics`)).status).toBe(404);
  });
});

describe('an alert over the real channel', () => {
  it('HR adds an offer to the file: the subscriber gets it in their conversation, once; another subscriber of another search gets nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'alerts-'));
    const file = path.join(dir, 'offers.json');
    const data = JSON.parse(await readFile(SAMPLE_OFFERS_FILE, 'utf8')) as { offers: Array<{ reference: string }> };
    const developer = data.offers.find((o) => o.reference === '3134-26-0975/SR');
    await writeFileAtomic(file, JSON.stringify({ offers: data.offers.filter((o) => o !== developer) }));
    const clock = new ManualClock(noumeaNoon('2026-07-05'));
    const { url } = await bot(clock, { OFFERS_FILE: file });

    const alice = await connect(url);
    await alice.start();
    await alice.untilBotSays();
    await alice.send({ type: 'message', from: { id: 'alice' }, text: 'préviens-moi quand une offre de développeur sort', locale: 'fr-FR' });
    expect((await alice.untilBotSays()).find((a) => a.from?.role === 'bot')?.text).toMatch(/^C'est noté : dès qu'une nouvelle offre « développeur »/);
    const bob = await connect(url);
    await bob.start();
    await bob.untilBotSays();
    await bob.send({ type: 'message', from: { id: 'bob' }, text: 'préviens-moi quand une offre à Lifou sort', locale: 'fr-FR' });
    await bob.untilBotSays();

    // HR publishes the developer's post: the watcher reloads the file, the scheduler sends.
    await writeFileAtomic(file, JSON.stringify(data));
    const alert = await waitUntil(async () => {
      const seen = (await alice.poll()).filter((a) => a.from?.role === 'bot');
      return seen.length > 0 ? seen : undefined;
    }, 10000);
    expect(alert[0]?.text).toBe('Nouvelle offre pour votre alerte :');
    expect(JSON.stringify(alert[0]?.attachments)).toContain("Concepteur-Développeur d'Applications SI Postal");
    // Once, and nothing for Bob, whose search does not match.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await alice.poll()).filter((a) => a.from?.role === 'bot')).toEqual([]);
    expect((await bob.poll()).filter((a) => a.from?.role === 'bot')).toEqual([]);
  }, 20000);
});

describe('a slip of HR loses nothing for users', () => {
  it('an offer dropped from the file by mistake keeps its reminders, and restoring the file tells nobody anything', async () => {
    const clock = new ManualClock(noumeaNoon('2026-07-05'));
    const dir = await mkdtemp(path.join(tmpdir(), 'slip-'));
    const file = path.join(dir, 'offers.json');
    const original = await readFile(SAMPLE_OFFERS_FILE, 'utf8');
    await writeFileAtomic(file, original);
    const app = await bot(clock, { OFFERS_FILE: file });
    const client = await connect(app.url);
    await client.start();
    await client.untilBotSays();
    await client.send({ type: 'message', from: { id: 'user-1' }, text: 'rappelle-moi 2 jours avant la date limite de la 0975', locale: 'fr-FR' });
    await client.untilBotSays();
    const pending = () => app.proactive.all().filter((r) => r.kind === 'reminder' && r.delivery.status === 'pending');
    const notices = () => app.proactive.all().filter((r) => r.kind === 'notice');
    expect(pending()).toHaveLength(1);
    // HR saves the file without that offer (a slip), then, an hour later, restores it.
    const data = JSON.parse(original) as { offers: Array<{ reference: string }> };
    await writeFileAtomic(file, JSON.stringify({ offers: data.offers.filter((o) => o.reference !== '3134-26-0975/SR') }));
    await waitUntil(async () => (app.catalog.current().offers.length === 20 ? true : undefined), 3000);
    // The follow-up of the reload (what it means for reminders) runs after the swap: let it finish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await app.scheduler.tick();
    expect(pending()).toHaveLength(1);
    expect(notices()).toEqual([]);
    clock.advance(3_600_000);
    await writeFileAtomic(file, original);
    await waitUntil(async () => (app.catalog.current().offers.length === 21 ? true : undefined), 3000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await app.scheduler.tick();
    expect(pending()).toHaveLength(1);
    expect(notices()).toEqual([]);
  });
});

