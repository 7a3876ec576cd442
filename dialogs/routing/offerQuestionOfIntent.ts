import type { OfferQuestion } from '../askOfferDialog.js';
import type { Recognition } from '../recognition/recognizer.js';

/** The questions about one offer: asked without a reference, the bot asks which offer. */
export const QUESTION_OF_INTENT: Partial<Record<Recognition['topIntent'], OfferQuestion>> = {
  OfferDetails: 'details',
  // A condition it does not name ("what does the job involve?"): the offer.
  OfferConditions: 'details',
  Deadline: 'deadline',
  HowToApply: 'apply',
  Salary: 'salary',
  ApplicationProgress: 'progress',
  SetReminder: 'remind',
};
