/**
 * Reading dates as carriers write them.
 *
 * Numeric dates are read in the date order the carrier profile states; only unambiguous shapes
 * (ISO 8601, four-digit year first, month names, `YYYYMMDD`) are read the same in every order.
 * An impossible date is an error with a sentence, never a guess.
 */
import type { DateOrder, IsoDate } from './iso-date';
import { DATE_ORDERS, addDays, calendarProblem, dateParts, isLeapYear, isoDate } from './iso-date';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** Options for {@link parseDate}. */
export interface ParseDateOptions {
  /**
   * Latest year a two-digit year may stand for: `YY` is the year ending in `YY` within the hundred
   * years ending at `pivotYear`. Default 2068 (the POSIX `%y` rule: `69`–`99` → 19xx, `00`–`68` → 20xx).
   */
  pivotYear?: number;
  /**
   * A known date the text cannot be after, typically the bill date. Needed for dates written
   * without a year (`07/21`, `Jul 17`): they are placed on the latest such day not after it.
   */
  referenceDate?: IsoDate;
}

/** What one date cell says, before a missing year is filled in. */
export type DateReading =
  | { kind: 'blank' }
  | { kind: 'error'; message: string }
  | { kind: 'date'; date: IsoDate; orderSensitive: boolean; yearFirst: boolean }
  | { kind: 'no-year'; month: number; day: number; orderSensitive: boolean };

/** Default {@link ParseDateOptions.pivotYear}. */
export const DEFAULT_PIVOT_YEAR = 2068;

const NO_VALUE = new Set(['', '-', '--', 'N/A', 'NA', 'NONE']);
const READ_AS: Record<DateOrder, string> = {
  MDY: 'month/day/year',
  DMY: 'day/month/year',
  YMD: 'year/month/day',
};
const EXAMPLE: Record<DateOrder, string> = {
  MDY: '08/16/2021',
  DMY: '16/08/2021',
  YMD: '2021/08/16',
};
/** Full month names, their three-letter forms and `Sept`, upper-cased. */
const MONTHS = new Map<string, number>(
  [
    'JANUARY',
    'FEBRUARY',
    'MARCH',
    'APRIL',
    'MAY',
    'JUNE',
    'JULY',
    'AUGUST',
    'SEPTEMBER',
    'OCTOBER',
    'NOVEMBER',
    'DECEMBER',
  ].flatMap((name, index) => [
    [name, index + 1],
    [name.slice(0, 3), index + 1],
    ...(name === 'SEPTEMBER' ? [['SEPT', 9] as const] : []),
  ]),
);
const WEEKDAY = /^(MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN)(DAY|NESDAY|SDAY|RSDAY|URDAY)?$/;

/**
 * Reads a date in the given order. Accepts `Aug 16, 2021`, `February 03, 2011`, `06-Feb-23`,
 * `09/08/21` (two-digit year, see {@link ParseDateOptions.pivotYear}), `8/5/2024`, `2023/02/01`,
 * `20230216` (`YYYYMMDD` in any order), `04202023` (`MMDDYYYY` for MDY, `DDMMYYYY` for DMY),
 * ISO 8601 `2024-08-05` and `2024-08-05T13:45:00Z` (the calendar date as written, no time-zone
 * shift), a trailing clock time, and `07/21` or `Jul 17` with no year when a reference date is given.
 * Blank, `N/A` and `-` give `ok(null)`.
 */
export function parseDate(
  text: string,
  order: DateOrder,
  options: ParseDateOptions = {},
): Result<IsoDate | null> {
  const reading = readDateParts(text, order, options.pivotYear ?? DEFAULT_PIVOT_YEAR);
  switch (reading.kind) {
    case 'blank':
      return ok(null);
    case 'error':
      return fail(reading.message, { value: text });
    case 'date':
      return ok(reading.date);
    case 'no-year':
      if (options.referenceDate === undefined) {
        return fail(`"${text.trim()}" has no year, and there is no bill date to take it from.`, {
          value: text,
        });
      }
      return ok(latestOnOrBefore(reading.month, reading.day, options.referenceDate));
  }
}

/**
 * Guesses the date order of a column from all its samples together: one `13/01/2023` rules out
 * month-first for the whole column. Returns `order` when exactly one order reads every sample (or
 * when every possible order reads them all the same), `ambiguous` with the orders that read them
 * differently (ask the user), or `none` when no order reads every non-blank sample.
 */
export function detectDateOrder(
  samples: readonly string[],
): { order: DateOrder } | { ambiguous: true; candidates: DateOrder[] } | { none: true } {
  const present = samples.filter((sample) => !NO_VALUE.has(sample.trim().toUpperCase()));
  if (present.length === 0) return { none: true };
  const readingsByOrder = new Map<DateOrder, string>();
  let yearFirst = false;
  for (const order of DATE_ORDERS) {
    const readings: string[] = [];
    for (const sample of present) {
      const reading = readDateParts(sample, order, DEFAULT_PIVOT_YEAR);
      if (reading.kind === 'error' || reading.kind === 'blank') break;
      if (reading.kind === 'date' && reading.yearFirst) yearFirst = true;
      readings.push(reading.kind === 'date' ? reading.date : `${reading.month}/${reading.day}`);
    }
    if (readings.length === present.length) readingsByOrder.set(order, readings.join('|'));
  }
  const candidates = [...readingsByOrder.keys()];
  const [first] = candidates;
  if (first === undefined) return { none: true };
  const distinct = new Set(readingsByOrder.values());
  if (distinct.size === 1) {
    // Every order reads the column the same; name the one that describes it best.
    return { order: yearFirst && candidates.includes('YMD') ? 'YMD' : first };
  }
  return { ambiguous: true, candidates };
}

/**
 * Lower-level reader shared with the period parser: says what a cell holds without filling in a
 * missing year. `orderSensitive` is true when the date order decided the reading. With
 * `otherOrders` (the default), a numeric date that fits no order says what is wrong with it.
 */
export function readDateParts(
  text: string,
  order: DateOrder,
  pivotYear: number,
  otherOrders = true,
): DateReading {
  let rest = text.trim();
  if (rest.length >= 2 && rest.startsWith('"') && rest.endsWith('"'))
    rest = rest.slice(1, -1).trim();
  if (NO_VALUE.has(rest.toUpperCase())) return { kind: 'blank' };
  const unreadable: DateReading = {
    kind: 'error',
    message: `"${text.trim()}" is not a date we can read; expected something like ${EXAMPLE[order]}, 2021-08-16 or Aug 16, 2021.`,
  };

  // ISO 8601: the calendar date as written, whatever the time or offset after it.
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      rest,
    );
  if (iso !== null) return dateReading(iso[1], iso[2], iso[3], rest, '', false, true);

  // A clock time after the date (`8/5/2024 13:45`, `08/05/2024 12:00:00 AM`) says nothing about the day.
  rest = rest.replace(/[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]\.?M?\.?)?$/i, '');

  const yearFirst = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/.exec(rest);
  if (yearFirst !== null) {
    return dateReading(yearFirst[1], yearFirst[3], yearFirst[4], rest, '', false, true);
  }
  if (/^\d{8}$/.test(rest)) return compactReading(rest, order);

  const numeric = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/.exec(rest);
  if (numeric !== null) {
    const [, a = '', , b = '', c = ''] = numeric;
    const [yearText, monthText, dayText] =
      order === 'MDY' ? [c, a, b] : order === 'DMY' ? [c, b, a] : [a, b, c];
    const yearAtEnd = order !== 'YMD';
    const yearOk = yearText.length === 2 || yearText.length === 4;
    const othersOk = (yearAtEnd ? a : c).length <= 2;
    if (!yearOk || !othersOk) {
      const mismatch: DateReading = {
        kind: 'error',
        message: `"${text.trim()}" does not fit the file's date order (${READ_AS[order]}).`,
      };
      return otherOrders ? orderMismatch(text, order, pivotYear, mismatch) : mismatch;
    }
    const year = expandYear(yearText, pivotYear);
    return dateReading(String(year), monthText, dayText, rest, READ_AS[order], true, !yearAtEnd);
  }

  const noYear = /^(\d{1,2})([/-])(\d{1,2})$/.exec(rest);
  if (noYear !== null) {
    const [, a = '', , b = ''] = noYear;
    const [monthText, dayText] = order === 'DMY' ? [b, a] : [a, b];
    return noYearReading(
      Number(monthText),
      Number(dayText),
      rest,
      order === 'DMY' ? 'day/month' : 'month/day',
      true,
    );
  }

  return textualReading(rest, pivotYear) ?? unreadable;
}

/**
 * A numeric date whose shape does not fit the file's order. When it is no date in any order
 * either (`02/30/2026` in a file of ISO dates), what is wrong with it as a date is the useful
 * sentence (February has no 30th); otherwise it is the order that does not fit.
 */
function orderMismatch(
  text: string,
  order: DateOrder,
  pivotYear: number,
  mismatch: DateReading,
): DateReading {
  let calendar: DateReading | undefined;
  for (const other of DATE_ORDERS) {
    if (other === order) continue;
    const reading = readDateParts(text, other, pivotYear, false);
    if (reading.kind !== 'error') return mismatch;
    if (!reading.message.includes('does not fit')) calendar ??= reading;
  }
  return calendar ?? mismatch;
}

/** `Aug 16, 2021`, `February 03, 2011`, `06-Feb-23`, `16 Aug 2021`, `2023-Feb-06`, `Jul 17`. */
function textualReading(text: string, pivotYear: number): DateReading | null {
  const tokens = text
    .toUpperCase()
    .replace(/,/g, ' ')
    .replace(/([A-Z])\./g, '$1 ')
    .split(/[\s/-]+/)
    .filter((token) => token !== '');
  if (tokens.length > 2 && WEEKDAY.test(tokens[0] ?? '')) tokens.shift();
  const monthIndex = tokens.findIndex((token) => /[A-Z]/.test(token));
  const month = MONTHS.get(tokens[monthIndex] ?? '');
  if (month === undefined || tokens.some((token, i) => i !== monthIndex && !/^\d+$/.test(token))) {
    return null;
  }
  const numbers = tokens.filter((_, i) => i !== monthIndex);
  let dayText: string | undefined;
  let yearText: string | undefined;
  if (monthIndex === 0 && numbers.length <= 2) [dayText, yearText] = numbers;
  else if (monthIndex === 1 && numbers.length <= 2 && (numbers[0]?.length ?? 0) <= 2)
    [dayText, yearText] = numbers;
  else if (monthIndex === 1 && numbers.length === 2 && numbers[0]?.length === 4)
    [yearText, dayText] = numbers;
  if (dayText === undefined || dayText.length > 2) return null;
  if (yearText === undefined) return noYearReading(month, Number(dayText), text, '', false);
  if (yearText.length !== 2 && yearText.length !== 4) return null;
  return dateReading(
    String(expandYear(yearText, pivotYear)),
    String(month),
    dayText,
    text,
    '',
    false,
    false,
  );
}

/** Eight digits: `YYYYMMDD` in any order, else `MMDDYYYY` (MDY) or `DDMMYYYY` (DMY). */
function compactReading(text: string, order: DateOrder): DateReading {
  const plausible = (year: string, month: string, day: string): boolean =>
    Number(year) >= 1900 &&
    Number(year) <= 2099 &&
    calendarProblem(Number(year), Number(month), Number(day), text) === null;
  const ymd = [text.slice(0, 4), text.slice(4, 6), text.slice(6, 8)] as const;
  if (plausible(...ymd)) return dateReading(...ymd, text, '', false, true);
  if (order === 'YMD') {
    return { kind: 'error', message: `"${text}" is not a real date when read as YYYYMMDD.` };
  }
  const [first, second, year] = [text.slice(0, 2), text.slice(2, 4), text.slice(4, 8)];
  const [month, day] = order === 'MDY' ? [first, second] : [second, first];
  const layout = order === 'MDY' ? 'MMDDYYYY' : 'DDMMYYYY';
  if (!plausible(year, month, day)) {
    return {
      kind: 'error',
      message: `"${text}" is not a real date when read as ${layout} or YYYYMMDD.`,
    };
  }
  return dateReading(year, month, day, text, '', true, false);
}

function dateReading(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  text: string,
  readAs: string,
  orderSensitive: boolean,
  yearFirst: boolean,
): DateReading {
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  const problem = calendarProblem(year, month, day, text, readAs);
  if (problem !== null) return { kind: 'error', message: problem };
  return { kind: 'date', date: isoDate(year, month, day), orderSensitive, yearFirst };
}

function noYearReading(
  month: number,
  day: number,
  text: string,
  readAs: string,
  orderSensitive: boolean,
): DateReading {
  // 2000 is a leap year, so `02/29` passes here and finds its year later.
  const problem = calendarProblem(2000, month, day, text, readAs);
  if (problem !== null) return { kind: 'error', message: problem.replace(' 2000 has', ' has') };
  return { kind: 'no-year', month, day, orderSensitive };
}

function expandYear(yearText: string, pivotYear: number): number {
  if (yearText.length !== 2) return Number(yearText);
  const twoDigits = Number(yearText);
  return pivotYear - ((((pivotYear - twoDigits) % 100) + 100) % 100);
}

/** The latest `month`/`day` on or before `reference` (Feb 29 goes back to the last leap year). */
export function latestOnOrBefore(month: number, day: number, reference: IsoDate): IsoDate {
  const ref = dateParts(reference);
  let year = month > ref.month || (month === ref.month && day > ref.day) ? ref.year - 1 : ref.year;
  while (month === 2 && day === 29 && !isLeapYear(year)) year -= 1;
  return isoDate(year, month, day);
}

/** The earliest `month`/`day` on or after `reference` (Feb 29 goes forward to the next leap year). */
export function earliestOnOrAfter(month: number, day: number, reference: IsoDate): IsoDate {
  const ref = dateParts(reference);
  let year = month < ref.month || (month === ref.month && day < ref.day) ? ref.year + 1 : ref.year;
  while (month === 2 && day === 29 && !isLeapYear(year)) year += 1;
  return isoDate(year, month, day);
}

/** An ISO 8601 date and time with its offset from UTC (`Z`, `-05:00`, `+0530`). */
const ISO_WITH_OFFSET =
  /^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|([+-])(\d{2}):?(\d{2}))\s*$/i;

/**
 * The UTC calendar date of `date`, read from `text`, when `text` is an ISO 8601 date and time
 * that states its offset: `2026-10-31T20:00:00-05:00` is 1 November in UTC. Else `date` itself
 * (a time with no offset, or none, says nothing about UTC). Pure day arithmetic, no clock.
 */
export function utcDateOf(text: string, date: IsoDate): IsoDate {
  const found = ISO_WITH_OFFSET.exec(text);
  if (found === null || found[1] !== date) return date;
  const [, , hours, minutes, sign, offsetHours, offsetMinutes] = found;
  if (sign === undefined) return date;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * (sign === '-' ? -1 : 1);
  const utcMinutes = Number(hours) * 60 + Number(minutes) - offset;
  const shift = Math.floor(utcMinutes / (24 * 60));
  return shift === 0 ? date : addDays(date, shift);
}
