/**
 * Verizon Wireless "Raw Data Download": a ZIP of tab-delimited files. Two are read:
 * - Account & Wireless Summary (one row per line per cycle): its charge columns become one charge
 *   line each, its usage columns one usage record;
 * - AccountSummary (one row per account per cycle): the invoice's stated total and its late fee.
 * The usage-detail files are recognised and left out: their charges are already in the summary.
 */
import { detachStoredInvoices, seedStoredInvoices } from '../stored-usage';
import type { IsoDate } from '../../dates';
import { isoMonthOf } from '../../dates';
import type { ChargeCategory, InvoiceBalance } from '../../model';
import type { Cents } from '../../money/cents';
import { cents, formatCents, subtractCents } from '../../money/cents';
import { CellReader, extrasFromCells } from '../cells';
import type { DraftInvoice } from '../draft';
import { DraftBuilder } from '../draft-builder';
import { summaryRowReason } from '../summary-rows';
import { col, presentIndexes } from './columns';
import { readVerizonChargesDetail, VERIZON_CHARGES_DETAIL } from './verizon-charges-detail';
import { readLineUsage } from './verizon-line-usage';
import { readVerizonUsageDetail, VERIZON_USAGE_DETAIL } from './verizon-usage-detail';
import type { CarrierProfile, ProfileTable, TableLayout } from './types';

const CARRIER = 'Verizon Wireless';

/** Columns both summary files share. */
const INVOICE_COLUMNS = {
  billCycleDate: { aliases: ['Bill Cycle Date'], required: true },
  accountNumber: { aliases: ['Account Number'], required: true },
  dateDue: { aliases: ['Date Due'] },
  invoiceNumber: { aliases: ['Invoice Number'], required: true },
  billPeriod: { aliases: ['Bill Period'] },
} as const;

/**
 * The summary's charge columns and the category each becomes. All are required: a renamed charge
 * column must stop the import (and show the drift) rather than silently drop money.
 */
const CHARGE_COLUMNS: readonly { field: string; header: string; category: ChargeCategory }[] = [
  { field: 'accountCharges', header: 'Account Charges and Credits', category: 'adjustment' },
  { field: 'monthly', header: 'Monthly Charges', category: 'recurring' },
  { field: 'usage', header: 'Usage and Purchase Charges', category: 'usage' },
  { field: 'equipment', header: 'Equipment Charges', category: 'equipment' },
  {
    field: 'surcharges',
    header: 'Total Surcharges and Other Charges and Credits',
    category: 'surcharge',
  },
  { field: 'taxes', header: 'Taxes, Governmental Surcharges and Fees', category: 'tax' },
  { field: 'thirdParty', header: 'Third Party Charges', category: 'third-party' },
];

/** Columns kept as line extras (shown in the line's detail, used for allocation hints). */
const EXTRA_FIELDS = ['userName', 'costCenter', 'userId', 'callingPlan', 'ecpd'];

const WIRELESS_SUMMARY: TableLayout = {
  kind: 'wireless-summary',
  columns: {
    ecpd: { aliases: ['ECPD Profile ID'] },
    ...INVOICE_COLUMNS,
    wirelessNumber: { aliases: ['Wireless Number'], required: true },
    userName: { aliases: ['User Name'] },
    costCenter: { aliases: ['Cost Center'] },
    userId: { aliases: ['User ID'] },
    callingPlan: { aliases: ['Your Calling Plan'] },
    ...Object.fromEntries(
      CHARGE_COLUMNS.map(({ field, header }) => [field, { aliases: [header], required: true }]),
    ),
    totalCharges: { aliases: ['Total Charges'], required: true },
    voiceMinutes: { aliases: ['Voice Plan Usage'] },
    messages: { aliases: ['Messaging Usage'] },
    dataKb: { aliases: ['Data Usage (KB)'] },
    dataMb: { aliases: ['Data Usage (MB)'] },
    dataGb: { aliases: ['Data Usage (GB)'] },
    roamingMinutes: { aliases: ['Voice Roaming'] },
    roamingMessages: { aliases: ['Messaging Roaming'] },
    roamingKb: { aliases: ['Data Roaming (KB)'] },
    roamingMb: { aliases: ['Data Roaming (MB)'] },
    roamingGb: { aliases: ['Data Roaming (GB)'] },
  },
  // An exporter may end a line's row after `Total Charges` when it has no usage.
  leftOutWhenBlank: [
    'voiceMinutes',
    'messages',
    'dataKb',
    'dataMb',
    'dataGb',
    'roamingMinutes',
    'roamingMessages',
    'roamingKb',
    'roamingMb',
    'roamingGb',
  ],
};

const ACCOUNT_SUMMARY: TableLayout = {
  kind: 'account-summary',
  columns: {
    ...INVOICE_COLUMNS,
    billName: { aliases: ['Bill Name'] },
    previousBalance: { aliases: ['Previous Balance'] },
    payments: { aliases: ['Payments'] },
    adjustments: { aliases: ['Adjustments'] },
    balanceForward: { aliases: ['Balance Forward'] },
    lateFee: { aliases: ['Late Fee'] },
    totalCurrentCharges: { aliases: ['Total Current Charges'], required: true },
    totalAmountDue: { aliases: ['Total Amount Due'] },
    remittanceAddress: { aliases: ['Remittance Address'] },
  },
};

const CHARGES_DETAIL = VERIZON_CHARGES_DETAIL;
const USAGE_DETAIL = VERIZON_USAGE_DETAIL;

/** Header fields of a row that both summary files share, read once per row. */
interface InvoiceFields {
  invoiceDate: IsoDate | null;
  accountNumber: string;
  invoiceNumber: string;
  dueDate: IsoDate | null;
  period: { start: IsoDate; end: IsoDate } | null;
}

function readInvoiceFields(cells: CellReader, table: ProfileTable): InvoiceFields {
  const c = table.columns;
  const invoiceDate = cells.date(col(c, 'billCycleDate'), 'MDY');
  const accountNumber = cells.identifier(col(c, 'accountNumber'));
  const invoiceNumber = cells.identifier(col(c, 'invoiceNumber'));
  if (accountNumber === '') cells.reject(col(c, 'accountNumber'), 'the account number is blank.');
  if (invoiceNumber === '') cells.reject(col(c, 'invoiceNumber'), 'the invoice number is blank.');
  if (invoiceDate === null && !cells.failed) {
    cells.reject(col(c, 'billCycleDate'), 'the bill cycle date is blank.');
  }
  const dueDate = cells.date(col(c, 'dateDue'), 'MDY');
  // The period has no year: it ends on or before the bill cycle date.
  const period =
    invoiceDate === null ? null : cells.dateRange(col(c, 'billPeriod'), 'MDY', invoiceDate);
  return { invoiceDate, accountNumber, invoiceNumber, dueDate, period };
}

/** The invoice of a row of one of the two summary files, or null when the file is a copy. */
function addInvoice(
  draft: DraftBuilder,
  fields: InvoiceFields,
  invoiceDate: IsoDate,
  statedTotal: Cents | null,
  table: ProfileTable,
  row: number,
  stated: { balance?: InvoiceBalance | undefined; remitTo?: string } = {},
): DraftInvoice | null {
  const { balance, remitTo } = stated;
  const sourceFile = table.fileName;
  const invoice: Omit<DraftInvoice, 'key'> = {
    carrierName: CARRIER,
    accountNumber: fields.accountNumber,
    invoiceNumber: fields.invoiceNumber,
    invoiceDate,
    statedTotal,
    sourceFile,
  };
  if (fields.dueDate !== null) invoice.dueDate = fields.dueDate;
  if (balance !== undefined) invoice.balance = balance;
  if (remitTo !== undefined && remitTo !== '') invoice.remitTo = remitTo;
  if (fields.period !== null) {
    invoice.periodStart = fields.period.start;
    invoice.periodEnd = fields.period.end;
  }
  // A second line summary of an invoice is judged by its lines: the same lines are a copy, other
  // lines a part (a download whose lines come in two files). A second account summary has no
  // lines to tell: a copy.
  return draft.invoicePart(invoice, table.layout.kind, row, table.layout === WIRELESS_SUMMARY);
}

/** The AccountSummary's balance: previous balance, payments, adjustments, forward and due. */
function readBalance(cells: CellReader, c: ProfileTable['columns']): InvoiceBalance | undefined {
  const amountDue = cells.cents(col(c, 'totalAmountDue'));
  if (amountDue === null) return undefined;
  const balance: InvoiceBalance = { amountDue };
  const previousBalance = cells.cents(col(c, 'previousBalance'));
  const payments = cells.cents(col(c, 'payments'));
  const adjustments = cells.cents(col(c, 'adjustments'));
  const balanceForward = cells.cents(col(c, 'balanceForward'));
  if (previousBalance !== null) balance.previousBalance = previousBalance;
  if (payments !== null) balance.payments = payments;
  if (adjustments !== null) balance.adjustments = adjustments;
  if (balanceForward !== null) balance.balanceForward = balanceForward;
  return balance;
}

interface LateFee {
  invoice: DraftInvoice;
  amount: Cents;
  sourceFile: string;
  row: number;
}

function readAccountSummary(table: ProfileTable, draft: DraftBuilder, lateFees: LateFee[]): void {
  const cells = new CellReader(table.fileName, table.header, draft);
  const c = table.columns;
  const identifying = presentIndexes(c, ['accountNumber', 'invoiceNumber']);
  // A total row may repeat the account and invoice, its label where the bill's name goes. Only a
  // row repeating them is one: the first row of an invoice is its own, whatever the name on the
  // bill reads (a company called `Total-Tel USA`).
  const labels = presentIndexes(c, ['billName']);
  const seen = new Set<string>();
  for (const row of table.rows) {
    draft.rowsRead += 1;
    const invoiceCells = identifying.map((index) => (row.cells[index] ?? '').trim()).join('\t');
    const repeated = seen.has(invoiceCells);
    seen.add(invoiceCells);
    const summary = summaryRowReason(row.cells, identifying, repeated ? labels : []);
    if (summary !== null) {
      draft.skip(table.fileName, row.line, `Not imported: ${summary}`);
      continue;
    }
    cells.startRow(row.line, row.cells);
    const fields = readInvoiceFields(cells, table);
    const total = cells.cents(col(c, 'totalCurrentCharges'));
    const lateFee = cells.cents(col(c, 'lateFee'));
    const balance = readBalance(cells, c);
    // Where the bill is paid: the payment file's "Remit to".
    const remitTo = cells.text(col(c, 'remittanceAddress'));
    if (cells.failed || fields.invoiceDate === null) continue;
    const invoice = addInvoice(draft, fields, fields.invoiceDate, total, table, row.line, {
      balance,
      remitTo,
    });
    if (invoice === null) continue;
    draft.statedAt.set(invoice.key, { sourceFile: table.fileName, row: row.line });
    if (lateFee !== null && lateFee !== 0) {
      lateFees.push({ invoice, amount: lateFee, sourceFile: table.fileName, row: row.line });
    }
  }
}

function readWirelessSummary(table: ProfileTable, draft: DraftBuilder): void {
  const cells = new CellReader(table.fileName, table.header, draft);
  const c = table.columns;
  const identifying = presentIndexes(c, ['accountNumber', 'invoiceNumber']);
  // A total row may repeat the account and invoice, its label where a line's number or user goes;
  // a row naming its wireless number (or N/A) is that line's, whatever its names read.
  const labels = {
    labels: presentIndexes(c, ['wirelessNumber', 'userName', 'costCenter', 'callingPlan']),
    lines: presentIndexes(c, ['wirelessNumber']),
  };
  const chargeIndexes = CHARGE_COLUMNS.map((charge) => col(c, charge.field));
  cells.amountIndexes = chargeIndexes.filter((i) => i >= 0);
  const extraIndexes = presentIndexes(c, EXTRA_FIELDS);
  const amounts: (Cents | null)[] = new Array<Cents | null>(CHARGE_COLUMNS.length).fill(null);

  for (const row of table.rows) {
    draft.rowsRead += 1;
    const summary = summaryRowReason(row.cells, identifying, labels);
    if (summary !== null) {
      draft.skip(table.fileName, row.line, `Not imported: ${summary}`);
      continue;
    }
    cells.startRow(row.line, row.cells);
    const fields = readInvoiceFields(cells, table);
    let sum = 0;
    for (let i = 0; i < chargeIndexes.length; i += 1) {
      const amount = cells.cents(chargeIndexes[i] ?? -1);
      amounts[i] = amount;
      sum += amount ?? 0;
    }
    const total = cells.cents(col(c, 'totalCharges'));
    const usage = readLineUsage(cells, c);
    if (cells.failed || fields.invoiceDate === null) continue;
    if (total !== null && total !== sum) {
      cells.rejectRow(
        `the charge columns add up to ${formatCents(cents(sum))} but "Total Charges" says ${formatCents(total)}; the row is not imported so the invoice total stays right.`,
      );
      continue;
    }

    const invoice = addInvoice(draft, fields, fields.invoiceDate, null, table, row.line);
    if (invoice === null) continue;
    const wireless = cells.identifier(col(c, 'wirelessNumber'));
    // `N/A` marks account-level charges (adjustments, account fees) in Verizon's files.
    const serviceIdRaw =
      wireless === '' || (wireless.length <= 3 && wireless.toUpperCase() === 'N/A') ? '' : wireless;
    const extras = extrasFromCells(row.cells, table.header, extraIndexes);
    const source = { sourceFile: table.fileName, sourceRow: row.line };
    const more = extras === undefined ? { quantity: null } : { quantity: null, extras };
    for (let i = 0; i < CHARGE_COLUMNS.length; i += 1) {
      const amount = amounts[i];
      const charge = CHARGE_COLUMNS[i];
      if (amount === null || amount === undefined || amount === 0 || charge === undefined) continue;
      const category: ChargeCategory =
        charge.category === 'adjustment' && amount < 0 ? 'credit' : charge.category;
      const description = table.header[chargeIndexes[i] ?? 0] ?? charge.header;
      draft.line(invoice, source, serviceIdRaw, description, category, amount, more);
    }
    const serviceKey = draft.serviceKey(serviceIdRaw);
    if (usage !== null && serviceKey !== null) {
      draft.usage.push({
        invoiceKey: invoice.key,
        serviceIdRaw,
        serviceKey,
        month: isoMonthOf(fields.invoiceDate),
        ...usage,
        sourceFile: table.fileName,
        sourceRow: row.line,
      });
    }
  }
}

/**
 * Places each AccountSummary late fee. Verizon includes it in the account-level "Account Charges
 * and Credits" of the N/A row, so the fee is carved out of that adjustment (the total stays right,
 * the fee gets its own category). It is added as its own account-level line only where no such
 * row could hold it, or where the lines fall short of the stated total by exactly the fee. Lines
 * that do not add up for another reason (a line row missing or refused) do not make the fee
 * count twice: the stated total check then names the gap those lines leave.
 */
function placeLateFees(draft: DraftBuilder, lateFees: readonly LateFee[]): void {
  for (const fee of lateFees) {
    const invoiceLines = draft.linesOf(fee.invoice.key);
    const linesTotal = invoiceLines.reduce((sum, { line }) => sum + line.amount, 0);
    // The N/A row nets the fee with the account's credits (a $203.64 credit and a $225.64 fee
    // show as $22.00), so any account-level adjustment may hold it, whatever its sign or size.
    const accountAdjustment = invoiceLines.find(
      ({ line }) =>
        line.serviceIdRaw === '' && (line.category === 'adjustment' || line.category === 'credit'),
    );
    const stated = fee.invoice.statedTotal;
    const feeLeftOut =
      stated !== null && linesTotal !== stated && linesTotal + fee.amount === stated;
    const alreadyIncluded = stated !== null && linesTotal === stated;
    if (!feeLeftOut && accountAdjustment !== undefined) {
      const { at, line } = accountAdjustment;
      const rest = subtractCents(line.amount, fee.amount);
      if (rest === 0) {
        draft.changeLine(at, {
          amount: line.amount,
          category: 'late-fee',
          description: 'Late Fee',
        });
        continue;
      }
      draft.changeLine(at, {
        amount: rest,
        category: rest < 0 ? 'credit' : 'adjustment',
        description: line.description,
      });
    } else if (alreadyIncluded) {
      // The lines add up without the fee, and no row could hold it: adding it would misstate the
      // bill. The warning on the stated total would be wrong too, so keep the fee as information.
      draft.warnings.push({
        sourceFile: fee.sourceFile,
        row: fee.row,
        column: 'Late Fee',
        message: `Invoice ${fee.invoice.invoiceNumber}: the AccountSummary shows a late fee of ${formatCents(fee.amount)} that no charge row holds; it is not added.`,
      });
      continue;
    }
    const source = { sourceFile: fee.sourceFile, sourceRow: fee.row };
    draft.line(fee.invoice, source, '', 'Late Fee', 'late-fee', fee.amount);
  }
}

const PROFILE_ID = 'verizon-raw-data';
const LAYOUT_NAME = 'Verizon Wireless — Raw Data Download';

export const verizonRawData: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: CARRIER,
  layoutName: LAYOUT_NAME,
  dateOrder: 'MDY',
  layouts: [WIRELESS_SUMMARY, ACCOUNT_SUMMARY, CHARGES_DETAIL, USAGE_DETAIL],
  read(tables, context) {
    const draft = new DraftBuilder();
    const lateFees: LateFee[] = [];
    // AccountSummary first, so invoices carry the stated total and its file.
    for (const table of tables) {
      if (table.layout === ACCOUNT_SUMMARY) readAccountSummary(table, draft, lateFees);
    }
    for (const table of tables) {
      if (table.layout === WIRELESS_SUMMARY) readWirelessSummary(table, draft);
    }
    // Copies of a line summary leave before the late fee is carved out of the lines.
    draft.settleParts();
    placeLateFees(draft, lateFees);
    draft.checkStatedTotals();
    let alone: string | null = null;
    seedStoredInvoices(draft, context.storedInvoices, CARRIER);
    // The charges detail's usage rows first (voice, messages and data), then call-by-call minutes.
    for (const table of tables) {
      if (table.layout === CHARGES_DETAIL)
        alone = readVerizonChargesDetail(table, draft, CARRIER) ?? alone;
    }
    for (const table of tables) {
      if (table.layout === USAGE_DETAIL)
        alone = readVerizonUsageDetail(table, draft, CARRIER) ?? alone;
    }
    // Usage with no bill to belong to (in the pick or stored) is refused whole, never dropped.
    return detachStoredInvoices(draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder), alone);
  },
};
