import type { Offer } from '../../data/offers/offer.js';
import { t, type Language } from '../i18n/messages.js';
import { adaptiveCard, escapeMarkdown, facts, text, type CardAttachment, type CardElement } from './adaptiveCard.js';
import type { OfferLinks } from '../offers/offerLinks.js';
import { deadlineText, offerActions } from './offerActions.js';
import { offerStatusLine } from './offerStatus.js';

/** One search result: enough to choose, with buttons for the three next questions. */
export function offerSummaryCard(offer: Offer, now: Date, language: Language, links?: OfferLinks): CardAttachment {
  const place = offer.location?.commune ?? offer.location?.name;
  const body: CardElement[] = [
    text(escapeMarkdown(offer.title), { weight: 'Bolder', size: 'Medium', style: 'heading' }),
    text(escapeMarkdown(offer.employer), { isSubtle: true, spacing: 'None' }),
    offerStatusLine(offer, now, language),
  ];
  const details = facts([
    [t(language, 'card.reference'), offer.reference],
    [t(language, 'card.corpsGrades'), offer.corpsGrades.join(', ') || undefined],
    [t(language, 'card.location'), place],
    [t(language, 'card.deadline'), deadlineText(offer, language)],
  ]);
  if (details) body.push(details);
  return adaptiveCard(body, offerActions(offer, now, language, links, { details: true }));
}
