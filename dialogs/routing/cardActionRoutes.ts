import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { DEFAULT_LEAD_DAYS } from '../../data/reminders/reminderRules.js';
import { lastingFilters } from '../../data/search/searchOffers.js';
import type { CardAction } from '../cards/cardActions.js';
import type { ConversationData } from '../conversationData.js';
import { profileCard } from '../eligibility/profileCard.js';
import type { HandoffTopics } from '../handoff/handoffTopics.js';
import { t, type Language } from '../i18n/messages.js';
import type { ReminderTopics } from '../reminders/reminderTopics.js';
import { formatted } from '../replies.js';
import { PAGE_SIZE, withFilter, type SavedSearch } from '../search/searchReplies.js';
import type { DialogServices } from '../services.js';
import type { OfferTopics } from './offerTopics.js';

/** The buttons answered in one step (those that start a dialog, or re-read words, are the main dialog's). */
export type DirectCardAction = Exclude<CardAction, { action: 'intent' | 'editProfile' }>;

/** What each button on a card or under a message does. */
export class CardActionRoutes {
  constructor(
    private readonly services: DialogServices,
    private readonly profiles: StatePropertyAccessor<CandidateProfile>,
    private readonly offers: OfferTopics,
    private readonly reminders: ReminderTopics,
    private readonly handoff: HandoffTopics,
  ) {}

  async handle(context: TurnContext, action: DirectCardAction, data: ConversationData, language: Language): Promise<unknown> {
    switch (action.action) {
      case 'details':
      case 'deadline':
      case 'apply':
        return this.offers.answer(context, { question: action.action }, action.reference, data, language);
      case 'remind':
        return this.offers.answer(context, { question: 'remind', leadDays: DEFAULT_LEAD_DAYS }, action.reference, data, language);
      case 'reminders':
        return this.reminders.list(context, language);
      case 'cancelReminder':
        return this.reminders.cancelReminder(context, language, action.id);
      case 'cancelAlert':
        return this.reminders.cancelAlert(context, language, action.id);
      case 'profile': {
        const card = profileCard(await this.profiles.get(context, {}), language);
        return context.sendActivity(card ? formatted('', [card]) : formatted(t(language, 'profile.none')));
      }
      case 'person':
        return this.handoff.request(context, data, language);
      case 'privacy':
        return context.sendActivity(formatted(t(language, 'privacy.notice', { days: this.services.transcriptRetentionDays })));
      case 'clearProfile':
        await this.profiles.delete(context);
        return context.sendActivity(formatted(t(language, 'profile.cleared')));
      case 'subscribe': {
        if (!data.lastSearch) return context.sendActivity(formatted(t(language, 'alert.askWhat')));
        return this.reminders.subscribe(context, data, language, { text: data.lastSearch.text, said: data.lastSearch.said, filters: lastingFilters(data.lastSearch.filters) });
      }
      case 'more':
        if (!data.lastSearch) return context.sendActivity(formatted(t(language, 'search.noSearch')));
        return this.offers.search(context, { ...data.lastSearch, offset: data.lastSearch.offset + PAGE_SIZE }, data, language);
      case 'filter':
      case 'closingSoon':
      case 'clearFilters': {
        const base: SavedSearch = data.lastSearch ?? { text: '', said: '', filters: {}, status: 'open', offset: 0 };
        return this.offers.search(context, withFilter(base, action), data, language);
      }
    }
  }
}
