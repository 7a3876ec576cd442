import { DateTime } from 'luxon';
import { OFFER_ZONE } from '../../data/offers/openness.js';
import { fill, type MessageParams } from '../../data/text/fill.js';
import { en } from './en.js';
import { fr, type Catalog, type MessageKey } from './fr.js';

export type Language = 'fr' | 'en';
export type { MessageKey };

const catalogs: Record<Language, Catalog> = { fr, en };

export type { MessageParams };

/** The sentence for `key` in `language`, with its {placeholders} and plurals filled. */
export function t(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return fill(catalogs[language][key], params, language);
}

/** A catalog key that may not exist ("employmentType.CONTRACTOR"): the sentence, or undefined. */
export function tryT(language: Language, key: string): string | undefined {
  return (catalogs[language] as Record<string, string>)[key];
}

const LOCALES: Record<Language, string> = { fr: 'fr', en: 'en-GB' };

const formattedDays = new Map<string, string>();

/** "vendredi 18 juillet 2025" / "Friday 18 July 2025", for an ISO day (a deadline, a posting date). */
export function formatDay(isoDay: string, language: Language): string {
  const key = `${language}:${isoDay}`;
  let formatted = formattedDays.get(key);
  if (formatted === undefined) {
    // Offers share few dates; formatting is costly enough to do once per date and language.
    if (formattedDays.size > 10_000) formattedDays.clear();
    formatted = DateTime.fromISO(isoDay, { zone: OFFER_ZONE }).setLocale(LOCALES[language]).toFormat('cccc d LLLL yyyy');
    formattedDays.set(key, formatted);
  }
  return formatted;
}

/** Words such as "dès que possible" stay; an ISO date becomes a date in the user's language. */
export function formatDayOrText(value: string, language: Language): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, language) : value;
}

const MOMENT_FORMATS: Record<Language, string> = { fr: "cccc d LLLL yyyy 'à' H 'h' mm", en: "cccc d LLLL yyyy 'at' h:mm a" };

/** "mardi 14 juillet 2026 à 8 h 00" / "Tuesday 14 July 2026 at 8:00 AM": an instant, in Nouméa time. */
export function formatMoment(at: Date, language: Language): string {
  return DateTime.fromJSDate(at, { zone: OFFER_ZONE }).setLocale(LOCALES[language]).toFormat(MOMENT_FORMATS[language]);
}
