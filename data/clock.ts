/**
 * Time is injected everywhere a rule depends on it (open/closed, "closing soon", later reminders),
 * so that tests and demos can stand at any date.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

/**
 * A clock that starts at `start` and runs at the real pace from there: a demo set on a day when
 * offers are open still sees reminders fall due.
 */
export function runningClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** How the settings set the clock: frozen (`BOT_NOW`), running from an instant (`BOT_CLOCK_START`), or real. */
export type ClockSetting = { kind: 'real' } | { kind: 'fixed'; at: Date } | { kind: 'running'; from: Date };

/** The clock the settings ask for; a value that is not an instant is ignored (bot/config.ts refuses it). */
export function clockSettingOf(env: { BOT_NOW?: string; BOT_CLOCK_START?: string }): ClockSetting {
  const instant = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined);
  const at = instant(env.BOT_NOW);
  if (at) return { kind: 'fixed', at };
  const from = instant(env.BOT_CLOCK_START);
  return from ? { kind: 'running', from } : { kind: 'real' };
}

export function clockOf(setting: ClockSetting, real: Clock = systemClock): Clock {
  if (setting.kind === 'fixed') return fixedClock(setting.at);
  if (setting.kind === 'running') return runningClock(setting.from, real);
  return real;
}

/** "fixed at …", "running from …", "real time": for the start-up log. */
export function describeClock(setting: ClockSetting): string {
  if (setting.kind === 'fixed') return `fixed at ${setting.at.toISOString()}`;
  if (setting.kind === 'running') return `running from ${setting.from.toISOString()}`;
  return 'real time';
}

/** A clock that tests can move forward. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
