import { MemoryStorage, TestAdapter, type Activity, type Middleware, type Storage } from 'botbuilder';
import { composeBot } from '../../bot/composeBot.js';
import type { CandidateProfile } from '../../data/eligibility/candidateProfile.js';
import { parseEligibilityRules, type EligibilityRules } from '../../data/eligibility/eligibilityRules.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { TranscriptFiles } from '../../data/transcripts/transcriptFiles.js';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import path from 'node:path';
import { PROJECT_ROOT } from './offers.js';
import { ManualClock, systemClock } from '../../data/clock.js';
import { OfferCatalog } from '../../data/offers/offerCatalog.js';
import type { ConversationData } from '../../dialogs/conversationData.js';
import { languageModelFile } from '../../bot/paths.js';
import { loadCluProject } from '../../dialogs/recognition/cluProject.js';
import { EmbeddedRecognizer } from '../../dialogs/recognition/embeddedRecognizer.js';
import type { IntentRecognizer } from '../../dialogs/recognition/recognizer.js';
import type { Offer } from '../../data/offers/offer.js';
import { sampleOffers } from './offers.js';
import { MemoryProactiveStore, type ProactiveStore } from '../../data/reminders/proactiveStore.js';
import { offerLinks } from '../../dialogs/offers/offerLinks.js';
import { MemoryHandoffStore } from '../../data/handoff/handoffStore.js';
import { StaffPresence } from '../../data/handoff/staffPresence.js';
import { parseSupportHours } from '../../data/handoff/supportHours.js';
import type { SupportDesk } from '../../dialogs/handoff/supportDesk.js';

/**
 * The real bot and dialogs on the Bot Framework's TestAdapter, with the shipped offers and a clock
 * the test sets. `say` sends one activity and returns every reply to it.
 */
export interface TestConversation {
  adapter: TestAdapter;
  clock: ManualClock;
  say(input: string | Partial<Activity>): Promise<Array<Partial<Activity>>>;
  join(locale?: string): Promise<Array<Partial<Activity>>>;
  /** What the bot remembers of this conversation, as stored. */
  conversationData(channelId?: string): Promise<ConversationData>;
  /** ConversationState's own key for this conversation: channel, then conversation. */
  conversationKey(channelId?: string): string;
  /** What the bot keeps of this user across conversations (UserState), as stored. */
  profile(channelId?: string): Promise<CandidateProfile>;
  /** The transcripts this bot writes (a folder of its own, unless given). */
  transcripts: TranscriptArchive;
  /** Reminders and alerts this conversation's bot keeps. */
  proactive: ProactiveStore;
  catalog: OfferCatalog;
  /** The events the bot sent (handoff.initiate). */
  events: Array<Partial<Activity>>;
  /** The handoff queue and who is signed in. */
  support: SupportDesk;
  /** How many times the dialogs asked the scheduler to send at once (a reminder due now). */
  dueNowCalls(): number;
}

export const TEST_PUBLIC_URL = 'https://emploi.example.nc';

/** The eligibility rules file shipped in data/, read once for all the conversations of a test file. */
let rules: EligibilityRules | undefined;
export const RULES_FILE = path.join(PROJECT_ROOT, 'data', 'eligibility-rules.json');
export function shippedRules(): EligibilityRules {
  rules ??= parseEligibilityRules(JSON.parse(readFileSync(RULES_FILE, 'utf8')), RULES_FILE);
  return rules;
}

/** The embedded recogniser, trained once for all the conversations of a test file. */
const shippedCatalog = OfferCatalog.of(sampleOffers(), systemClock);
let training: Promise<EmbeddedRecognizer> | undefined;
export function trainedRecognizer(): Promise<EmbeddedRecognizer> {
  training ??= loadCluProject(languageModelFile()).then((project) => EmbeddedRecognizer.train(project, () => shippedCatalog.current()));
  return training;
}

/** The embedded recogniser, reading entities against the conversation's own offers (as the app's does). */
function embeddedFor(catalog: OfferCatalog): IntentRecognizer {
  return { recognize: async (text, language) => (await trainedRecognizer()).withOffers(() => catalog.current()).recognize(text, language) };
}

export function testConversation(
  now: Date,
  options: {
    recognizer?: IntentRecognizer;
    locale?: string;
    offers?: Offer[];
    proactive?: ProactiveStore;
    support?: Partial<SupportDesk>;
    /** Conversation and user state (Azure Blobs for the scale-out tests); default in memory. */
    storage?: Storage;
    /** Conversation state, when not in `storage` (the blobs the turn lock leases, for the scale-out tests). */
    conversationStorage?: Storage;
    /** Middleware run before the bot's own (the cross-instance conversation lock). */
    middleware?: Middleware[];
    /** Where transcripts are kept (Azure blobs for the scale-out tests); default a folder of its own. */
    transcripts?: TranscriptArchive;
  } = {},
): TestConversation {
  const clock = new ManualClock(now);
  const catalog = OfferCatalog.of(options.offers ?? sampleOffers(), clock);
  const storage = options.storage ?? new MemoryStorage();
  const proactive = options.proactive ?? new MemoryProactiveStore();
  const transcripts = options.transcripts ?? new TranscriptFiles(mkdtempSync(path.join(tmpdir(), 'transcripts-')));
  let dueNow = 0;
  // Support on duty every day and nobody signed in, unless the test says otherwise.
  const support: SupportDesk = {
    store: new MemoryHandoffStore(),
    hours: parseSupportHours('mon-sun 00:00-24:00'),
    presence: new StaffPresence(15 * 60_000),
    waitMinutes: 10,
    mode: 'review',
    ...options.support,
  };
  const { bot, middleware } = composeBot({
    catalog,
    clock,
    recognizer: options.recognizer ?? embeddedFor(catalog),
    proactive,
    links: offerLinks(TEST_PUBLIC_URL),
    eligibilityRules: shippedRules(),
    storage,
    conversationStorage: options.conversationStorage,
    transcripts,
    transcriptRetentionDays: 90,
    support,
    onDueNow: () => (dueNow += 1),
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.use(...(options.middleware ?? []), ...middleware);
  if (options.locale) adapter.locale = options.locale;

  const events: Array<Partial<Activity>> = [];
  async function collect(send: () => Promise<void>): Promise<Array<Partial<Activity>>> {
    await send();
    const sent = adapter.activeQueue.splice(0);
    events.push(...sent.filter((a) => a.type === 'event'));
    return sent.filter((a) => a.type === 'message');
  }
  const conversationKey = (channelId = 'test') => `${channelId}/conversations/${adapter.conversation.conversation.id}/`;

  return {
    adapter,
    clock,
    proactive,
    transcripts,
    catalog,
    support,
    events,
    dueNowCalls: () => dueNow,
    // Each activity with an id of its own, as a channel gives it (the TestAdapter counts from 0 in
    // each instance, and two instances share a conversation in the scale-out tests).
    say: (input) =>
      collect(() =>
        adapter.receiveActivity(typeof input === 'string' ? { type: 'message', id: randomUUID(), text: input } : { type: 'message', id: randomUUID(), ...input }),
      ),
    profile: async (channelId = 'test') => {
      const items = await storage.read([`${channelId}/users/${adapter.conversation.user?.id}/`]);
      const [state] = Object.values(items) as Array<{ candidateProfile?: CandidateProfile }>;
      return state?.candidateProfile ?? {};
    },
    conversationKey,
    conversationData: async (channelId = 'test') => {
      const items = await (options.conversationStorage ?? storage).read([conversationKey(channelId)]);
      const [state] = Object.values(items) as Array<{ conversation?: ConversationData }>;
      return state?.conversation ?? {};
    },
    join: (locale) =>
      collect(() =>
        adapter.receiveActivity({
          type: 'conversationUpdate',
          id: randomUUID(),
          membersAdded: [{ id: 'user', name: 'User' }],
          ...(locale ? { locale } : {}),
        }),
      ),
  };
}

/** The Adaptive Cards in some replies. */
export function cardsOf(replies: Array<Partial<Activity>>): Array<Record<string, unknown>> {
  return replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content as Record<string, unknown>));
}

/** All the text a user would read in a card (text blocks and facts), for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.text === 'string') parts.push(element.text);
    if (typeof element.title === 'string') parts.push(element.title);
    if (typeof element.value === 'string') parts.push(element.value);
    for (const key of ['body', 'items', 'facts', 'actions', 'columns']) if (key in element) walk(element[key]);
  };
  walk(card);
  return parts.join('\n');
}

/** The offers the cards in some replies show, found among `offers` by the reference in each card's text. */
export function offersShown(replies: Array<Partial<Activity>>, offers: readonly Offer[]): Offer[] {
  return cardsOf(replies).map((card) => {
    const text = cardText(card);
    const offer = offers.find((o) => text.includes(o.reference));
    if (!offer) throw new Error(`no offer in card: ${text.slice(0, 200)}`);
    return offer;
  });
}

export function textsOf(replies: Array<Partial<Activity>>): string {
  return replies.map((r) => r.text ?? '').join('\n');
}

export function suggestionTitles(replies: Array<Partial<Activity>>): string[] {
  return replies.flatMap((r) => (r.suggestedActions?.actions ?? []).map((a) => a.title));
}
