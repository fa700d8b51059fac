/**
 * Bills in another currency that do not say so: Canadian carriers (Bell Mobility, Rogers, TELUS)
 * write their Canadian-dollar amounts with a bare "$". TEM Desk keeps every amount in US dollars,
 * so such a bill is converted with the rate the user gives (US dollars per 1 CAD), never read as
 * dollars: asked once per bill read (the answer given for any of its files serves them all), as the
 * account of a Teams PSTN usage report is (the CLI's `--exchange-rate CAD=0.7312`).
 *
 * Each invoice's lines are converted together (`convertCentsTogether`): they make its amount in
 * Canadian dollars times the rate, rounded once, and its stated total, converted the same way,
 * still agrees with them exactly when it did in Canadian dollars. The invoice records the
 * currency, the rate and its amount in it; each line its own (`Amount (CAD)`).
 *
 * A rate of 1 is the answer of an account billed in US dollars (a few are): the amounts are kept
 * as written and no conversion is recorded.
 */
import type { ExchangeRate } from '../money/exchange-rate';
import { convertCents, convertCentsTogether, exchangeRateFromText } from '../money/exchange-rate';
import { cents } from '../money/cents';
import type { InvoiceBalance } from '../model';
import type { BillDraft, DraftChargeLine } from './draft';
import type { InvoiceDetails } from './profiles/types';
import type { ReadBillOptions, ReadOutcome } from './read-types';

/** The currency of the Canadian carriers' bills. */
export const CANADIAN_DOLLARS = 'CAD';

/** Whole cents written as a plain decimal (`-1234.05`). */
function decimalOfCents(amount: number): string {
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The first readable rate of `currency` given for any of `fileNames` (or for every file). */
export function rateGiven(
  fileNames: readonly string[],
  currency: string,
  options: Pick<ReadBillOptions, 'invoiceDetails' | 'defaultInvoiceDetails'>,
): ExchangeRate | null {
  for (const name of fileNames) {
    const details: InvoiceDetails | undefined =
      options.invoiceDetails?.[name] ?? options.defaultInvoiceDetails;
    const text = details?.exchangeRates?.[currency];
    if (text === undefined) continue;
    const read = exchangeRateFromText(text, currency);
    if (read.ok) return read.value;
  }
  return null;
}

/** What the question says when it asks a Canadian bill's rate. */
export function canadianRateNote(carrier: string): string {
  return `${carrier} bills in Canadian dollars, written with a bare "$", and TEM Desk keeps every amount in US dollars: give the exchange rate, US dollars per 1 CAD (the rate your finance team books this bill at). Every amount of this bill is converted at it, and each invoice records its CAD amount and the rate. If your account with ${carrier} is billed in US dollars, give 1: the amounts are kept as written and no conversion is recorded.`;
}

/**
 * A draft read from a carrier billing in `currency` (its amounts as written; undefined: US
 * dollars), in US dollars: the question asking its rate when none is given (never for a draft
 * with no invoice, such as usage detail alone, nor for one refused), else the draft converted with
 * the rate given, or kept as written when it is 1.
 */
export function billInCurrency(
  draft: BillDraft,
  currency: string | undefined,
  fileNames: readonly string[],
  options: Pick<ReadBillOptions, 'invoiceDetails' | 'defaultInvoiceDetails'>,
): BillDraft | Extract<ReadOutcome, { kind: 'needs-invoice-details' }> {
  const [first] = draft.invoices;
  if (currency === undefined || first === undefined || draft.refusal !== undefined) return draft;
  const rate = rateGiven(fileNames, currency, options);
  if (rate === null)
    return {
      kind: 'needs-invoice-details',
      fileName: first.sourceFile,
      profileId: draft.profileId,
      missing: ['exchangeRate'],
      currency,
      note: canadianRateNote(first.carrierName),
    };
  // The answer of an account billed in US dollars, given on purpose: nothing to convert or say.
  if (rate.digits === 1n && rate.scale === 0) return draft;
  convertDraft(draft, currency, rate);
  const warnings = (draft.warnings ??= []);
  const doubt = unlikelyCadRate(currency, rate);
  if (doubt !== null) warnings.push({ sourceFile: first.sourceFile, row: 0, message: doubt });
  warnings.push({
    sourceFile: first.sourceFile,
    row: 0,
    message: `The amounts are in ${currency}: every amount is converted to US dollars at ${rate.text} USD per ${currency}, each invoice's lines together so that they make its ${currency} amount times the rate, rounded once; each invoice records its ${currency} amount and the rate. Amounts quoted from the file in these notes are as it writes them, in ${currency}.`,
  });
  return draft;
}

/**
 * A Canadian dollar has been worth 0.68 to 1.10 US dollars since 2007: a rate far outside is
 * most likely the other way round (1.37, Canadian dollars per US dollar, for 0.73) or a typo. Said,
 * with the rate it would be turned round, never refused (the user's rate is the user's).
 */
function unlikelyCadRate(currency: string, rate: ExchangeRate): string | null {
  if (currency !== CANADIAN_DOLLARS) return null;
  const scale = 10n ** BigInt(rate.scale);
  // Above 1.15 or below 0.5 US dollars per Canadian dollar.
  const high = rate.digits * 100n > scale * 115n;
  if (!high && rate.digits * 2n >= scale) return null;
  const inverse = (scale * 10_000n * 2n + rate.digits) / (rate.digits * 2n);
  const turned = `${inverse / 10_000n}.${String(inverse % 10_000n).padStart(4, '0')}`;
  return `The rate given, ${rate.text} US dollars per 1 CAD, is far from what a Canadian dollar is worth (0.68 to 1.10 US dollars since 2007): ${high ? `if ${rate.text} is Canadian dollars per US dollar, the rate is 1 ÷ ${rate.text} = ${turned}` : 'check it'}. Cancel and import again with the right rate before importing these amounts.`;
}

/** Converts every amount of `draft` in place: lines, stated totals, balances, copies' parts. */
function convertDraft(draft: BillDraft, currency: string, rate: ExchangeRate): void {
  const byInvoice = new Map<string, DraftChargeLine[]>();
  for (const line of draft.lines) {
    const lines = byInvoice.get(line.invoiceKey);
    if (lines === undefined) byInvoice.set(line.invoiceKey, [line]);
    else lines.push(line);
  }
  const rateText = `${rate.text} USD per ${currency}`;
  for (const invoice of draft.invoices) {
    const lines = byInvoice.get(invoice.key) ?? [];
    const written = lines.map((line) => line.amount);
    const converted = convertCentsTogether(written, rate);
    lines.forEach((line, i) => {
      line.extras = {
        ...line.extras,
        [`Amount (${currency})`]: decimalOfCents(written[i] ?? 0),
        'Exchange rate': rateText,
      };
      line.amount = cents(converted[i] ?? 0);
    });
    const statedWritten = invoice.statedTotal;
    if (invoice.statedTotal !== null)
      invoice.statedTotal = cents(convertCents(invoice.statedTotal, rate));
    if (invoice.balance !== undefined)
      invoice.balance = convertBalance(invoice.balance, statedWritten, invoice.statedTotal, rate);
    invoice.exchange = {
      currency,
      usdPerUnit: rate.text,
      originalAmount: decimalOfCents(written.reduce((sum, amount) => sum + amount, 0)),
      ...(statedWritten === null ? {} : { originalDue: decimalOfCents(statedWritten) }),
    };
  }
  for (const copy of draft.copies ?? [])
    if (copy.partTotal !== undefined) copy.partTotal = cents(convertCents(copy.partTotal, rate));
}

/**
 * The balance brought forward from a previous balance, payments and adjustments, both ways a bill
 * writes its payments (see invoice-math's `forwardOf`): as a reduction whatever their sign, and
 * with the sign written (a payment reversed).
 */
function forwardsOf(balance: InvoiceBalance): [number, number] | undefined {
  const { previousBalance, payments, adjustments } = balance;
  if (previousBalance === undefined) return undefined;
  return [
    previousBalance - Math.abs(payments ?? 0) + (adjustments ?? 0),
    previousBalance + (payments ?? 0) + (adjustments ?? 0),
  ];
}

/**
 * A bill's balance in US dollars. Each figure converted and rounded on its own, the bill's own
 * arithmetic (previous balance less payments plus adjustments is the balance forward, which plus
 * the current charges is the amount due) could miss by a cent, and the invoice-math check would
 * report that cent as the carrier's error. So the balance forward and the amount due are the
 * converted parts they are made of, plus the conversion of whatever the bill itself was off by:
 * a bill that adds up in Canadian dollars adds up to the cent in US dollars, and one that does not
 * is off by its own difference, converted.
 */
function convertBalance(
  written: InvoiceBalance,
  statedWritten: number | null,
  stated: number | null,
  rate: ExchangeRate,
): InvoiceBalance {
  const convert = (amount: number) => cents(convertCents(amount, rate));
  const converted: InvoiceBalance = { amountDue: convert(written.amountDue) };
  for (const field of ['previousBalance', 'payments', 'adjustments'] as const) {
    const amount = written[field];
    if (amount !== undefined) converted[field] = convert(amount);
  }
  const forwardsWritten = forwardsOf(written);
  const forwards = forwardsOf(converted);
  // The way of reading payments that makes the stated balance forward (the reduction when both
  // or neither do), kept in dollars.
  const way =
    forwardsWritten === undefined || written.balanceForward === undefined
      ? 0
      : forwardsWritten[1] === written.balanceForward &&
          forwardsWritten[0] !== written.balanceForward
        ? 1
        : 0;
  const forwardWritten = forwardsWritten?.[way] ?? written.balanceForward;
  const forward =
    forwards?.[way] ??
    (written.balanceForward === undefined ? undefined : convert(written.balanceForward));
  if (written.balanceForward !== undefined)
    converted.balanceForward =
      forwardWritten === undefined || forward === undefined || forwardsWritten === undefined
        ? convert(written.balanceForward)
        : cents(forward + convertCents(written.balanceForward - forwardWritten, rate));
  if (
    forwardWritten !== undefined &&
    forward !== undefined &&
    statedWritten !== null &&
    stated !== null
  )
    converted.amountDue = cents(
      forward + stated + convertCents(written.amountDue - forwardWritten - statedWritten, rate),
    );
  return converted;
}
