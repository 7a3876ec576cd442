import { describe, expect, it } from '@jest/globals';
import { clockOf, clockSettingOf, ManualClock } from '../../data/clock.js';

describe('the clock the settings ask for', () => {
  it('BOT_CLOCK_START starts at that instant and runs at the real pace', () => {
    const real = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const clock = clockOf(clockSettingOf({ BOT_CLOCK_START: '2025-02-15T09:00:00+11:00' }), real);
    expect(clock.now().toISOString()).toBe('2025-02-14T22:00:00.000Z');
    real.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2025-02-14T23:30:00.000Z');
  });

  it('BOT_NOW freezes it; nothing set is the real time', () => {
    const real = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const frozen = clockOf(clockSettingOf({ BOT_NOW: '2026-07-05T12:00:00+11:00' }), real);
    real.advance(3_600_000);
    expect(frozen.now().toISOString()).toBe('2026-07-05T01:00:00.000Z');
    expect(clockOf(clockSettingOf({}), real).now().toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });
});
