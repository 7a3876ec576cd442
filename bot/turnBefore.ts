/**
 * Waits for the turn before in line, until `deadline` (a time from Date.now()) at most: true when it
 * ended in time. The timer is cleared as soon as the turn ends, so a busy conversation leaves none behind.
 * A plain timer, not an aborted `timers/promises` sleep: aborting makes a DOMException and its stack on
 * every turn (2% of a busy instance's time in a CPU profile).
 */
export async function turnBeforeEnded(before: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([before.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
