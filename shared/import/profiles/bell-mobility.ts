/**
 * Bell Mobility's CSV exports: ACC (one row per account per invoice), MOB (one row per mobile
 * line) and DTL (one row per call or session). Two header rows, English then French (the table
 * reader skips the second), ISO-8859-1, values padded with spaces.
 *
 * There is no invoice number: an invoice is an account and its invoice date (`Invc Date`). ACC
 * gives the stated total (`Cur Chg Ttl`) and its parts, which add up to it; MOB gives each line's
 * charges and usage. Read together (in one import, or later as companions) they make one invoice:
 * MOB's lines, plus per ACC amount the account-level part no line holds. DTL is usage detail,
 * summed per line for the invoice's month when no MOB row gives the line's usage.
 *
 * Taxes: `HST` is a total and `HST-ON Tel`, `HST-BC Tel`, `HST-PEI Tel` its provinces; only the
 * total is a charge, the breakdown is never added on top.
 */
import { detachStoredInvoices, seedStoredInvoices } from '../stored-usage';
import type { IsoDate } from '../../dates';
import { isoMonthOf } from '../../dates';
import type { Cents } from '../../money/cents';
import { cents, formatCents } from '../../money/cents';
import { addAccountRemainders, BucketTally, type SummaryAmount } from '../account-remainders';
import { CellReader, extrasFromCells } from '../cells';
import type { DraftInvoice } from '../draft';
import { DraftBuilder } from '../draft-builder';
import { readBellDetail } from './bell-detail';
import type { BellCharge } from './bell-columns';
import {
  ACC_CHARGES,
  ACC_LATE_FEE,
  BELL_ACC,
  BELL_DTL,
  BELL_LINE_IDENTIFYING,
  BELL_LINE_LABELS,
  BELL_MOB,
  bellDescription,
  MOB_CHARGES,
  MOB_EXTRA_FIELDS,
} from './bell-columns';
import {
  BELL_CARRIER,
  bellInvoice,
  bellMinutes,
  readBellKey,
  readBellMobileKey,
} from './bell-cells';
import { col, presentIndexes } from './columns';
import { skippedSummaryRow } from './rows';
import { CANADIAN_DOLLARS } from '../bill-currency';
import type { CarrierProfile, ProfileTable } from './types';

const PROFILE_ID = 'bell-mobility';
const LAYOUT_NAME = 'Bell Mobility — account, mobile and call detail files';
const KB_PER_MB = 1024;

/** The amounts of `charges` on the current row, in order (null for blank cells). */
function readAmounts(
  cells: CellReader,
  table: ProfileTable,
  charges: readonly BellCharge[],
): (Cents | null)[] {
  return charges.map((charge) => cells.cents(col(table.columns, charge.field)));
}

function sumOf(amounts: readonly (Cents | null)[]): number {
  return amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
}

const ACC_PARTS =
  'the current charges (monthly, other, usage, long distance, adjustments, discounts and the tax totals GST, HST, QST, PST…)';

/** Rejects a row whose parts do not add up to its stated total. */
function rejectSum(cells: CellReader, parts: string, sum: number, column: string, total: Cents) {
  cells.rejectRow(
    `${parts} add up to ${formatCents(cents(sum))} but "${column}" says ${formatCents(total)}; the row is not imported so the invoice total stays right.`,
  );
}

/** The invoice of a row, as the part its file is (ACC or MOB); null when the file is a copy. */
function bellPart(
  draft: DraftBuilder,
  key: { accountNumber: string; invoiceDate: IsoDate },
  stated: Cents | null,
  table: ProfileTable,
  line: number,
): DraftInvoice | null {
  const invoice = bellInvoice(key.accountNumber, key.invoiceDate, stated, table.fileName);
  return draft.invoicePart(invoice, table.layout.kind, line);
}

interface AccountSummary {
  invoice: DraftInvoice;
  amounts: SummaryAmount[];
  source: { sourceFile: string; sourceRow: number };
}

function readAcc(table: ProfileTable, draft: DraftBuilder, summaries: AccountSummary[]): void {
  const cells = new CellReader(table.fileName, table.header, draft);
  const c = table.columns;
  cells.amountIndexes = presentIndexes(c, ['currentCharges']);
  const identifying = presentIndexes(c, ['accountNumber', 'invoiceDate']);
  for (const row of table.rows) {
    draft.rowsRead += 1;
    if (skippedSummaryRow(table, row, draft, identifying)) continue;
    cells.startRow(row.line, row.cells);
    const key = readBellKey(cells, table);
    const amounts = readAmounts(cells, table, ACC_CHARGES);
    const lateFee = cells.cents(col(c, 'lateFee'));
    const stated = cells.cents(col(c, 'currentCharges'));
    if (key === null || cells.failed) continue;
    if (stated === null) {
      cells.reject(col(c, 'currentCharges'), 'the current charges total is blank.');
      continue;
    }
    const charges = [...ACC_CHARGES];
    let sum = sumOf(amounts);
    // The late payment charge sits with the balances; it is a current charge only when the
    // current charges add up with it.
    if (sum !== stated && lateFee !== null && sum + lateFee === stated) {
      charges.push(ACC_LATE_FEE);
      amounts.push(lateFee);
      sum += lateFee;
    }
    if (sum !== stated) {
      rejectSum(cells, ACC_PARTS, sum, 'Cur Chg Ttl', stated);
      continue;
    }
    const invoice = bellPart(draft, key, stated, table, row.line);
    if (invoice === null) continue;
    draft.statedAt.set(invoice.key, { sourceFile: table.fileName, row: row.line });
    summaries.push({
      invoice,
      amounts: charges.map((charge, i) => ({
        bucket: charge.bucket,
        description: bellDescription(charge, table.header[col(c, charge.field)]),
        category: charge.category,
        amount: amounts[i] ?? cents(0),
      })),
      source: { sourceFile: table.fileName, sourceRow: row.line },
    });
  }
}

function readMob(table: ProfileTable, draft: DraftBuilder, tally: BucketTally): void {
  const cells = new CellReader(table.fileName, table.header, draft);
  const c = table.columns;
  const chargeIndexes = MOB_CHARGES.map((charge) => col(c, charge.field));
  cells.amountIndexes = chargeIndexes;
  const extraIndexes = presentIndexes(c, MOB_EXTRA_FIELDS);
  const identifying = presentIndexes(c, BELL_LINE_IDENTIFYING);
  const labels = presentIndexes(c, BELL_LINE_LABELS);
  for (const row of table.rows) {
    draft.rowsRead += 1;
    if (skippedSummaryRow(table, row, draft, identifying, labels)) continue;
    cells.startRow(row.line, row.cells);
    const key = readBellMobileKey(cells, table);
    const amounts = readAmounts(cells, table, MOB_CHARGES);
    const total = cells.cents(col(c, 'totalCharges'));
    const usage = readMobUsage(cells, table);
    if (key === null || cells.failed) continue;
    const sum = sumOf(amounts);
    if (total !== null && total !== sum) {
      rejectSum(cells, "the line's charges and tax totals", sum, 'Ttl Charges', total);
      continue;
    }
    const invoice = bellPart(draft, key, null, table, row.line);
    if (invoice === null) continue;
    const extras = extrasFromCells(row.cells, table.header, extraIndexes);
    const more = extras === undefined ? { quantity: null } : { quantity: null, extras };
    const source = { sourceFile: table.fileName, sourceRow: row.line };
    MOB_CHARGES.forEach((charge, i) => {
      const amount = amounts[i];
      if (amount === null || amount === undefined) return;
      // Tallied even when zero, so the invoice is known to have line detail.
      tally.add(invoice.key, charge.bucket, amount);
      if (amount === 0) return;
      const category = charge.category === 'adjustment' && amount < 0 ? 'credit' : charge.category;
      const description = bellDescription(charge, table.header[chargeIndexes[i] ?? -1]);
      draft.line(invoice, source, key.mobile, description, category, amount, more);
    });
    const serviceKey = draft.serviceKey(key.mobile);
    if (usage !== null && serviceKey !== null) {
      draft.usage.push({
        invoiceKey: invoice.key,
        serviceIdRaw: key.mobile,
        serviceKey,
        month: isoMonthOf(key.invoiceDate),
        ...usage,
        sourceFile: table.fileName,
        sourceRow: row.line,
      });
    }
  }
}

/** MOB's usage columns: airtime and roaming minutes (`m:ss`), texts, data in MB. */
function readMobUsage(cells: CellReader, table: ProfileTable) {
  const c = table.columns;
  const air = bellMinutes(cells, col(c, 'airDuration'));
  const roaming = bellMinutes(cells, col(c, 'roamingDuration'));
  const messages = cells.quantity(col(c, 'textMessages'));
  const dataMb = cells.quantity(col(c, 'dataMb'));
  const roamingMb = cells.quantity(col(c, 'roamingDataMb'));
  if ([air, roaming, messages, dataMb, roamingMb].every((value) => value === null)) return null;
  const roamingDataKb = Math.round((roamingMb ?? 0) * KB_PER_MB);
  return {
    // A blank usage cell is not known, never zero use (see UsageRecord).
    minutes: air === null && roaming === null ? null : (air ?? 0) + (roaming ?? 0),
    messages,
    dataKb:
      dataMb === null && roamingMb === null
        ? null
        : Math.round((dataMb ?? 0) * KB_PER_MB) + roamingDataKb,
    roamingMinutes: roaming ?? 0,
    roamingDataKb,
  };
}

export const bellMobility: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: BELL_CARRIER,
  layoutName: LAYOUT_NAME,
  dateOrder: 'YMD',
  layouts: [BELL_ACC, BELL_MOB, BELL_DTL],
  // Canadian dollars, written with a bare "$": converted with the rate the import asks.
  currency: CANADIAN_DOLLARS,
  read(tables, context) {
    const draft = new DraftBuilder();
    const summaries: AccountSummary[] = [];
    const tally = new BucketTally();
    for (const table of tables) if (table.layout === BELL_ACC) readAcc(table, draft, summaries);
    for (const table of tables) if (table.layout === BELL_MOB) readMob(table, draft, tally);
    for (const summary of summaries) {
      addAccountRemainders(draft, summary.invoice, summary.amounts, tally, summary.source);
    }
    draft.checkStatedTotals();
    seedStoredInvoices(draft, context.storedInvoices, BELL_CARRIER);
    for (const table of tables) if (table.layout === BELL_DTL) readBellDetail(table, draft);
    return detachStoredInvoices(draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder), null);
  },
};
