import { DEFAULT_LEAD_DAYS } from '../../data/reminders/reminderRules.js';
import { entityOf, type Recognition } from '../recognition/recognizer.js';

const UNIT_DAYS: Record<string, number> = { D: 1, W: 7, M: 30 };

/**
 * The lead time a user asked for, in days: "3 jours avant" (P3D), "une semaine avant" (P1W), "la
 * veille" (P1D), "48 heures avant" (PT48H); the default when they said none. Fractions round up:
 * a reminder comes early rather than late.
 */
export function leadDaysOf(recognition: Recognition | undefined): number {
  const timex = recognition ? entityOf(recognition, 'duration')?.resolution : undefined;
  if (!timex) return DEFAULT_LEAD_DAYS;
  const days = /^P(\d+(?:\.\d+)?)([DWM])$/.exec(timex);
  if (days) return Math.ceil(Number(days[1]) * (UNIT_DAYS[days[2] as string] as number));
  const hours = /^PT(\d+(?:\.\d+)?)H$/.exec(timex);
  if (hours) return Math.ceil(Number(hours[1]) / 24);
  return DEFAULT_LEAD_DAYS;
}
