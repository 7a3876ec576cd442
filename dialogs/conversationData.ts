import type { ConversationReference } from 'botbuilder';
import type { OfferFilters, OfferStatus } from '../data/search/searchOffers.js';
import type { Language } from './i18n/messages.js';
import type { OfferQuestion } from './askOfferDialog.js';
import type { Question } from './eligibility/answers.js';

/** What the bot remembers of one conversation between turns (ConversationState). */
export interface ConversationData {
  /**
   * Where to write to this user later (a reminder, an alert): the Bot Framework conversation
   * reference of the last activity, kept fresh every turn (Teams gives it on install).
   */
  reference?: Partial<ConversationReference>;
  language?: Language;
  welcomed?: boolean;
  /** The search whose results are on screen, so "voir plus" and a tapped filter can continue it. */
  lastSearch?: {
    /** The words searched, once filters and "qui ferment bientôt" are taken out. */
    text: string;
    /** What the user wrote, quoted back in the answer. */
    said: string;
    filters: OfferFilters;
    status: OfferStatus;
    offset: number;
  };
  /** The offers of the last results on screen: "which offer?" offers them as buttons. */
  lastShown?: string[];
  /** "Which offer?" is on screen, for this question: "toutes" answers it when the question is eligibility. */
  askingOfferFor?: OfferQuestion;
  /** The offer last shown or asked about: "et la date limite ?" means this one. */
  currentOffer?: string;
  /**
   * The eligibility question on screen: an answer to it ("non", "5 ans") is read as an answer, not
   * as a new request ("non" is not "annuler").
   */
  eligibilityQuestion?: { question: Question; reference?: string; grades: string[] };
  /** The offer of the last verdict and its grades: "et pour le 1er grade ?" and "et la 0975 ?" follow it. */
  lastVerdict?: { reference: string; grades: string[] };
  /**
   * The conversation is with a person of the support team (or an agent hub), or the user is leaving
   * them a message: the queue's record says where it stands.
   */
  handoff?: { id: string; hub?: boolean; leavingMessage?: boolean };
  /** The user's last messages, masked: shown with a request for a person. */
  recentMessages?: string[];
  /**
   * The channel's ids of the last activities handled (bot/repeatedActivities.ts): the same activity
   * sent again, to this instance or another, is not handled twice.
   */
  handledDeliveries?: string[];
}
