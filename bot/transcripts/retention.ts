import type { Clock } from '../../data/clock.js';
import type { TranscriptFiles } from '../../data/transcripts/transcriptFiles.js';
import type { Logger } from '../logger.js';

const DAY_MS = 24 * 3600 * 1000;

/** Transcripts are kept `days` days: a job at start-up and once a day deletes older ones. */
export function startRetention(files: TranscriptFiles, days: number, clock: Clock, logger: Logger): { run(): Promise<number>; stop(): void } {
  const run = async () => {
    const cutoff = new Date(clock.now().getTime() - days * DAY_MS);
    const deleted = await files.deleteOlderThan(cutoff);
    if (deleted > 0) logger.info('old transcripts deleted', { deleted, olderThan: cutoff.toISOString() });
    return deleted;
  };
  const timer = setInterval(() => void run().catch((error: unknown) => logger.error('transcript retention failed', { error: String(error) })), DAY_MS);
  timer.unref();
  void run().catch((error: unknown) => logger.error('transcript retention failed', { error: String(error) }));
  return { run, stop: () => clearInterval(timer) };
}
