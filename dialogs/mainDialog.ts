import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Offer } from '../data/offers/offer.js';
import { AskOfferDialog, ASK_OFFER_DIALOG, type AskOfferOptions, type AskOfferResult, type OfferQuestion } from './askOfferDialog.js';
import type { CardAction } from './cards/cardActions.js';
import type { ConversationData } from './conversationData.js';
import { t, type Language } from './i18n/messages.js';
import { deadlineReply, howToApplyReply, offerDetailsReply, personReply } from './offers/offerReplies.js';
import { entityOf, type Recognition } from './recognition/recognizer.js';
import { actionButton, formatted, plain, typedButton } from './replies.js';
import { noteOutcome } from './outcome.js';
import { searchIntentFrom } from './search/searchRequest.js';
import { alertSearchFrom } from './reminders/alertRequest.js';
import { leadDaysOf } from './reminders/leadTime.js';
import { ReminderTopics } from './reminders/reminderTopics.js';
import { DEFAULT_LEAD_DAYS } from '../data/reminders/reminderRules.js';
import type { CandidateProfile } from '../data/eligibility/candidateProfile.js';
import { answers } from './eligibility/answers.js';
import { EligibilityDialog, ELIGIBILITY_DIALOG } from './eligibility/eligibilityDialog.js';
import { factsInSentence } from './eligibility/sentenceFacts.js';
import { profileCard } from './eligibility/profileCard.js';
import { DeleteMyDataDialog, DELETE_MY_DATA_DIALOG } from './privacy/deleteMyDataDialog.js';
import { PAGE_SIZE, searchReplies, withFilter, type SavedSearch } from './search/searchReplies.js';
import type { DialogServices } from './services.js';
import { MAX_MESSAGE_LENGTH, readTurnInput, type TurnInput } from './turnInput.js';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE = 'route';

/** Below this confidence, with a close second guess, the bot asks rather than guesses. */
const CONFIDENT = 0.6;
const PLAUSIBLE = 0.1;

function isUnclear(recognition: Recognition): boolean {
  const [first, second] = recognition.intents;
  if (!first || !second || first.category === 'None' || second.category === 'None') return false;
  return first.confidenceScore < CONFIDENT && second.confidenceScore >= PLAUSIBLE;
}

/** "Vérifie toutes les offres", "check me against all open offers": every open offer at once. */
const ALL_OFFERS = /\b(toutes|tous|all|every|chaque|lesquelles|quelles offres|which (offers|jobs)|what (offers|jobs))\b/i;

const QUESTION_OF_INTENT: Partial<Record<Recognition['topIntent'], OfferQuestion>> = {
  OfferDetails: 'details',
  Deadline: 'deadline',
  HowToApply: 'apply',
  SetReminder: 'remind',
};

/**
 * Routes each message: a search, a question about an offer, help, cancel, or a fallback that says
 * what the bot can do. "Aide" and "annuler" interrupt whatever is under way.
 */
export class MainDialog extends ComponentDialog {
  private readonly reminders: ReminderTopics;

  constructor(
    private readonly services: DialogServices,
    private readonly conversation: StatePropertyAccessor<ConversationData>,
    private readonly profiles: StatePropertyAccessor<CandidateProfile>,
  ) {
    super(MAIN_DIALOG);
    this.reminders = new ReminderTopics(services);
    this.addDialog(new AskOfferDialog(services, conversation));
    this.addDialog(new EligibilityDialog(services, conversation, profiles));
    this.addDialog(new DeleteMyDataDialog(services, conversation, profiles));
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /** One call per incoming message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  async welcome(context: TurnContext, language: Language): Promise<void> {
    await context.sendActivity(formatted(t(language, 'welcome.text'), [], this.starterSuggestions(language)));
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const input = await this.input(inner.context);
    const intent = input.recognition?.topIntent;
    const data = await this.conversation.get(inner.context, {});
    const pending = data.eligibilityQuestion;
    // "non", "5 ans", "Bac+3" answer the question on screen, whatever else they might mean.
    const triesAGrade = pending?.question === 'grade' && !!input.recognition && !!entityOf(input.recognition, 'grade');
    if (pending && !input.action && !input.tooLong && (triesAGrade || answers(pending.question, input.text, this.services.clock.now(), pending.grades))) {
      return super.onContinueDialog(inner);
    }
    if (pending && input.recognition && !['None', 'Help', 'Cancel'].includes(input.recognition.topIntent) && !isUnclear(input.recognition)) {
      // Not an answer but a new request ("suis-je éligible à la 1010", "détails 0966"): follow the user.
      data.eligibilityQuestion = undefined;
      await inner.cancelAllDialogs();
      return inner.beginDialog(ROUTE);
    }
    const searching = intent === 'SearchOffers' && !entityOf(input.recognition as Recognition, 'offerReference');
    if (input.action || input.tooLong || intent === 'Cancel' || searching) data.eligibilityQuestion = undefined;
    if (input.action || input.tooLong) {
      // A tapped button or an oversized message ends the question in progress; it is handled afresh.
      await inner.cancelAllDialogs();
      return inner.beginDialog(ROUTE);
    }
    if (intent === 'Cancel') {
      await inner.cancelAllDialogs();
      await inner.context.sendActivity(formatted(t(input.language, 'cancel.done')));
      return { status: DialogTurnStatus.complete };
    }
    if (intent === 'Help') {
      await this.sendHelp(inner.context, input.language);
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (intent === 'SearchOffers' && !entityOf(input.recognition as Recognition, 'offerReference')) {
      // Asked "which offer?", the user searched instead: follow them.
      await inner.cancelAllDialogs();
      return inner.beginDialog(ROUTE);
    }
    return super.onContinueDialog(inner);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const input = await this.input(context);
    const data = await this.conversation.get(context, {});
    if (input.tooLong !== undefined) {
      await context.sendActivity(formatted(t(input.language, 'input.tooLong', { length: input.tooLong, max: MAX_MESSAGE_LENGTH })));
      return step.endDialog();
    }
    let recognition: Recognition;
    if (input.action?.action === 'intent') {
      // The user said which of the guesses they meant: their words again, with that intent.
      const again = await this.services.recognizer.recognize(input.action.text, input.language);
      recognition = { ...again, topIntent: input.action.intent, intents: [{ category: input.action.intent, confidenceScore: 1 }] };
    } else if (input.action?.action === 'editProfile') {
      return step.beginDialog(ELIGIBILITY_DIALOG, { only: input.action.fact });
    } else if (input.action) {
      await this.onCardAction(context, input.action, data, input.language);
      return step.endDialog();
    } else {
      recognition = input.recognition as Recognition;
      if (isUnclear(recognition)) {
        noteOutcome(context, { outcome: 'clarify' });
        await context.sendActivity(this.clarification(recognition, input.language));
        return step.endDialog();
      }
    }
    const question = QUESTION_OF_INTENT[recognition.topIntent];
    if (question) {
      const reference = entityOf(recognition, 'offerReference')?.resolution ?? data.currentOffer;
      const options: AskOfferOptions = { question, ...(question === 'remind' ? { leadDays: leadDaysOf(recognition) } : {}) };
      if (!reference) return step.beginDialog(ASK_OFFER_DIALOG, options);
      await this.answer(context, options, reference, data, input.language);
      return step.endDialog();
    }
    switch (recognition.topIntent) {
      case 'SearchOffers': {
        const search = searchIntentFrom(recognition);
        await this.search(context, { ...search, said: recognition.text, status: 'open', offset: 0 }, data, input.language);
        break;
      }
      case 'Help':
        await this.sendHelp(context, input.language);
        break;
      case 'Cancel':
        await context.sendActivity(formatted(t(input.language, 'cancel.nothing')));
        break;
      case 'ListReminders':
        await this.reminders.list(context, input.language);
        break;
      case 'CancelReminder': {
        const reference = entityOf(recognition, 'offerReference')?.resolution;
        const offer = reference ? this.services.catalog.current().findByReference(reference) : undefined;
        if (reference && !offer) await context.sendActivity(plain(t(input.language, 'offer.notFound', { reference })));
        else await this.reminders.cancelFor(context, input.language, offer);
        break;
      }
      case 'SubscribeAlerts':
        await this.reminders.subscribe(context, data, input.language, alertSearchFrom(recognition));
        break;
      case 'CheckEligibility': {
        // What the sentence already says ("j'habite ici depuis 2019") is not asked again.
        const said = factsInSentence(recognition.text, this.services.clock.now());
        if (Object.keys(said).length > 0) await this.profiles.set(context, { ...(await this.profiles.get(context, {})), ...said });
        const reference = entityOf(recognition, 'offerReference')?.resolution;
        const all = !reference && ALL_OFFERS.test(recognition.text);
        return step.beginDialog(ELIGIBILITY_DIALOG, { reference: reference ?? (all ? undefined : data.currentOffer), all });
      }
      case 'DeleteMyData':
        return step.beginDialog(DELETE_MY_DATA_DIALOG);
      default:
        noteOutcome(context, { outcome: 'fallback' });
        await context.sendActivity(formatted(t(input.language, 'fallback.text'), [], this.starterSuggestions(input.language)));
    }
    return step.endDialog();
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AskOfferResult | undefined;
    // The eligibility check ends with its own verdict: nothing to add.
    if (!result || !('question' in result)) return step.endDialog();
    const data = await this.conversation.get(step.context, {});
    const language = data.language ?? 'fr';
    if (result?.reference) await this.answer(step.context, result, result.reference, data, language);
    else await step.context.sendActivity(formatted(t(language, 'offer.askWhichGiveUp')));
    return step.endDialog();
  }

  /** "Did you mean…?" with the two best guesses as buttons, rather than a wrong answer. */
  private clarification(recognition: Recognition, language: Language): Partial<Activity> {
    const guesses = recognition.intents.slice(0, 2).map((guess) => {
      const label = t(language, `intent.${guess.category}`);
      const title = label.charAt(0).toUpperCase() + label.slice(1);
      return actionButton(title, { action: 'intent', intent: guess.category, text: recognition.text }, recognition.text);
    });
    return formatted(t(language, 'clarify.text'), [], guesses);
  }

  private async onCardAction(context: TurnContext, action: Exclude<CardAction, { action: 'intent' | 'editProfile' }>, data: ConversationData, language: Language) {
    switch (action.action) {
      case 'details':
      case 'deadline':
      case 'apply':
        return this.answer(context, { question: action.action }, action.reference, data, language);
      case 'remind':
        return this.answer(context, { question: 'remind', leadDays: DEFAULT_LEAD_DAYS }, action.reference, data, language);
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
        return context.sendActivity(personReply(data.currentOffer ? this.services.catalog.current().findByReference(data.currentOffer) : undefined, language));
      case 'privacy':
        return context.sendActivity(formatted(t(language, 'privacy.notice', { days: this.services.transcriptRetentionDays })));
      case 'clearProfile':
        await this.profiles.delete(context);
        return context.sendActivity(formatted(t(language, 'profile.cleared')));
      case 'subscribe': {
        if (!data.lastSearch) return context.sendActivity(formatted(t(language, 'alert.askWhat')));
        const { closingWithinDays: _soon, ...filters } = data.lastSearch.filters;
        return this.reminders.subscribe(context, data, language, { text: data.lastSearch.text, said: data.lastSearch.said, filters });
      }
      case 'more':
        if (!data.lastSearch) return context.sendActivity(formatted(t(language, 'search.noSearch')));
        return this.search(context, { ...data.lastSearch, offset: data.lastSearch.offset + PAGE_SIZE }, data, language);
      case 'filter':
      case 'closingSoon':
      case 'clearFilters': {
        const base: SavedSearch = data.lastSearch ?? { text: '', said: '', filters: {}, status: 'open', offset: 0 };
        return this.search(context, withFilter(base, action), data, language);
      }
    }
  }

  private async answer(context: TurnContext, asked: AskOfferOptions, reference: string, data: ConversationData, language: Language) {
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
    await context.sendActivity(this.replyAbout(asked.question, offer, language));
  }

  private replyAbout(question: Exclude<OfferQuestion, 'remind'>, offer: Offer, language: Language): Partial<Activity> {
    const now = this.services.clock.now();
    if (question === 'deadline') return deadlineReply(offer, now, language);
    if (question === 'apply') return howToApplyReply(offer, now, language);
    return offerDetailsReply(offer, now, language, this.services.links);
  }

  private async search(context: TurnContext, search: SavedSearch, data: ConversationData, language: Language) {
    const { replies, shown, openFound } = searchReplies(this.services.catalog.current(), search, this.services.clock.now(), language, this.services.links);
    if (openFound === 0) noteOutcome(context, { outcome: 'noResult' });
    data.lastSearch = search;
    if (shown.length > 0) data.lastShown = shown;
    await context.sendActivities(replies);
  }

  private async sendHelp(context: TurnContext, language: Language) {
    await context.sendActivity(formatted(t(language, 'help.text'), [], this.starterSuggestions(language)));
  }

  private starterSuggestions(language: Language) {
    return (['help.suggest.search', 'help.suggest.closingSoon', 'help.suggest.all'] as const).map((key) => typedButton(t(language, key)));
  }

  private async input(context: TurnContext): Promise<TurnInput> {
    const data = await this.conversation.get(context, {});
    return readTurnInput(context, data, this.services.recognizer);
  }
}
