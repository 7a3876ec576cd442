import { referenceOfSegment, referenceSegment } from '../../data/offers/reference.js';

/**
 * The public addresses the bot gives out, from `PUBLIC_URL`: an offer's page (what Teams unfurls)
 * and its deadline as a calendar file. The reference's "/" becomes "-" to stay one path segment.
 */
export function offerPath(reference: string): string {
  return `/offres/${referenceSegment(reference)}`;
}

export function calendarPath(reference: string): string {
  return `${offerPath(reference)}/agenda.ics`;
}


/** The reference in an offer's address (https://HOST/offres/3134-25-0966-SR), or undefined. */
export function referenceInUrl(url: string): string | undefined {
  const segment = /\/offres\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1];
  return segment ? referenceOfSegment(segment) : undefined;
}

export interface OfferLinks {
  /** The deadline as an .ics file, its text in the user's language. */
  calendar(reference: string, language?: 'fr' | 'en'): string;
}

export function offerLinks(publicUrl: string): OfferLinks {
  const base = publicUrl.replace(/\/+$/, '');
  return { calendar: (reference, language = 'fr') => `${base}${calendarPath(reference)}${language === 'en' ? '?lang=en' : ''}` };
}
