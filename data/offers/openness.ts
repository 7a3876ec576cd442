import { DateTime } from 'luxon';
import type { Offer } from './offer.js';

/** Deadlines are days in New Caledonia: applications close at the end of that day in Nouméa. */
export const OFFER_ZONE = 'Pacific/Noumea';

const DAY_MS = 24 * 3600 * 1000;
const MAX_REMEMBERED_DAYS = 10_000;

/**
 * Time-zone arithmetic is the costly part of a turn (every card asks "open? how many days?"),
 * and offers share a few hundred distinct dates: each day's start is worked out once.
 */
const dayStarts = new Map<string, number>();

function startOfDay(isoDay: string): number {
  let start = dayStarts.get(isoDay);
  if (start === undefined) {
    if (dayStarts.size >= MAX_REMEMBERED_DAYS) dayStarts.clear();
    start = DateTime.fromISO(isoDay, { zone: OFFER_ZONE }).startOf('day').toMillis();
    dayStarts.set(isoDay, start);
  }
  return start;
}

const noumeaDate = new Intl.DateTimeFormat('en-CA', { timeZone: OFFER_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day it is in Nouméa at this instant, "2026-07-05". */
export function noumeaDay(now: Date): string {
  return noumeaDate.format(now);
}

/** The first instant of the posting day, Nouméa time. */
export function opensAt(offer: Pick<Offer, 'postedOn'>): Date {
  return new Date(startOfDay(offer.postedOn));
}

/**
 * The first instant after the deadline day, Nouméa time: applications are accepted until just
 * before it. An offer HR closed early closes at the start of the day it was closed.
 */
export function closesAt(offer: Pick<Offer, 'deadline' | 'closedOn'>): Date {
  // The next day's start, not start + 24 h: correct even in a zone with daylight saving.
  const next = new Date(Date.parse(`${offer.deadline}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const end = startOfDay(next);
  return new Date(offer.closedOn ? Math.min(end, startOfDay(offer.closedOn)) : end);
}

/** The day applications stopped: the deadline, or the earlier day HR closed the offer. */
export function lastDay(offer: Pick<Offer, 'deadline' | 'closedOn'>): string {
  return offer.closedOn && offer.closedOn <= offer.deadline ? offer.closedOn : offer.deadline;
}

export function isOpen(offer: Pick<Offer, 'postedOn' | 'deadline' | 'closedOn'>, now: Date): boolean {
  return now >= opensAt(offer) && now < closesAt(offer);
}

export function isClosed(offer: Pick<Offer, 'deadline' | 'closedOn'>, now: Date): boolean {
  return now >= closesAt(offer);
}

/** Calendar days from one ISO day to another ("2026-07-05" → "2026-07-10": 5). */
export function calendarDaysBetween(fromDay: string, toDay: string): number {
  // Their UTC midnights are a whole number of days apart.
  return Math.round((Date.parse(toDay) - Date.parse(fromDay)) / DAY_MS);
}

/** Whole days left before the deadline day ends, counted in Nouméa calendar days (0 = closes tonight). */
export function daysLeft(offer: Pick<Offer, 'deadline'>, now: Date): number {
  return calendarDaysBetween(noumeaDay(now), offer.deadline);
}

/**
 * Where an offer stands for a job seeker: not yet open, open (closing today, tomorrow, or in some
 * days), or closed since its last day. The status line of cards and the deadline answer both say it.
 */
export type OfferPhase =
  | { phase: 'notYetOpen' }
  | { phase: 'closesToday'; daysLeft: 0 }
  | { phase: 'closesTomorrow'; daysLeft: 1 }
  | { phase: 'open'; daysLeft: number }
  | { phase: 'closed'; lastDay: string };

export function offerPhase(offer: Pick<Offer, 'postedOn' | 'deadline' | 'closedOn'>, now: Date): OfferPhase {
  if (isClosed(offer, now)) return { phase: 'closed', lastDay: lastDay(offer) };
  if (!isOpen(offer, now)) return { phase: 'notYetOpen' };
  const days = daysLeft(offer, now);
  if (days === 0) return { phase: 'closesToday', daysLeft: 0 };
  if (days === 1) return { phase: 'closesTomorrow', daysLeft: 1 };
  return { phase: 'open', daysLeft: days };
}

/** Open and closing within the given number of days (0 = today). */
export function closesWithin(offer: Pick<Offer, 'postedOn' | 'deadline' | 'closedOn'>, days: number, now: Date): boolean {
  return isOpen(offer, now) && daysLeft(offer, now) <= days;
}
