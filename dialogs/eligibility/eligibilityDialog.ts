import type { Activity, CardAction as SuggestedAction, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { CandidateProfile, Fact } from '../../data/eligibility/candidateProfile.js';
import {
  assessBestGrade,
  assessEligibility,
  nextFact,
  nextFactForAll,
  residenceRequirement,
} from '../../data/eligibility/eligibility.js';
import type { Offer } from '../../data/offers/offer.js';
import { isOpen } from '../../data/offers/openness.js';
import { AskOfferDialog, ASK_OFFER_DIALOG, type AskOfferResult } from '../askOfferDialog.js';
import { offerSummaryCard } from '../cards/offerSummaryCard.js';
import type { ConversationData } from '../conversationData.js';
import { t, type Language } from '../i18n/messages.js';
import { actionButton, formatted, typedButton } from '../replies.js';
import type { DialogServices } from '../services.js';
import { asksWhatItMeans, isDontKnow, type Question } from './answers.js';
import { QUESTIONS, type QuestionContext } from './questions.js';
import { explanationText } from './reasonText.js';
import { verdictCard } from './verdictCard.js';

export const ELIGIBILITY_DIALOG = 'eligibilityDialog';
const START = 'eligibilityStart';
const LOOP = 'eligibilityLoop';
/** Asked once, then re-asked at most twice: after that the question is skipped. */
const MAX_RETRIES = 2;
/** The eligible offers shown after a check against all open offers. */
const MAX_SHOWN = 10;

export interface EligibilityOptions {
  reference?: string;
  /** "Check me against all open offers". */
  all?: boolean;
  /** Change one fact of the profile ("Modifier : résidence"), then stop. */
  only?: Exclude<Fact, 'grade'>;
  /** The grade already said ("et pour le 1er grade ?"): not asked again. */
  grade?: string;
}

interface LoopState extends EligibilityOptions {
  grade?: string;
  unanswerable: Fact[];
  /** The question on screen, waiting for its answer. */
  asked?: Question;
  retries: number;
  onlyDone?: boolean;
}

/**
 * "Can I apply?": asks only what the rules need for this offer (or for all open offers), one
 * question at a time, with buttons where the answers are few; keeps the answers in the user's
 * profile; ends with the verdict card.
 */
export class EligibilityDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly conversation: StatePropertyAccessor<ConversationData>,
    private readonly profiles: StatePropertyAccessor<CandidateProfile>,
  ) {
    super(ELIGIBILITY_DIALOG);
    this.addDialog(new AskOfferDialog(services, conversation));
    this.addDialog(new WaterfallDialog(START, [this.offerStep.bind(this), this.beginStep.bind(this)]));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = START;
  }

  /** After "aide" in the middle of a question: the question again. */
  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    const data = await this.conversation.get(context, {});
    const pending = data.eligibilityQuestion;
    if (!pending) return;
    const offer = pending.reference ? this.services.catalog.current().findByReference(pending.reference) : undefined;
    await context.sendActivity(this.questionMessage(pending.question, offer, await this.profiles.get(context, {}), data.language ?? 'fr'));
  }

  private async language(context: TurnContext): Promise<Language> {
    return (await this.conversation.get(context, {})).language ?? 'fr';
  }

  private async offerStep(step: WaterfallStepContext<EligibilityOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    if (options.all || options.only || options.reference) return step.next();
    return step.beginDialog(ASK_OFFER_DIALOG, { question: 'eligibility' });
  }

  private async beginStep(step: WaterfallStepContext<EligibilityOptions>): Promise<DialogTurnResult> {
    const language = await this.language(step.context);
    const asked = step.result as AskOfferResult | undefined;
    // "Toutes les offres ouvertes" as the answer to "which offer?": the check against all of them.
    const options: EligibilityOptions = asked?.all ? { ...step.options, all: true } : step.options;
    const reference = options.reference ?? asked?.reference;
    const offer = reference ? this.services.catalog.current().findByReference(reference) : undefined;
    if (!options.all && !options.only && !offer) {
      await step.context.sendActivity(formatted(t(language, reference ? 'offer.notFound' : 'offer.askWhichGiveUp', { reference: reference ?? '' })));
      return step.endDialog();
    }
    if (offer) (await this.conversation.get(step.context, {})).currentOffer = offer.reference;
    if (options.all) await step.context.sendActivity(formatted(t(language, 'eligibility.introAll')));
    else if (offer && !options.only && !options.grade && isOpen(offer, this.services.clock.now())) {
      await step.context.sendActivity(formatted(t(language, 'eligibility.intro', { reference: offer.reference, title: offer.title })));
    }
    const state: LoopState = { ...options, reference: offer?.reference, unanswerable: [], retries: 0 };
    return step.replaceDialog(LOOP, state);
  }

  private nextQuestion(state: LoopState, profile: CandidateProfile, offer: Offer | undefined): Question | undefined {
    const now = this.services.clock.now();
    if (state.only) return state.onlyDone ? undefined : state.only;
    const application = { grade: state.grade, unanswerable: state.unanswerable };
    if (state.all) return nextFactForAll(this.openOffers(), profile, now, application);
    return offer ? nextFact(offer, profile, now, application) : undefined;
  }

  private openOffers(): Offer[] {
    const now = this.services.clock.now();
    return this.services.catalog.current().offers.filter((offer) => isOpen(offer, now));
  }

  private async askStep(step: WaterfallStepContext<LoopState>): Promise<DialogTurnResult> {
    const state = step.options;
    const context = step.context;
    const data = await this.conversation.get(context, {});
    const language = data.language ?? 'fr';
    const profile = await this.profiles.get(context, {});
    const offer = state.reference ? this.services.catalog.current().findByReference(state.reference) : undefined;
    const question = this.nextQuestion(state, profile, offer);
    if (!question) {
      data.eligibilityQuestion = undefined;
      await this.conclude(context, state, profile, offer, language);
      return step.endDialog();
    }
    if (state.asked !== question) {
      await context.sendActivity(this.questionMessage(question, offer, profile, language));
      state.asked = question;
      state.retries = 0;
    }
    data.eligibilityQuestion = { question, reference: offer?.reference, grades: this.gradesOf(offer) };
    return Dialog.EndOfTurn;
  }

  private async answerStep(step: WaterfallStepContext<LoopState>): Promise<DialogTurnResult> {
    const state = step.options;
    const context = step.context;
    const language = await this.language(context);
    const question = state.asked as Question;
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    const offer = state.reference ? this.services.catalog.current().findByReference(state.reference) : undefined;

    const spec = QUESTIONS[question];
    if (spec.explanation && asksWhatItMeans(text)) {
      // Explained, then the same question again: not an answer, so not a retry either.
      await this.askAgain(context, question, offer, language, `${explanationText(spec.explanation, this.services.eligibilityRules, language)}\n\n`);
      return step.replaceDialog(LOOP, state);
    }
    if (isDontKnow(text)) {
      state.unanswerable.push(question);
      state.asked = undefined;
      if (state.only) state.onlyDone = true;
      return step.replaceDialog(LOOP, state);
    }
    const parsed = spec.parse(text, this.questionContext(offer, language));
    if (parsed.ok) {
      const answered = spec.store({ profile: await this.profiles.get(context, {}), grade: state.grade }, parsed.value);
      await this.profiles.set(context, answered.profile);
      state.grade = answered.grade;
      state.asked = undefined;
      if (state.only) state.onlyDone = true;
      return step.replaceDialog(LOOP, state);
    }
    state.retries += 1;
    if (state.retries > MAX_RETRIES) {
      await context.sendActivity(formatted(t(language, 'eligibility.giveUp')));
      state.unanswerable.push(question);
      state.asked = undefined;
      if (state.only) state.onlyDone = true;
      return step.replaceDialog(LOOP, state);
    }
    // Kindly: what was wrong with the answer, then the same question with its buttons.
    await this.askAgain(context, question, offer, language, `${t(language, `eligibility.problem.${parsed.problem}`)} `);
    return step.replaceDialog(LOOP, state);
  }

  /** The question on screen asked again, after what has to be said first (an explanation, what was wrong). */
  private async askAgain(context: TurnContext, question: Question, offer: Offer | undefined, language: Language, before: string): Promise<void> {
    const again = this.questionMessage(question, offer, await this.profiles.get(context, {}), language);
    await context.sendActivity({ ...again, text: `${before}${again.text ?? ''}` });
  }

  private questionContext(offer: Offer | undefined, language: Language): QuestionContext {
    return { now: this.services.clock.now(), grades: this.gradesOf(offer), offer, language };
  }

  private gradesOf(offer: Offer | undefined): string[] {
    return offer ? (residenceRequirement(offer, undefined).grades ?? []) : [];
  }

  private async conclude(context: TurnContext, state: LoopState, profile: CandidateProfile, offer: Offer | undefined, language: Language) {
    const now = this.services.clock.now();
    const rules = this.services.eligibilityRules;
    if (state.only) {
      await context.sendActivity(formatted(t(language, 'profile.updated'), [], [this.profileButton(language)]));
      return;
    }
    if (state.all) {
      const open = this.openOffers();
      if (open.length === 0) {
        await context.sendActivity(formatted(t(language, 'eligibility.all.noOpen')));
        return;
      }
      const application = { unanswerable: state.unanswerable };
      const verdicts = open.map((o) => ({ offer: o, verdict: assessBestGrade(o, profile, now, application) }));
      const yes = verdicts.filter((v) => v.verdict.kind === 'eligible' || v.verdict.kind === 'eligibleOtherRoute' || v.verdict.kind === 'noPriority');
      const undecided = verdicts.filter((v) => v.verdict.kind === 'cannotTell').length;
      const lines = [t(language, 'eligibility.all.result', { count: yes.length, total: open.length })];
      if (undecided > 0) lines.push(t(language, 'eligibility.all.undecided', { count: undecided }));
      const cards = yes.slice(0, MAX_SHOWN).map((v) => offerSummaryCard(v.offer, now, language));
      await context.sendActivity(formatted(lines.join('\n\n'), cards, [this.profileButton(language)]));
      return;
    }
    if (!offer) return;
    (await this.conversation.get(context, {})).lastVerdict = { reference: offer.reference, grades: this.gradesOf(offer) };
    const verdict = assessEligibility(offer, profile, now, { grade: state.grade, unanswerable: state.unanswerable });
    await context.sendActivity(formatted('', [verdictCard(offer, verdict, rules, now, language)]));
  }

  private profileButton(language: Language): SuggestedAction {
    return actionButton(t(language, 'eligibility.card.profile'), { action: 'profile' });
  }

  private questionMessage(question: Question, offer: Offer | undefined, profile: CandidateProfile, language: Language): Partial<Activity> {
    const { text, buttons } = QUESTIONS[question].prompt({ ...this.questionContext(offer, language), profile });
    return formatted(text, [], buttons.map(typedButton));
  }
}
