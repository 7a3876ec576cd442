import type { Clock } from '../data/clock.js';
import type { OfferCatalog } from '../data/offers/offerCatalog.js';
import type { EligibilityRules } from '../data/eligibility/eligibilityRules.js';
import type { ProactiveStore } from '../data/reminders/proactiveStore.js';
import type { SupportDesk } from './handoff/supportDesk.js';
import type { OfferLinks } from './offers/offerLinks.js';
import type { IntentRecognizer } from './recognition/recognizer.js';

/** Everything the dialogs need from outside, injected so tests give each a stand-in. */
export interface DialogServices {
  catalog: OfferCatalog;
  clock: Clock;
  recognizer: IntentRecognizer;
  /** Reminders and alerts, kept for the scheduler to send. */
  proactive: ProactiveStore;
  links: OfferLinks;
  /** The eligibility rules' texts and sources, from the file HR keeps. */
  eligibilityRules: EligibilityRules;
  /** Personal data kept outside the dialogs' reach: transcripts. */
  personalData: { eraseTranscripts(channelId: string, userId: string): Promise<number> };
  /** How long transcripts are kept, for the privacy notice. */
  transcriptRetentionDays: number;
  /** Handing a conversation to a person of the support team. */
  support: SupportDesk;
  /** Something is due now (a reminder whose chosen morning has passed): send without waiting. */
  onDueNow?: () => void;
}
