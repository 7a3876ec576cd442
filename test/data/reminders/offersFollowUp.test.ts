import { describe, expect, it } from '@jest/globals';
import { buildSnapshot } from '../../../data/offers/offerCatalog.js';
import { pendingDelivery } from '../../../data/reminders/delivery.js';
import { REMOVAL_GRACE_MS, followUpOffers } from '../../../data/reminders/offersFollowUp.js';
import type { Alert, Notice, Reminder } from '../../../data/reminders/proactiveRecords.js';
import { MemoryProactiveStore } from '../../../data/reminders/proactiveStore.js';
import { reminderTime } from '../../../data/reminders/reminderRules.js';
import { noumeaNoon, sampleOffers } from '../../helpers/offers.js';

const now = noumeaNoon('2026-07-05');

function alert(id: string, userKey: string, text: string, filters: Alert['search']['filters'] = {}): Alert {
  return {
    id,
    kind: 'alert',
    recipient: { userKey, address: { user: userKey }, language: 'fr' },
    search: { text, said: text, filters },
    createdAt: now.toISOString(),
  };
}

function reminder(reference: string, lastDay: string): Reminder {
  return {
    id: `r-${reference}`,
    kind: 'reminder',
    recipient: { userKey: 'webchat:c', address: {}, language: 'en' },
    offer: { reference, title: 'x' },
    leadDays: 2,
    lastDay,
    createdAt: now.toISOString(),
    delivery: pendingDelivery(reminderTime(lastDay, 2)),
  };
}

const notices = (store: MemoryProactiveStore) => store.all().filter((r): r is Notice => r.kind === 'notice');

describe('new offers reach the alerts that match them, once, one message per person', () => {
  const all = sampleOffers();
  const before = buildSnapshot(
    all.filter((o) => !['3134-26-0975/SR', '3134-26-0972/SR'].includes(o.reference)),
    now,
  );
  // HR publishes two offers: an application developer's post and a customer-service controller's.
  const after = buildSnapshot(all, now);

  it('sends the developer post to both subscribers and the controller post to nobody', async () => {
    const store = new MemoryProactiveStore();
    await store.put(
      alert('a1', 'webchat:alice', 'développeur'),
      alert('b1', 'webchat:bob', 'développeur'),
      alert('b2', 'webchat:bob', 'concepteur'),
    );
    // The first start only remembers what is open.
    expect((await followUpOffers(store, before, now)).alertsSent).toBe(0);
    const report = await followUpOffers(store, after, now);
    expect(report).toMatchObject({ newOffers: 2, alertsSent: 2 });
    const sent = notices(store).map((n) => [n.recipient.userKey, n.offers.map((o) => o.reference)]);
    // Bob's two alerts both match the developer post: it comes once, in one message.
    expect(sent.sort()).toEqual([
      ['webchat:alice', ['3134-26-0975/SR']],
      ['webchat:bob', ['3134-26-0975/SR']],
    ]);
    // The same offers again (a second reload, a restart): nothing new to announce.
    expect((await followUpOffers(store, after, now)).alertsSent).toBe(0);
    expect(notices(store)).toHaveLength(2);
  });

  it('an offer still closed is not announced', async () => {
    const store = new MemoryProactiveStore();
    await store.put(alert('a1', 'webchat:alice', 'développeur'));
    await followUpOffers(store, before, noumeaNoon('2026-08-20'));
    expect((await followUpOffers(store, after, noumeaNoon('2026-08-20'))).alertsSent).toBe(0);
  });
});

describe('reminders follow their offer when HR changes it', () => {
  it('a moved deadline moves the reminder and tells the user; an offer HR removed drops it and says so', async () => {
    const store = new MemoryProactiveStore();
    await store.put(reminder('3134-26-1010/SR', '2026-07-24'), reminder('3134-26-0945/SR', '2026-07-10'));
    const offers = sampleOffers()
      .filter((o) => o.reference !== '3134-26-0945/SR')
      .map((o) => (o.reference === '3134-26-1010/SR' ? { ...o, deadline: '2026-07-31' } : o));
    const report = await followUpOffers(store, buildSnapshot(offers, now), now, { removedByHr: new Set(['3134-26-0945/SR']) });
    expect(report).toMatchObject({ remindersMoved: 1, remindersDropped: 1 });
    expect(store.get('r-3134-26-1010/SR')).toMatchObject({
      lastDay: '2026-07-31',
      delivery: { status: 'pending', dueAt: '2026-07-28T21:00:00.000Z' },
    });
    expect(store.get('r-3134-26-0945/SR')).toMatchObject({ delivery: { status: 'expired' } });
    expect(notices(store).map((n) => [n.about, n.offers[0]?.reference]).sort()).toEqual([
      ['reminderDropped', '3134-26-0945/SR'],
      ['reminderMoved', '3134-26-1010/SR'],
    ]);
  });
});

describe('a deadline moved so close that the chosen morning has passed', () => {
  it('the reminder goes now, and the notice says now, not a day already gone', async () => {
    const store = new MemoryProactiveStore();
    await store.put(reminder('3134-26-1010/SR', '2026-07-24'));
    // HR brings the deadline forward to 6 July: "2 days before" would be 4 July, already past on the 5th.
    const offers = sampleOffers().map((o) => (o.reference === '3134-26-1010/SR' ? { ...o, deadline: '2026-07-06' } : o));
    await followUpOffers(store, buildSnapshot(offers, now), now);
    expect(store.get('r-3134-26-1010/SR')).toMatchObject({ lastDay: '2026-07-06', delivery: { status: 'pending', dueAt: now.toISOString() } });
    const moved = notices(store).find((n) => n.about === 'reminderMoved');
    expect(moved?.remindAt).toBe(now.toISOString());
  });
});

describe('an offer gone from the file without HR removing it (a slip)', () => {
  const withoutOne = () => sampleOffers().filter((o) => o.reference !== '3134-26-0945/SR');

  it('keeps its reminders through the grace period, and restoring the file changes nothing for users', async () => {
    const store = new MemoryProactiveStore();
    await store.put(reminder('3134-26-0945/SR', '2026-07-10'));
    await followUpOffers(store, buildSnapshot(sampleOffers(), now), now);
    const report = await followUpOffers(store, buildSnapshot(withoutOne(), now), now);
    expect(report).toMatchObject({ remindersDropped: 0, missing: 1 });
    expect(store.get('r-3134-26-0945/SR')).toMatchObject({ delivery: { status: 'pending' } });
    // HR restores the file an hour later: no notice, no "new offer" for the alerts.
    const later = new Date(now.getTime() + 3_600_000);
    const restored = await followUpOffers(store, buildSnapshot(sampleOffers(), later), later);
    expect(restored).toMatchObject({ newOffers: 0, remindersDropped: 0, missing: 0 });
    expect(notices(store)).toEqual([]);
  });

  it('drops them once the offer is still gone after the grace period, and says so', async () => {
    const store = new MemoryProactiveStore();
    await store.put(reminder('3134-26-0945/SR', '2026-07-10'));
    await followUpOffers(store, buildSnapshot(sampleOffers(), now), now);
    await followUpOffers(store, buildSnapshot(withoutOne(), now), now);
    const dayAfter = new Date(now.getTime() + REMOVAL_GRACE_MS + 60_000);
    const report = await followUpOffers(store, buildSnapshot(withoutOne(), dayAfter), dayAfter);
    expect(report).toMatchObject({ remindersDropped: 1, missing: 0 });
    expect(notices(store).map((n) => n.about)).toEqual(['reminderDropped']);
  });
});

