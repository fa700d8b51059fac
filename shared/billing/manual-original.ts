/**
 * The original file of a paper bill entered by hand: what was typed, in TEM Desk's own charge-line
 * CSV (the layout the importer reads), so a person — or an import — can read it back.
 */
import { toCsvBytes } from '../export/csv';
import { centsToDecimalString } from '../money/cents';
import { TEM_CSV_HEADER } from '../sample/tem-csv';
import type { ManualInvoice } from './manual-invoice';

/** One row per line, the header repeated on each as the layout wants; formulas neutralised. */
export function manualInvoiceCsv(invoice: ManualInvoice): Uint8Array {
  const rows = invoice.lines.map((line) => [
    invoice.carrierName,
    invoice.accountNumber,
    invoice.invoiceNumber,
    invoice.invoiceDate,
    invoice.dueDate ?? '',
    invoice.periodStart ?? '',
    invoice.periodEnd ?? '',
    line.serviceIdRaw,
    line.description,
    line.category,
    '',
    centsToDecimalString(line.amount),
    centsToDecimalString(invoice.statedTotal),
  ]);
  return toCsvBytes(TEM_CSV_HEADER, rows);
}

/** `entered-by-hand-<carrier>-<account>-<invoice>.csv`, with only letters, digits, `.`, `_` and `-`. */
export function manualInvoiceFileName(invoice: ManualInvoice): string {
  const name = `${invoice.carrierName} ${invoice.accountNumber} ${invoice.invoiceNumber}`
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `entered-by-hand-${name}.csv`;
}
