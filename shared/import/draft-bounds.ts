/**
 * Dates a bill cannot hold. A typo (`2062` for `2026`), a placeholder (`9999-12-31`,
 * `1900-01-01`) or a crafted file would otherwise reach the audit, where a bill a century away
 * breaks the month-by-month checks. Invoices and charge lines dated outside the allowed years are
 * row errors naming the date, unless the user confirmed such dates are right.
 */
import type { IsoDate } from '../dates';
import type { BillDraft, DraftChargeLine, DraftInvoice } from './draft';
import { addRowError } from './draft-problems';
import { centsToDecimalString } from '../money/cents';
import type { ImportLimits } from './limits';
import { packedLinesOf } from './packed-drafts';
import type { PackedStrings } from './packed-columns';

/** How a date refusal says it can be allowed: the app's setting, or the CLI's flag. */
export const DATE_ADVICE =
  "If the date is right, allow dates outside these years (Settings → Import limits, or the CLI's --allow-any-year) and import the file again.";

type Years = Pick<ImportLimits, 'earliestYear' | 'latestYear'>;

function outside(date: IsoDate | undefined, years: Years): date is IsoDate {
  if (date === undefined) return false;
  const year = Number(date.slice(0, 4));
  return year < years.earliestYear || year > years.latestYear;
}

/** The first date of an invoice outside the years, with what it is. */
function invoiceDateOutside(
  invoice: DraftInvoice,
  years: Years,
): { what: string; date: IsoDate } | null {
  const dates: [string, IsoDate | undefined][] = [
    ['invoice date', invoice.invoiceDate],
    ['due date', invoice.dueDate],
    ['period start', invoice.periodStart],
    ['period end', invoice.periodEnd],
  ];
  for (const [what, date] of dates) if (outside(date, years)) return { what, date };
  return null;
}

function lineDateOutside(line: DraftChargeLine, years: Years): IsoDate | null {
  if (outside(line.periodStart, years)) return line.periodStart;
  if (outside(line.periodEnd, years)) return line.periodEnd;
  return null;
}

/**
 * Takes invoices and charge lines dated outside the allowed years out of a draft, each as a row
 * error naming the date; the draft is unchanged when the limits allow any year.
 */
export function boundDraftDates(draft: BillDraft, limits: ImportLimits): BillDraft {
  if (limits.allowDatesOutsideYears) return draft;
  // Lines kept packed are looked at through their columns' distinct dates: the common case (every
  // date inside the years) never rebuilds them.
  const packed = packedLinesOf(draft);
  if (
    packed !== undefined &&
    !draft.invoices.some((invoice) => invoiceDateOutside(invoice, limits) !== null) &&
    !packedDatesOutside(packed.periodStart, limits) &&
    !packedDatesOutside(packed.periodEnd, limits)
  ) {
    return draft;
  }
  const span = `${limits.earliestYear}–${limits.latestYear}`;
  const refused = new Set<string>();
  for (const invoice of draft.invoices) {
    const bad = invoiceDateOutside(invoice, limits);
    if (bad === null) continue;
    refused.add(invoice.key);
    const why = `the ${bad.what} ${bad.date} of invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}) is outside the years ${span}`;
    const lines = draft.lines.filter((line) => line.invoiceKey === invoice.key);
    if (lines.length === 0) {
      addRowError(draft, {
        sourceFile: invoice.sourceFile,
        row: 0,
        value: bad.date,
        invoiceNumber: invoice.invoiceNumber,
        message: `${upperFirst(why)}, so the invoice is not imported. ${DATE_ADVICE}`,
      });
    }
    // One error per row of the invoice, with its amount: every charge left out is named.
    for (const line of lines) {
      addRowError(draft, {
        sourceFile: line.sourceFile,
        row: line.sourceRow,
        value: bad.date,
        amount: centsToDecimalString(line.amount),
        cents: line.amount,
        invoiceNumber: invoice.invoiceNumber,
        message: `Row ${line.sourceRow}: ${why}, so this charge is not imported. ${DATE_ADVICE}`,
      });
    }
  }
  const kept: DraftChargeLine[] = [];
  for (const line of draft.lines) {
    if (refused.has(line.invoiceKey)) continue;
    const date = lineDateOutside(line, limits);
    if (date === null) {
      kept.push(line);
      continue;
    }
    addRowError(draft, {
      sourceFile: line.sourceFile,
      row: line.sourceRow,
      value: date,
      amount: centsToDecimalString(line.amount),
      cents: line.amount,
      ...invoiceNumberOf(draft, line.invoiceKey),
      message: `Row ${line.sourceRow}: the service period date ${date} is outside the years ${span}, so this charge is not imported. ${DATE_ADVICE}`,
    });
  }
  if (refused.size === 0 && kept.length === draft.lines.length) return draft;
  draft.invoices = draft.invoices.filter((invoice) => !refused.has(invoice.key));
  draft.lines = kept;
  draft.usage = draft.usage.filter((usage) => !refused.has(usage.invoiceKey));
  return draft;
}

/** Whether any date of a packed column is outside the years. */
function packedDatesOutside(column: PackedStrings, years: Years): boolean {
  return column.values.some((date) => date !== null && outside(date as IsoDate, years));
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The invoice number of a draft's invoice `key`, for a row error on one of its lines. */
function invoiceNumberOf(draft: BillDraft, key: string): { invoiceNumber?: string } {
  const invoice = draft.invoices.find((candidate) => candidate.key === key);
  return invoice === undefined ? {} : { invoiceNumber: invoice.invoiceNumber };
}
