import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits for the turn before in line, until `deadline` (a time from Date.now()) at most: true when it
 * ended in time. The timer is cleared as soon as the turn ends, so a busy conversation leaves none behind.
 */
export async function turnBeforeEnded(before: Promise<void>, deadline: number): Promise<boolean> {
  const timeout = new AbortController();
  const late = sleep(Math.max(0, deadline - Date.now()), false, { signal: timeout.signal }).catch(() => true);
  const ended = await Promise.race([before.then(() => true), late]);
  timeout.abort();
  return ended;
}
