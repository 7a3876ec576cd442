import type { Activity, TurnContext } from 'botbuilder';
import type { Offer } from '../../data/offers/offer.js';
import { DEFAULT_LEAD_DAYS } from '../../data/reminders/reminderRules.js';
import type { AskOfferOptions, OfferQuestion } from '../askOfferDialog.js';
import type { ConversationData } from '../conversationData.js';
import { maskText, withoutPersonalData } from '../../data/transcripts/masking.js';
import { t, type Language } from '../i18n/messages.js';
import { deadlineReply, howToApplyReply, offerDetailsReply, progressReply, salaryReply } from '../offers/offerReplies.js';
import { offerFactReply } from '../offers/offerFacts.js';
import { noteOutcome } from '../outcome.js';
import type { ReminderTopics } from '../reminders/reminderTopics.js';
import { plain } from '../replies.js';
import { searchReplies, type SavedSearch } from '../search/searchReplies.js';
import type { DialogServices } from '../services.js';

/** The answers about offers that typed questions and tapped buttons share: one offer, or a page of results. */
export class OfferTopics {
  constructor(
    private readonly services: DialogServices,
    private readonly reminders: ReminderTopics,
  ) {}

  /** Details, deadline, how to apply or a reminder, for the offer with this reference. */
  async answer(context: TurnContext, asked: AskOfferOptions, reference: string, data: ConversationData, language: Language): Promise<void> {
    const offer = this.services.catalog.current().findByReference(reference);
    if (!offer) {
      await context.sendActivity(plain(t(language, 'offer.notFound', { reference })));
      return;
    }
    if (asked.question === 'remind') {
      await this.reminders.remind(context, data, language, offer, asked.leadDays ?? DEFAULT_LEAD_DAYS);
      return;
    }
    data.currentOffer = offer.reference;
    await context.sendActivity(asked.fact ? offerFactReply(offer, asked.fact, language) : this.replyAbout(asked.question, offer, language));
  }

  /** One page of results; the search is kept so that "voir plus" and the filter buttons continue it. */
  async search(context: TurnContext, search: SavedSearch, data: ConversationData, language: Language): Promise<void> {
    const { replies, shown, openFound } = searchReplies(this.services.catalog.current(), search, this.services.clock.now(), language, this.services.links);
    if (openFound === 0) noteOutcome(context, { outcome: 'noResult' });
    // The conversation's state keeps what the user wrote masked, as the transcripts do.
    data.lastSearch = { ...search, text: withoutPersonalData(search.text), said: maskText(search.said) };
    if (shown.length > 0) data.lastShown = shown;
    // One open offer found is the one the next "date limite ?" or "suis-je éligible ?" is about.
    if (openFound === 1 && shown.length === 1) data.currentOffer = shown[0];
    await context.sendActivities(replies);
  }

  private replyAbout(question: Exclude<OfferQuestion, 'remind'>, offer: Offer, language: Language): Partial<Activity> {
    const now = this.services.clock.now();
    if (question === 'deadline') return deadlineReply(offer, now, language);
    if (question === 'apply') return howToApplyReply(offer, now, language);
    if (question === 'salary') return salaryReply(offer, language);
    if (question === 'progress') return progressReply(offer, now, language);
    return offerDetailsReply(offer, now, language, this.services.links);
  }
}
