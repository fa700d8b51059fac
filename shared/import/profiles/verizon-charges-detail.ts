/**
 * Verizon's "Acct & Wireless Charges Detail Summary Usage" (in the Raw Data Download): one row per
 * charge or usage item of a line, `…, Item Category, Date, Item Type, Item Description, …, Usage
 * Period, Allowance, Used, Billable, Cost, Order Details`. Its charges are already in the Account
 * & Wireless Summary and are never read. Its usage rows (an `Item Type` that is a unit:
 * `minutes`, `messages`, `gigabytes`, `megabytes`, `kilobytes`) of the `Current` usage period are
 * summed per line into one usage record of the summary's invoice: `Used` is the line's own use
 * (`1,215`, `1.500`), never the `Allowance` (`6.000(shared)`, `unlimited`) nor the shared pool's
 * figures. A line whose usage the summary already gives keeps it.
 */
import { isoMonthOf } from '../../dates';
import { CellReader } from '../cells';
import { invoiceKey } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import type { ProfileTable, TableLayout } from './types';
import { UsageSums } from './usage-sums';
import { VERIZON_DETAIL_WITH_SUMMARY } from './verizon-usage-detail';

export const VERIZON_CHARGES_DETAIL: TableLayout = {
  kind: 'charges-detail',
  columns: {
    accountNumber: { aliases: ['Account Number'], required: true },
    invoiceNumber: { aliases: ['Invoice Number'] },
    wirelessNumber: { aliases: ['Wireless Number'] },
    itemCategory: { aliases: ['Item Category'], required: true },
    itemType: { aliases: ['Item Type'], required: true },
    itemDescription: { aliases: ['Item Description'], required: true },
    usagePeriod: { aliases: ['Usage Period'] },
    allowance: { aliases: ['Allowance'] },
    used: { aliases: ['Used'] },
    cost: { aliases: ['Cost'], required: true },
  },
};

/** Kilobytes per unit of data (1 KB = 1,024 bytes, as carriers count). */
const KB_PER: Readonly<Record<string, number>> = {
  kilobytes: 1,
  kb: 1,
  megabytes: 1024,
  mb: 1024,
  gigabytes: 1024 * 1024,
  gb: 1024 * 1024,
};

/** The sentence for a charges detail row whose invoice is not in the download (or stored). */
export function verizonChargesDetailAlone(accountNumber: string, invoiceNumber: string): string {
  return `Verizon's Acct & Wireless Charges Detail Summary Usage holds usage only (its charges are the summary's): import it together with the Account & Wireless Summary of account ${accountNumber}, invoice ${invoiceNumber} (import the whole download).`;
}

/** Sums the usage rows of a charges detail file onto the invoices read; the first "alone" sentence back. */
export function readVerizonChargesDetail(
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
    const unit = cells.text(col(c, 'itemType')).toLowerCase();
    const kbPer = KB_PER[unit];
    const isUsage = kbPer !== undefined || unit === 'minutes' || unit === 'messages';
    // Charge rows (monthly access, credits…) are the summary's: not read here.
    if (!isUsage) continue;
    const wireless = cells.identifier(col(c, 'wirelessNumber'));
    if (wireless.toUpperCase() === 'N/A' || wireless === '') continue;
    const period = cells.text(col(c, 'usagePeriod'));
    if (period !== '' && period.toLowerCase() !== 'current') {
      draft.skip(
        table.fileName,
        row.line,
        `Not imported: usage of the "${period}" usage period, not this bill's cycle.`,
      );
      continue;
    }
    const used = cells.quantity(col(c, 'used'));
    if (cells.failed || used === null) continue;
    const invoiceNumber = cells.identifier(col(c, 'invoiceNumber'));
    const invoice = draft.invoices.get(invoiceKey(carrier, accountNumber, invoiceNumber));
    if (invoice === undefined) {
      const sentence = verizonChargesDetailAlone(accountNumber, invoiceNumber);
      firstAlone ??= sentence;
      cells.rejectRow(sentence);
      continue;
    }
    const start = { minutes: null, messages: null, dataKb: null };
    const month = isoMonthOf(invoice.invoiceDate);
    const record = sums.recordOf(invoice, wireless, month, start, row.line);
    if (record === null) continue;
    if (unit === 'minutes') record.minutes = (record.minutes ?? 0) + used;
    else if (unit === 'messages') record.messages = (record.messages ?? 0) + used;
    else if (kbPer !== undefined) record.dataKb = (record.dataKb ?? 0) + Math.round(used * kbPer);
  }
  sums.finish(VERIZON_DETAIL_WITH_SUMMARY);
  return firstAlone;
}
