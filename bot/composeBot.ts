import { ConversationState, UserState, type Middleware, type Storage } from 'botbuilder';
import { readProfile, type CandidateProfile } from '../data/eligibility/candidateProfile.js';
import type { TranscriptArchive } from '../data/transcripts/transcriptArchive.js';
import type { ConversationData } from '../dialogs/conversationData.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { ParsedProperty } from '../dialogs/parsedProperty.js';
import { CatalogueRecognizer } from '../dialogs/recognition/catalogueRecognizer.js';
import type { DialogServices } from '../dialogs/services.js';
import { JobBot } from './jobBot.js';
import { RepeatedActivityGuard } from './repeatedActivities.js';
import { ErasureMiddleware } from './transcripts/erasureMiddleware.js';
import { MaskedTranscriptStore } from './transcripts/maskedTranscriptStore.js';
import { transcriptMiddleware } from './transcripts/transcriptLogging.js';

/** What the bot is made of: the services its dialogs ask, and the stores it keeps its memory in. */
export interface BotParts extends Omit<DialogServices, 'personalData'> {
  /** User state, and conversation state unless `conversationStorage` is given. */
  storage: Storage;
  /** Conversation state (with Azure Storage: in the blob its turn's lease is on). */
  conversationStorage?: Storage;
  transcripts: TranscriptArchive;
}

export interface ComposedBot {
  bot: JobBot;
  conversationState: ConversationState;
  userState: UserState;
  /** The adapter's middleware, outermost first: activities sent again dropped, erasure, then the masked transcript. */
  middleware: Middleware[];
}

/**
 * The one place the bot is put together: states → main dialog → bot, and the middleware every
 * adapter runs. The running app (bot/app.ts) and the tests both call it, so the bot under test
 * is the bot that runs.
 */
export function composeBot(parts: BotParts): ComposedBot {
  const conversationState = new ConversationState(parts.conversationStorage ?? parts.storage);
  const conversation = conversationState.createProperty<ConversationData>('conversation');
  // The candidate's answers to eligibility questions outlive the conversation: UserState, parsed on read.
  const userState = new UserState(parts.storage);
  const profiles = new ParsedProperty<CandidateProfile>(userState.createProperty<unknown>('candidateProfile'), readProfile);
  const { storage: _storage, conversationStorage: _conversationStorage, transcripts, ...services } = parts;
  const personalData = { eraseTranscripts: (channelId: string, userId: string) => transcripts.deleteByUser(channelId, userId) };
  // Bare words ("infirmier", "Lifou") are read against the catalogue, whichever language model runs.
  const recognizer = new CatalogueRecognizer(services.recognizer, () => services.catalog.current(), services.clock);
  const mainDialog = new MainDialog({ ...services, recognizer, personalData }, conversation, profiles);
  const bot = new JobBot([conversationState, userState], conversation, mainDialog, { catalog: parts.catalog, clock: parts.clock });
  // Outermost first: an activity sent again is dropped before anything sees it; the erasure runs
  // after the transcript of its turn is written.
  const middleware = [
    new RepeatedActivityGuard(conversation),
    new ErasureMiddleware(transcripts),
    ...transcriptMiddleware(new MaskedTranscriptStore(transcripts)),
  ];
  return { bot, conversationState, userState, middleware };
}
