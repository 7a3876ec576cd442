import { ConversationState, UserState, type Middleware, type Storage } from 'botbuilder';
import type { Clock } from '../data/clock.js';
import { readProfile, type CandidateProfile } from '../data/eligibility/candidateProfile.js';
import type { EligibilityRules } from '../data/eligibility/eligibilityRules.js';
import type { OfferCatalog } from '../data/offers/offerCatalog.js';
import type { ProactiveStore } from '../data/reminders/proactiveStore.js';
import type { TranscriptFiles } from '../data/transcripts/transcriptFiles.js';
import type { ConversationData } from '../dialogs/conversationData.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import type { OfferLinks } from '../dialogs/offers/offerLinks.js';
import { ParsedProperty } from '../dialogs/parsedProperty.js';
import type { IntentRecognizer } from '../dialogs/recognition/recognizer.js';
import { JobBot } from './jobBot.js';
import { ErasureMiddleware } from './transcripts/erasureMiddleware.js';
import { FileTranscriptStore } from './transcripts/fileTranscriptStore.js';
import { transcriptMiddleware } from './transcripts/transcriptLogging.js';

/** What the bot is made of: the services it asks and the stores it keeps its memory in. */
export interface BotParts {
  catalog: OfferCatalog;
  clock: Clock;
  recognizer: IntentRecognizer;
  proactive: ProactiveStore;
  links: OfferLinks;
  eligibilityRules: EligibilityRules;
  /** Conversation and user state. */
  storage: Storage;
  transcripts: TranscriptFiles;
  transcriptRetentionDays: number;
  /** Something is due now (a reminder whose chosen morning has passed): send without waiting. */
  onDueNow?: () => void;
}

export interface ComposedBot {
  bot: JobBot;
  conversationState: ConversationState;
  userState: UserState;
  /** The adapter's middleware, outermost first: erasure, then the masked transcript. */
  middleware: Middleware[];
}

/**
 * The one place the bot is put together: states → main dialog → bot, and the middleware every
 * adapter runs. The running app (bot/app.ts) and the tests both call it, so the bot under test
 * is the bot that runs.
 */
export function composeBot(parts: BotParts): ComposedBot {
  const conversationState = new ConversationState(parts.storage);
  const conversation = conversationState.createProperty<ConversationData>('conversation');
  // The candidate's answers to eligibility questions outlive the conversation: UserState, parsed on read.
  const userState = new UserState(parts.storage);
  const profiles = new ParsedProperty<CandidateProfile>(userState.createProperty<unknown>('candidateProfile'), readProfile);
  const mainDialog = new MainDialog(
    {
      catalog: parts.catalog,
      clock: parts.clock,
      recognizer: parts.recognizer,
      proactive: parts.proactive,
      links: parts.links,
      eligibilityRules: parts.eligibilityRules,
      personalData: { eraseTranscripts: (channelId, userId) => parts.transcripts.deleteByUser(channelId, userId) },
      transcriptRetentionDays: parts.transcriptRetentionDays,
      onDueNow: parts.onDueNow,
    },
    conversation,
    profiles,
  );
  const bot = new JobBot([conversationState, userState], conversation, mainDialog, { catalog: parts.catalog, clock: parts.clock });
  // Outermost first: the erasure runs after the transcript of its turn is written.
  const middleware = [new ErasureMiddleware(parts.transcripts), ...transcriptMiddleware(new FileTranscriptStore(parts.transcripts))];
  return { bot, conversationState, userState, middleware };
}
