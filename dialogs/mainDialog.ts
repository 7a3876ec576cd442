import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
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
import type { CandidateProfile } from '../data/eligibility/candidateProfile.js';
import { AskOfferDialog, type AskOfferResult } from './askOfferDialog.js';
import type { ConversationData } from './conversationData.js';
import { EligibilityDialog, ELIGIBILITY_DIALOG } from './eligibility/eligibilityDialog.js';
import { HandoffTopics } from './handoff/handoffTopics.js';
import { formatDay, t, type Language } from './i18n/messages.js';
import { noumeaDay } from '../data/offers/openness.js';
import { noteOutcome } from './outcome.js';
import { DeleteMyDataDialog } from './privacy/deleteMyDataDialog.js';
import type { Recognition } from './recognition/recognizer.js';
import { ReminderTopics } from './reminders/reminderTopics.js';
import { asksAllOffers, shownOfferNamed } from './search/shownOffers.js';
import { formatted } from './replies.js';
import { CardActionRoutes } from './routing/cardActionRoutes.js';
import { clarification, isUnclear } from './routing/clarification.js';
import { eligibilityFollowUp } from './routing/followUps.js';
import { answersAConditionEitherWay, IntentRoutes } from './routing/intentRoutes.js';
import { interruptionOf } from './routing/interruptions.js';
import { OfferTopics } from './routing/offerTopics.js';
import { helpReply, welcomeReply } from './routing/starters.js';
import type { DialogServices } from './services.js';
import { MAX_MESSAGE_LENGTH, readTurnInput, type TurnInput } from './turnInput.js';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE = 'route';

/**
 * Each message, as the conversation goes: read it once (too long, a button, or words and their
 * intent), let it interrupt the question in progress, then route it (routing/intentRoutes.ts,
 * routing/cardActionRoutes.ts) and, for "which offer?", answer once the offer is known.
 */
export class MainDialog extends ComponentDialog {
  private readonly offers: OfferTopics;
  private readonly intents: IntentRoutes;
  private readonly cardActions: CardActionRoutes;
  private readonly handoff: HandoffTopics;

  constructor(
    private readonly services: DialogServices,
    private readonly conversation: StatePropertyAccessor<ConversationData>,
    profiles: StatePropertyAccessor<CandidateProfile>,
  ) {
    super(MAIN_DIALOG);
    const reminders = new ReminderTopics(services);
    this.offers = new OfferTopics(services, reminders);
    this.intents = new IntentRoutes(services, profiles, this.offers, reminders);
    this.handoff = new HandoffTopics(services);
    this.cardActions = new CardActionRoutes(services, profiles, this.offers, reminders, this.handoff);
    this.addDialog(new AskOfferDialog(services, conversation));
    this.addDialog(new EligibilityDialog(services, conversation, profiles));
    this.addDialog(new DeleteMyDataDialog(services, conversation, profiles));
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /** One call per incoming message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const data = await this.conversation.get(context, {});
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim().slice(0, MAX_MESSAGE_LENGTH) : '';
    // With a person of the support team (or leaving them a message): their words go to them, the bot keeps quiet.
    if (data.handoff && (await this.handoff.relay(context, data, text, data.language ?? 'fr'))) return;
    HandoffTopics.remember(data, text);
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** The agent hub's `handoff.status` event. */
  async handoffStatus(context: TurnContext, state: string): Promise<void> {
    const data = await this.conversation.get(context, {});
    await this.handoff.hubStatus(context, data, state, data.language ?? 'fr');
  }

  /** "Nous sommes le dimanche 6 décembre 2026": the day in Nouméa, where the deadlines are. */
  private today(language: Language): string {
    return t(language, 'smallTalk.today', { date: formatDay(noumeaDay(this.services.clock.now()), language) });
  }

  async welcome(context: TurnContext, language: Language): Promise<void> {
    await context.sendActivity(welcomeReply(language));
  }

  /** A message while a question is on screen: the answer, or something that interrupts it. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const input = await this.input(inner.context);
    const data = await this.conversation.get(inner.context, {});
    const answersWhichOffer =
      input.kind === 'text' && (shownOfferNamed(input.text, data, true) !== undefined || (data.askingOfferFor === 'eligibility' && asksAllOffers(input.text)));
    const interruption = interruptionOf(input, data.eligibilityQuestion, { now: this.services.clock.now(), answersWhichOffer, askingOfferFor: data.askingOfferFor });
    if (interruption === 'restart' || interruption === 'cancel' || interruption === 'goodbye') {
      data.eligibilityQuestion = undefined;
      data.askingOfferFor = undefined;
    }
    switch (interruption) {
      case 'restart':
        await inner.cancelAllDialogs();
        return inner.beginDialog(ROUTE);
      case 'cancel':
        await inner.cancelAllDialogs();
        await inner.context.sendActivity(formatted(t(input.language, 'cancel.done')));
        return { status: DialogTurnStatus.complete };
      case 'help':
      case 'thanks':
      case 'today':
        await inner.context.sendActivity(
          interruption === 'help' ? helpReply(input.language) : formatted(interruption === 'today' ? this.today(input.language) : t(input.language, 'smallTalk.thanksInQuestion')),
        );
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'goodbye':
        await inner.cancelAllDialogs();
        await inner.context.sendActivity(formatted(t(input.language, 'smallTalk.goodbye')));
        return { status: DialogTurnStatus.complete };
      case 'continue':
        return super.onContinueDialog(inner);
    }
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const input = await this.input(context);
    const data = await this.conversation.get(context, {});
    let recognition: Recognition;
    const lastVerdict = data.lastVerdict;
    // A follow-up goes on from the verdict just given; any other request leaves it behind.
    data.lastVerdict = undefined;
    switch (input.kind) {
      case 'tooLong':
        await context.sendActivity(formatted(t(input.language, 'input.tooLong', { length: input.length, max: MAX_MESSAGE_LENGTH })));
        return step.endDialog();
      case 'action': {
        const { action } = input;
        if (action.action === 'editProfile') return step.beginDialog(ELIGIBILITY_DIALOG, { only: action.fact });
        if (action.action !== 'intent') {
          await this.cardActions.handle(context, action, data, input.language);
          return step.endDialog();
        }
        // The user said which of the guesses they meant: their words again, with that intent.
        const again = await this.services.recognizer.recognize(action.text, input.language);
        recognition = { ...again, topIntent: action.intent, intents: [{ category: action.intent, confidenceScore: 1 }] };
        break;
      }
      case 'smallTalk':
        await context.sendActivity(formatted(input.smallTalk === 'today' ? this.today(input.language) : t(input.language, `smallTalk.${input.smallTalk}`)));
        return step.endDialog();
      case 'text': {
        const followUp = eligibilityFollowUp(input.text, input.recognition, lastVerdict);
        if (followUp) return step.beginDialog(ELIGIBILITY_DIALOG, followUp);
        if (isUnclear(input.recognition) && !answersAConditionEitherWay(input.recognition)) {
          noteOutcome(context, { outcome: 'clarify' });
          await context.sendActivity(clarification(input.recognition, input.language));
          return step.endDialog();
        }
        recognition = input.recognition;
      }
    }
    const next = await this.intents.route(context, recognition, data, input.language);
    return next ? step.beginDialog(next.dialog, next.options) : step.endDialog();
  }

  /** After "which offer?": the answer the user asked for, about the offer they named. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AskOfferResult | undefined;
    // The eligibility check ends with its own verdict: nothing to add.
    if (!result || !('question' in result)) return step.endDialog();
    const data = await this.conversation.get(step.context, {});
    const language = data.language ?? 'fr';
    if (result.reference) await this.offers.answer(step.context, result, result.reference, data, language);
    else await step.context.sendActivity(formatted(t(language, 'offer.askWhichGiveUp')));
    return step.endDialog();
  }

  private async input(context: TurnContext): Promise<TurnInput> {
    const data = await this.conversation.get(context, {});
    return readTurnInput(context, data, this.services.recognizer);
  }
}
