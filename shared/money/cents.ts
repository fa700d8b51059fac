/**
 * Money as integer cents.
 *
 * Money enters the app as text (bills) and leaves it as text (screens, exports); in between it is a
 * whole number of cents in a branded type, so `0.1 + 0.2` can never reach a chargeback. Text is
 * read digit by digit, never through floating-point dollars.
 */
import type { DecimalSeparator } from './decimal-text';
import { decimalDigitsFromText, scaleDecimalDigits } from './decimal-text';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** A whole number of cents (hundredths of the currency unit). Negative for credits. */
export type Cents = number & { readonly __brand: 'Cents' };

/** Brands an integer as cents. Throws on fractions or unsafe integers: that is a programmer error. */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`cents() needs a safe integer number of cents, got ${n}.`);
  }
  // Normalise -0 so formatting and equality never see a negative zero.
  return (n === 0 ? 0 : n) as Cents;
}

/** Zero cents. */
export const ZERO_CENTS: Cents = cents(0);

/**
 * Sums any iterable of amounts exactly; throws if the sum leaves the safe-integer range (no real
 * bill gets there).
 */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return cents(total);
}

/** `a - b`. */
export function subtractCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

/** `-a` (a charge becomes a credit). */
export function negateCents(a: Cents): Cents {
  return cents(-a);
}

/** Options for {@link centsFromText}. */
export interface CentsFromTextOptions {
  /** Decimal separator of the file: `'.'` (default, `1,234.56`) or `','` (`1.234,56`). */
  decimal?: DecimalSeparator;
  /**
   * What to do with digits beyond the cent (`0.125`): `'round'` (default) rounds half away from
   * zero; `'reject'` returns an error instead, for profiles where that can only be a misread column.
   */
  subCent?: 'round' | 'reject';
}

/**
 * Reads an amount of money as written in a carrier bill.
 *
 * Accepts `$0.00`, `($948.03)` and `-$329.45` and `$-119567.15` and `12.00-` and `12.00 CR`
 * (all negative), `$.15`, `.74`, `2,393` (with or without its CSV quotes), `1,234.56`, surrounding
 * spaces; with `decimal: ','` also `1.234,56` and `1 234,56`.
 *
 * Blank, `N/A`, `NA`, `-` and `--` mean "no amount" and give `ok(null)`, which is not the same as
 * zero. Quantities (`0.7309 GB`), letters and two signs are errors.
 *
 * Rounding decision: amounts with more than two decimals are rounded to the nearest cent, half away
 * from zero (`0.125` → 13 cents, `-0.125` → -13 cents), matching how carriers round their own
 * printed totals. Trailing zeros (`1.2500`) are exact and lose nothing. Pass `subCent: 'reject'` to
 * refuse such values; unit rates that need the extra digits belong in {@link microUnitsFromText}.
 */
export function centsFromText(
  text: string,
  options: CentsFromTextOptions = {},
): Result<Cents | null> {
  const read = decimalDigitsFromText(text, options.decimal ?? '.');
  if (!read.ok) return read;
  if (read.value === null) return ok(null);
  const digits = read.value;
  if (options.subCent === 'reject' && /[1-9]/.test(digits.fraction.slice(2))) {
    return fail(`"${text}" has fractions of a cent; expected at most two decimals.`, {
      value: text,
    });
  }
  // An amount a person sets is written to the cent: `1.250` is 1,250 with a point for thousands
  // as often as it is 1.25, and read as 1.25 it would make every bill of the service look $1,248.75
  // over. Said, never guessed.
  if (
    options.subCent === 'reject' &&
    (options.decimal ?? '.') === '.' &&
    digits.fraction.length === 3 &&
    /^[1-9]\d{0,2}$/.test(digits.whole) &&
    !text.includes(',')
  ) {
    const whole = `${digits.whole}${digits.fraction}`;
    const small = `${digits.whole}.${digits.fraction.slice(0, 2)}`;
    return fail(
      `"${text}" could be ${whole} written with a point for thousands, or ${small}: write it as ${whole}.00 or ${small}.`,
      { value: text },
    );
  }
  const value = scaleDecimalDigits(digits, 2);
  if (value === null)
    return fail(`"${text}" is too large to be an amount of money.`, { value: text });
  return ok(cents(value));
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats cents for display, e.g. `-$1,234.56` for `cents(-123456)` in `en-US`.
 * Formatters are cached because building one is far slower than using it (grids format thousands).
 * Always shows two decimals, since `Cents` are hundredths whatever the currency.
 */
export function formatCents(amount: Cents, currency = 'USD', locale = 'en-US'): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  // Dividing a safe integer by 100 gives the double nearest the exact value; rounding that to two
  // decimals always lands back on the exact cents.
  return formatter.format(amount / 100);
}

/**
 * Exact plain decimal text for files other programs read (CSV exports): `-1234.56`, `0.05`, `0.00`.
 * No thousands separators, no currency symbol, `.` as decimal separator.
 */
export function centsToDecimalString(amount: Cents): string {
  const magnitude = Math.abs(amount);
  const whole = Math.trunc(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${amount < 0 ? '-' : ''}${whole}.${fraction}`;
}

/**
 * Splits `total` into parts proportional to `weights` so the parts always sum exactly to `total`
 * (largest-remainder method). Each part is the exact share rounded down in magnitude, and the cents
 * left over go one each to the parts with the largest remainders; ties go to the lower index, so
 * the split is deterministic. A negative total splits as the mirror image of the positive one.
 * Zero weights get zero.
 *
 * Throws (programmer error) when `weights` is empty, holds a negative or non-finite weight, or sums
 * to zero: validate user-entered splits first, e.g. with {@link basisPointsProblem}.
 */
export function splitLargestRemainder(total: Cents, weights: readonly number[]): Cents[] {
  if (weights.length === 0)
    throw new RangeError('splitLargestRemainder() needs at least one weight.');
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(
        `splitLargestRemainder() weights must be finite and >= 0, got ${weight}.`,
      );
    }
  }
  const magnitude = Math.abs(total);
  const shares = weights.every(Number.isSafeInteger)
    ? exactIntegerShares(magnitude, weights)
    : approximateShares(magnitude, weights);
  const leftover = magnitude - shares.reduce((sum, share) => sum + share.base, 0);
  const order = shares
    .map((share, index) => ({ ...share, index }))
    .filter((share) => share.weight > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const parts = shares.map((share) => share.base);
  for (let i = 0; i < leftover; i += 1) {
    const target = order[i % order.length];
    if (target !== undefined) parts[target.index] = (parts[target.index] ?? 0) + 1;
  }
  return parts.map((part) => cents(total < 0 ? -part : part));
}

interface Share {
  weight: number;
  /** Exact share rounded down, in cents. */
  base: number;
  /** What rounding down left out, comparable between parts of one split. */
  remainder: number;
}

/** Integer weights (basis points, counts): exact arithmetic in BigInt, no rounding at all. */
function exactIntegerShares(magnitude: number, weights: readonly number[]): Share[] {
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n)
    throw new RangeError('splitLargestRemainder() weights must not all be zero.');
  const amount = BigInt(magnitude);
  return weights.map((weight) => {
    const numerator = amount * BigInt(weight);
    // Remainders are below weightSum, which fits a double exactly when the weights are safe and few.
    return {
      weight,
      base: Number(numerator / weightSum),
      remainder: Number(numerator % weightSum),
    };
  });
}

/** Fractional weights: the exact share in floating point, floored; close enough to rank remainders. */
function approximateShares(magnitude: number, weights: readonly number[]): Share[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(weightSum > 0))
    throw new RangeError('splitLargestRemainder() weights must not all be zero.');
  let allotted = 0;
  const shares = weights.map((weight) => {
    const exact = (magnitude * weight) / weightSum;
    const base = Math.floor(exact);
    allotted += base;
    return { weight, base, remainder: exact - base };
  });
  // Floating-point error could over-allot by a cent on huge totals; take it back from the smallest remainder.
  while (allotted > magnitude) {
    const smallest = shares.reduce((a, b) => (b.base > 0 && b.remainder < a.remainder ? b : a));
    smallest.base -= 1;
    smallest.remainder += 1;
    allotted -= 1;
  }
  return shares;
}

/** 100% in basis points (1 basis point = 0.01%). */
export const FULL_BASIS_POINTS = 10_000;

/**
 * Why a list of basis-point splits is unusable (not whole numbers, negative, or not summing to
 * 100%), as a sentence for the user; null when it is fine.
 */
export function basisPointsProblem(basisPoints: readonly number[]): string | null {
  if (basisPoints.length === 0) return 'Add at least one cost center to split between.';
  if (basisPoints.some((bp) => !Number.isSafeInteger(bp) || bp < 0)) {
    return 'Each share must be a percentage of zero or more with at most two decimals.';
  }
  const sum = basisPoints.reduce((a, b) => a + b, 0);
  if (sum !== FULL_BASIS_POINTS) {
    return `The shares add up to ${(sum / 100).toFixed(2)}% instead of 100.00%.`;
  }
  return null;
}

/**
 * Splits `total` by percentages in basis points (`2_500` = 25%), which must sum to exactly 100%
 * (throws otherwise: check user input with {@link basisPointsProblem} first). Largest remainder,
 * so the parts sum exactly to `total`.
 */
export function splitByPercent(total: Cents, basisPoints: readonly number[]): Cents[] {
  const problem = basisPointsProblem(basisPoints);
  if (problem !== null) throw new RangeError(`splitByPercent(): ${problem}`);
  return splitLargestRemainder(total, basisPoints);
}

/** Result-returning variant of {@link splitByPercent} for splits typed in by the user. */
export function trySplitByPercent(total: Cents, basisPoints: readonly number[]): Result<Cents[]> {
  const problem = basisPointsProblem(basisPoints);
  return problem === null ? ok(splitLargestRemainder(total, basisPoints)) : fail(problem);
}

/**
 * Whole dollars for a chart axis, the sign before the symbol: `-2000` → `-$2,000`, `1500.5` →
 * `$1,501`. (`$${n}` would print `$-2,000`.)
 */
export function formatAxisDollars(dollars: number, currency = 'USD', locale = 'en-US'): string {
  const key = `${locale}|${currency}|whole`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(dollars);
}
