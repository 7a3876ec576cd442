import type { Activity } from 'botbuilder';
import type { OfferSnapshot } from '../../data/offers/offerCatalog.js';
import type { Offer } from '../../data/offers/offer.js';
import type { Outgoing } from '../../data/reminders/proactiveRecords.js';
import { isOpen } from '../../data/offers/openness.js';
import { hoursLeft } from '../../data/reminders/reminderRules.js';
import { offerCard } from '../cards/offerCard.js';
import { offerSummaryCard } from '../cards/offerSummaryCard.js';
import { formatDay, formatMoment, t } from '../i18n/messages.js';
import type { OfferLinks } from '../offers/offerLinks.js';
import { howToApplyReply } from '../offers/offerReplies.js';
import { formatted } from '../replies.js';

/**
 * What the bot writes first: a reminder (the offer's card, the hours left, how to apply), the new
 * offers of the user's alerts in one message, or a word that a reminder moved or was dropped.
 * Worked out at send time, from the offers in force then.
 */
export function proactiveMessages(message: Outgoing, snapshot: OfferSnapshot, now: Date, links: OfferLinks): Array<Partial<Activity>> {
  const language = message.recipient.language;
  if (message.kind === 'reminder') {
    const offer = snapshot.findByReference(message.offer.reference);
    if (!offer) return [formatted(t(language, 'reminder.message.expiredOffer', message.offer))];
    const hours = hoursLeft(message.lastDay, now);
    const params = { reference: offer.reference, title: offer.title, date: formatDay(message.lastDay, language), hours };
    return [formatted(t(language, 'reminder.message.text', params), [offerCard(offer, now, language, links)]), howToApplyReply(offer, now, language)];
  }
  const [first] = message.offers;
  switch (message.about) {
    case 'newOffers': {
      // Offers withdrawn or closed since the notice was written are not announced; none left, no message.
      const offers = message.offers
        .map((m) => snapshot.findByReference(m.reference))
        .filter((o): o is Offer => o !== undefined && isOpen(o, now));
      if (offers.length === 0) return [];
      const intro = t(language, 'alert.message', { count: offers.length });
      return [formatted(intro, offers.map((offer) => offerSummaryCard(offer, now, language, links)))];
    }
    case 'reminderMoved':
      return [
        formatted(
          t(language, 'notice.reminderMoved', {
            reference: first?.reference ?? '',
            title: first?.title ?? '',
            date: formatDay(message.lastDay ?? '', language),
            when: formatMoment(new Date(message.remindAt ?? message.delivery.dueAt), language),
          }),
        ),
      ];
    case 'reminderDropped':
      return [formatted(t(language, 'notice.reminderDropped', { reference: first?.reference ?? '', title: first?.title ?? '' }))];
  }
}
