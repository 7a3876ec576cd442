import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { ASK_OFFER_DIALOG, type AskOfferOptions } from '../askOfferDialog.js';
import type { ConversationData } from '../conversationData.js';
import { ELIGIBILITY_DIALOG } from '../eligibility/eligibilityDialog.js';
import { factsInSentence } from '../eligibility/sentenceFacts.js';
import { t, type Language } from '../i18n/messages.js';
import { noteOutcome } from '../outcome.js';
import { DELETE_MY_DATA_DIALOG } from '../privacy/deleteMyDataDialog.js';
import { entityOf, type Recognition } from '../recognition/recognizer.js';
import { askedCondition } from '../offers/offerConditions.js';
import { askedFact, type OfferFact } from '../offers/offerFacts.js';
import { alertSearchFrom } from '../reminders/alertRequest.js';
import { leadDaysOf } from '../reminders/leadTime.js';
import type { ReminderTopics } from '../reminders/reminderTopics.js';
import { formatted, plain } from '../replies.js';
import { searchIntentFrom, type SearchIntent } from '../search/searchRequest.js';
import { asksAllOffers, shownOfferAlone, shownOfferNamed } from '../search/shownOffers.js';
import { searchOffers } from '../../data/search/searchOffers.js';
import type { DialogServices } from '../services.js';
import { searchFollowUp } from './followUps.js';
import { QUESTION_OF_INTENT } from './offerQuestionOfIntent.js';
import type { OfferTopics } from './offerTopics.js';
import { fallbackReply, helpReply } from './starters.js';

/** A dialog to start for the rest of the conversation; nothing when the answer was given at once. */
export type NextDialog = { dialog: string; options?: object } | undefined;

/**
 * The intents a question about a condition of the post ("faut-il le permis ?", "do I need a driving
 * licence?") is also read as: it sounds like eligibility or applying, and the answer is the offer's own
 * lines on it. An eligibility question that says so ("suis-je éligible ?") stays one.
 */
const CONDITION_READINGS: ReadonlySet<Recognition['topIntent']> = new Set(['OfferConditions', 'OfferDetails', 'CheckEligibility', 'HowToApply', 'None']);
const ASKS_ELIGIBILITY = /[ée]ligib|\bpostuler\b|\bcandidater\b|\bapply\b|\bqualif/i;
/** The conditions as a whole ("quelles sont les contraintes du poste ?"), not the whole offer ("what does it involve?"). */
const ASKS_CONDITIONS = /\bconditions?\b|\bcontraintes?\b|\bsuj[ée]tions?\b|\bexigences?\b|\brequirements?\b/i;

/**
 * The condition a message asks about, or nothing; read before the other facts of an offer ("horaires
 * décalés" asks about nights and week-ends, not the working time). None counts only with an offer in
 * view ("et le permis ?").
 */
function conditionAsked(recognition: Recognition, offerInView: boolean): OfferFact | undefined {
  const intent = recognition.topIntent;
  if (!CONDITION_READINGS.has(intent) || (intent === 'None' && !offerInView)) return undefined;
  if (intent === 'CheckEligibility' && ASKS_ELIGIBILITY.test(recognition.text)) return undefined;
  return askedCondition(recognition.text) ?? (intent === 'OfferConditions' && ASKS_CONDITIONS.test(recognition.text) ? 'conditions' : undefined);
}

/**
 * Whether the two best guesses both answer with the offer's lines on the condition named ("le poste 1010
 * a des horaires décalés ?", unsure between conditions and details): then asking which was meant is a
 * question with one answer, and the bot answers.
 */
export function answersAConditionEitherWay(recognition: Recognition): boolean {
  const guesses = recognition.intents.slice(0, 2);
  return guesses.length === 2 && guesses.every((guess) => guess.category !== 'None' && conditionAsked({ ...recognition, topIntent: guess.category }, true) !== undefined);
}

/** Intents a short follow-up of a search ("seulement à Koné", "only at the CHT") is mistaken for. */
const FOLLOW_UP_READINGS: ReadonlySet<Recognition['topIntent']> = new Set(['Help', 'None']);

/** What each intent does. */
export class IntentRoutes {
  constructor(
    private readonly services: DialogServices,
    private readonly profiles: StatePropertyAccessor<CandidateProfile>,
    private readonly offers: OfferTopics,
    private readonly reminders: ReminderTopics,
  ) {}

  /**
   * The search a message asks: a domain or a grade said as a filter filters, unless no open offer
   * passes it while its words would find some ("offres en informatique" when the open offers are filed
   * under "Systèmes d'information"): then the words are searched.
   */
  private searchOf(recognition: Recognition): SearchIntent {
    const filtered = searchIntentFrom(recognition);
    if (filtered.filters.domain === undefined && filtered.filters.grade === undefined) return filtered;
    const snapshot = this.services.catalog.current();
    const now = this.services.clock.now();
    const finds = (search: SearchIntent) => searchOffers(snapshot.index, { text: search.text, filters: search.filters, status: 'open', limit: 1 }, now, snapshot.matchWord).total > 0;
    if (finds(filtered)) return filtered;
    const words = searchIntentFrom(recognition, { domainsAndGradesAsFilters: false });
    return finds(words) ? words : filtered;
  }

  async route(context: TurnContext, recognition: Recognition, data: ConversationData, language: Language): Promise<NextDialog> {
    const reference = entityOf(recognition, 'offerReference')?.resolution;
    const condition = conditionAsked(recognition, !!(reference ?? data.currentOffer));
    const question = condition ? 'details' : QUESTION_OF_INTENT[recognition.topIntent];
    if (question) {
      const fact = condition ?? (question === 'details' ? askedFact(recognition.text) : undefined);
      const options: AskOfferOptions = { question, ...(question === 'remind' ? { leadDays: leadDaysOf(recognition) } : {}), ...(fact ? { fact } : {}) };
      // "la date limite du premier": one of the results just shown, before the offer last talked about.
      const about = reference ?? shownOfferNamed(recognition.text, data) ?? data.currentOffer;
      if (!about) return { dialog: ASK_OFFER_DIALOG, options };
      await this.offers.answer(context, options, about, data, language);
      return undefined;
    }
    // "uniquement au CHT" after a search, read as help or as nothing: that search at the CHT.
    const followUp = FOLLOW_UP_READINGS.has(recognition.topIntent) ? searchFollowUp(recognition.text, this.searchOf(recognition), data.lastSearch) : undefined;
    if (followUp) {
      await this.offers.search(context, { ...followUp, status: 'open', offset: 0 }, data, language);
      return undefined;
    }
    switch (recognition.topIntent) {
      case 'SearchOffers': {
        // "et la deuxième ?" after results: that offer, not a search for those words.
        const shown = shownOfferAlone(recognition.text, data);
        if (shown) {
          await this.offers.answer(context, { question: 'details' }, shown, data, language);
          return undefined;
        }
        const search = this.searchOf(recognition);
        // "et à Koné ?" after a search: that search, at Koné.
        const asked = searchFollowUp(recognition.text, search, data.lastSearch) ?? { ...search, said: recognition.text };
        await this.offers.search(context, { ...asked, status: 'open', offset: 0 }, data, language);
        return undefined;
      }
      case 'Help':
        await context.sendActivity(helpReply(language));
        return undefined;
      case 'Cancel':
        await context.sendActivity(formatted(t(language, 'cancel.nothing')));
        return undefined;
      case 'ListReminders':
        await this.reminders.list(context, language);
        return undefined;
      case 'CancelReminder': {
        const offer = reference ? this.services.catalog.current().findByReference(reference) : undefined;
        if (reference && !offer) await context.sendActivity(plain(t(language, 'offer.notFound', { reference })));
        else await this.reminders.cancelFor(context, language, offer);
        return undefined;
      }
      case 'SubscribeAlerts':
        await this.reminders.subscribe(context, data, language, alertSearchFrom(recognition));
        return undefined;
      case 'CheckEligibility': {
        // What the sentence already says ("j'habite ici depuis 2019") is not asked again.
        const said = factsInSentence(recognition.text, this.services.clock.now());
        if (Object.keys(said).length > 0) await this.profiles.set(context, { ...(await this.profiles.get(context, {})), ...said });
        const named = reference ?? shownOfferNamed(recognition.text, data);
        const all = !named && asksAllOffers(recognition.text);
        return { dialog: ELIGIBILITY_DIALOG, options: { reference: named ?? (all ? undefined : data.currentOffer), all } };
      }
      case 'DeleteMyData':
        return { dialog: DELETE_MY_DATA_DIALOG };
      default: {
        // "le deuxième", "the second one" and nothing else, results on screen: that offer's details.
        const shown = shownOfferNamed(recognition.text, data, true);
        if (shown) {
          await this.offers.answer(context, { question: 'details' }, shown, data, language);
          return undefined;
        }
        noteOutcome(context, { outcome: 'fallback' });
        await context.sendActivity(fallbackReply(language));
        return undefined;
      }
    }
  }
}
