/**
 * What the payment file pays in a bill's own currency. A bill in Canadian dollars (Bell, Rogers,
 * TELUS) or a Teams report in euros is stored converted to US dollars, but the carrier is paid in
 * its own currency: the file pays the amount the bill asks, in the bill's currency, with the US
 * dollar equivalent beside it, and totals each currency on its own (a total adding Canadian and
 * US dollars is no amount anyone owes).
 */
import { billedAmount } from '../billing/approval-policy';
import { cents, centsToDecimalString, splitLargestRemainder, type Cents } from '../money/cents';
import type { Invoice } from '../model';
import type { PaymentPart } from './payment-parts';

/** The currency of every amount TEM Desk keeps. */
export const US_DOLLARS = 'USD';

/** An amount to pay, in the currency it is paid in. */
export interface PaymentAmount {
  currency: string;
  amount: Cents;
}

/**
 * Why an invoice cannot be paid in its own currency, as a sentence for the user (`message`: the
 * problem, then what to do in the app). `problem` alone is for a front end that says its own
 * remedy (the CLI, which cannot replace a backup's invoice).
 */
export class PaymentCurrencyError extends Error {
  constructor(
    readonly problem: string,
    readonly remedy = '',
  ) {
    super(remedy === '' ? problem : `${problem} ${remedy}`);
  }
}

/** A plain decimal (`123.4567`, `-5.1`) in whole cents, rounded half away from zero. */
function centsOfDecimal(text: string): Cents {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null) throw new PaymentCurrencyError(`"${text}" is not an amount.`);
  const fraction = (match[3] ?? '').padEnd(3, '0');
  const whole = BigInt(match[2] ?? '0') * 100n + BigInt(fraction.slice(0, 2));
  const rounded = whole + (Number(fraction[2]) >= 5 ? 1n : 0n);
  return cents(Number(match[1] === '-' ? -rounded : rounded));
}

/**
 * What the carrier asks to be paid, in the bill's currency: for a bill converted at import, the
 * total it states in its currency (or its lines' sum there when it states none); else the billed
 * amount in US dollars.
 */
export function paymentAmountOf(
  invoice: Pick<Invoice, 'statedTotal' | 'linesTotal' | 'exchange' | 'invoiceNumber'>,
): PaymentAmount {
  const { exchange } = invoice;
  if (exchange === undefined) return { currency: US_DOLLARS, amount: billedAmount(invoice) };
  if (exchange.originalDue !== undefined)
    return { currency: exchange.currency, amount: centsOfDecimal(exchange.originalDue) };
  // Stored before the stated total was kept in the bill's currency: its lines' sum there is what
  // it asks when it states no other total.
  if (invoice.statedTotal === null || invoice.statedTotal === invoice.linesTotal)
    return { currency: exchange.currency, amount: centsOfDecimal(exchange.originalAmount) };
  throw new PaymentCurrencyError(
    `Invoice ${invoice.invoiceNumber} is in ${exchange.currency} and was imported before TEM Desk kept its total in ${exchange.currency}: only its US dollar amount is known.`,
    `Import the bill again (Replace) to pay it in ${exchange.currency}.`,
  );
}

/**
 * An invoice's cost center parts (in US dollars, summing to `usd`) in its own currency, one for
 * one: each in proportion, together exactly `paid` (the cents rounding leaves go to the positive
 * parts by largest remainder; to the first part when none is positive).
 */
export function partsInCurrency(parts: readonly PaymentPart[], usd: Cents, paid: Cents): Cents[] {
  if (usd === paid) return parts.map((part) => part.amount);
  const scaled = parts.map((part) => (usd === 0 ? 0 : Math.round((part.amount * paid) / usd)));
  const difference = paid - scaled.reduce((sum, amount) => sum + amount, 0);
  const weights = scaled.map((amount) => Math.max(amount, 0));
  if (difference !== 0 && weights.some((weight) => weight > 0))
    splitLargestRemainder(cents(difference), weights).forEach((extra, index) => {
      scaled[index] = (scaled[index] ?? 0) + extra;
    });
  else if (difference !== 0 && scaled.length > 0) scaled[0] = (scaled[0] ?? 0) + difference;
  return scaled.map(cents);
}

/** Totals per currency: US dollars first, then by code; each with its US dollar equivalent. */
export interface CurrencyTotal extends PaymentAmount {
  usd: Cents;
}

export function totalsByCurrency(
  amounts: readonly { paid: PaymentAmount; usd: Cents }[],
): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const { paid, usd } of amounts) {
    const total = totals.get(paid.currency) ?? {
      currency: paid.currency,
      amount: cents(0),
      usd: cents(0),
    };
    total.amount = cents(total.amount + paid.amount);
    total.usd = cents(total.usd + usd);
    totals.set(paid.currency, total);
  }
  return [...totals.values()].sort((a, b) =>
    a.currency === b.currency
      ? 0
      : a.currency === US_DOLLARS
        ? -1
        : b.currency === US_DOLLARS
          ? 1
          : a.currency < b.currency
            ? -1
            : 1,
  );
}

/** The totals in words: `$1,234.56`, or `1,234.56 USD and 500.00 CAD` when there are others. */
export function paymentTotalsText(
  totals: readonly CurrencyTotal[],
  formatUsd: (amount: Cents) => string,
): string {
  const [first] = totals;
  if (totals.length === 0) return formatUsd(cents(0));
  if (totals.length === 1 && first?.currency === US_DOLLARS) return formatUsd(first.amount);
  return totals.map(({ currency, amount }) => currencyAmountText(currency, amount)).join(' and ');
}

/** One amount in words: `$204.91` in US dollars, `204.91 CAD` in another currency. */
export function paymentAmountText(
  { currency, amount }: PaymentAmount,
  formatUsd: (amount: Cents) => string,
): string {
  return currency === US_DOLLARS ? formatUsd(amount) : currencyAmountText(currency, amount);
}

function currencyAmountText(currency: string, amount: Cents): string {
  return `${centsToDecimalString(amount)} ${currency}`;
}
