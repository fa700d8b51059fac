/**
 * Exchange rates: how many US dollars one unit of another currency is worth (`1.0842` dollars per
 * euro). TEM Desk keeps every amount in US dollars, so a bill in another currency is converted
 * with the rate the user gives. The rate is kept as the decimal text it was written in and used as
 * an exact fraction (digits over a power of ten): no floating point touches the money.
 */
import type { Result } from '../result';
import { fail, ok } from '../result';

/** A rate read exactly: `digits / 10^scale` US dollars per unit of the other currency. */
export interface ExchangeRate {
  /** As typed, without the zeros that say nothing (`1.0842`, not `01.08420`): what the invoice records. */
  text: string;
  digits: bigint;
  scale: number;
}

/** Decimal places a rate may have (central banks publish 4 to 6). */
const MAX_DECIMALS = 10;
const RATE = /^(\d{1,9})(?:\.(\d*))?$|^\.(\d+)$/;

/**
 * The field's name in every refusal: what the rate is, in the currency's words
 * (`the exchange rate (US dollars per 1 EUR)`).
 */
export function exchangeRateFieldName(currency: string): string {
  return `the exchange rate (US dollars per 1 ${currency})`;
}

/**
 * Reads a rate typed by the user: a number greater than 0 written with a point (`1.0842`, `0.92`).
 * Blank, zero, negative and text that is no number are refused with a sentence naming the field.
 */
export function exchangeRateFromText(text: string, currency: string): Result<ExchangeRate> {
  const field = exchangeRateFieldName(currency);
  const trimmed = text.trim();
  const example = `like 1.0842 (how many US dollars 1 ${currency} is worth)`;
  if (trimmed === '') return fail(`Give ${field}: a number ${example}.`, { value: text });
  const match = RATE.exec(trimmed);
  if (match === null) {
    const negative = /^-\s*[\d.]/.test(trimmed);
    const comma = /^\d+,\d+$/.test(trimmed);
    const why = negative
      ? 'a rate below zero'
      : comma
        ? 'written with a comma: write the decimals after a point'
        : 'not a number';
    return fail(`${capitalised(field)} must be a number ${example}; "${trimmed}" is ${why}.`, {
      value: text,
    });
  }
  // One rate, one text: `1.080`, `01.08` and `1.08` are the same rate (compared and recorded as
  // `1.08`), `.5` and `5.` are written `0.5` and `5`.
  const whole = (match[1] ?? '').replace(/^0+/, '') || '0';
  const fraction = (match[2] ?? match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > MAX_DECIMALS)
    return fail(
      `${capitalised(field)} has more than ${MAX_DECIMALS} decimals ("${trimmed}"); round it to ${MAX_DECIMALS}.`,
      { value: text },
    );
  const digits = BigInt(whole + fraction);
  if (digits === 0n)
    return fail(
      `${capitalised(field)} cannot be 0: it would make every amount $0.00. Give a number ${example}.`,
      { value: text },
    );
  return ok({
    text: fraction === '' ? whole : `${whole}.${fraction}`,
    digits,
    scale: fraction.length,
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Divides, rounding half away from zero. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

/** Whole cents of another currency in US dollars, rounded once (half away from zero). */
export function convertCents(amount: number, rate: ExchangeRate): number {
  return Number(roundedQuotient(BigInt(amount) * rate.digits, 10n ** BigInt(rate.scale)));
}

/**
 * Whole cents of another currency in US dollars, each rounded so that together they make their
 * exact converted sum rounded once: each is rounded on its own, then the cents the rounding took
 * from (or gave to) the sum go to the amounts it moved most (the largest remainders), so every
 * amount stays within a cent of its exact value and none is moved twice.
 */
export function convertCentsTogether(amounts: readonly number[], rate: ExchangeRate): number[] {
  const scale = 10n ** BigInt(rate.scale);
  const exact = amounts.map((amount) => BigInt(amount) * rate.digits);
  const rounded = exact.map((product) => roundedQuotient(product, scale));
  const sum = exact.reduce((total, product) => total + product, 0n);
  let steps = roundedQuotient(sum, scale) - rounded.reduce((total, each) => total + each, 0n);
  const step = steps > 0n ? 1n : -1n;
  // What rounding took from each amount, in `scale`ths of a cent: the most first when adding.
  const order = exact
    .map((product, at) => ({ at, left: product - (rounded[at] ?? 0n) * scale }))
    .sort((a, b) => (a.left === b.left ? a.at - b.at : (a.left < b.left ? 1 : -1) * Number(step)));
  for (const { at } of order) {
    if (steps === 0n) break;
    rounded[at] = (rounded[at] ?? 0n) + step;
    steps -= step;
  }
  return rounded.map(Number);
}

/**
 * An amount in millionths of a cent of another currency, in US dollars: the whole cents, rounded
 * once from the exact product (half away from zero), and the exact product to the millionth of a
 * cent (for rounding an invoice's lines together).
 */
export function convertMicroCents(
  micro: number,
  rate: ExchangeRate,
): { cents: number; micro: number } {
  const product = BigInt(micro) * rate.digits;
  const scale = 10n ** BigInt(rate.scale);
  return {
    cents: Number(roundedQuotient(product, scale * 1_000_000n)),
    micro: Number(roundedQuotient(product, scale)),
  };
}

/**
 * Converts the amounts of one invoice in turn (its lines, in millionths of a cent of the other
 * currency) so that their millionths of a cent in dollars add up to the exact converted sum of
 * all of them cut to the millionth toward zero: rounding the lines together to the cent (see
 * `SubCents`) then gives the exact sum rounded once, as half a cent is a whole number of
 * millionths. Rounding each line's product on its own could cross that half on the way and make
 * the lines a cent off the invoice's amount in its currency times the rate.
 */
export class InvoiceConversion {
  /** The exact sum so far, times `10^scale`. */
  private exact = 0n;
  /** The millionths of a cent handed to the lines so far. */
  private given = 0n;

  constructor(readonly rate: ExchangeRate) {}

  /** The next line's dollars: its whole cents and its share of the sum, in millionths of a cent. */
  next(micro: number): { cents: number; micro: number } {
    this.exact += BigInt(micro) * this.rate.digits;
    // BigInt division cuts toward zero.
    const total = this.exact / 10n ** BigInt(this.rate.scale);
    const share = total - this.given;
    this.given = total;
    return { cents: Number(roundedQuotient(share, 1_000_000n)), micro: Number(share) };
  }
}
