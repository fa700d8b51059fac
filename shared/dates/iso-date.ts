/**
 * Calendar dates as ISO strings.
 *
 * A bill date is a calendar date, not an instant: `2024-08-05` is the same day in every time zone.
 * Dates are kept as branded `YYYY-MM-DD` strings (months as `YYYY-MM`), which sort and compare as
 * plain strings and store in IndexedDB as-is. Arithmetic goes through UTC day numbers so no local
 * time zone or daylight-saving change can shift a day.
 */

/** A calendar date `YYYY-MM-DD` with no time zone. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** A calendar month `YYYY-MM`. */
export type IsoMonth = string & { readonly __brand: 'IsoMonth' };

/** Where the year, month and day sit in a numeric date: `MDY` (US), `DMY` (Europe, Canada), `YMD`. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** Every date order, in the order they are offered to the user. */
export const DATE_ORDERS: readonly DateOrder[] = ['MDY', 'DMY', 'YMD'];

/** English month names, January first (index 0), for messages and display. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MS_PER_DAY = 86_400_000;

/** Whether `year` has a February 29. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why year/month/day is not a real date, as a sentence about `text`; null when it is one.
 * Used by parsers so "Feb 30" and "month 13" get an explanation, not just "invalid".
 */
export function calendarProblem(
  year: number,
  month: number,
  day: number,
  text: string,
  readAs = '',
): string | null {
  const notReal = `"${text}" is not a real date${readAs === '' ? '' : ` when read as ${readAs}`}`;
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    return `${notReal}: the year ${year} is out of range.`;
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    return `${notReal}: there is no month ${month}.`;
  }
  const lastDay = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > lastDay) {
    return `${notReal}: ${MONTH_NAMES[month - 1] ?? ''} ${year} has ${lastDay} days.`;
  }
  return null;
}

/** Builds an IsoDate from numbers. Throws on an impossible date: callers validate user input first. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const problem = calendarProblem(year, month, day, `${year}-${month}-${day}`);
  if (problem !== null) throw new RangeError(problem);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

/** Builds an IsoMonth from numbers. Throws on an impossible month (programmer error). */
export function isoMonth(year: number, month: number): IsoMonth {
  if (
    !Number.isInteger(year) ||
    year < 1 ||
    year > 9999 ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12
  ) {
    throw new RangeError(`isoMonth() got an impossible month ${year}-${month}.`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}` as IsoMonth;
}

/** Whether `text` is exactly a real `YYYY-MM-DD` date (e.g. when reading back stored data). */
export function isIsoDate(text: string): text is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return (
    match !== null &&
    calendarProblem(Number(match[1]), Number(match[2]), Number(match[3]), text) === null
  );
}

/** Whether `text` is exactly a real `YYYY-MM` month. */
export function isIsoMonth(text: string): text is IsoMonth {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  return match !== null && Number(match[1]) >= 1 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Year, month (1–12) and day of a date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Year and month (1–12) of a month. */
export function monthParts(month: IsoMonth): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

/** The month a date falls in: `2024-08-05` → `2024-08`. */
export function isoMonthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7) as IsoMonth;
}

/** Negative when `a` is before `b`, zero when equal, positive after; usable with `Array.sort`. */
export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `days` days after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays() needs whole days, got ${days}.`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later. `daysBetween('2024-01-31', '2024-03-01')` is 30. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The same day `months` months later (earlier when negative), clamped to the end of a shorter
 * month: Jan 31 + 1 month is Feb 28 (or 29). Contract terms are counted this way.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const target = monthParts(addMonthsToMonth(isoMonth(year, month), months));
  return isoDate(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** The month `months` months after `month`. */
export function addMonthsToMonth(month: IsoMonth, months: number): IsoMonth {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be whole, got ${months}.`);
  const parts = monthParts(month);
  const index = parts.year * 12 + (parts.month - 1) + months;
  return isoMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** First day of the month of a date or month. */
export function startOfMonth(dateOrMonth: IsoDate | IsoMonth): IsoDate {
  return `${dateOrMonth.slice(0, 7)}-01` as IsoDate;
}

/** Last day of the month of a date or month: `2024-02` → `2024-02-29`. */
export function endOfMonth(dateOrMonth: IsoDate | IsoMonth): IsoDate {
  const year = Number(dateOrMonth.slice(0, 4));
  const month = Number(dateOrMonth.slice(5, 7));
  return isoDate(year, month, daysInMonth(year, month));
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let month = from; month <= to; month = addMonthsToMonth(month, 1)) months.push(month);
  return months;
}

/**
 * Today's calendar date where the user is, from an explicit clock (`now` is passed in so tests and
 * the CLI control it; shared code never reads the clock itself).
 */
export function todayIso(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function dayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromDayNumber(days: number): IsoDate {
  const utc = new Date(days * MS_PER_DAY);
  return isoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
