/**
 * AT&T Mobility pooling report: one row per wireless number per pool (`Pool type` Data or Voice)
 * per cycle, with `Pooling bucket KB used` / `Pooling bucket minutes used` (the line's own use),
 * its contribution to the pool, what was allocated back and the pooling credits. Usage only: its
 * credits are already on the bill, so it is read with the Premier billing summary of the same
 * account and invoice date in the same pick. A Data row gives the line's data, a Voice row its
 * minutes; messages are not in the report (unknown, never zero). Lines whose usage the summary or
 * the usage detail already gives keep it.
 */
import { isoMonthOf } from '../../dates';
import { CellReader } from '../cells';
import type { DraftBuilder } from '../draft-builder';
import { ATT_DETAIL_WITH_SUMMARY, attDetailAlone, invoiceFor } from './att-usage-detail';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import type { ProfileTable, TableLayout } from './types';
import { UsageSums } from './usage-sums';

export const ATT_POOLING: TableLayout = {
  kind: 'pooling',
  columns: {
    accountNumber: { aliases: ['Account number'], required: true },
    wirelessNumber: { aliases: ['Wireless number'], required: true },
    invoiceDate: { aliases: ['Invoice date'], required: true },
    marketCycleEndDate: { aliases: ['Market cycle end date'] },
    poolType: { aliases: ['Pool type'], required: true },
    kbUsed: { aliases: ['Pooling bucket KB used'], required: true },
    minutesUsed: { aliases: ['Pooling bucket minutes used'], required: true },
  },
};

const REPORT = 'An AT&T pooling report';

/** Reads a pooling report into usage records of the invoices already read; returns the first "alone" sentence. */
export function readAttPooling(table: ProfileTable, draft: DraftBuilder): string | null {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, ['accountNumber', 'wirelessNumber']);
  const sums = new UsageSums(draft, table.fileName);
  let firstAlone: string | null = null;
  for (const row of table.rows) {
    const accountNumber = startAccountRow(table, row, draft, cells, identifying);
    if (accountNumber === null) continue;
    const wireless = cells.identifier(col(c, 'wirelessNumber'));
    const invoiceDate = cells.date(col(c, 'invoiceDate'), 'MDY');
    if (invoiceDate === null && !cells.failed)
      cells.reject(col(c, 'invoiceDate'), 'the invoice date is blank.');
    const cycleEnd = cells.date(col(c, 'marketCycleEndDate'), 'MDY');
    const poolText = cells.text(col(c, 'poolType'));
    const poolType = poolText.toLowerCase();
    const kb = cells.quantity(col(c, 'kbUsed'));
    const minutes = cells.quantity(col(c, 'minutesUsed'));
    if (poolType !== 'data' && poolType !== 'voice' && !cells.failed) {
      cells.reject(
        col(c, 'poolType'),
        `expected the pool type Data or Voice but found "${poolText}".`,
      );
    }
    if (cells.failed || invoiceDate === null) continue;
    const invoice =
      invoiceFor(draft, accountNumber, invoiceDate) ??
      (cycleEnd === null ? undefined : invoiceFor(draft, accountNumber, cycleEnd));
    if (invoice === undefined) {
      const sentence = attDetailAlone(accountNumber, cycleEnd ?? invoiceDate, REPORT);
      firstAlone ??= sentence;
      cells.rejectRow(sentence);
      continue;
    }
    const month = isoMonthOf(cycleEnd ?? invoiceDate);
    const start = { minutes: null, messages: null, dataKb: null };
    const record = sums.recordOf(invoice, wireless, month, start, row.line);
    if (record === null) continue;
    // A blank or N/A figure stays unknown.
    if (poolType === 'data' && kb !== null) record.dataKb = (record.dataKb ?? 0) + Math.round(kb);
    if (poolType === 'voice' && minutes !== null) record.minutes = (record.minutes ?? 0) + minutes;
  }
  sums.finish(ATT_DETAIL_WITH_SUMMARY);
  return firstAlone;
}
