import type { Clock } from '../../data/clock.js';
import type { HandoffStore } from '../../data/handoff/handoffStore.js';
import type { TranscriptArchive } from '../../data/transcripts/transcriptArchive.js';
import type { Logger } from '../logger.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Transcripts, and the handoff queue's requests, are kept `days` days: a job at start-up and once a
 * day deletes older ones.
 */
export function startRetention(
  files: TranscriptArchive,
  days: number,
  clock: Clock,
  logger: Logger,
  handoffs?: HandoffStore,
): { run(): Promise<number>; stop(): void } {
  const run = async () => {
    const cutoff = new Date(clock.now().getTime() - days * DAY_MS);
    if (handoffs) await handoffs.purge(...handoffs.all().filter((h) => Date.parse(h.requestedAt) < cutoff.getTime()).map((h) => h.id));
    const deleted = await files.deleteOlderThan(cutoff);
    if (deleted > 0) logger.info('old transcripts deleted', { deleted, olderThan: cutoff.toISOString() });
    return deleted;
  };
  const timer = setInterval(() => void run().catch((error: unknown) => logger.error('transcript retention failed', { error: String(error) })), DAY_MS);
  timer.unref();
  void run().catch((error: unknown) => logger.error('transcript retention failed', { error: String(error) }));
  return { run, stop: () => clearInterval(timer) };
}
