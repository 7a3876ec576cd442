import { DateTime } from 'luxon';
import type { Offer } from './offer.js';

/** Deadlines are days in New Caledonia: applications close at the end of that day in Nouméa. */
export const OFFER_ZONE = 'Pacific/Noumea';

/** The first instant of the posting day, Nouméa time. */
export function opensAt(offer: Pick<Offer, 'postedOn'>): Date {
  return DateTime.fromISO(offer.postedOn, { zone: OFFER_ZONE }).startOf('day').toJSDate();
}

/** The first instant after the deadline day, Nouméa time: applications are accepted until just before it. */
export function closesAt(offer: Pick<Offer, 'deadline'>): Date {
  return DateTime.fromISO(offer.deadline, { zone: OFFER_ZONE }).plus({ days: 1 }).startOf('day').toJSDate();
}

export function isOpen(offer: Pick<Offer, 'postedOn' | 'deadline'>, now: Date): boolean {
  return now >= opensAt(offer) && now < closesAt(offer);
}

export function isClosed(offer: Pick<Offer, 'deadline'>, now: Date): boolean {
  return now >= closesAt(offer);
}

/** Whole days left before the deadline day ends, counted in Nouméa calendar days (0 = closes tonight). */
export function daysLeft(offer: Pick<Offer, 'deadline'>, now: Date): number {
  const today = DateTime.fromJSDate(now, { zone: OFFER_ZONE }).startOf('day');
  const deadline = DateTime.fromISO(offer.deadline, { zone: OFFER_ZONE }).startOf('day');
  return Math.round(deadline.diff(today, 'days').days);
}

/** Open and closing within the given number of days (0 = today). */
export function closesWithin(offer: Pick<Offer, 'postedOn' | 'deadline'>, days: number, now: Date): boolean {
  return isOpen(offer, now) && daysLeft(offer, now) <= days;
}
