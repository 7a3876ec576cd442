import { describe, expect, it } from '@jest/globals';
import { closesAt, closesWithin, daysLeft, isClosed, isOpen, opensAt } from '../../data/offers/openness.js';
import { offerByReference } from '../helpers/offers.js';

// 3134-25-0966/SR: posted Friday 27 June 2025, deadline Friday 18 July 2025.
const offer = offerByReference('3134-25-0966/SR');

describe('an offer is open from its posting day until the end of its deadline day, Nouméa time', () => {
  it.each([
    ['the day before posting, late evening in Nouméa', '2025-06-26T23:59:59+11:00', false],
    ['the first instant of the posting day', '2025-06-27T00:00:00+11:00', true],
    ['the deadline day at noon', '2025-07-18T12:00:00+11:00', true],
    ['the last second of the deadline day', '2025-07-18T23:59:59+11:00', true],
    ['midnight after the deadline (still 18 July in UTC)', '2025-07-18T13:00:00Z', false],
    ['a year later', '2026-07-18T12:00:00+11:00', false],
  ])('%s', (_label, at, open) => {
    expect(isOpen(offer, new Date(at))).toBe(open);
  });

  it('closes at 00:00 on the day after the deadline in Nouméa (13:00 UTC the day before)', () => {
    expect(closesAt(offer).toISOString()).toBe('2025-07-18T13:00:00.000Z');
    expect(opensAt(offer).toISOString()).toBe('2025-06-26T13:00:00.000Z');
    expect(isClosed(offer, new Date('2025-07-18T13:00:00Z'))).toBe(true);
  });

  it('counts the days left in Nouméa calendar days', () => {
    expect(daysLeft(offer, new Date('2025-07-18T08:00:00+11:00'))).toBe(0);
    expect(daysLeft(offer, new Date('2025-07-17T23:30:00+11:00'))).toBe(1);
    // 10:30 UTC on 10 July is already 21:30 on 10 July in Nouméa: 8 days left.
    expect(daysLeft(offer, new Date('2025-07-10T10:30:00Z'))).toBe(8);
    expect(closesWithin(offer, 7, new Date('2025-07-11T09:00:00+11:00'))).toBe(true);
    expect(closesWithin(offer, 7, new Date('2025-07-10T09:00:00+11:00'))).toBe(false);
  });
});
