import type { Clock } from '../data/clock.js';
import { FeedError, syncFeed } from '../data/offers/feedSync.js';
import type { OffersHome } from '../data/offers/offersHome.js';
import type { Logger } from './logger.js';

/**
 * The open-data feed brought in by the bot itself (`OFFERS_SYNC_URL`, every `OFFERS_SYNC_HOURS`):
 * once at start-up, then on the hour it is due. It writes the offers as `offers sync` does; the
 * watch then puts the change live. A feed that fails is logged and the last good offers stay.
 * On several instances a round runs on one of them at a time (the home's `exclusive`), and a timed
 * round is skipped when another instance brought the feed in less than half a period ago.
 */
export interface FeedSync {
  /** One round now (tests, and the first round at start-up). */
  runNow(): Promise<void>;
  stop(): void;
}

export function startFeedSync(options: { url: string; everyMs: number; home: OffersHome; clock: Clock; logger: Logger }): FeedSync {
  let running: Promise<void> = Promise.resolve();
  const bringIn = async () => {
    try {
      const report = await syncFeed({ home: options.home, source: options.url, clock: options.clock });
      options.logger.info('offers feed brought in', { read: report.read, added: report.added.length, changed: report.changed.length, skipped: report.skipped.length, kept: report.kept.length });
    } catch (error) {
      const reason = error instanceof FeedError ? `${error.reason}: ${error.detail}` : String(error);
      options.logger.warn('offers feed failed: the last good offers stay', { url: options.url, reason });
    }
  };
  const round = (timed: boolean) => {
    // One round at a time: a slow feed never overlaps the next round.
    running = running.then(async () => {
      try {
        const ran = await options.home.exclusive(async () => {
          if (timed) {
            const { at } = await options.home.readFeedState();
            if (at && options.clock.now().getTime() - Date.parse(at) < options.everyMs / 2) return;
          }
          await bringIn();
        });
        if (!ran) options.logger.info('offers feed round left to the instance running one');
      } catch (error) {
        options.logger.warn('offers feed round not run', { reason: String(error) });
      }
    });
    return running;
  };
  const timer = setInterval(() => void round(true), options.everyMs);
  timer.unref();
  void round(true);
  return {
    runNow: () => round(false),
    stop: () => clearInterval(timer),
  };
}
