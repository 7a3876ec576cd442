import { DateTime } from 'luxon';
import type { Offer } from '../offers/offer.js';
import { closesAt, lastDay, OFFER_ZONE } from '../offers/openness.js';
import type { Reminder } from './proactiveRecords.js';

/** Unless the user says otherwise, a reminder comes two days before the last day to apply. */
export const DEFAULT_LEAD_DAYS = 2;
/** Further ahead than this is not a reminder of a deadline any more. */
export const MAX_LEAD_DAYS = 60;
/** Reminders arrive at 8 in the morning, Nouméa time: early enough to act that day. */
export const REMINDER_HOUR = 8;
export const MAX_REMINDERS_PER_USER = 20;
export const MAX_ALERTS_PER_USER = 10;

/** 08:00 in Nouméa, `leadDays` days before the last day to apply. */
export function reminderTime(lastDayToApply: string, leadDays: number): Date {
  return DateTime.fromISO(lastDayToApply, { zone: OFFER_ZONE })
    .minus({ days: leadDays })
    .set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/** The instant applications close for a last day: the start of the next day in Nouméa. */
export function closingOf(lastDayToApply: string): Date {
  return closesAt({ deadline: lastDayToApply });
}

export type ReminderPlan =
  /** Comes at `dueAt`. */
  | { kind: 'scheduled'; dueAt: Date; lastDay: string }
  /** The chosen morning has passed but applications are still open: remind now. */
  | { kind: 'now'; dueAt: Date; lastDay: string }
  /** Applications are closed: no reminder. */
  | { kind: 'closed'; lastDay: string };

export function planReminder(offer: Pick<Offer, 'deadline' | 'closedOn'>, leadDays: number, now: Date): ReminderPlan {
  const day = lastDay(offer);
  if (now.getTime() >= closesAt(offer).getTime()) return { kind: 'closed', lastDay: day };
  const dueAt = reminderTime(day, leadDays);
  if (dueAt.getTime() <= now.getTime()) return { kind: 'now', dueAt: now, lastDay: day };
  return { kind: 'scheduled', dueAt, lastDay: day };
}

export type ReminderChange =
  | { kind: 'moved'; reminder: Reminder; lastDay: string; dueAt: Date }
  /** The offer was removed, or closed before the reminder could come. */
  | { kind: 'dropped'; reminder: Reminder; reason: 'removed' | 'closed' };

/**
 * What the offers now in force mean for the reminders not yet sent: a new last day moves the
 * reminder (keeping its lead time); a removed offer, or one now closed, drops it.
 */
export function followOffers(
  reminders: readonly Reminder[],
  findOffer: (reference: string) => Pick<Offer, 'deadline' | 'closedOn'> | 'unsure' | undefined,
  now: Date,
): ReminderChange[] {
  const changes: ReminderChange[] = [];
  for (const reminder of reminders) {
    if (reminder.delivery.status !== 'pending') continue;
    const offer = findOffer(reminder.offer.reference);
    // Still in the file but set aside until HR corrects it: nothing is decided for its reminders yet.
    if (offer === 'unsure') continue;
    if (!offer) {
      changes.push({ kind: 'dropped', reminder, reason: 'removed' });
      continue;
    }
    const day = lastDay(offer);
    if (day === reminder.lastDay) continue;
    const plan = planReminder(offer, reminder.leadDays, now);
    if (plan.kind === 'closed') changes.push({ kind: 'dropped', reminder, reason: 'closed' });
    else changes.push({ kind: 'moved', reminder, lastDay: day, dueAt: plan.dueAt });
  }
  return changes;
}

/** Whole hours left to apply at `now` (a reminder says "il vous reste 50 heures"). */
export function hoursLeft(lastDayToApply: string, now: Date): number {
  return Math.max(0, Math.floor((closingOf(lastDayToApply).getTime() - now.getTime()) / 3_600_000));
}
