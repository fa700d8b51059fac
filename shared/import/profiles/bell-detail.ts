/**
 * Bell Mobility DTL (call and session detail): summed into one usage record per mobile line per
 * invoice month. Its charges are already in the MOB and ACC totals, so none becomes a charge line;
 * when the MOB file of the same invoice gives the line's usage, DTL is not read again.
 */
import { isoMonthOf } from '../../dates';
import { CellReader } from '../cells';
import type { DraftUsage } from '../draft';
import { invoiceKey, partsOf } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { BELL_CARRIER, bellInvoice, bellMinutes, readBellMobileKey } from './bell-cells';
import { BELL_LINE_IDENTIFYING, BELL_LINE_LABELS, BELL_MOB } from './bell-columns';
import { col, presentIndexes } from './columns';
import { skippedSummaryRow } from './rows';
import type { ProfileTable } from './types';
import { pushAll } from '../../arrays';

const KB_PER_MB = 1024;
const MESSAGE = /\b(?:sms|mms|text|message|texto)/i;

export const DTL_WITH_MOB =
  'its usage is already read from the MOB file of the same invoice (the MOB summary and this call detail count the same calls).';
export const DTL_ALONE =
  'call detail is read with the ACC or MOB file of the same invoice (same account and invoice date); import them together.';

/** Sums a DTL file's rows into usage records of the invoices read from ACC or MOB files. */
export function readBellDetail(table: ProfileTable, draft: DraftBuilder): void {
  const cells = new CellReader(table.fileName, table.header, draft);
  const c = table.columns;
  const records = new Map<string, DraftUsage>();
  const notes = new Set<string>();
  const identifying = presentIndexes(c, BELL_LINE_IDENTIFYING);
  const labels = presentIndexes(c, BELL_LINE_LABELS);
  for (const row of table.rows) {
    draft.rowsRead += 1;
    if (skippedSummaryRow(table, row, draft, identifying, labels)) continue;
    cells.startRow(row.line, row.cells);
    const key = readBellMobileKey(cells, table);
    const minutes = bellMinutes(cells, col(c, 'duration'));
    const dataMb = cells.quantity(col(c, 'dataMb'));
    if (key === null || cells.failed) continue;
    const drafted = bellInvoice(key.accountNumber, key.invoiceDate, null, table.fileName);
    const invoice = draft.invoices.get(
      invoiceKey(BELL_CARRIER, drafted.accountNumber, drafted.invoiceNumber),
    );
    if (invoice === undefined) {
      notes.add(DTL_ALONE);
      continue;
    }
    if (partsOf(invoice).some((part) => part.kind === BELL_MOB.kind)) {
      notes.add(DTL_WITH_MOB);
      continue;
    }
    const serviceKey = draft.serviceKey(key.mobile);
    if (serviceKey === null) continue;
    const recordKey = `${invoice.key}\u0000${serviceKey}`;
    let record = records.get(recordKey);
    if (record === undefined) {
      record = {
        invoiceKey: invoice.key,
        serviceIdRaw: key.mobile,
        serviceKey,
        month: isoMonthOf(key.invoiceDate),
        // Call detail lists calls and texts; data is known only once a data volume appears.
        minutes: 0,
        messages: 0,
        dataKb: null,
        sourceFile: table.fileName,
        sourceRow: row.line,
      };
      records.set(recordKey, record);
    }
    const kind = `${cells.text(col(c, 'eventType'))} ${cells.text(col(c, 'description'))}`;
    if (MESSAGE.test(kind)) record.messages = (record.messages ?? 0) + 1;
    else record.minutes = (record.minutes ?? 0) + (minutes ?? 0);
    if (dataMb !== null) record.dataKb = (record.dataKb ?? 0) + Math.round(dataMb * KB_PER_MB);
  }
  pushAll(draft.usage, records.values());
  for (const reason of notes) draft.ignoredFiles.push({ sourceFile: table.fileName, reason });
}
