/**
 * Lockout after repeated failures: five wrong passwords for a name, or from an address, within 15
 * minutes lock logins for that name or address for 15 minutes after the last failure.
 */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

/** The failures of one key: their times (milliseconds). */
export type Failures = number[];

/** Minutes left of a lockout given these failures, or 0: the rule, for every store of the counters. */
export function lockedMinutes(failures: Failures, now: number): number {
  const recent = failures.filter((t) => t > now - WINDOW_MS);
  if (recent.length < MAX_FAILURES) return 0;
  const until = (recent[recent.length - 1] as number) + WINDOW_MS;
  return until > now ? Math.ceil((until - now) / 60_000) : 0;
}

/** The failures with one more at `now`, the old ones dropped. */
export function recordFailure(failures: Failures, now: number): Failures {
  return [...failures.filter((t) => t > now - WINDOW_MS), now];
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length > 0) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Minutes left of a lockout of any of these keys, or 0. */
  lockedFor(...keys: string[]): number {
    return Math.max(0, ...keys.map((key) => lockedMinutes(this.recent(key), this.now())));
  }

  fail(...keys: string[]): void {
    for (const key of keys) this.failures.set(key, recordFailure(this.recent(key), this.now()));
  }

  /**
   * One login attempt begins: the minutes left of a lockout (nothing counted), or 0 and the attempt
   * is counted as a failure at once, before the password is checked. Checking takes time; counting
   * after it would let 200 guesses sent together all be checked before the first failure is counted.
   */
  begin(...keys: string[]): number {
    const locked = this.lockedFor(...keys);
    if (locked === 0) this.fail(...keys);
    return locked;
  }

  succeed(...keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
