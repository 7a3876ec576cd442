/**
 * Lockout after repeated failures: five wrong passwords for a name, or from an address, within 15
 * minutes lock logins for that name or address for 15 minutes after the last failure.
 */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

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
    let until = 0;
    for (const key of keys) {
      const times = this.recent(key);
      if (times.length >= MAX_FAILURES) until = Math.max(until, (times[times.length - 1] as number) + WINDOW_MS);
    }
    return until > this.now() ? Math.ceil((until - this.now()) / 60_000) : 0;
  }

  fail(...keys: string[]): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()]);
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
