import type { ConversationData } from '../conversationData.js';
import { parseGrade } from '../eligibility/answers.js';
import { entityOf, type Recognition } from '../recognition/recognizer.js';
import { foldAccents } from '../../data/search/normalize.js';

/** "et …", "and …", "what about …": a short message that goes on from the last answer. */
const GOES_ON = /^(et|and|what about|how about|same for)\b/;
/** Longer than this, a message says more than "and for that one?": it is routed as it stands. */
const MAX_FOLLOW_UP = 80;

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
