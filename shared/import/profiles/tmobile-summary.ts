/**
 * T-Mobile for Business summary export, whose columns mirror the PDF summary:
 * `Wireless Number, Plan, User Name, Plans, Usage charges, Equipment, Services, One-time charges,
 * Taxes & Fees, Total`. The summary itself names no account or invoice; real exports usually add
 * `Account Number`, `Invoice Number` and `Bill Cycle Date` (`Jul 12, 2023 - Aug 11, 2023`). When
 * the account or the date is missing the user is asked (`needs-invoice-details`), never guessed.
 * Read with the detail export of the same bill (`tmobile.ts`), it is that invoice's cross-check,
 * never more charges; a summary naming no invoice number takes the detail's of its account and date.
 */
import type { DateRange, IsoDate } from '../../dates';
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { cents, formatCents } from '../../money/cents';
import { ABSENT, CellReader, extrasFromCells } from '../cells';
import type { DraftChargeLine, DraftInvoice } from '../draft';
import { invoiceKey } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { col, presentIndexes } from './columns';
import { startAccountRow } from './rows';
import {
  madeUpNumber,
  SUMMARY_PART,
  TMOBILE_CARRIER as CARRIER,
  type TmobileViews,
} from './tmobile-views';
import type { InvoiceDetailField, InvoiceDetails, ProfileTable, TableLayout } from './types';

/** The id and name of a draft read from summary files alone (see `tmobile.ts`). */
export const SUMMARY_PROFILE_ID = 'tmobile-summary';
export const SUMMARY_LAYOUT_NAME = 'T-Mobile for Business — summary';

/** Why a summary is asked for its account and bill date. */
export const SUMMARY_DETAILS_NOTE =
  'This T-Mobile summary export does not say which invoice it is: give what the printed bill shows; it applies to every line of the file.';

/**
 * Charge columns and their categories. `Services` are monthly add-on features (recurring);
 * `Taxes & Fees` lumps taxes with regulatory fees and is filed as tax, as T-Mobile prints it.
 */
const CHARGE_COLUMNS: readonly { field: string; header: string; category: ChargeCategory }[] = [
  { field: 'plans', header: 'Plans', category: 'recurring' },
  { field: 'usage', header: 'Usage charges', category: 'usage' },
  { field: 'equipment', header: 'Equipment', category: 'equipment' },
  { field: 'services', header: 'Services', category: 'recurring' },
  { field: 'oneTime', header: 'One-time charges', category: 'one-time' },
  { field: 'taxesFees', header: 'Taxes & Fees', category: 'tax' },
];

export const SUMMARY_LAYOUT: TableLayout = {
  kind: 'summary',
  name: SUMMARY_LAYOUT_NAME,
  columns: {
    accountNumber: { aliases: ['Account Number', 'Account', 'BAN'] },
    invoiceNumber: { aliases: ['Invoice Number', 'Invoice'] },
    billCycleDate: { aliases: ['Bill Cycle Date', 'Bill Cycle', 'Invoice Date', 'Bill Date'] },
    wirelessNumber: { aliases: ['Wireless Number', 'Phone Number'], required: true },
    plan: { aliases: ['Plan'] },
    userName: { aliases: ['User Name'] },
    ...Object.fromEntries(
      CHARGE_COLUMNS.map(({ field, header }) => [field, { aliases: [header], required: true }]),
    ),
    total: { aliases: ['Total'], required: true },
  },
};

/** A cell holding a range (`Jul 12, 2023 - Aug 11, 2023`) rather than one date. */
const RANGE = /\s[-–]\s?|\s?[-–]\s/;

/** What a summary file lacks to name its invoice, and the user has not given. */
export function missingSummaryDetails(
  table: ProfileTable,
  details: InvoiceDetails | undefined,
): InvoiceDetailField[] {
  const missing: InvoiceDetailField[] = [];
  if (col(table.columns, 'accountNumber') === ABSENT && !details?.accountNumber) {
    missing.push('accountNumber');
  }
  if (col(table.columns, 'billCycleDate') === ABSENT && details?.invoiceDate === undefined) {
    missing.push('invoiceDate');
  }
  return missing;
}

/** The bill date of a row: the end of the cycle range, or the date itself, or the user's. */
function readCycle(
  cells: CellReader,
  index: number,
  details: InvoiceDetails | undefined,
): { invoiceDate: IsoDate | null; period: DateRange | null } {
  if (index === ABSENT) return { invoiceDate: details?.invoiceDate ?? null, period: null };
  if (RANGE.test(cells.text(index))) {
    const period = cells.dateRange(index, 'MDY');
    return { invoiceDate: period?.end ?? null, period };
  }
  return { invoiceDate: cells.date(index, 'MDY'), period: null };
}

/**
 * Reads one summary file into `draft`: each charge column of a row a line, unless the detail of
 * the same pick bills the row's invoice (then the row is its cross-check, see `TmobileViews`).
 */
export function readSummaryTable(
  table: ProfileTable,
  details: InvoiceDetails | undefined,
  draft: DraftBuilder,
  views: TmobileViews,
): void {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft);
  const identifying = presentIndexes(c, [
    'accountNumber',
    'invoiceNumber',
    'wirelessNumber',
    'plan',
    'userName',
  ]);
  const chargeIndexes = CHARGE_COLUMNS.map((charge) => col(c, charge.field));
  cells.amountIndexes = chargeIndexes.filter((i) => i >= 0);
  const extraIndexes = presentIndexes(c, ['userName', 'plan']);
  const amounts: (Cents | null)[] = new Array<Cents | null>(CHARGE_COLUMNS.length).fill(null);

  for (const row of table.rows) {
    const accountNumber = startAccountRow(
      table,
      row,
      draft,
      cells,
      identifying,
      details?.accountNumber ?? '',
    );
    if (accountNumber === null) continue;
    const { invoiceDate, period } = readCycle(cells, col(c, 'billCycleDate'), details);
    if (invoiceDate === null && !cells.failed) {
      cells.reject(col(c, 'billCycleDate'), 'the bill cycle date is blank.');
    }
    let sum = 0;
    for (let i = 0; i < chargeIndexes.length; i += 1) {
      const amount = cells.cents(chargeIndexes[i] ?? ABSENT);
      amounts[i] = amount;
      sum += amount ?? 0;
    }
    const total = cells.cents(col(c, 'total'));
    if (cells.failed || invoiceDate === null) continue;
    if (total !== null && total !== sum) {
      cells.rejectRow(
        `the charge columns add up to ${formatCents(cents(sum))} but "Total" says ${formatCents(total)}; the row is not imported so the invoice total stays right.`,
      );
      continue;
    }

    const invoiceNumber =
      cells.identifier(col(c, 'invoiceNumber')) ||
      details?.invoiceNumber ||
      views.invoiceNumberOf(accountNumber, invoiceDate) ||
      madeUpNumber({ accountNumber, invoiceDate });
    const serviceIdRaw = cells.identifier(col(c, 'wirelessNumber'));
    const source = { sourceFile: table.fileName, sourceRow: row.line };
    const service = { key: draft.serviceKey(serviceIdRaw), label: serviceIdRaw };
    const key = invoiceKey(CARRIER, accountNumber, invoiceNumber);
    if (views.takenAsCrossCheck(key, source, service, cents(sum))) continue;
    const invoiceFields: Omit<DraftInvoice, 'key'> = {
      carrierName: CARRIER,
      accountNumber,
      invoiceNumber,
      invoiceDate,
      statedTotal: null,
      sourceFile: table.fileName,
    };
    if (period !== null) {
      invoiceFields.periodStart = period.start;
      invoiceFields.periodEnd = period.end;
    }
    // A summary is its own kind of part: the detail imported later completes it (see `tmobile.ts`).
    const invoice = draft.invoicePart(invoiceFields, SUMMARY_PART, row.line, true);
    if (invoice === null) continue;
    const extras = extrasFromCells(row.cells, table.header, extraIndexes);
    const more: Pick<DraftChargeLine, 'quantity' | 'extras'> =
      extras === undefined ? { quantity: null } : { quantity: null, extras };
    for (let i = 0; i < CHARGE_COLUMNS.length; i += 1) {
      const amount = amounts[i];
      const charge = CHARGE_COLUMNS[i];
      if (amount === null || amount === undefined || amount === 0 || charge === undefined) continue;
      const description = table.header[chargeIndexes[i] ?? 0] ?? charge.header;
      draft.line(invoice, source, serviceIdRaw, description, charge.category, amount, more);
    }
  }
}
