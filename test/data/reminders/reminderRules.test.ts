import { describe, expect, it } from '@jest/globals';
import { afterSend, isDue, pendingDelivery, retryDelayMs, sending } from '../../../data/reminders/delivery.js';
import type { Reminder } from '../../../data/reminders/proactiveRecords.js';
import { followOffers, hoursLeft, planReminder, reminderTime } from '../../../data/reminders/reminderRules.js';

function reminder(reference: string, lastDay: string, leadDays = 2): Reminder {
  return {
    id: `r-${reference}`,
    kind: 'reminder',
    recipient: { userKey: 'test:u1', address: {}, language: 'fr' },
    offer: { reference, title: 'Titre' },
    leadDays,
    lastDay,
    createdAt: '2026-07-01T00:00:00.000Z',
    delivery: pendingDelivery(reminderTime(lastDay, leadDays)),
  };
}

describe('when a reminder comes', () => {
  it.each([
    // Nouméa is UTC+11 all year: 08:00 there is 21:00 UTC the day before.
    ['2026-07-16', 2, '2026-07-13T21:00:00.000Z'],
    ['2026-07-16', 1, '2026-07-14T21:00:00.000Z'],
    ['2026-07-16', 0, '2026-07-15T21:00:00.000Z'],
    // Across a month and a year end, and in the southern summer (no daylight saving).
    ['2026-08-01', 3, '2026-07-28T21:00:00.000Z'],
    ['2027-01-01', 2, '2026-12-29T21:00:00.000Z'],
  ])('last day %s, %i days before: 08:00 Nouméa = %s', (lastDay, lead, expected) => {
    expect(reminderTime(lastDay, lead).toISOString()).toBe(expected);
  });

  it('plans ahead, now when the chosen morning has passed, never after the deadline', () => {
    const offer = { deadline: '2026-07-16' };
    expect(planReminder(offer, 2, new Date('2026-07-05T00:00:00Z'))).toEqual({
      kind: 'scheduled',
      dueAt: new Date('2026-07-13T21:00:00.000Z'),
      lastDay: '2026-07-16',
    });
    // 15 July, 10:00 in Nouméa: "2 days before" was the 14th; applications are open until the 16th ends.
    const late = new Date('2026-07-14T23:00:00Z');
    expect(planReminder(offer, 2, late)).toEqual({ kind: 'now', dueAt: late, lastDay: '2026-07-16' });
    // 16 July 23:59 in Nouméa: still open. 17 July 00:00: closed.
    expect(planReminder(offer, 0, new Date('2026-07-16T12:59:00Z')).kind).toBe('now');
    expect(planReminder(offer, 0, new Date('2026-07-16T13:00:00Z'))).toEqual({ kind: 'closed', lastDay: '2026-07-16' });
  });

  it('an offer HR closed early closes on its closing day', () => {
    expect(planReminder({ deadline: '2026-07-30', closedOn: '2026-07-10' }, 2, new Date('2026-07-10T01:00:00Z')).kind).toBe('closed');
  });

  it('counts whole hours left until midnight in Nouméa', () => {
    expect(hoursLeft('2026-07-16', new Date('2026-07-13T21:00:00Z'))).toBe(64);
    expect(hoursLeft('2026-07-16', new Date('2026-07-17T00:00:00Z'))).toBe(0);
  });
});

describe('reminders follow their offer', () => {
  const now = new Date('2026-07-05T00:00:00Z');
  it('moves with a new deadline, keeping the lead time; drops with a removed or closed offer', () => {
    const moved = reminder('A', '2026-07-16', 3);
    const same = reminder('B', '2026-07-20');
    const removed = reminder('C', '2026-07-20');
    const closed = reminder('D', '2026-07-20');
    const offers: Record<string, { deadline: string; closedOn?: string }> = {
      A: { deadline: '2026-07-23' },
      B: { deadline: '2026-07-20' },
      D: { deadline: '2026-07-20', closedOn: '2026-07-04' },
    };
    const changes = followOffers([moved, same, removed, closed], (ref) => offers[ref], now);
    expect(changes).toEqual([
      { kind: 'moved', reminder: moved, lastDay: '2026-07-23', dueAt: new Date('2026-07-19T21:00:00.000Z') },
      { kind: 'dropped', reminder: removed, reason: 'removed' },
      { kind: 'dropped', reminder: closed, reason: 'closed' },
    ]);
  });

  it('leaves sent reminders alone', () => {
    const sent = { ...reminder('A', '2026-07-16'), delivery: { ...pendingDelivery(now), status: 'sent' as const } };
    expect(followOffers([sent], () => undefined, now)).toEqual([]);
  });
});

describe('a message on its way', () => {
  const now = new Date('2026-07-10T00:00:00Z');
  it('is due at its time, or after its retry time', () => {
    const delivery = pendingDelivery(now);
    expect(isDue(delivery, new Date(now.getTime() - 1))).toBe(false);
    expect(isDue(delivery, now)).toBe(true);
    const retried = afterSend(sending(delivery), { kind: 'retry', error: '500' }, now);
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: '500' });
    expect(isDue(retried, new Date(now.getTime() + 59_000))).toBe(false);
    expect(isDue(retried, new Date(now.getTime() + 60_000))).toBe(true);
  });

  it('backs off 1, 4, 16 minutes… up to 6 hours, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 4, 16, 64, 256, 360, 360]);
    let delivery = pendingDelivery(now);
    for (let attempt = 1; attempt <= 6; attempt += 1) delivery = afterSend(sending(delivery), { kind: 'retry', error: '503' }, now);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 6 });
  });

  it('a user who blocked the bot is not retried', () => {
    expect(afterSend(sending(pendingDelivery(now)), { kind: 'gone', error: '403' }, now).status).toBe('failed');
  });
});
