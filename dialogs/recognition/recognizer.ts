/**
 * What the bot understood of a message, in the shape Azure CLU returns (top intent, a score per
 * intent, entities with their place in the text), so the embedded recogniser and CLU are
 * interchangeable behind `IntentRecognizer`.
 */
export const INTENTS = [
  'SearchOffers',
  'OfferDetails',
  'CheckEligibility',
  'Deadline',
  'SetReminder',
  'ListReminders',
  'CancelReminder',
  'HowToApply',
  'Salary',
  'OfferConditions',
  'ApplicationProgress',
  'SubscribeAlerts',
  'Help',
  'Cancel',
  'DeleteMyData',
  'None',
] as const;

export type Intent = (typeof INTENTS)[number];

export type EntityCategory = 'offerReference' | 'domain' | 'employer' | 'commune' | 'grade' | 'province' | 'duration' | 'date';

export interface RecognizedEntity {
  category: EntityCategory;
  /** The words as the user wrote them. */
  text: string;
  /** Characters from the start of the message. */
  offset: number;
  length: number;
  confidenceScore: number;
  /** The canonical value: the offer's reference, the employer's name as offers spell it. */
  resolution?: string;
}

export interface Recognition {
  text: string;
  topIntent: Intent;
  intents: Array<{ category: Intent; confidenceScore: number }>;
  entities: RecognizedEntity[];
}

export interface IntentRecognizer {
  recognize(text: string, language: 'fr' | 'en'): Promise<Recognition>;
}

export function entityOf(recognition: Recognition, category: EntityCategory): RecognizedEntity | undefined {
  return recognition.entities.find((e) => e.category === category);
}
