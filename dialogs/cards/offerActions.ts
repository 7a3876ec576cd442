import type { Offer } from '../../data/offers/offer.js';
import { isOpen } from '../../data/offers/openness.js';
import { formatDay, t, type Language } from '../i18n/messages.js';
import type { OfferLinks } from '../offers/offerLinks.js';
import { openUrl, submit, type Action } from './adaptiveCard.js';

/** "vendredi 3 janvier 2025 (prolongée ; initialement le vendredi 13 décembre 2024)". */
export function deadlineText(offer: Pick<Offer, 'deadline' | 'originalDeadline'>, language: Language): string {
  const date = formatDay(offer.deadline, language);
  return offer.originalDeadline ? t(language, 'card.deadlineExtended', { date, original: formatDay(offer.originalDeadline, language) }) : date;
}

/** Which of the offer's buttons a card shows, besides the deadline and how to apply. */
export interface OfferButtons {
  /** "Voir le détail": on a summary, not on the full card itself. */
  details?: boolean;
  /** "Voir l'avis publié": the posting's page, when it is a web address. */
  source?: boolean;
}

/**
 * The row of buttons under an offer: details, deadline, how to apply; while it is open, a reminder
 * and the deadline in a calendar; the posting itself.
 */
export function offerActions(offer: Offer, now: Date, language: Language, links: OfferLinks | undefined, buttons: OfferButtons): Action[] {
  const reference = offer.reference;
  const actions: Action[] = [];
  if (buttons.details) actions.push(submit(t(language, 'card.action.details'), { action: 'details', reference }));
  actions.push(submit(t(language, 'card.action.deadline'), { action: 'deadline', reference }));
  actions.push(submit(t(language, 'card.action.apply'), { action: 'apply', reference }));
  if (isOpen(offer, now)) {
    actions.push(submit(t(language, 'card.action.remind'), { action: 'remind', reference }));
    if (links) actions.push(openUrl(t(language, 'card.action.calendar'), links.calendar(reference, language)));
  }
  if (buttons.source && offer.source && /^https?:\/\//.test(offer.source)) actions.push(openUrl(t(language, 'card.action.source'), offer.source));
  return actions;
}
