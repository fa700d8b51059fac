/**
 * The field types records are checked with. Each one's error is the end of a sentence ("must be a
 * whole number of cents") that the validator completes with the table, record, field and value.
 */
import { z } from 'zod';
import { isIsoDate, isIsoMonth, type IsoDate, type IsoMonth } from '../../dates/iso-date';
import type { Cents } from '../../money/cents';

/** Years a stored date may fall in: anything outside is a typing slip or a crafted file. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

function yearInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

function isDateInRange(value: unknown): value is IsoDate {
  return typeof value === 'string' && isIsoDate(value) && yearInRange(value);
}

function isMonthInRange(value: unknown): value is IsoMonth {
  return typeof value === 'string' && isIsoMonth(value) && yearInRange(value);
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isTimestampInRange(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    TIMESTAMP.test(value) &&
    isDateInRange(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** Text of any length. */
export const text = z.string({ error: 'must be text' });

/** A whole number of cents within the safe-integer range (negative for credits). */
export const cents = z.custom<Cents>((value) => Number.isSafeInteger(value), {
  error: 'must be a whole number of cents',
});

/** A count: a whole number, zero or more. */
export const count = z
  .number({ error: 'must be a whole number, zero or more' })
  .refine((value) => Number.isSafeInteger(value) && value >= 0, {
    error: 'must be a whole number, zero or more',
  });

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number) {
  const problem = `must be a whole number from ${min} to ${max}`;
  return z
    .number({ error: problem })
    .refine((value) => Number.isInteger(value) && value >= min && value <= max, {
      error: problem,
    });
}

/** A finite number (usage minutes and kilobytes, quantities). */
export const finiteNumber = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, { error: 'must be a number' });

/** A plan allowance: a number, zero or more, or the word `unlimited`. */
export const allowance = z.union([
  z.literal('unlimited'),
  z
    .number({ error: 'must be a number, zero or more, or unlimited' })
    .refine((value) => Number.isFinite(value) && value >= 0, {
      error: 'must be a number, zero or more, or unlimited',
    }),
]);

const DATE_PROBLEM = `must be a date like 2024-08-31 in the years ${FIRST_YEAR} to ${LAST_YEAR}`;
const MONTH_PROBLEM = `must be a month like 2024-08 in the years ${FIRST_YEAR} to ${LAST_YEAR}`;
const TIMESTAMP_PROBLEM = `must be a date and time like 2024-08-05T13:45:00.000Z in the years ${FIRST_YEAR} to ${LAST_YEAR}`;

/** A calendar date `YYYY-MM-DD` in the years 1990–2100. */
export const isoDate = z.custom<IsoDate>(isDateInRange, { error: DATE_PROBLEM });

/** A month `YYYY-MM` in the years 1990–2100. */
export const isoMonth = z.custom<IsoMonth>(isMonthInRange, { error: MONTH_PROBLEM });

/** An ISO 8601 timestamp in the years 1990–2100. */
export const timestamp = z.custom<string>(isTimestampInRange, { error: TIMESTAMP_PROBLEM });

/** One of a fixed list of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** true or false. */
export const yesNo = z.boolean({ error: 'must be true or false' });

/** A list of texts. */
export const texts = z.array(text, { error: 'must be a list of texts' });

/** A typed array or bytes of the given class. */
export function binary<T>(type: abstract new (...args: never[]) => T, what: string) {
  return z.custom<T>((value) => value instanceof type, { error: `must be ${what}` });
}

/**
 * A record type: these fields, checked. Other fields are allowed and restored untouched (records
 * of real workspaces carry a few the model does not name, e.g. the sample company's accounts):
 * only the parse result drops them, and the restore stores the records as read, not that result.
 */
export const record = z.object;
