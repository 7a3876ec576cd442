import type { OfferQuestion } from '../askOfferDialog.js';
import type { ConversationData } from '../conversationData.js';
import { answers } from '../eligibility/questions.js';
import { entityOf, type Recognition } from '../recognition/recognizer.js';
import type { TurnInput } from '../turnInput.js';
import { isUnclear } from './clarification.js';
import { QUESTION_OF_INTENT } from './offerQuestionOfIntent.js';
import type { SmallTalk } from './smallTalk.js';

/**
 * What a message does to a question in progress ("which offer?", an eligibility question):
 * - `continue`: it is the answer, or nothing better: the question's dialog reads it;
 * - `restart`: a new request (a tapped button, a search, "détails 0966"): the question is dropped;
 * - `cancel`: "annuler"; `help`: "aide", after which the question is asked again;
 * - `thanks`: "merci", answered, then the question again (`today`, "quel jour sommes-nous ?", too);
 *   `goodbye`: "au revoir" ends it.
 */
export type Interruption = 'continue' | 'restart' | 'cancel' | 'help' | SmallTalk;

/** A search that names no offer: the user looks elsewhere rather than answering "which offer?". */
export function searchesWithoutReference(recognition: Recognition): boolean {
  return recognition.topIntent === 'SearchOffers' && !entityOf(recognition, 'offerReference');
}

/**
 * Requests that cannot be the answer to "which offer?": "mes rappels" there is the list of reminders, not a
 * reference the bot does not know. (Not "supprimer mes données": "Oui, supprimer" confirms that very request.)
 */
const NEW_REQUESTS: ReadonlySet<Recognition['topIntent']> = new Set(['ListReminders', 'CancelReminder', 'SubscribeAlerts', 'CheckEligibility']);

/** What the conversation tells about a message: the time, and whether it names one of the offers just shown. */
export interface InterruptionContext {
  now: Date;
  /** "la première", "the second one" (one of the offers on screen), "toutes" to eligibility's "which offer?". */
  answersWhichOffer: boolean;
  /** The question "which offer?" was asked for, while it waits for its answer. */
  askingOfferFor?: OfferQuestion;
}

/**
 * Asked which offer for one question, another question ("quelle est la date limite de la 0975 ?", "est-ce
 * que je suis pris ?" after "comment postuler ?"): the new question is followed (answered for the offer it
 * names, or "which offer?" asked for it), not taken as the answer. Not an offer alone ("la 0975" reads as
 * its details): that is the answer.
 */
function asksAnotherQuestion(recognition: Recognition, askingOfferFor: OfferQuestion | undefined): boolean {
  const question = QUESTION_OF_INTENT[recognition.topIntent];
  return !!askingOfferFor && !!question && question !== 'details' && question !== askingOfferFor && !isUnclear(recognition);
}

export function interruptionOf(input: TurnInput, pending: ConversationData['eligibilityQuestion'], { now, answersWhichOffer, askingOfferFor }: InterruptionContext): Interruption {
  if (input.kind === 'smallTalk') return input.smallTalk;
  if (input.kind !== 'text') return 'restart';
  const { recognition } = input;
  if (pending) {
    // "non", "5 ans", "Bac+3" answer the question on screen, whatever else they might mean.
    const triesAGrade = pending.question === 'grade' && !!entityOf(recognition, 'grade');
    if (triesAGrade || answers(pending.question, input.text, { now, grades: pending.grades })) return 'continue';
    // Not an answer but a new request ("suis-je éligible à la 1010", "détails 0966"): follow the user.
    if (!['None', 'Help', 'Cancel'].includes(recognition.topIntent) && !isUnclear(recognition)) return 'restart';
  }
  // Read against the catalogue, "la première" can find an offer with that word: it still names one on screen.
  if (!pending && answersWhichOffer) return 'continue';
  if (NEW_REQUESTS.has(recognition.topIntent) && !isUnclear(recognition)) return 'restart';
  if (asksAnotherQuestion(recognition, askingOfferFor)) return 'restart';
  if (recognition.topIntent === 'Cancel') return 'cancel';
  if (recognition.topIntent === 'Help') return 'help';
  return searchesWithoutReference(recognition) ? 'restart' : 'continue';
}
