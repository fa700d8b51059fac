/**
 * The currency of a Teams PSTN usage report. Microsoft charges calls in the billing account's
 * currency (`Currency`: `USD`, `EUR`, `GBP`…); TEM Desk keeps every amount in US dollars, so a
 * report in another currency is converted with the rate the user gives for the file (US dollars
 * per 1 unit), never read as dollars. One rate converts every call of a file, whatever its month:
 * it is asked as the account number is, once per file; a month's own rate is given by importing
 * that month's export on its own.
 */
import type { ExchangeRate, InvoiceConversion } from '../../money/exchange-rate';
import { exchangeRateFromText } from '../../money/exchange-rate';
import type { CellReader } from '../cells';
import type { DraftInvoice } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { col } from './columns';
import type { InvoiceDetails, ProfileTable } from './types';

/** Amounts in these are dollars already (a blank `Currency` is the report's own: dollars). */
function isDollars(currency: string): boolean {
  return currency === '' || currency === 'USD';
}

/** The currency a file's calls are charged in: its first `Currency` cell that says one. */
export function currencyOfTable(table: ProfileTable): string {
  const index = col(table.columns, 'currency');
  if (index < 0) return '';
  for (const row of table.rows) {
    const text = (row.cells[index] ?? '').trim().toUpperCase();
    if (text !== '') return text;
  }
  return '';
}

/** The rate a file's calls are converted with: null for dollars or when none (readable) is given. */
export function rateOfTable(
  table: ProfileTable,
  details: InvoiceDetails | undefined,
): { currency: string; rate: ExchangeRate | null } {
  const currency = currencyOfTable(table);
  if (isDollars(currency)) return { currency, rate: null };
  const text = details?.exchangeRates?.[currency];
  const read = text === undefined ? null : exchangeRateFromText(text, currency);
  return { currency, rate: read?.ok === true ? read.value : null };
}

/** Whether a file is charged in another currency and has no rate yet. */
export function lacksRate(table: ProfileTable, details: InvoiceDetails | undefined): boolean {
  const { currency, rate } = rateOfTable(table, details);
  return !isDollars(currency) && rate === null;
}

/** What the question says when it asks a file's rate. */
export function rateNote(currency: string): string {
  return `The calls in this report are charged in ${currency}, and TEM Desk keeps every amount in US dollars: give the exchange rate, US dollars per 1 ${currency} (the rate your finance team books the Microsoft invoice at). Every call of this file is converted at it, whatever its month (to use each month's own rate, export and import each month on its own), and each invoice records the ${currency} amount and the rate.`;
}

/** Millionths of a cent written as units of the currency, to the last digit that counts (`0.1725`). */
export function unitsOfMicro(micro: number): string {
  const abs = Math.abs(micro);
  const whole = Math.floor(abs / 100_000_000);
  const fraction = String(abs % 100_000_000)
    .padStart(8, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${micro < 0 ? '-' : ''}${whole}.${fraction}`;
}

/**
 * A line's exact sum, in another currency, converted with its invoice's others (`conversion`):
 * its dollars rounded to the cent once, what rounding took (millionths of a cent, for rounding the
 * invoice's lines together to its exact converted sum), and the extras and words that trace it.
 */
export function convertedSum(
  micro: number,
  currency: string,
  conversion: InvoiceConversion,
): { amount: number; residue: number; extras: Record<string, string>; words: string } {
  const { rate } = conversion;
  const converted = conversion.next(micro);
  const original = `${unitsOfMicro(micro)} ${currency}`;
  return {
    amount: converted.cents,
    residue: converted.micro - converted.cents * 1_000_000,
    extras: {
      [`Amount (${currency})`]: unitsOfMicro(micro),
      'Exchange rate': rateWords(currency, rate),
    },
    words: `${original} at ${rateWords(currency, rate)}`,
  };
}

function rateWords(currency: string, rate: ExchangeRate): string {
  return `${rate.text} USD per ${currency}`;
}

/**
 * Each month's invoice: its one currency and rate (a second file giving the month another rate, or
 * its calls in dollars when the month's are converted, or the reverse, is refused row by row: the
 * invoice's lines make its amount in that currency times the rate, nothing beside), its calls'
 * exact sum in that currency.
 */
export class InvoiceRates {
  /** The files whose calls were converted, with their rate. */
  private readonly files = new Map<string, { currency: string; rate: ExchangeRate }>();
  private readonly byInvoice = new Map<
    string,
    {
      invoice: DraftInvoice;
      currency: string;
      /** Null for a month whose calls are in dollars. */
      rate: ExchangeRate | null;
      file: string;
      micro: number;
    }
  >();

  /**
   * Whether the call may be added to the invoice at this rate (null: in dollars), noting the rate
   * when it is the invoice's first; otherwise the row is rejected on `column`, saying why.
   */
  admit(
    invoice: DraftInvoice,
    currency: string,
    rate: ExchangeRate | null,
    file: string,
    cells: CellReader,
    column: number,
  ): boolean {
    const known = this.byInvoice.get(invoice.key);
    if (known === undefined)
      this.byInvoice.set(invoice.key, { invoice, currency, rate, file, micro: 0 });
    if (known === undefined || known.rate?.text === rate?.text) {
      if (rate !== null) this.files.set(file, { currency, rate });
      return true;
    }
    const month = invoice.periodStart?.slice(0, 7) ?? invoice.invoiceDate;
    cells.reject(
      column,
      known.rate === null || rate === null
        ? `the calls of ${month} are ${known.rate === null ? 'in US dollars' : `in ${known.currency}`} (${known.file}), this file's ${rate === null ? 'in US dollars' : `in ${currency}`}: one month's invoice holds one currency. Import the month from files of one currency.`
        : `the calls of ${month} are converted at ${rateWords(currency, known.rate)} (the rate given for ${known.file}), this file's at ${rate.text}: one month's invoice has one rate. Give both files the same rate, or import the month from one file.`,
    );
    return false;
  }

  add(invoice: DraftInvoice, micro: number): void {
    const known = this.byInvoice.get(invoice.key);
    if (known !== undefined) known.micro += micro;
  }

  /** Records each invoice's currency, rate and original amount on it; a note per file converted. */
  finish(draft: DraftBuilder): void {
    for (const { invoice, currency, rate, micro } of this.byInvoice.values())
      if (rate !== null)
        invoice.exchange = { currency, usdPerUnit: rate.text, originalAmount: unitsOfMicro(micro) };
    for (const [sourceFile, { currency, rate }] of this.files)
      draft.warnings.push({
        sourceFile,
        row: 0,
        message: `The calls are charged in ${currency}: every amount is converted to US dollars at ${rateWords(currency, rate)}, the rate given for this file, each line's exact sum rounded to the cent once; each invoice records its ${currency} amount and the rate.`,
      });
  }
}
