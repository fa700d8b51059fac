/**
 * Unit rates in millionths of the currency unit.
 *
 * Per-minute and per-KB rates (`0.125`, `$0.0450`) need more than cents; they get their own branded
 * unit so a rate can never be added to an amount by mistake. Converting to cents is explicit.
 */
import type { Cents, CentsFromTextOptions } from './cents';
import { cents } from './cents';
import { decimalDigitsFromText, scaleDecimalDigits } from './decimal-text';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** A whole number of micro-units: 1 = 0.000001 of the currency unit (1 cent = 10,000). */
export type MicroUnits = number & { readonly __brand: 'MicroUnits' };

const MICRO_UNITS_PER_CENT = 10_000;

/** Brands an integer as micro-units. Throws on fractions or unsafe integers (programmer error). */
export function microUnits(n: number): MicroUnits {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`microUnits() needs a safe integer, got ${n}.`);
  }
  return (n === 0 ? 0 : n) as MicroUnits;
}

/**
 * Reads a unit rate such as `0.125`, `$0.0450` or `(0.10)`. Same accepted shapes and "no value"
 * markers as {@link centsFromText}; digits beyond the sixth decimal are rounded half away from zero.
 */
export function microUnitsFromText(
  text: string,
  options: Pick<CentsFromTextOptions, 'decimal'> = {},
): Result<MicroUnits | null> {
  const read = decimalDigitsFromText(text, options.decimal ?? '.');
  if (!read.ok) return read;
  if (read.value === null) return ok(null);
  const value = scaleDecimalDigits(read.value, 6);
  if (value === null) return fail(`"${text}" is too large to be a rate.`, { value: text });
  return ok(microUnits(value));
}

/**
 * Rounds micro-units to the nearest cent, half away from zero (`0.125` → 13 cents), for turning
 * `rate × quantity` into a billable amount.
 */
export function centsFromMicroUnits(amount: MicroUnits): Cents {
  const magnitude = Math.abs(amount);
  const rounded = Math.floor((magnitude + MICRO_UNITS_PER_CENT / 2) / MICRO_UNITS_PER_CENT);
  return cents(amount < 0 ? -rounded : rounded);
}
