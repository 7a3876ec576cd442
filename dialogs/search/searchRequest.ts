import type { OfferFilters } from '../../data/search/searchOffers.js';
import type { Recognition } from '../recognition/recognizer.js';

/** "Closing soon" means within a week: the time it takes to put an application together. */
export const CLOSING_SOON_DAYS = 7;

const CLOSING_SOON = /\b(qui )?(ferment|fermant|cloturent|se terminent|closing|close|ending|expiring)( bient[oô]t| soon| cette semaine| this week)?\b|\bbient[oô]t\b|\bsoon\b|\burgent(es)?\b/gi;

export interface SearchIntent {
  text: string;
  filters: OfferFilters;
}

/**
 * Turns a recognised message into a search: employer and commune named in the sentence become
 * filters ("offres de l'OPT à Koné"), "qui ferment bientôt" becomes a closing-soon filter, and the
 * rest of the words are searched.
 */
export function searchIntentFrom(recognition: Recognition): SearchIntent {
  const filters: OfferFilters = {};
  let text = recognition.text;
  const spans = recognition.entities
    .filter((e) => (e.category === 'commune' || e.category === 'employer') && e.resolution)
    .sort((a, b) => b.offset - a.offset);
  for (const entity of spans) {
    if (entity.category === 'commune') filters.commune ??= entity.resolution;
    else filters.employer ??= entity.resolution;
    text = `${text.slice(0, entity.offset)} ${text.slice(entity.offset + entity.length)}`;
  }
  if (CLOSING_SOON.test(text)) {
    filters.closingWithinDays = CLOSING_SOON_DAYS;
    text = text.replace(CLOSING_SOON, ' ');
  }
  CLOSING_SOON.lastIndex = 0;
  return { text: text.replace(/\s+/g, ' ').trim(), filters };
}
