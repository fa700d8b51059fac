/**
 * Setup file of the unit, db and electron projects. When `TEM_DESK_CLOCK_SHIFT_DAYS` is set, only
 * `Date` is faked — at `testNow()`, the pinned test date moved by the shift, and still ticking — so
 * code that reads the clock sees the shifted calendar. Timers, `performance` and the machine clock
 * are untouched. Unset, tests see the real clock. A test that turns fake timers off again
 * (`vi.useRealTimers()`) gets the shifted `Date` back before its next test.
 */
import { beforeEach, vi } from 'vitest';
import { clockShiftIsSet, testNow } from './clock';

function fakeShiftedDate(): void {
  vi.useFakeTimers({ toFake: ['Date'], now: testNow(), shouldAdvanceTime: true });
}

if (clockShiftIsSet()) {
  fakeShiftedDate();
  beforeEach(() => {
    if (!vi.isFakeTimers()) fakeShiftedDate();
  });
}
