import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Offer } from '../data/offers/offer.js';
import { referencesInText } from '../data/offers/reference.js';
import type { ConversationData } from './conversationData.js';
import type { OfferFact } from './offers/offerFacts.js';
import { t } from './i18n/messages.js';
import { formatted, typedButton } from './replies.js';
import { asksAllOffers, shownOfferNamed } from './search/shownOffers.js';
import type { DialogServices } from './services.js';
import type { StatePropertyAccessor } from 'botbuilder';

export const ASK_OFFER_DIALOG = 'askOfferDialog';
const REFERENCE_PROMPT = 'referencePrompt';
const ASK_STEPS = 'askOfferSteps';
/** Asked once, then re-asked at most twice: after that the user is shown another way. */
const MAX_RETRIES = 2;
const MAX_CHOICES = 5;

export type OfferQuestion = 'details' | 'deadline' | 'apply' | 'salary' | 'progress' | 'remind' | 'eligibility';

export interface AskOfferOptions {
  question: OfferQuestion;
  /** For a reminder: the lead time the user gave with the question, kept across the prompt. */
  leadDays?: number;
  /** For details: the one fact asked ("c'est où ?"), kept across the prompt. */
  fact?: OfferFact;
}

export interface AskOfferResult extends AskOfferOptions {
  reference?: string;
  /** For eligibility: "toutes", "all open offers": check against every open offer. */
  all?: boolean;
}

/** "Which offer?": asked when someone wants a deadline or the way to apply without saying which offer. */
export class AskOfferDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly conversation: StatePropertyAccessor<ConversationData>,
  ) {
    super(ASK_OFFER_DIALOG);
    this.addDialog(new TextPrompt(REFERENCE_PROMPT, (prompt) => this.isKnownOffer(prompt)));
    this.addDialog(new WaterfallDialog(ASK_STEPS, [this.askStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = ASK_STEPS;
  }

  private async askStep(step: WaterfallStepContext<AskOfferOptions>) {
    const data = await this.conversation.get(step.context, {});
    const language = data.language ?? 'fr';
    // The offers just shown are the likely answers: one tap each; an eligibility check can take them all.
    const choices = (data.lastShown ?? []).slice(0, MAX_CHOICES).map(typedButton);
    if (step.options.question === 'eligibility') choices.push(typedButton(t(language, 'offer.allOpen')));
    data.askingOfferFor = step.options.question;
    return step.prompt(REFERENCE_PROMPT, {
      prompt: formatted(t(language, 'offer.askWhich'), [], choices),
      retryPrompt: formatted(t(language, 'offer.askWhichRetry'), [], choices),
    });
  }

  private async doneStep(step: WaterfallStepContext<AskOfferOptions>) {
    const data = await this.conversation.get(step.context, {});
    data.askingOfferFor = undefined;
    const answer = String(step.result ?? '');
    const offer = this.find(answer, data);
    const all = !offer && step.options.question === 'eligibility' && asksAllOffers(answer);
    const result: AskOfferResult = { ...step.options, reference: offer?.reference, ...(all ? { all } : {}) };
    return step.endDialog(result);
  }

  private async isKnownOffer(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const answer = prompt.recognized.value ?? '';
    const data = await this.conversation.get(prompt.context, {});
    if (this.find(answer, data) || (data.askingOfferFor === 'eligibility' && asksAllOffers(answer))) return true;
    // After the last retry the prompt ends anyway, with nothing found: the main dialog says what to do.
    if (prompt.attemptCount > MAX_RETRIES) return true;
    return false;
  }

  private find(answer: string, data: ConversationData): Offer | undefined {
    const snapshot = this.services.catalog.current();
    const direct = snapshot.findByReference(answer);
    if (direct) return direct;
    // "la deuxième", "2", "the first one": one of the offers just shown.
    const shown = shownOfferNamed(answer, data, true);
    if (shown) return snapshot.findByReference(shown);
    // "c'est la 25-0979", "la 54956 svp": the first word of the answer that names an offer.
    for (const mention of [...referencesInText(answer).map((m) => m.reference), ...(answer.match(/\d{2}-\d{3,6}|\d{3,6}/g) ?? [])]) {
      const offer = snapshot.findByReference(mention);
      if (offer) return offer;
    }
    return undefined;
  }
}
