import { describe, expect, it, vi } from 'vitest';
import { addDays, todayIso } from '../../shared/dates';
import {
  CLOCK_SHIFT_ENV,
  PINNED_NOW,
  PINNED_TODAY,
  clockShiftDays,
  clockShiftIsSet,
  noonOf,
  testNow,
  testToday,
} from '../helpers/clock';

describe('the test clock (test/helpers/clock.ts)', () => {
  it('reads the shift in whole days from TEM_DESK_CLOCK_SHIFT_DAYS, 0 when unset or blank', () => {
    expect(clockShiftDays({})).toBe(0);
    expect(clockShiftDays({ [CLOCK_SHIFT_ENV]: ' ' })).toBe(0);
    expect(clockShiftDays({ [CLOCK_SHIFT_ENV]: '400' })).toBe(400);
    expect(clockShiftDays({ [CLOCK_SHIFT_ENV]: '-31' })).toBe(-31);
    expect(clockShiftIsSet({})).toBe(false);
    expect(clockShiftIsSet({ [CLOCK_SHIFT_ENV]: '0' })).toBe(true);
  });

  it.each(['1.5', 'abc', '40 days'])('refuses %j rather than run unshifted', (text) => {
    expect(() => clockShiftDays({ [CLOCK_SHIFT_ENV]: text })).toThrow(CLOCK_SHIFT_ENV);
  });

  it('moves the pinned date by the shift, at local noon', () => {
    expect(testToday(0)).toBe(PINNED_TODAY);
    expect(testToday(400)).toBe(addDays(PINNED_TODAY, 400));
    expect(todayIso(testNow(400))).toBe(addDays(PINNED_TODAY, 400));
    expect(todayIso(PINNED_NOW)).toBe(PINNED_TODAY);
    expect(noonOf(PINNED_TODAY).getHours()).toBe(12);
  });

  it('shows Node tests the shifted date when the shift is set, else the real clock', () => {
    // clock: this test checks what the clock setup does to `Date`.
    const seen = new Date();
    if (clockShiftIsSet()) {
      expect(vi.isFakeTimers()).toBe(true);
      expect(todayIso(seen)).toBe(testToday());
      // Still ticking, and within the first minutes after noon of the test date.
      expect(seen.getTime() - testNow().getTime()).toBeGreaterThanOrEqual(0);
      expect(seen.getTime() - testNow().getTime()).toBeLessThan(10 * 60_000);
    } else {
      expect(vi.isFakeTimers()).toBe(false);
      expect(Math.abs(seen.getTime() - performance.timeOrigin - performance.now())).toBeLessThan(
        60_000,
      );
    }
  });
});
