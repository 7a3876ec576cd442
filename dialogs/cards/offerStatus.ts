import type { Offer } from '../../data/offers/offer.js';
import { offerPhase } from '../../data/offers/openness.js';
import { t, type Language } from '../i18n/messages.js';
import type { TextBlock } from './adaptiveCard.js';
import { text } from './adaptiveCard.js';

/** "Ouverte : il reste 3 jours" in green, "Clôturée" in red: the first thing a job seeker looks for. */
export function offerStatusLine(offer: Offer, now: Date, language: Language): TextBlock {
  const phase = offerPhase(offer, now);
  switch (phase.phase) {
    case 'closed':
      return text(t(language, 'card.status.closed'), { color: 'Attention', weight: 'Bolder', spacing: 'Small' });
    case 'notYetOpen':
      return text(t(language, 'card.status.notYetOpen'), { isSubtle: true, spacing: 'Small' });
    case 'closesToday':
    case 'closesTomorrow':
    case 'open': {
      const key = phase.phase === 'closesToday' ? 'card.status.today' : phase.phase === 'closesTomorrow' ? 'card.status.tomorrow' : 'card.status.open';
      return text(t(language, key, { days: phase.daysLeft }), { color: phase.daysLeft <= 2 ? 'Warning' : 'Good', weight: 'Bolder', spacing: 'Small' });
    }
  }
}
