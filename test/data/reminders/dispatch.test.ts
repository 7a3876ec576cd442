import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import type { SendOutcome } from '../../../data/reminders/delivery.js';
import { pendingDelivery } from '../../../data/reminders/delivery.js';
import { sendDue, settleInterrupted } from '../../../data/reminders/dispatch.js';
import type { Alert, Outgoing, ProactiveRecord, Reminder } from '../../../data/reminders/proactiveRecords.js';
import { FileProactiveStore } from '../../../data/reminders/proactiveStore.js';
import { reminderTime } from '../../../data/reminders/reminderRules.js';
import { PROJECT_ROOT } from '../../helpers/offers.js';

const run = promisify(execFile);

function reminder(id: string, lastDay: string, userKey = 'webchat:u1'): Reminder {
  return {
    id,
    kind: 'reminder',
    recipient: { userKey, address: { conversation: { id: `c-${userKey}` } }, language: 'fr' },
    offer: { reference: '3134-25-0966/SR', title: 'Référent projet SI' },
    leadDays: 2,
    lastDay,
    createdAt: '2026-07-01T00:00:00.000Z',
    delivery: pendingDelivery(reminderTime(lastDay, 2)),
  };
}

function alert(id: string, userKey: string): Alert {
  return {
    id,
    kind: 'alert',
    recipient: { userKey, address: {}, language: 'fr' },
    search: { text: 'informatique', said: 'informatique', filters: {} },
    createdAt: '2026-07-01T00:00:00.000Z',
  };
}

/** A channel that records what it was asked to send and answers as told. */
function channel(answer: (message: Outgoing) => SendOutcome = () => ({ kind: 'sent' })) {
  const sent: string[] = [];
  return {
    sent,
    send: async (message: Outgoing) => {
      const outcome = answer(message);
      if (outcome.kind === 'sent') sent.push(message.id);
      return outcome;
    },
  };
}

const stateDir = () => mkdtemp(path.join(tmpdir(), 'proactive-'));
const dueAt = new Date('2026-07-13T21:00:00Z'); // 08:00 Nouméa, 14 July, for a last day of 16 July

describe('sending what is due, exactly once', () => {
  it('sends at the due instant, not before, and never twice', async () => {
    const { store } = await FileProactiveStore.open(await stateDir());
    await store.put(reminder('r1', '2026-07-16'));
    const ch = channel();
    expect((await sendDue(store, new Date(dueAt.getTime() - 1000), ch.send)).sent).toBe(0);
    expect((await sendDue(store, dueAt, ch.send)).sent).toBe(1);
    expect((await sendDue(store, new Date(dueAt.getTime() + 3_600_000), ch.send)).sent).toBe(0);
    expect(ch.sent).toEqual(['r1']);
  });

  it('a restart loses nothing: a reminder due while the bot was down goes after start-up', async () => {
    const dir = await stateDir();
    const first = await FileProactiveStore.open(dir);
    await first.store.put(reminder('r1', '2026-07-16'));
    // The bot is down on the 14th; it starts again on the 15th at noon, Nouméa time.
    const again = await FileProactiveStore.open(dir);
    expect(again.report).toEqual({ records: 1, skipped: 0 });
    const ch = channel();
    await settleInterrupted(again.store);
    await sendDue(again.store, new Date('2026-07-15T01:00:00Z'), ch.send);
    expect(ch.sent).toEqual(['r1']);
    // And after a second restart it is remembered as sent.
    const third = await FileProactiveStore.open(dir);
    expect(third.store.get('r1')).toMatchObject({ delivery: { status: 'sent', attempts: 1 } });
  });

  it('a reminder whose deadline passed while the bot was down is not sent', async () => {
    const { store } = await FileProactiveStore.open(await stateDir());
    await store.put(reminder('r1', '2026-07-16'));
    const ch = channel();
    const report = await sendDue(store, new Date('2026-07-17T00:00:00Z'), ch.send);
    expect(report).toMatchObject({ sent: 0, expired: 1 });
    expect(store.get('r1')).toMatchObject({ delivery: { status: 'expired' } });
  });

  it('a process killed between "sending" and "sent" does not send again after its restart', async () => {
    const dir = await stateDir();
    const { store } = await FileProactiveStore.open(dir);
    await store.put(reminder('r1', '2026-07-16'), reminder('r2', '2026-07-20'));
    // A real process, killed (SIGKILL) while the channel is sending r1: no clean-up runs.
    const script = `
      const { FileProactiveStore } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist/data/reminders/proactiveStore.js'))});
      const { sendDue } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist/data/reminders/dispatch.js'))});
      const { store } = await FileProactiveStore.open(${JSON.stringify(dir)});
      await sendDue(store, new Date(${JSON.stringify(dueAt.toISOString())}), async () => { process.kill(process.pid, 'SIGKILL'); });
    `;
    await expect(run(process.execPath, ['--input-type=module', '-e', script])).rejects.toMatchObject({ signal: 'SIGKILL' });
    expect(await readFile(path.join(dir, 'proactive.json.journal'), 'utf8')).toContain('"sending"');

    const restarted = await FileProactiveStore.open(dir);
    expect(await settleInterrupted(restarted.store)).toBe(1);
    const ch = channel();
    await sendDue(restarted.store, new Date('2026-07-18T00:00:00Z'), ch.send);
    // r1 is not sent a second time; r2, not yet asked of the channel, goes.
    expect(ch.sent).toEqual(['r2']);
    expect(restarted.store.get('r1')).toMatchObject({ delivery: { status: 'sent', lastError: expect.stringContaining('interrupted') } });
  });

  it('a user who blocked the bot (403) or left (404) is unsubscribed, not retried', async () => {
    const { store } = await FileProactiveStore.open(await stateDir());
    await store.put(reminder('r1', '2026-07-16', 'webchat:blocked'), alert('a1', 'webchat:blocked'), reminder('r2', '2026-07-16', 'webchat:other'));
    const ch = channel((m) => (m.recipient.userKey === 'webchat:blocked' ? { kind: 'gone', error: '403 Forbidden' } : { kind: 'sent' }));
    const report = await sendDue(store, dueAt, ch.send);
    expect(report).toMatchObject({ sent: 1, failed: 1, unsubscribed: ['webchat:blocked'] });
    expect(store.all().map((r) => r.id)).toEqual(['r2']);
  });

  it('a channel error (500) is retried with back-off until it goes through', async () => {
    const { store } = await FileProactiveStore.open(await stateDir());
    await store.put(reminder('r1', '2026-07-16'));
    let failures = 2;
    const ch = channel(() => (failures-- > 0 ? { kind: 'retry', error: '500 Internal Server Error' } : { kind: 'sent' }));
    expect((await sendDue(store, dueAt, ch.send)).retried).toBe(1);
    // Not again within the minute of back-off.
    expect((await sendDue(store, new Date(dueAt.getTime() + 30_000), ch.send)).retried).toBe(0);
    expect((await sendDue(store, new Date(dueAt.getTime() + 60_000), ch.send)).retried).toBe(1);
    // Then four minutes.
    expect((await sendDue(store, new Date(dueAt.getTime() + 60_000 + 239_000), ch.send)).sent).toBe(0);
    expect((await sendDue(store, new Date(dueAt.getTime() + 60_000 + 240_000), ch.send)).sent).toBe(1);
    expect(store.get('r1')).toMatchObject({ delivery: { status: 'sent', attempts: 3 } });
  });

  it('on a shared store, each message goes to the channel once its own claim is written, not the whole batch\'s', async () => {
    const { store: files } = await FileProactiveStore.open(await stateDir());
    await files.put(...Array.from({ length: 8 }, (_, i) => reminder(`r${i}`, '2026-07-16', `webchat:u${i}`)));
    const events: string[] = [];
    // A store shared by instances, its claim of r7 slow (a storage request taking its time).
    const shared = Object.assign(Object.create(files) as FileProactiveStore, {
      claim: async <T extends ProactiveRecord>(records: readonly T[]): Promise<T[]> => {
        if (records.some((r) => r.id === 'r7')) await new Promise((resolve) => setTimeout(resolve, 200));
        await files.put(...records);
        events.push(...records.map((r) => `claimed ${r.id}`));
        return [...records];
      },
    });
    const report = await sendDue(shared, dueAt, async (message) => {
      events.push(`sent ${message.id}`);
      return { kind: 'sent' };
    });
    expect(report.sent).toBe(8);
    // The time a killed process would lose a claimed message in: r0 is not kept waiting for r7's claim.
    expect(events.indexOf('sent r0')).toBeLessThan(events.indexOf('claimed r7'));
    expect(events.indexOf('claimed r7')).toBeLessThan(events.indexOf('sent r7'));
    expect(files.get('r7')).toMatchObject({ delivery: { status: 'sent' } });
  });

  it('a send that throws counts as a transient failure', async () => {
    const { store } = await FileProactiveStore.open(await stateDir());
    await store.put(reminder('r1', '2026-07-16'));
    const report = await sendDue(store, dueAt, async () => {
      throw new Error('socket hang up');
    });
    expect(report.retried).toBe(1);
    expect(store.get('r1')).toMatchObject({ delivery: { status: 'pending', lastError: expect.stringContaining('socket hang up') } });
  });
});
