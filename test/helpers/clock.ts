/**
 * The test clock, defined once ("Time is an input", ARCHITECTURE.md). End-to-end pages run at
 * `testNow()` (Playwright's clock, installed by `openApp`); Node tests see it too when
 * `TEM_DESK_CLOCK_SHIFT_DAYS` is set (`clock-setup.ts`). `TEM_DESK_CLOCK_SHIFT_DAYS=400` moves
 * every page and every Node test 400 days later, to prove no test depends on the calendar.
 */
import { addDays, dateParts, isoDate, todayIso, type IsoDate } from '../../shared/dates';

/** The pinned test date: what "today" is in every e2e page (and shifted Node test) before any shift. */
export const PINNED_TODAY: IsoDate = isoDate(2026, 11, 16);

/**
 * Noon, local time, of a calendar date: the moment a pinned clock starts at. Local noon is that
 * date wherever the machine is, in Node and in Chromium (both follow the machine's time zone).
 */
export function noonOf(date: IsoDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(year, month - 1, day, 12, 0, 0, 0);
}

/** The pinned moment every e2e page starts at: noon of `PINNED_TODAY`. */
export const PINNED_NOW = noonOf(PINNED_TODAY);

/** Environment variable: days to move the test clock forward (or back, negative). */
export const CLOCK_SHIFT_ENV = 'TEM_DESK_CLOCK_SHIFT_DAYS';

/**
 * Days the test clock is shifted by, from `TEM_DESK_CLOCK_SHIFT_DAYS` (a whole number, may be
 * negative); 0 when unset or blank. Throws on anything else, so a typo never runs unshifted.
 */
export function clockShiftDays(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[CLOCK_SHIFT_ENV]?.trim() ?? '';
  if (text === '') return 0;
  if (!/^[+-]?\d+$/.test(text)) {
    throw new Error(`${CLOCK_SHIFT_ENV} must be a whole number of days, got "${text}".`);
  }
  return Number(text);
}

/** Whether `TEM_DESK_CLOCK_SHIFT_DAYS` is set (even to 0). */
export function clockShiftIsSet(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env[CLOCK_SHIFT_ENV]?.trim() ?? '') !== '';
}

/** The test's today: `PINNED_TODAY` moved by the shift (`TEM_DESK_CLOCK_SHIFT_DAYS`). */
export function testToday(shiftDays: number = clockShiftDays()): IsoDate {
  return addDays(PINNED_TODAY, shiftDays);
}

/** The test's now: noon of `testToday()`. */
export function testNow(shiftDays: number = clockShiftDays()): Date {
  return noonOf(testToday(shiftDays));
}

/** The calendar date of a moment, as the app computes it (local time). */
export function dateOf(now: Date): IsoDate {
  return todayIso(now);
}
