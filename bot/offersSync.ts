import type { Clock } from '../data/clock.js';
import { FeedError, syncFeed } from '../data/offers/feedSync.js';
import type { OfferStore } from '../data/offers/offerStore.js';
import type { Logger } from './logger.js';

/**
 * The open-data feed brought in by the bot itself (`OFFERS_SYNC_URL`, every `OFFERS_SYNC_HOURS`):
 * once at start-up, then on the hour it is due. It writes the offers file as `offers sync` does; the
 * file watcher then puts the change live. A feed that fails is logged and the last good offers stay.
 */
export interface FeedSync {
  /** One round now (tests, and the first round at start-up). */
  runNow(): Promise<void>;
  stop(): void;
}

export function startFeedSync(options: { url: string; everyMs: number; store: OfferStore; offersFile: string; clock: Clock; logger: Logger }): FeedSync {
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    // One round at a time: a slow feed never overlaps the next round.
    running = running.then(async () => {
      try {
        const report = await syncFeed({ store: options.store, offersFile: options.offersFile, source: options.url, clock: options.clock });
        options.logger.info('offers feed brought in', { read: report.read, added: report.added.length, changed: report.changed.length, skipped: report.skipped.length, kept: report.kept.length });
      } catch (error) {
        const reason = error instanceof FeedError ? `${error.reason}: ${error.detail}` : String(error);
        options.logger.warn('offers feed failed: the last good offers stay', { url: options.url, reason });
      }
    });
    return running;
  };
  const timer = setInterval(() => void round(), options.everyMs);
  timer.unref();
  void round();
  return {
    runNow: round,
    stop: () => clearInterval(timer),
  };
}
