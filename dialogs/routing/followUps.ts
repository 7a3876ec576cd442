import type { ConversationData } from '../conversationData.js';
import { parseGrade } from '../eligibility/answers.js';
import { entityOf, type Recognition } from '../recognition/recognizer.js';
import { foldAccents } from '../../data/search/normalize.js';
import type { SearchIntent } from '../search/searchRequest.js';

/** "et …", "and …", "what about …", "seulement …": a short message that goes on from the last answer. */
const OPENERS = ['et', 'and', 'what about', 'how about', 'same for', 'celles', 'ceux', 'seulement', 'uniquement', 'juste', 'only', 'just', 'those'];
const GOES_ON = new RegExp(`^(${OPENERS.join('|')})\\b`);
/**
 * A thank-you or an "ok" before the follow-up ("merci ! et à Koné ?", "ok d'accord, et à Nouméa ?",
 * "thanks, and in Lifou?"): it says nothing of the search. Folded text; one word, doubled at most.
 */
const COURTESY = String.raw`(?:merci|thanks?|thank you|ok(?:ay)?|d['’ ]?accord|super|parfait|tres bien|great|cool|nice|good)(?: beaucoup| bien| a lot| you)?`;
const LEADING_COURTESY = new RegExp(String.raw`^(?:${COURTESY}[\s,.;:!]*){1,2}`);
/** Longer than this, a message says more than "and for that one?": it is routed as it stands. */
const MAX_FOLLOW_UP = 80;
/** Words that add nothing to "et à Koné ?": "et à Koné aussi ?", "and in Lifou then?". */
const FILLERS = new RegExp(`\\b(${[...OPENERS, COURTESY, 'aussi', 'plutot', 'alors', 'maintenant', 'svp', 'stp', 'pareil', 'meme chose', 'also', 'too', 'instead', 'then', 'now', 'please', 'the same'].join('|')})\\b`, 'g');

/**
 * After a search, "et à Koné ?", "and closing soon?", "et de l'OPT ?": the same words, with the filter
 * said (a place for a place, an employer for an employer, added to the others). Undefined when the
 * message searches words of its own ("et infirmier à Koné ?") or is not such a follow-up. The words
 * quoted back (`said`) are the ones first said.
 */
export function searchFollowUp(text: string, search: SearchIntent, last: ConversationData['lastSearch']): (SearchIntent & { said: string }) | undefined {
  if (!last || !goesOn(text)) return undefined;
  if (Object.keys(search.filters).length === 0) return undefined;
  const ownWords = foldAccents(search.text).replace(FILLERS, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return ownWords === '' ? { text: last.text, said: last.said, filters: { ...last.filters, ...search.filters } } : undefined;
}

/**
 * After an eligibility verdict, "et pour le 1er grade ?" asks the same for another grade of that offer,
 * "et la 0975 ?" the same for another offer: the check runs again on the profile, asking nothing known.
 * Undefined when the message is not such a follow-up (then it is routed as any other).
 */
export function eligibilityFollowUp(
  text: string,
  recognition: Recognition,
  last: ConversationData['lastVerdict'],
): { reference: string; grade?: string } | undefined {
  if (!last || !goesOn(text)) return undefined;
  const reference = entityOf(recognition, 'offerReference')?.resolution;
  if (reference) return { reference };
  const grade = last.grades.length > 0 ? parseGrade(text, last.grades) : undefined;
  return grade?.ok ? { reference: last.reference, grade: grade.value } : undefined;
}

/** A short message that opens with "et", "and", "what about", after a thank-you or not. */
function goesOn(text: string): boolean {
  return text.length <= MAX_FOLLOW_UP && GOES_ON.test(foldAccents(text).trim().replace(LEADING_COURTESY, ''));
}
