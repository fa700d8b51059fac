/**
 * Billing periods: the "from – to" ranges printed on bills.
 */
import { addDays, addMonths, daysBetween, type DateOrder, type IsoDate } from './iso-date';
import type { DateReading } from './parse';
import { DEFAULT_PIVOT_YEAR, earliestOnOrAfter, latestOnOrBefore, readDateParts } from './parse';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** A closed range of calendar days: both `start` and `end` are included. */
export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

/** Separators between the two dates: hyphen, en/em dash, `to`, `through`, `thru`. */
const SEPARATOR = /\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b)\s*/gi;

/**
 * Reads a billing period such as `Jul 17 -Aug 16 ` (Verizon: no year, trailing space),
 * `Jul 12, 2023 - Aug 11, 2023` (T-Mobile) or `07/17/2024-08/16/2024`.
 *
 * When a side has no year it is placed next to the other side; when neither has one, the period is
 * taken to end on the latest such day not after `referenceDate` (the bill cycle date, which is the
 * last day of the period on real bills), and to start on the latest such day not after its end —
 * so `Dec 17 - Jan 16` on a bill dated 2022-01-16 runs 2021-12-17 to 2022-01-16.
 * Blank gives `ok(null)`.
 */
export function parseDateRange(
  text: string,
  order: DateOrder,
  referenceDate?: IsoDate,
): Result<DateRange | null> {
  const trimmed = text
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  if (trimmed === '' || /^(?:N\/?A|-|--)$/i.test(trimmed)) return ok(null);

  const found = new Map<string, DateRange>();
  let sideProblem: string | undefined;
  let rangeProblem: string | undefined;
  for (const match of trimmed.matchAll(SEPARATOR)) {
    if (match[0] === '' || match.index === 0) continue;
    const left = readDateParts(trimmed.slice(0, match.index), order, DEFAULT_PIVOT_YEAR);
    const right = readDateParts(
      trimmed.slice(match.index + match[0].length),
      order,
      DEFAULT_PIVOT_YEAR,
    );
    if (left.kind === 'blank' || right.kind === 'blank') continue;
    if (left.kind === 'error' || right.kind === 'error') {
      // One readable side means this is the right split and the other side has the real problem.
      if (left.kind === 'error' && right.kind !== 'error') sideProblem ??= left.message;
      if (right.kind === 'error' && left.kind !== 'error') sideProblem ??= right.message;
      continue;
    }
    const range = resolveRange(trimmed, left, right, referenceDate);
    if (typeof range === 'string') rangeProblem ??= range;
    else found.set(`${range.start}/${range.end}`, range);
  }

  const ranges = [...found.values()];
  const [range] = ranges;
  if (ranges.length > 1) {
    return fail(`"${trimmed}" can be read as more than one period; check where the dates split.`, {
      value: text,
    });
  }
  if (range !== undefined) return ok(range);
  const message =
    rangeProblem ??
    sideProblem ??
    `"${trimmed}" is not a period we can read; expected something like Jul 17 - Aug 16 or 07/17/2024 - 08/16/2024.`;
  return fail(message, { value: text });
}

/** A side of a period that holds a date, with or without its year. */
type ReadableDate = Extract<DateReading, { kind: 'date' | 'no-year' }>;

/** Fills in missing years (see {@link parseDateRange}) or says why the range is impossible. */
function resolveRange(
  text: string,
  left: ReadableDate,
  right: ReadableDate,
  referenceDate?: IsoDate,
): DateRange | string {
  let start: IsoDate;
  let end: IsoDate;
  if (right.kind === 'date') {
    end = right.date;
    start = left.kind === 'date' ? left.date : latestOnOrBefore(left.month, left.day, end);
  } else if (left.kind === 'date') {
    start = left.date;
    end = earliestOnOrAfter(right.month, right.day, start);
  } else {
    if (referenceDate === undefined) {
      return `The period "${text}" has no year, and there is no bill date to take it from.`;
    }
    end = latestOnOrBefore(right.month, right.day, referenceDate);
    start = latestOnOrBefore(left.month, left.day, end);
  }
  if (start > end) return `The period "${text}" ends (${end}) before it starts (${start}).`;
  return { start, end };
}

/** Average days in a month (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

/**
 * How many months a stated billing period is: its length in months, rounded (a quarter is 3, a
 * year 12); at least 1, so a monthly cycle across two calendar months (Jul 17 – Aug 16) and a
 * prorated part-month are one.
 */
export function periodMonths(start: IsoDate, end: IsoDate): number {
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  return Math.max(1, Math.round(days / DAYS_PER_MONTH));
}

/**
 * A period's length in months, part-months as fractions: whole months counted from its start
 * (Oct 17 – Nov 16 is 1, Nov 1 – Nov 30 is 1), then the days left over as a share of the month
 * they fall in (Oct 15 – Oct 31 is 17/31). For charge lines billing a part-month beside a whole
 * one, never rounded to a month each.
 */
export function exactPeriodMonths(start: IsoDate, end: IsoDate): number {
  let whole = 0;
  while (addDays(addMonths(start, whole + 1), -1) <= end) whole += 1;
  const from = addMonths(start, whole);
  const left = daysBetween(from, end) + 1;
  if (left <= 0) return whole;
  const monthDays = daysBetween(from, addMonths(start, whole + 1));
  return whole + left / monthDays;
}
