import type { Offer } from '../../data/offers/offer.js';
import { daysLeft, isClosed, isOpen } from '../../data/offers/openness.js';
import { t, type Language } from '../i18n/messages.js';
import type { TextBlock } from './adaptiveCard.js';
import { text } from './adaptiveCard.js';

/** "Ouverte : il reste 3 jours" in green, "Clôturée" in red: the first thing a job seeker looks for. */
export function offerStatusLine(offer: Offer, now: Date, language: Language): TextBlock {
  if (isClosed(offer, now)) return text(t(language, 'card.status.closed'), { color: 'Attention', weight: 'Bolder', spacing: 'Small' });
  if (!isOpen(offer, now)) return text(t(language, 'card.status.notYetOpen'), { isSubtle: true, spacing: 'Small' });
  const days = daysLeft(offer, now);
  const key = days === 0 ? 'card.status.today' : days === 1 ? 'card.status.tomorrow' : 'card.status.open';
  return text(t(language, key, { days }), { color: days <= 2 ? 'Warning' : 'Good', weight: 'Bolder', spacing: 'Small' });
}
