/**
 * X12 element values to domain values. X12 writes numbers two ways: type R, a decimal with an
 * explicit point (`12.5`, `-3`, `.75`), and type N2, an integer with two implied decimals (`12550`
 * is 125.50). Dates are `CCYYMMDD`. Each reader returns the value or a sentence naming what it
 * expected and what it found; the caller adds the segment and element.
 */
import type { IsoDate } from '../../dates';
import { calendarProblem, isoDate } from '../../dates';
import type { Cents } from '../../money/cents';
import { cents, formatCents } from '../../money/cents';
import { MAX_AMOUNT_CENTS, quoteCell } from '../limits';

/** A decimal number kept exactly: `digits / 10^scale`. */
export interface ExactDecimal {
  digits: bigint;
  scale: number;
}

/** A read value, or the sentence saying why it cannot be read. */
export type ValueRead<T> = { ok: true; value: T } | { ok: false; problem: string };

const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?$/;
const IMPLIED = /^([-+]?)(\d{1,15})$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Decimals kept for a quantity or a unit price (X12 allows 15 digits in all). */
const MAX_SCALE = 9;

/** Reads a type-R decimal exactly. */
export function readDecimal(text: string, what: string): ValueRead<ExactDecimal> {
  const match = DECIMAL.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (match === null || (whole === '' && fraction === '') || whole.length + fraction.length > 18) {
    return { ok: false, problem: `expected ${what} like 12.50, found "${quoteCell(text)}"` };
  }
  if (fraction.length > MAX_SCALE) {
    return {
      ok: false,
      problem: `expected ${what} with at most ${MAX_SCALE} decimals, found "${quoteCell(text)}"`,
    };
  }
  const digits = BigInt(`${whole}${fraction}` || '0');
  return {
    ok: true,
    value: { digits: match[1] === '-' ? -digits : digits, scale: fraction.length },
  };
}

/** An exact decimal as a JavaScript number (quantities: minutes, kilobytes). */
export function decimalToNumber(value: ExactDecimal): number {
  return Number(value.digits) / 10 ** value.scale;
}

/**
 * `quantity × unitPrice` in cents, rounded half away from zero (how carriers round a rated line),
 * computed exactly; a problem when the result is past the largest amount read.
 */
export function extendedCents(quantity: ExactDecimal, unitPrice: ExactDecimal): ValueRead<Cents> {
  const product = quantity.digits * unitPrice.digits;
  const scale = quantity.scale + unitPrice.scale;
  return centsFromScaled(product, scale);
}

/** Reads a type-R decimal amount of money (`TXI02`, `12.34`) as cents, rounded half away from zero. */
export function readDecimalCents(text: string): ValueRead<Cents> {
  const read = readDecimal(text, 'an amount');
  if (!read.ok) return read;
  return centsFromScaled(read.value.digits, read.value.scale);
}

/** Reads a type-N2 amount (`TDS01`, `SAC05`): an integer of cents, two decimals implied. */
export function readImpliedCents(text: string): ValueRead<Cents> {
  const match = IMPLIED.exec(text);
  if (match === null) {
    return {
      ok: false,
      problem: `expected an amount in cents with two implied decimals (12550 for $125.50), found "${quoteCell(text)}"`,
    };
  }
  const value = BigInt(match[2] ?? '0');
  return centsFromScaled(match[1] === '-' ? -value : value, 2);
}

function centsFromScaled(value: bigint, scale: number): ValueRead<Cents> {
  let result: bigint;
  if (scale <= 2) {
    result = value * 10n ** BigInt(2 - scale);
  } else {
    const divisor = 10n ** BigInt(scale - 2);
    const negative = value < 0n;
    const magnitude = negative ? -value : value;
    const rounded = (magnitude + divisor / 2n) / divisor;
    result = negative ? -rounded : rounded;
  }
  const limit = BigInt(MAX_AMOUNT_CENTS);
  if (result > limit || result < -limit) {
    return {
      ok: false,
      problem: `the amount is more than ${formatCents(cents(MAX_AMOUNT_CENTS))}, beyond any real charge`,
    };
  }
  return { ok: true, value: cents(Number(result)) };
}

/** Reads a `CCYYMMDD` date. */
export function readX12Date(text: string): ValueRead<IsoDate> {
  const match = DATE.exec(text);
  if (match === null) {
    return {
      ok: false,
      problem: `expected a date written CCYYMMDD (20261001), found "${quoteCell(text)}"`,
    };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const problem = calendarProblem(year, month, day, text);
  if (problem !== null) return { ok: false, problem: problem.replace(/\.$/, '') };
  return { ok: true, value: isoDate(year, month, day) };
}
