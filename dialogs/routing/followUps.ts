import type { ConversationData } from '../conversationData.js';
import { parseGrade } from '../eligibility/answers.js';
import { entityOf, type Recognition } from '../recognition/recognizer.js';
import { foldAccents } from '../../data/search/normalize.js';
import type { SearchIntent } from '../search/searchRequest.js';

/** "et …", "and …", "what about …": a short message that goes on from the last answer. */
const GOES_ON = /^(et|and|what about|how about|same for)\b/;
/** Longer than this, a message says more than "and for that one?": it is routed as it stands. */
const MAX_FOLLOW_UP = 80;
/** Words that add nothing to "et à Koné ?": "et à Koné aussi ?", "and in Lifou then?". */
const FILLERS = /\b(et|and|what about|how about|same for|aussi|plutot|alors|maintenant|svp|stp|also|too|instead|then|now|please|the same|pareil|meme chose)\b/g;

/**
 * After a search, "et à Koné ?", "and closing soon?", "et de l'OPT ?": the same words, with the filter
 * said (a place for a place, an employer for an employer, added to the others). Undefined when the
 * message searches words of its own ("et infirmier à Koné ?") or is not such a follow-up.
 */
export function searchFollowUp(text: string, search: SearchIntent, last: ConversationData['lastSearch']): SearchIntent | undefined {
  if (!last || text.length > MAX_FOLLOW_UP || !GOES_ON.test(foldAccents(text).trim())) return undefined;
  if (Object.keys(search.filters).length === 0) return undefined;
  const ownWords = foldAccents(search.text).replace(FILLERS, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return ownWords === '' ? { text: last.text, filters: { ...last.filters, ...search.filters } } : undefined;
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
  if (!last || text.length > MAX_FOLLOW_UP || !GOES_ON.test(foldAccents(text).trim())) return undefined;
  const reference = entityOf(recognition, 'offerReference')?.resolution;
  if (reference) return { reference };
  const grade = last.grades.length > 0 ? parseGrade(text, last.grades) : undefined;
  return grade?.ok ? { reference: last.reference, grade: grade.value } : undefined;
}
