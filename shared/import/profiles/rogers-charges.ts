/**
 * Rogers "Cost Centre Detail-Monthly Charges Breakdown" (a custom report of Rogers' business
 * portal, pipe-delimited after a title and a "Months selected:" line): one row per user number
 * per billing period, `Billing Period End Date|Report Level|Billing Account|User Number|User Name|`
 * then one column per kind of charge (`Monthly Service Fee`, `System Access Fee`, `Credits and
 * Discounts`, `US Roaming Long Distance Charge`…), `Subtotal`, `GST|PST|HST|QST` and the row's
 * totals. It has no invoice number (an invoice is the account and the period end, as AT&T
 * Premier's) and no invoice total. Each non-zero charge column is a charge line filed by its
 * name, each tax a tax line; `Subtotal` and the totals are checks, never lines. Dates `MMDDYYYY`.
 * A customer's own columns (`Cost Centre`, `Department`…) are kept as line extras, never charges
 * (see `rogers-columns.ts`).
 */
import type { IsoDate } from '../../dates';
import { isIsoDate } from '../../dates';
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { cents, formatCents } from '../../money/cents';
import { CellReader, extrasFromCells } from '../cells';
import { compactDate } from '../charge-rows';
import { DraftBuilder } from '../draft-builder';
import { col, presentIndexes } from './columns';
import { breakdownColumns, judgedColumnsNote } from './rogers-columns';
import { startAccountRow } from './rows';
import { CANADIAN_DOLLARS } from '../bill-currency';
import type { CarrierProfile, ProfileTable, TableLayout } from './types';

const PROFILE_ID = 'rogers-charges';
const LAYOUT_NAME = 'Rogers — Cost Centre Detail-Monthly Charges Breakdown';
export const ROGERS_CARRIER_NAME = 'Rogers';

const BREAKDOWN: TableLayout = {
  kind: 'charges-breakdown',
  columns: {
    periodEnd: { aliases: ['Billing Period End Date'], required: true },
    reportLevel: { aliases: ['Report Level'] },
    accountNumber: { aliases: ['Billing Account'], required: true },
    userNumber: { aliases: ['User Number'], required: true },
    userName: { aliases: ['User Name'] },
    subtotal: { aliases: ['Subtotal'], required: true },
    gst: { aliases: ['GST'] },
    pst: { aliases: ['PST'] },
    hst: { aliases: ['HST'] },
    qst: { aliases: ['QST'] },
    totalNonTaxable: { aliases: ['Total Current Charges Non-Taxable'] },
    totalTaxable: { aliases: ['Total Current Charges Taxable'] },
    total: { aliases: ['Total Current Charges'], required: true },
  },
};

/** The category of a charge column, by its name. */
export function rogersCategory(name: string): ChargeCategory {
  if (/credit|discount/i.test(name)) return 'credit';
  if (/equipment/i.test(name)) return 'equipment';
  if (/premium services/i.test(name)) return 'third-party';
  if (/\b911\b|system access|regulatory recovery/i.test(name)) return 'surcharge';
  if (/activation|cancellation|upgrade|unlocking|suspension|other charges/i.test(name))
    return 'one-time';
  if (/monthly|value packs|call display|voice mail/i.test(name)) return 'recurring';
  return 'usage';
}

/** `MMDDYYYY` as an ISO date; null when not one. */
function compactMdy(text: string): IsoDate | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (match === null) return null;
  const iso = `${match[3]}-${match[1]}-${match[2]}`;
  return isIsoDate(iso) ? iso : null;
}

const TAXES = ['gst', 'pst', 'hst', 'qst'] as const;

function readBreakdown(table: ProfileTable, draft: DraftBuilder): void {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, ['accountNumber', 'userNumber']);
  // A report's `Total for Cost Center :` may stand in its Report Level or User Name column.
  const labels = presentIndexes(c, ['reportLevel', 'userName']);
  const known = new Set(Object.values(c).filter((index) => index >= 0));
  // The other columns are kinds of charge (the report's vary with what was billed), or the
  // customer's own (`Cost Centre`, `Department`), kept as extras.
  const others = table.header.map((_, i) => i).filter((i) => !known.has(i));
  const columns = breakdownColumns(table.header, table.rows, others, col(c, 'subtotal'));
  const chargeIndexes = columns.charges;
  const rollUps = new RollUps();
  for (const row of table.rows) {
    const accountNumber = startAccountRow(table, row, draft, cells, identifying, '', labels);
    if (accountNumber === null) continue;
    const periodText = cells.text(col(c, 'periodEnd'));
    const periodEnd = compactMdy(periodText);
    if (periodEnd === null && !cells.failed) {
      cells.reject(
        col(c, 'periodEnd'),
        `expected a date like 04202023 (MMDDYYYY) but found "${periodText}".`,
      );
    }
    const charges = chargeIndexes.map((index) => ({ index, amount: cells.cents(index) }));
    const taxes = TAXES.map((tax) => ({ tax, amount: cells.cents(col(c, tax)) }));
    const subtotal = cells.cents(col(c, 'subtotal'));
    const total = cells.cents(col(c, 'total'));
    if (cells.failed || periodEnd === null) continue;
    const chargeSum = charges.reduce((sum, charge) => sum + (charge.amount ?? 0), 0);
    const taxSum = taxes.reduce((sum, tax) => sum + (tax.amount ?? 0), 0);
    const check = (stated: Cents | null, sum: number, name: string) =>
      stated !== null && stated !== sum
        ? `the ${name} add up to ${formatCents(cents(sum))} but the row says ${formatCents(stated)}; the row is not imported so the invoice stays right.`
        : null;
    const problem =
      check(subtotal, chargeSum, 'charge columns') ??
      check(total, chargeSum + taxSum, 'charges and taxes');
    if (problem !== null) {
      cells.rejectRow(problem + judgedColumnsNote(table.header, columns, row.cells));
      continue;
    }
    const number = cells.text(col(c, 'userNumber'));
    const bill = `${accountNumber}\u0000${periodEnd}`;
    const rowTotal = chargeSum + taxSum;
    if (number === '' && rollUps.repeats(bill, rowTotal)) {
      const level = cells.text(col(c, 'reportLevel'));
      const named = level === '' ? 'a roll-up row' : `a "${level}" roll-up row`;
      draft.skip(
        table.fileName,
        row.line,
        `Not imported: ${named} repeating the users' rows above it (${formatCents(cents(rowTotal))} in all), not a charge of its own.`,
      );
      continue;
    }
    rollUps.add(bill, rowTotal, number === '');
    // A second file of the same bill is a copy (the same download picked twice, never billed
    // twice) or another part of it (the report run per cost centre), told by its lines.
    const invoice = draft.invoiceOfFilePart(
      {
        carrierName: ROGERS_CARRIER_NAME,
        accountNumber,
        // No invoice number: the account and the period end identify the bill.
        invoiceNumber: `${accountNumber}-${compactDate(periodEnd)}`,
        invoiceDate: periodEnd,
        periodEnd,
        statedTotal: null,
        sourceFile: table.fileName,
      },
      row.line,
    );
    if (invoice === null) continue;
    const userName = cells.text(col(c, 'userName'));
    const own = extrasFromCells(row.cells, table.header, columns.extras);
    const extras = userName === '' ? own : { userName, ...own };
    const more = extras === undefined ? { quantity: null } : { quantity: null, extras };
    const source = { sourceFile: table.fileName, sourceRow: row.line };
    for (const { index, amount } of charges) {
      if (amount === null || amount === 0) continue;
      const name = table.header[index] ?? '';
      draft.line(invoice, source, number, name, rogersCategory(name), amount, more);
    }
    for (const { tax, amount } of taxes) {
      if (amount === null || amount === 0) continue;
      draft.line(invoice, source, number, tax.toUpperCase(), 'tax', amount, more);
    }
  }
}

/**
 * The rows read so far of each bill (account and period end), to tell a roll-up from a charge. A
 * report run by cost centre may add a row per cost centre, or for the account, with no user
 * number, repeating the users' rows above it (`Cost Centre|800123456|||165|…|200.58`): read as a
 * charge, it billed them twice. A row with no user number is such a roll-up when its total is the
 * users' rows since the last roll-up, or all the bill's users' rows; otherwise it is the account's
 * own charges (a fee billed to the account), read as before.
 */
class RollUps {
  private readonly bills = new Map<string, { since: number; all: number; rows: number }>();

  repeats(bill: string, total: number): boolean {
    const sums = this.bills.get(bill);
    if (sums === undefined || sums.rows === 0 || total === 0) return false;
    if (total !== sums.since && total !== sums.all) return false;
    sums.since = 0;
    return true;
  }

  /** Adds a row read as charges: a user's to the sums; the account's own leaves them be. */
  add(bill: string, total: number, accountLevel: boolean): void {
    if (accountLevel) return;
    const sums = this.bills.get(bill);
    if (sums === undefined) this.bills.set(bill, { since: total, all: total, rows: 1 });
    else {
      sums.since += total;
      sums.all += total;
      sums.rows += 1;
    }
  }
}

export const rogersCharges: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: ROGERS_CARRIER_NAME,
  layoutName: LAYOUT_NAME,
  dateOrder: 'MDY',
  layouts: [BREAKDOWN],
  // Canadian dollars, written with a bare "$": converted with the rate the import asks.
  currency: CANADIAN_DOLLARS,
  read(tables, context) {
    const draft = new DraftBuilder();
    for (const table of tables) readBreakdown(table, draft);
    return draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder);
  },
};
