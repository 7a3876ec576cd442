import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BlobProactiveStore } from '../../bot/storage/blobRecords.js';
import { pendingDelivery, type SendOutcome } from '../../data/reminders/delivery.js';
import { sendDue } from '../../data/reminders/dispatch.js';
import type { Outgoing, Reminder } from '../../data/reminders/proactiveRecords.js';
import { reminderTime } from '../../data/reminders/reminderRules.js';
import { startAzurite, type RunningAzurite } from '../helpers/azurite.js';

/** Reminders on Azure Blobs (Azurite, started here), shared by three instances. */
let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30000);

afterAll(async () => {
  await azurite?.stop();
});

function reminder(id: string): Reminder {
  const lastDay = '2026-07-17';
  return {
    id,
    kind: 'reminder',
    recipient: { userKey: `webchat:user-${id}`, address: { conversation: { id: `c-${id}` } }, language: 'fr' },
    offer: { reference: '3134-26-0975/SR', title: 'Concepteur-Développeur' },
    leadDays: 2,
    lastDay,
    createdAt: '2026-07-01T00:00:00.000Z',
    delivery: pendingDelivery(reminderTime(lastDay, 2)),
  };
}

describe('reminders shared by three instances', () => {
  it('100 reminders due at once: each sent exactly once, whichever instance sends it', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => BlobProactiveStore.open(azurite.connectionString, 'reminders-once')));
    await a!.put(...Array.from({ length: 100 }, (_v, i) => reminder(`r${String(i).padStart(3, '0')}`)));
    await Promise.all([b!.refresh(), c!.refresh()]);
    const sent: string[] = [];
    const send = async (message: Outgoing): Promise<SendOutcome> => {
      sent.push(message.id);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { kind: 'sent' };
    };
    const due = new Date('2026-07-15T08:00:00+11:00');
    const reports = await Promise.all([a!, b!, c!].map((store) => sendDue(store, due, send)));
    expect(sent).toHaveLength(100);
    expect(new Set(sent).size).toBe(100);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(100);
    // Every instance sees them sent; another round sends nothing.
    await Promise.all([a!, b!, c!].map((store) => store.refresh()));
    expect(c!.all().every((r) => r.kind === 'reminder' && r.delivery.status === 'sent')).toBe(true);
    await Promise.all([a!, b!, c!].map((store) => sendDue(store, due, send)));
    expect(sent).toHaveLength(100);
  }, 60000);

  it('one record brought up to date alone: unchanged, changed elsewhere, deleted elsewhere', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => BlobProactiveStore.open(azurite.connectionString, 'reminders-one')));
    await a!.put(reminder('one'));
    await b!.refreshOne('one');
    expect(b!.get('one')).toMatchObject({ leadDays: 2 });
    await b!.refreshOne('one'); // unchanged: the blob answers 304, the copy stays
    expect(b!.get('one')).toMatchObject({ leadDays: 2 });
    await a!.put({ ...reminder('one'), leadDays: 5 });
    await b!.refreshOne('one');
    expect(b!.get('one')).toMatchObject({ leadDays: 5 });
    await a!.purge('one');
    await b!.refreshOne('one');
    expect(b!.get('one')).toBeUndefined();
  }, 60000);

  it('a reminder set on one instance is sent by another, and its erasure reaches them all', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => BlobProactiveStore.open(azurite.connectionString, 'reminders-across')));
    await a!.put(reminder('set-on-a'), reminder('erased'));
    await b!.refresh();
    expect(b!.get('set-on-a')).toBeDefined();
    await a!.purge('erased');
    await b!.refresh();
    expect(b!.get('erased')).toBeUndefined();
    const sent: string[] = [];
    await sendDue(b!, new Date('2026-07-15T08:00:00+11:00'), async (m) => (sent.push(m.id), { kind: 'sent' }));
    expect(sent).toEqual(['set-on-a']);
  }, 60000);
});
