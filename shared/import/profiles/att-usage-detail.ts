/**
 * AT&T Mobility usage detail ("ADE"): one row per call, text or data session,
 * `Foundation account, Account number, Wireless number, Market cycle end date, …, Minutes usage,
 * KB usage, Total number of events, MSG sent to, MSG received from, Total charges, Source, …`.
 * It holds usage only (its charges are already on the bill), so it is read with the Premier
 * billing summary report of the same account and cycle, in the same pick: each wireless number's
 * minutes, KB and messages over the cycle make one usage record of that invoice. Minutes are whole
 * numbers or `m:ss`; KB are kilobytes (`"2,393"`); messages are the events of messaging rows.
 * Columns the layout does not name (the customer's own) are ignored.
 */
import type { IsoDate } from '../../dates';
import { isoMonthOf } from '../../dates';
import { ABSENT, CellReader } from '../cells';
import type { DraftInvoice } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { bellMinutes } from './bell-cells';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import type { ProfileTable, TableLayout } from './types';
import { UsageSums } from './usage-sums';

export const ATT_USAGE_DETAIL: TableLayout = {
  kind: 'usage-detail',
  columns: {
    foundationAccount: { aliases: ['Foundation account'] },
    accountNumber: { aliases: ['Account number'], required: true },
    wirelessNumber: { aliases: ['Wireless number'], required: true },
    marketCycleEndDate: { aliases: ['Market cycle end date'], required: true },
    date: { aliases: ['Date'] },
    chargeDescription: { aliases: ['Charge description'] },
    minutes: { aliases: ['Minutes usage'], required: true },
    kb: { aliases: ['KB usage'], required: true },
    events: { aliases: ['Total number of events'], required: true },
    msgSentTo: { aliases: ['MSG sent to'] },
    msgReceivedFrom: { aliases: ['MSG received from'] },
    totalCharges: { aliases: ['Total charges'] },
    source: { aliases: ['Source'] },
  },
};

/** Rows that are texts (their events are messages), by `Source` or `Charge description`. */
const MESSAGING = /\b(?:messaging|message|sms|mms|text)/i;

/** The sentence for usage detail (or a pooling report) whose bill is not in the pick. */
export function attDetailAlone(
  accountNumber: string,
  cycleEnd: IsoDate,
  report = 'AT&T usage detail',
): string {
  return `${report} holds usage only: import it together with the AT&T Premier billing summary report of account ${accountNumber} for the cycle ending ${cycleEnd} (the bill its usage belongs to).`;
}

export const ATT_DETAIL_WITH_SUMMARY =
  'the usage of these lines is already read from the billing summary report of the same invoice (its Total minutes, KB and messages count the same use).';

/** Minutes of a cell: a whole or decimal number, or `m:ss`; null when blank or absent. */
function minutesOf(cells: CellReader, index: number, raw: string): number | null {
  if (index === ABSENT) return null;
  return raw.includes(':') ? bellMinutes(cells, index) : cells.quantity(index);
}

/** The summary invoice of an account whose cycle ends (or is billed) on `cycleEnd`. */
export function invoiceFor(
  draft: DraftBuilder,
  accountNumber: string,
  cycleEnd: IsoDate,
): DraftInvoice | undefined {
  for (const invoice of draft.invoices.values()) {
    if (invoice.accountNumber !== accountNumber) continue;
    if (invoice.periodEnd === cycleEnd || invoice.invoiceDate === cycleEnd) return invoice;
  }
  return undefined;
}

/**
 * Sums a usage detail file into usage records of the invoices already read from summary files.
 * Lines whose usage the summary already gives are left as the summary says. A row whose bill is
 * not in the pick is an unread row saying which report to import with it; the first such
 * sentence is returned (null when every row found its bill).
 */
export function readAttUsageDetail(table: ProfileTable, draft: DraftBuilder): string | null {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, ['accountNumber', 'wirelessNumber']);
  const sums = new UsageSums(draft, table.fileName);
  let firstAlone: string | null = null;
  // Without a Source or Charge description column, texts cannot be told apart: messages unknown.
  const messagesKnown = col(c, 'source') !== ABSENT || col(c, 'chargeDescription') !== ABSENT;
  for (const row of table.rows) {
    const accountNumber = startAccountRow(table, row, draft, cells, identifying);
    if (accountNumber === null) continue;
    const wireless = cells.identifier(col(c, 'wirelessNumber'));
    if (wireless === '' && !cells.failed) {
      cells.reject(col(c, 'wirelessNumber'), 'the wireless number is blank.');
    }
    const cycleEnd = cells.date(col(c, 'marketCycleEndDate'), 'MDY');
    if (cycleEnd === null && !cells.failed) {
      cells.reject(col(c, 'marketCycleEndDate'), 'the market cycle end date is blank.');
    }
    const minutesIndex = col(c, 'minutes');
    const minutes = minutesOf(cells, minutesIndex, (row.cells[minutesIndex] ?? '').trim());
    const kb = cells.quantity(col(c, 'kb'));
    const events = cells.quantity(col(c, 'events'));
    if (cells.failed || cycleEnd === null) continue;
    const invoice = invoiceFor(draft, accountNumber, cycleEnd);
    if (invoice === undefined) {
      const sentence = attDetailAlone(accountNumber, cycleEnd);
      firstAlone ??= sentence;
      cells.rejectRow(sentence);
      continue;
    }
    // The detail lists every call, text and session of the cycle: none listed is zero use.
    const start = { minutes: 0, messages: messagesKnown ? 0 : null, dataKb: 0 };
    const record = sums.recordOf(invoice, wireless, isoMonthOf(cycleEnd), start, row.line);
    if (record === null) continue;
    const kind = `${cells.text(col(c, 'source'))} ${cells.text(col(c, 'chargeDescription'))}`;
    if (messagesKnown && MESSAGING.test(kind))
      record.messages = (record.messages ?? 0) + (events ?? 0);
    record.minutes = (record.minutes ?? 0) + (minutes ?? 0);
    record.dataKb = (record.dataKb ?? 0) + (kb ?? 0);
  }
  for (const record of sums.records.values()) {
    record.minutes = record.minutes === null ? null : Math.round(record.minutes * 100) / 100;
    record.dataKb = record.dataKb === null ? null : Math.round(record.dataKb);
  }
  sums.finish(ATT_DETAIL_WITH_SUMMARY);
  return firstAlone;
}
