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
import { AskOfferDialog, ASK_OFFER_DIALOG, type AskOfferResult, type OfferQuestion } from './askOfferDialog.js';
import type { CardAction } from './cards/cardActions.js';
import type { ConversationData } from './conversationData.js';
import { t, type Language } from './i18n/messages.js';
import { deadlineReply, howToApplyReply, offerDetailsReply } from './offers/offerReplies.js';
import { entityOf, type Recognition } from './recognition/recognizer.js';
import { formatted, plain } from './replies.js';
import { searchIntentFrom } from './search/searchRequest.js';
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

const QUESTION_OF_INTENT: Partial<Record<Recognition['topIntent'], OfferQuestion>> = {
  OfferDetails: 'details',
  Deadline: 'deadline',
  HowToApply: 'apply',
};

/**
 * Routes each message: a search, a question about an offer, help, cancel, or a fallback that says
 * what the bot can do. "Aide" and "annuler" interrupt whatever is under way.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly conversation: StatePropertyAccessor<ConversationData>,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new AskOfferDialog(services, conversation));
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
    } else if (input.action) {
      await this.onCardAction(context, input.action, data, input.language);
      return step.endDialog();
    } else {
      recognition = input.recognition as Recognition;
      if (isUnclear(recognition)) {
        await context.sendActivity(this.clarification(recognition, input.language));
        return step.endDialog();
      }
    }
    const question = QUESTION_OF_INTENT[recognition.topIntent];
    if (question) {
      const reference = entityOf(recognition, 'offerReference')?.resolution ?? data.currentOffer;
      if (!reference) return step.beginDialog(ASK_OFFER_DIALOG, { question });
      await this.answer(context, question, reference, data, input.language);
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
      case 'CheckEligibility':
      case 'SetReminder':
      case 'ListReminders':
      case 'CancelReminder':
      case 'SubscribeAlerts':
      case 'DeleteMyData': {
        const what = t(input.language, `intent.${recognition.topIntent}`);
        await context.sendActivity(formatted(t(input.language, 'notYet.text', { what }), [], this.starterSuggestions(input.language)));
        break;
      }
      default:
        await context.sendActivity(formatted(t(input.language, 'fallback.text'), [], this.starterSuggestions(input.language)));
    }
    return step.endDialog();
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AskOfferResult | undefined;
    const data = await this.conversation.get(step.context, {});
    const language = data.language ?? 'fr';
    if (result?.reference) await this.answer(step.context, result.question, result.reference, data, language);
    else await step.context.sendActivity(formatted(t(language, 'offer.askWhichGiveUp')));
    return step.endDialog();
  }

  /** "Did you mean…?" with the two best guesses as buttons, rather than a wrong answer. */
  private clarification(recognition: Recognition, language: Language): Partial<Activity> {
    const guesses = recognition.intents.slice(0, 2).map((guess) => {
      const label = t(language, `intent.${guess.category}`);
      const title = label.charAt(0).toUpperCase() + label.slice(1);
      return { type: 'messageBack', title, displayText: title, text: recognition.text, value: { action: 'intent', intent: guess.category, text: recognition.text } };
    });
    return formatted(t(language, 'clarify.text'), [], guesses);
  }

  private async onCardAction(context: TurnContext, action: Exclude<CardAction, { action: 'intent' }>, data: ConversationData, language: Language) {
    switch (action.action) {
      case 'details':
      case 'deadline':
      case 'apply':
        return this.answer(context, action.action, action.reference, data, language);
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

  private async answer(context: TurnContext, question: OfferQuestion, reference: string, data: ConversationData, language: Language) {
    const offer = this.services.catalog.current().findByReference(reference);
    if (!offer) {
      await context.sendActivity(plain(t(language, 'offer.notFound', { reference })));
      return;
    }
    data.currentOffer = offer.reference;
    await context.sendActivity(this.replyAbout(question, offer, language));
  }

  private replyAbout(question: OfferQuestion, offer: Offer, language: Language): Partial<Activity> {
    const now = this.services.clock.now();
    if (question === 'deadline') return deadlineReply(offer, now, language);
    if (question === 'apply') return howToApplyReply(offer, now, language);
    return offerDetailsReply(offer, now, language);
  }

  private async search(context: TurnContext, search: SavedSearch, data: ConversationData, language: Language) {
    const { replies, shown } = searchReplies(this.services.catalog.current(), search, this.services.clock.now(), language);
    data.lastSearch = search;
    if (shown.length > 0) data.lastShown = shown;
    await context.sendActivities(replies);
  }

  private async sendHelp(context: TurnContext, language: Language) {
    await context.sendActivity(formatted(t(language, 'help.text'), [], this.starterSuggestions(language)));
  }

  private starterSuggestions(language: Language) {
    return (['help.suggest.search', 'help.suggest.closingSoon', 'help.suggest.all'] as const).map((key) => ({
      type: 'imBack',
      title: t(language, key),
      value: t(language, key),
    }));
  }

  private async input(context: TurnContext): Promise<TurnInput> {
    const data = await this.conversation.get(context, {});
    return readTurnInput(context, data, this.services.recognizer);
  }
}
