import { DateTime } from 'luxon';
import { OFFER_ZONE } from '../offers/openness.js';

/**
 * When support staff are on duty, in Nouméa time: "mon-fri 07:30-16:00", several ranges separated by
 * commas ("mon-thu 07:30-16:00, fri 07:30-15:00"). Read once from the setting; a setting that cannot
 * be read stops the bot at start-up with the part at fault.
 */
export interface SupportRange {
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  /** Minutes after midnight. */
  from: number;
  to: number;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function parseSupportHours(setting: string): SupportRange[] {
  return setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/i.exec(part);
      const first = match ? DAYS.indexOf((match[1] as string).toLowerCase()) : -1;
      const last = match?.[2] ? DAYS.indexOf(match[2].toLowerCase()) : first;
      if (!match || first < 0 || last < first) throw new Error(`SUPPORT_HOURS: "${part}" is not like "mon-fri 07:30-16:00"`);
      const from = Number(match[3]) * 60 + Number(match[4]);
      const to = Number(match[5]) * 60 + Number(match[6]);
      if (to <= from || to > 24 * 60) throw new Error(`SUPPORT_HOURS: "${part}" ends before it starts`);
      return { days: DAYS.slice(first, last + 1).map((_d, i) => first + i + 1), from, to };
    });
}

export function withinSupportHours(ranges: readonly SupportRange[], now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone: OFFER_ZONE });
  const minute = local.hour * 60 + local.minute;
  return ranges.some((r) => r.days.includes(local.weekday) && minute >= r.from && minute < r.to);
}

/** "du lundi au vendredi, 07:30–16:00": the hours as the user is told them. */
export function describeSupportHours(ranges: readonly SupportRange[], dayNames: readonly string[], join: (from: string, to: string) => string): string {
  const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return ranges
    .map((r) => {
      const first = dayNames[(r.days[0] as number) - 1] as string;
      const last = dayNames[(r.days[r.days.length - 1] as number) - 1] as string;
      return `${r.days.length > 1 ? join(first, last) : first} ${time(r.from)}–${time(r.to)}`;
    })
    .join(', ');
}
