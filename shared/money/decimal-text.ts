/**
 * The one reader of money-like text shared by {@link centsFromText} and {@link microUnitsFromText}.
 *
 * It never goes through floating-point dollars: it returns the sign and the digit strings, and the
 * callers scale them to integers. Every shape seen in real carrier exports is accepted — see
 * `test/unit/money.test.ts` for the table.
 */
import type { Result } from '../result';
import { fail, ok } from '../result';

/** Which character separates whole units from the fraction. */
export type DecimalSeparator = '.' | ',';

/** A decimal number read from text: `negative`, whole digits and fraction digits, all exact. */
export interface DecimalDigits {
  negative: boolean;
  /** Whole-unit digits without grouping separators, at least `'0'`. */
  whole: string;
  /** Fraction digits as written (may be empty, may be longer than the target precision). */
  fraction: string;
}

/** Cell values carriers use to say "no amount here". Compared upper-cased. */
const NO_VALUE = new Set(['', '-', '--', '—', 'N/A', 'NA', 'N.A.', 'NONE']);

/** Units that mark a quantity rather than money, so the error can say what went wrong. */
const QUANTITY_UNIT =
  /^(?:[KMGT]I?B|BYTES?|KBPS|MBPS|GBPS|MINS?|MINUTES?|SECS?|SECONDS?|HRS?|HOURS?|MSGS?|MESSAGES?|TEXTS?|EVENTS?|%)$/;

const CURRENCY_SYMBOLS = '$€£';

/**
 * Currencies whose symbol an amount may carry but TEM Desk cannot keep: every amount is stored
 * and shown as US dollars (`Cents`, formatted as USD), so a pound or euro amount read as its
 * digits would be shown, added and exported as dollars. It is refused, saying so, instead.
 */
const OTHER_CURRENCIES: Readonly<Record<string, string>> = { '€': 'euros', '£': 'pounds' };

/** How every refusal of another currency's amount ends (see {@link otherCurrencyRefusal}). */
const OTHER_CURRENCY_NOTE =
  'TEM Desk keeps every amount in US dollars and would show it as dollars. Convert the amounts to dollars first.';

function otherCurrency(text: string, symbol: string): Result<DecimalDigits | null> {
  return fail(
    `"${text.trim()}" is an amount in ${OTHER_CURRENCIES[symbol] ?? symbol}: ${OTHER_CURRENCY_NOTE}`,
    { value: text },
  );
}

/**
 * The sentence of a read refused because the amount is in pounds or euros, else null: for a file
 * whose own "expected an amount like…" sentence would hide why (a budget, a contract's rate).
 */
export function otherCurrencyRefusal(read: Result<unknown>): string | null {
  if (read.ok) return null;
  const message = read.errors[0]?.message ?? '';
  return message.endsWith(OTHER_CURRENCY_NOTE) ? message : null;
}

/** Reads `text` as a decimal amount; ok(null) for blank and "no amount" markers. */
export function decimalDigitsFromText(
  text: string,
  decimal: DecimalSeparator,
): Result<DecimalDigits | null> {
  let rest = text.trim();
  // CSV parsers remove quotes, but values pasted or read from report text may keep them.
  if (rest.length >= 2 && (rest[0] === '"' || rest[0] === "'") && rest.endsWith(rest[0])) {
    rest = rest.slice(1, -1).trim();
  }
  if (NO_VALUE.has(rest.toUpperCase())) return ok(null);

  // Built only when needed: an amount that reads is the common case, and a failure is not free.
  const notAnAmount = (): Result<DecimalDigits | null> =>
    fail(
      `Expected an amount like ${decimal === '.' ? '1,234.56' : '1.234,56'} or ($12.00) but found "${text}".`,
      { value: text },
    );

  const quantity = /^[-+(]?[$€£]?[\d.,\s]+\)?\s*([A-Za-z%]+)$/.exec(rest);
  if (quantity?.[1] !== undefined && QUANTITY_UNIT.test(quantity[1].toUpperCase())) {
    return fail(`"${text}" is a quantity (${quantity[1]}), not an amount of money.`, {
      value: text,
    });
  }

  let minusSigns = 0;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    minusSigns += 1;
    rest = rest.slice(1, -1).trim();
  }
  // Credit markers: accounting exports write `12.00CR` or `12.00 CR` for money owed back.
  const credit = /^(.*?)\s*CR$/i.exec(rest);
  if (credit?.[1] !== undefined) {
    minusSigns += 1;
    rest = credit[1];
  }
  if (rest.endsWith('-')) {
    minusSigns += 1;
    rest = rest.slice(0, -1).trim();
  }
  // Signs and one currency symbol may come in either order: `-$329.45` and `$-119567.15` both occur.
  let symbols = 0;
  let plusSigns = 0;
  // A pound or euro sign: the amount is refused unless it is zero (zero in any currency is zero
  // dollars, as a column of foreign charges writes it on the rows with none).
  let other: string | null = null;
  for (;;) {
    const first = rest[0];
    if (first === undefined) break;
    if (first === '-') minusSigns += 1;
    else if (first === '+') plusSigns += 1;
    else if (CURRENCY_SYMBOLS.includes(first)) {
      symbols += 1;
      if (first in OTHER_CURRENCIES) other ??= first;
    } else break;
    rest = rest.slice(1).trimStart();
  }
  const last = rest[rest.length - 1];
  if (last !== undefined && CURRENCY_SYMBOLS.includes(last)) {
    symbols += 1;
    if (last in OTHER_CURRENCIES) other ??= last;
    rest = rest.slice(0, -1).trimEnd();
  }
  const zero = (decimal === '.' ? POINT_DECIMAL : COMMA_DECIMAL).test(rest) && !/[1-9]/.test(rest);
  if (other !== null && /\d/.test(rest) && (symbols > 1 || !zero))
    return otherCurrency(text, other);
  if (minusSigns > 1 || plusSigns > 1 || minusSigns + plusSigns > 1) {
    return fail(`"${text}" has more than one sign, so it is unclear whether it is a credit.`, {
      value: text,
    });
  }
  if (symbols > 1) return notAnAmount();

  const number = decimal === '.' ? POINT_DECIMAL.exec(rest) : COMMA_DECIMAL.exec(rest);
  if (number === null || !/\d/.test(rest)) {
    if (/^[\d.,\s']+$/.test(rest) && /\d/.test(rest)) {
      return fail(
        `"${text}" has its thousands separators in unexpected places; check the file's decimal separator.`,
        { value: text },
      );
    }
    return notAnAmount();
  }
  const whole = (number[1] ?? '').replace(/[^\d]/g, '').replace(/^0+(?=\d)/, '') || '0';
  return ok({ negative: minusSigns === 1, whole, fraction: number[2] ?? '' });
}

/** `1234.56`, `1,234.56`, `.74`, `12.` — a comma only as a thousands separator. */
const POINT_DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
/** `1234,56`, `1.234,56`, `1 234,56`, `1'234,56` — dot, space or apostrophe groups thousands. */
const COMMA_DECIMAL =
  /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d{1,3}(?:'\d{3})+|\d*)(?:,(\d*))?$/;

/**
 * Scales exact digits to an integer count of `10^-scale` units, rounding any further digits half
 * away from zero. Returns null when the result is not a safe integer.
 */
export function scaleDecimalDigits(digits: DecimalDigits, scale: number): number | null {
  const kept = digits.fraction.slice(0, scale).padEnd(scale, '0');
  const roundUp = (digits.fraction[scale] ?? '0') >= '5';
  const magnitude = Number(digits.whole + kept) + (roundUp ? 1 : 0);
  if (!Number.isSafeInteger(magnitude)) return null;
  // Avoid -0: a negative zero amount is just zero.
  return digits.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * The decimal separator amounts like these are written with: `,` only when some amount can be
 * read no other way (`45,00`, `1.234,56`: a comma before one or two final digits) and none says
 * `.` (`45.00`, `1,234.56`); else `.`. Amounts that read either way (`1,234`) decide nothing.
 */
export function decimalSeparatorOf(amounts: Iterable<string>): DecimalSeparator {
  let comma = false;
  for (const text of amounts) {
    const number = /[\d.,]*\d/.exec(text)?.[0];
    if (number === undefined) continue;
    if (/\.\d{1,2}$/.test(number) || /,\d{3}\.\d+$/.test(number)) return '.';
    if (/,\d{1,2}$/.test(number) || /\.\d{3},\d+$/.test(number)) comma = true;
  }
  return comma ? ',' : '.';
}
