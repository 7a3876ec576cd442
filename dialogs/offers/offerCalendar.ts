import ical, { ICalAlarmType } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Offer } from '../../data/offers/offer.js';
import { lastDay, OFFER_ZONE } from '../../data/offers/openness.js';
import { t, type Language } from '../i18n/messages.js';

/**
 * Nouméa's time zone as iCalendar describes it. ical-generator needs a VTIMEZONE block for a named
 * zone and leaves producing it to the caller; Nouméa has kept UTC+11 without daylight saving since
 * 1979, so one STANDARD rule says everything (a time-zone database package would add nothing).
 */
function noumeaZone(zone: string): string | null {
  if (zone !== OFFER_ZONE) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${OFFER_ZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+1100',
    'TZOFFSETTO:+1100',
    'TZNAME:+11',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** The hour of the last day the event sits at: the last working hour, when a file can still go. */
const EVENT_HOURS = { start: 16, end: 17 };

/**
 * The deadline as an iCalendar event on the last day to apply, in Nouméa time, with an alarm the
 * day before. The text is in the user's language; the offer's words are text, never markup.
 */
export function offerDeadlineCalendar(offer: Offer, language: Language, stamp: Date): string {
  const params = { reference: offer.reference, title: offer.title, employer: offer.employer };
  const day = DateTime.fromISO(lastDay(offer), { zone: OFFER_ZONE });
  const calendar = ical({ name: t(language, 'calendar.summary', params), timezone: { name: null, generator: noumeaZone } });
  const event = calendar.createEvent({
    id: `deadline-${offer.reference.replace('/', '-')}@emploi.gouv.nc`,
    stamp: DateTime.fromJSDate(stamp, { zone: 'utc' }),
    start: day.set({ hour: EVENT_HOURS.start }),
    end: day.set({ hour: EVENT_HOURS.end }),
    timezone: OFFER_ZONE,
    summary: t(language, 'calendar.summary', params),
    description: t(language, 'calendar.description', params),
    ...(offer.source && /^https?:\/\//.test(offer.source) ? { url: offer.source } : {}),
  });
  event.createAlarm({ type: ICalAlarmType.display, trigger: 24 * 3600, description: t(language, 'calendar.alarm', params) });
  return calendar.toString();
}
