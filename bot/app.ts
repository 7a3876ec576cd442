import path from 'node:path';
import type { Storage } from 'botbuilder';
import { loadEligibilityRules } from '../data/eligibility/eligibilityRules.js';
import { clockOf, describeClock, type Clock } from '../data/clock.js';
import { OfferCatalog, type OfferSnapshot } from '../data/offers/offerCatalog.js';
import { InvalidOffersError } from '../data/offers/offerStore.js';
import { FileOffersHome, type OffersHome } from '../data/offers/offersHome.js';
import { BlobOffersHome } from '../data/offers/blobOffersHome.js';
import { reloadOnChange } from '../data/offers/offersReload.js';
import { FileStateStore } from '../data/state/fileStateStore.js';
import { FileProactiveStore, type ProactiveStore } from '../data/reminders/proactiveStore.js';
import { offerLinks } from '../dialogs/offers/offerLinks.js';
import { ProactiveSender } from './proactive/proactiveSender.js';
import { ReminderScheduler } from './proactive/scheduler.js';
import { TranscriptFiles } from '../data/transcripts/transcriptFiles.js';
import type { TranscriptArchive } from '../data/transcripts/transcriptArchive.js';
import { BlobTranscripts } from './storage/blobTranscripts.js';
import { startRetention } from './transcripts/retention.js';
import type { IntentRecognizer } from '../dialogs/recognition/recognizer.js';
import { createAdapter } from './adapter.js';
import { composeBot } from './composeBot.js';
import type { Config } from './config.js';
import { consoleLogger, type Logger } from './logger.js';
import { createRecognizer } from './recognizerFactory.js';
import { dateTimeWorker } from '../dialogs/recognition/dateTimeRecognition.js';
import { createServer, listen, type RunningServer } from './server.js';
import { openFileHandoffStore, type HandoffStore } from '../data/handoff/handoffStore.js';
import { StaffPresence } from '../data/handoff/staffPresence.js';
import { HandoffDesk } from './handoff/handoffDesk.js';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { LazyContainer } from '../data/storage/blobContainer.js';
import { ConversationLock } from './storage/conversationLock.js';
import { TurnsInLine } from './turnsInLine.js';
import { BlobHandoffStore, BlobProactiveStore } from './storage/blobRecords.js';
import { BlobPresence } from './storage/blobPresence.js';
import { BlobStaffGuard } from './storage/blobStaffGuard.js';

/** A staff member is on duty while their review page was used within these minutes (the live page keeps it). */
const PRESENCE_MINUTES = 15;
const HANDOFF_SWEEP_MS = 15_000;
import { startFeedSync, type FeedSync } from './offersSync.js';

/** Everything the running bot is made of, wired once: server → adapter → bot → main dialog. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  storage?: Storage;
  proactive?: ProactiveStore;
  recognizer?: IntentRecognizer;
  handoffs?: HandoffStore;
  /** The local channel's clock for token expiry (tests). */
  tokenNow?: () => number;
}

export interface RunningApp extends RunningServer {
  catalog: OfferCatalog;
  /** The open-data feed's rounds, when OFFERS_SYNC_URL is set. */
  feedSync?: FeedSync;
  scheduler: ReminderScheduler;
  proactive: ProactiveStore;
  transcripts: TranscriptArchive;
  handoffs: HandoffStore;
  /** Ends what nobody took in time and what fell silent (also run by a timer). */
  handoffDesk: HandoffDesk;
}

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? consoleLogger;
  const clock = overrides.clock ?? clockOf(config.clock);
  // HR's offers: the file, or with Azure Storage a blob every instance and the command line share.
  const home = await openOffersHome(config, logger);
  // Refuses to start on an invalid offers file: InvalidOffersError names each offer and field.
  const catalog = await OfferCatalog.open(home.store, clock);
  // Shared by every instance when Azure Storage is configured; else files owned by this process.
  const storage = overrides.storage ?? (config.azureStorage ? new BlobsStorage(config.azureStorage.connectionString, config.azureStorage.stateContainer) : new FileStateStore(config.stateDir));
  // With Azure Storage: one turn at a time per conversation across instances, each conversation's
  // state in the blob its turn leases (read from Azure only when another instance wrote it since).
  const lock = config.azureStorage && new ConversationLock(new LazyContainer(config.azureStorage.connectionString, config.azureStorage.conversationContainer));
  const conversationStorage = overrides.storage ?? lock?.stateStore();
  // Refuses to start on a malformed rules file: InvalidRulesError names each field.
  const eligibilityRules = await loadEligibilityRules(config.eligibilityRulesFile);
  const recognizer = overrides.recognizer ?? (await createRecognizer(config, catalog, logger)).recognizer;
  // Recognizers-Text's models load in their workers while the rest starts (dates are read there, with a time budget).
  void dateTimeWorker.warm().catch((error: unknown) => logger.warn('date reader not started: dates will be read by the quick reader only', { error: String(error) }));
  // Shared by instances when Azure Storage is configured (each send claimed by one of them).
  const proactive =
    overrides.proactive ??
    (config.azureStorage
      ? await BlobProactiveStore.open(config.azureStorage.connectionString, config.azureStorage.proactiveContainer)
      : await openProactiveStore(config.stateDir, logger));
  const links = offerLinks(config.publicUrl);
  const azure = config.azureStorage;
  // Masked before they are kept (see maskedTranscriptStore.ts); shared by instances with Azure Storage.
  const transcripts: TranscriptArchive = azure ? new BlobTranscripts(azure.connectionString, azure.transcriptContainer) : new TranscriptFiles(path.join(config.stateDir, 'transcripts'));
  // Shared by instances with Azure Storage: the queue (each change conditional) and who of the staff is on the page.
  const handoffs = overrides.handoffs ?? (azure ? await BlobHandoffStore.open(azure.connectionString, azure.handoffContainer) : await openHandoffStore(config.stateDir, logger));
  // Staff with the review page open within these minutes are "signed in" for the queue.
  const presence = azure ? new BlobPresence(azure.connectionString, azure.staffContainer, PRESENCE_MINUTES * 60_000) : new StaffPresence(PRESENCE_MINUTES * 60_000);
  const support = { store: handoffs, hours: config.handoff.hours, presence, waitMinutes: config.handoff.waitMinutes, mode: config.handoff.mode };
  const { bot, conversationState, middleware } = composeBot({
    catalog,
    clock,
    recognizer,
    proactive,
    links,
    eligibilityRules,
    storage,
    conversationStorage,
    transcripts,
    transcriptRetentionDays: config.transcriptRetentionDays,
    support,
    // The scheduler is made below, with the adapter; by the first turn it exists.
    onDueNow: () => reminders.poke(),
  });
  const adapter = createAdapter(config.auth, conversationState, logger);
  // Outermost: the turn's lease (or its place in line, on the files) is taken before any state is read.
  adapter.use(lock || new TurnsInLine());
  adapter.use(...middleware);
  const retention = startRetention(transcripts, config.transcriptRetentionDays, clock, logger, handoffs);
  const sender = new ProactiveSender(adapter, config.auth.MicrosoftAppId ?? '', catalog, clock, links);
  const desk = new HandoffDesk(adapter, config.auth.MicrosoftAppId ?? '', handoffs, clock, logger, config.handoff);
  const sweeping = setInterval(() => void desk.sweep().catch((error: unknown) => logger.error('handoff sweep failed', { error: String(error) })), HANDOFF_SWEEP_MS);
  sweeping.unref();
  const reminders = new ReminderScheduler(proactive, (message) => sender.send(message), clock, logger, config.reminderCheckMs, {
    current: () => catalog.current(),
    removedByHr: () => removedByHr(home, clock),
  });

  const { server, localDirectLine } = createServer({
    adapter,
    bot,
    catalog,
    clock,
    logger,
    admin: {
      files: transcripts,
      accounts: config.admin.accounts,
      sessionSecret: config.admin.sessionSecret,
      sessionMinutes: config.admin.sessionMinutes,
      secureCookies: config.publicUrl.startsWith('https://'),
      clock,
      logger,
      support: { store: handoffs, presence, desk },
      // Shared by instances with Azure Storage: a logout and a lockout hold on all of them.
      guard: config.azureStorage ? new BlobStaffGuard(config.azureStorage.connectionString, config.azureStorage.staffContainer, () => clock.now().getTime()) : undefined,
    },
    directLine: config.directLine,
    authenticated: !!config.auth.MicrosoftAppId,
    now: overrides.tokenNow,
  });
  const watcher = reloadOnChange(home, catalog, {
    onReloaded: (snapshot) => {
      logger.info('offers reloaded', { offers: snapshot.offers.length });
      logSetAside(snapshot.setAside, logger);
      reminders.offersChanged(snapshot).catch((error: unknown) => logger.error('alerts and reminders not followed up', { error: String(error) }));
    },
    onRefused: (error) =>
      logger.error('offers file refused: the last good offers stay', {
        file: home.name,
        problems: error instanceof InvalidOffersError ? error.problems : String(error),
      }),
  });
  logSetAside(catalog.current().setAside, logger);
  const url = await listen(server, config.port);
  const feedSync = config.offersSync ? startFeedSync({ ...config.offersSync, home, clock, logger }) : undefined;
  // After listening: the local channel's replies come back through this server.
  await reminders.start(catalog.current());
  logger.info('bot listening', {
    url,
    offers: catalog.current().offers.length,
    channel: localDirectLine ? 'local Direct Line' : 'Azure Direct Line',
    clock: describeClock(config.clock),
  });
  return {
    server,
    url,
    catalog,
    feedSync,
    scheduler: reminders,
    proactive,
    transcripts,
    handoffs,
    handoffDesk: desk,
    localDirectLine,
    close: async () => {
      watcher.close();
      clearInterval(sweeping);
      feedSync?.stop();
      retention.stop();
      await reminders.stop();
      await localDirectLine?.drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold the close for seconds.
        server.server.closeIdleConnections();
      });
      // Turn leases are let go after each reply: the last ones before the stop, so another instance need not wait for them.
      await lock?.settled();
      // Transcripts are written after each turn: the last ones are waited for, not lost.
      await transcripts.close();
      await handoffs.flush();
    },
  };
}

/** The offers HR removed with the command line lately (the change log): their reminders are dropped at once. */
async function removedByHr(home: OffersHome, clock: Clock): Promise<ReadonlySet<string>> {
  const since = clock.now().getTime() - 7 * 24 * 3600 * 1000;
  const entries = await home.readChanges();
  return new Set(entries.filter((e) => e.command === 'remove' && Date.parse(e.at) >= since).flatMap((e) => e.removed));
}

/** Each offer of the file that is not served, with why: HR reads it in the log and in `offers validate`. */
function logSetAside(setAside: OfferSnapshot['setAside'], logger: Logger): void {
  for (const offer of setAside) {
    logger.warn('offer set aside until corrected', { offer: offer.offer, problems: offer.problems.map((p) => `${p.field}: ${p.message}`) });
  }
}

/** With Azure Storage, the offers blob; on an account that has none yet, made from OFFERS_FILE. */
async function openOffersHome(config: Config, logger: Logger): Promise<OffersHome> {
  const azure = config.azureStorage;
  if (!azure) return new FileOffersHome(config.offersFile);
  const home = new BlobOffersHome(azure.connectionString, azure.offersContainer, config.offersPollMs);
  if (await home.seedFrom(config.offersFile)) logger.info('offers blob made from the offers file', { blob: home.name, file: config.offersFile });
  return home;
}

async function openHandoffStore(stateDir: string, logger: Logger): Promise<HandoffStore> {
  const { store, report } = await openFileHandoffStore(stateDir);
  if (report.skipped > 0) logger.warn('unreadable handoff records skipped (a write cut short by a stop)', { ...report });
  return store;
}

async function openProactiveStore(stateDir: string, logger: Logger): Promise<ProactiveStore> {
  const { store, report } = await FileProactiveStore.open(stateDir);
  if (report.skipped > 0) logger.warn('unreadable reminder records skipped (a write cut short by a stop)', { ...report });
  return store;
}
