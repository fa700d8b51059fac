/**
 * Verizon's Wireless Usage Detail (call by call, in the Raw Data Download): `…, Invoice Number,
 * Wireless Number, …, Usage Category, …, Min, Charge, …`. Its charges are already in the Account &
 * Wireless Summary, so it gives usage only: each line's `Voice` minutes of one invoice make one
 * usage record of that invoice, read in the same download. Only minutes are summed (data and
 * messages stay unknown); a line whose usage the summary already gives keeps it.
 */
import { isoMonthOf } from '../../dates';
import { CellReader } from '../cells';
import { invoiceKey } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import type { ProfileTable, TableLayout } from './types';
import { UsageSums } from './usage-sums';

export const VERIZON_USAGE_DETAIL: TableLayout = {
  kind: 'usage-detail',
  columns: {
    accountNumber: { aliases: ['Account Number'], required: true },
    invoiceNumber: { aliases: ['Invoice Number'] },
    wirelessNumber: { aliases: ['Wireless Number'] },
    usageCategory: { aliases: ['Usage Category'], required: true },
    origination: { aliases: ['Origination'], required: true },
    destination: { aliases: ['Destination'], required: true },
    minutes: { aliases: ['Min'] },
    charge: { aliases: ['Charge'], required: true },
  },
};

/** The sentence for usage detail whose invoice is not in the download read. */
export function verizonDetailAlone(accountNumber: string, invoiceNumber: string): string {
  return `Verizon's Wireless Usage Detail holds usage only: import it together with the Account & Wireless Summary of account ${accountNumber}, invoice ${invoiceNumber} (import the whole download).`;
}

export const VERIZON_DETAIL_WITH_SUMMARY =
  'the usage of these lines is already read from the Account & Wireless Summary (its usage columns count the same calls).';

/** Sums the Voice minutes of a usage detail file onto the invoices read; the first "alone" sentence back. */
export function readVerizonUsageDetail(
  table: ProfileTable,
  draft: DraftBuilder,
  carrier: string,
): string | null {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, ['accountNumber', 'wirelessNumber']);
  const sums = new UsageSums(draft, table.fileName);
  let firstAlone: string | null = null;
  for (const row of table.rows) {
    const accountNumber = startAccountRow(table, row, draft, cells, identifying);
    if (accountNumber === null) continue;
    if (cells.text(col(c, 'usageCategory')).toLowerCase() !== 'voice') continue;
    const invoiceNumber = cells.identifier(col(c, 'invoiceNumber'));
    const wireless = cells.identifier(col(c, 'wirelessNumber'));
    const minutes = cells.quantity(col(c, 'minutes'));
    if (cells.failed || minutes === null) continue;
    const invoice = draft.invoices.get(invoiceKey(carrier, accountNumber, invoiceNumber));
    if (invoice === undefined) {
      const sentence = verizonDetailAlone(accountNumber, invoiceNumber);
      firstAlone ??= sentence;
      cells.rejectRow(sentence);
      continue;
    }
    // The detail read here is its Voice rows: data and messages are not known from it.
    const start = { minutes: 0, messages: null, dataKb: null };
    const month = isoMonthOf(invoice.invoiceDate);
    const record = sums.recordOf(invoice, wireless, month, start, row.line);
    if (record === null) continue;
    record.minutes = (record.minutes ?? 0) + minutes;
  }
  sums.finish(VERIZON_DETAIL_WITH_SUMMARY);
  return firstAlone;
}
