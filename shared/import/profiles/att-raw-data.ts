/**
 * AT&T Mobility "Raw Data Output": pipe-delimited, about 133 columns, one record type per row in
 * `Section ID`. The rows read:
 * - `BIL` and `IRA` (Billing Entity Level `FAN`): the foundation account (FAN) and its invoice —
 *   number, invoice date, due date, total current charges and amount due. One FAN invoice is one
 *   invoice: it is what gets paid.
 * - `SL` (a line of the printed bill): its path through the bill in `Section_1` … `Section_7`
 *   (`Account Charges › Credits, Adjustments & Other Charges › Equipment Charge › …`), the billing
 *   account (BAN) it belongs to, the wireless number and the amount.
 *
 * Every BAN's `SL` rows become lines of the FAN invoice they follow. The invoice's account is the
 * FAN (what is paid); each line keeps its BAN as its own account (`accountNumber` of the line),
 * which is the account its wireless number is matched in the inventory by and which the
 * wrong-account check compares with. Account-level charges (no wireless number) also name their
 * BAN in their description, for reading.
 *
 * Balances (`Prior Activity`: previous balance, payments) are never charges, nor are total rows
 * (a section's total, and a "Total …" row deeper down whose amount is the sum of the lines above
 * it under the same parent) and the FAN's descriptive rows (`User Name`) that carry no amount.
 */
import { addDays, type DateRange, type IsoDate } from '../../dates';
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { CellReader } from '../cells';
import type { DraftInvoice } from '../draft';
import { DraftBuilder } from '../draft-builder';
import { PrefixSums } from './att-prefix-sums';
import { col } from './columns';
import type { CarrierProfile, ProfileTable, TableLayout } from './types';

const PROFILE_ID = 'att-raw-data';
const LAYOUT_NAME = 'AT&T Mobility — Raw Data Output';
const CARRIER = 'AT&T Mobility';

/** `Section_1` … `Section_7`: the path of a bill line. */
const SECTION_FIELDS = [
  'section1',
  'section2',
  'section3',
  'section4',
  'section5',
  'section6',
  'section7',
];

const RAW_DATA: TableLayout = {
  kind: 'raw-data-output',
  columns: {
    sectionId: { aliases: ['Section ID'], required: true },
    entityLevel: { aliases: ['Billing Entity Level'], required: true },
    dueDate: { aliases: ['Due Date'] },
    remitTo: { aliases: ['Remit To (address)', 'Remit To', 'Remit To Address'] },
    foundationAccount: { aliases: ['Foundation Account Number'], required: true },
    foundationName: { aliases: ['Foundation Account Name'] },
    billingAccount: { aliases: ['Billing Account Number'], required: true },
    billingAccountName: { aliases: ['Billing Account Name'] },
    periodEnd: { aliases: ['Period End Date'] },
    wirelessNumber: { aliases: ['Wireless Number'], required: true },
    userName: { aliases: ['User Name'] },
    fanInvoiceNumber: { aliases: ['FAN Invoice Number'], required: true },
    fanInvoiceDate: { aliases: ['FAN Invoice Date'], required: true },
    previousBalance: { aliases: ['FAN Invoice Previous Balance'] },
    totalPayments: { aliases: ['FAN Invoice Total Payments'] },
    totalCurrentCharges: { aliases: ['FAN Invoice Total Current Charges'], required: true },
    amountDue: { aliases: ['FAN Invoice Amount Due'] },
    ...Object.fromEntries(
      SECTION_FIELDS.map((field, i) => [field, { aliases: [`Section_${i + 1}`], required: i < 3 }]),
    ),
    amount: { aliases: ['Amount'], required: true },
    totalCharge: { aliases: ['Total Charge'] },
    quantity: { aliases: ['Quantity'] },
    period: { aliases: ['Period'] },
  },
};

/**
 * How far past its invoice date a line's service period may end: a first bill charges the cycle
 * ahead in advance (`10/17-11/16` on an invoice of 16 October). The period has no year; it is the
 * latest that ends by then.
 */
const ADVANCE_DAYS = 62;

/** A path part that marks balances brought forward, never charges of this bill. */
const BALANCE_PART =
  /^(?:prior activity|previous balance|payments?(?: received)?|balance forward|past due)$/i;
/** Path levels that name a section (deeper parts are item descriptions, free text). */
const SECTION_LEVELS = 2;
/** A path part that labels a subtotal or total of lines already read. */
const TOTAL_PART = /^(?:sub)?totals?\b/i;

/**
 * Whether a path ends with a total's label in a section level (`Wireless Charges › Total Wireless
 * Charges`); a plan or item below may be named "Total …".
 */
function isTotalPath(path: readonly string[]): boolean {
  const last = path.length - 1;
  return last < SECTION_LEVELS && TOTAL_PART.test(path[last] ?? '');
}

/** Path words and the category they mean, looked for from the deepest part up. */
const CATEGORY_WORDS: readonly { pattern: RegExp; category: ChargeCategory }[] = [
  { pattern: /late (?:payment )?(?:fee|charge)/i, category: 'late-fee' },
  { pattern: /\btax(?:es)?\b/i, category: 'tax' },
  // Named one-time charges (catalogue: install, activation, ETF, porting) before the word "fee".
  {
    pattern:
      /activation|install|early termination|termination fee|\bport(?:ing)?\b|set.?up|upgrade fee|restocking|one.time/i,
    category: 'one-time',
  },
  { pattern: /surcharge|\bfees?\b/i, category: 'surcharge' },
  { pattern: /equipment|device/i, category: 'equipment' },
  { pattern: /credit|discount|adjustment/i, category: 'adjustment' },
  { pattern: /monthly|plan|recurring/i, category: 'recurring' },
  { pattern: /usage|activity|roaming|airtime|long distance|international/i, category: 'usage' },
  { pattern: /third.party|purchases|non-comm/i, category: 'third-party' },
  { pattern: /one.time|other charges/i, category: 'one-time' },
];

/** A path part naming a credit: `Device trade-in credit`, `Promotional Discount`, `Refund`. */
const CREDIT_WORD = /credit|discount|refund|rebate/i;
const TAX_WORD = /\btax(?:es)?\b/i;

/**
 * The category of a bill line from its path; negative adjustments are credits, and so is a
 * negative line whose own name says credit (`Device trade-in credit`, `Activation fee credit`,
 * `Late payment charge credit`): it nets against no equipment, one-time or late-fee spend. A tax
 * credit stays a tax, so the taxes billed are net of it.
 */
export function attPathCategory(path: readonly string[], amount: Cents): ChargeCategory {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const part = path[i] ?? '';
    if (amount < 0 && CREDIT_WORD.test(part) && !TAX_WORD.test(part)) return 'credit';
    const found = CATEGORY_WORDS.find((word) => word.pattern.test(part));
    if (found === undefined) continue;
    return found.category === 'adjustment' && amount < 0 ? 'credit' : found.category;
  }
  return amount < 0 ? 'credit' : 'one-time';
}

/**
 * Whether a path ends with a total's label below the section levels (`Wireless Charges › Monthly
 * Charges › Total Monthly Charges`): a subtotal when its amount is the sum of the lines read
 * before it under the same parent, else an item that happens to be named "Total …".
 */
function isDeepTotalLabel(path: readonly string[]): boolean {
  const last = path.length - 1;
  return last >= SECTION_LEVELS && TOTAL_PART.test(path[last] ?? '');
}

/** A FAN invoice of a file: its invoice once its IRA row is read, and its foundation account. */
interface FanInvoice {
  invoice: DraftInvoice | null;
  foundationAccount: string;
  /** Where the bill is paid, as its BIL or IRA row states it (the payment file's "Remit to"). */
  remitTo: string;
}

/** One file being read: its table, the draft, its cell reader and its FAN invoices by number. */
interface FileRead {
  table: ProfileTable;
  draft: DraftBuilder;
  cells: CellReader;
  fans: Map<string, FanInvoice>;
}

function readInvoiceRows(file: FileRead): void {
  const { table, draft, cells, fans } = file;
  const c = table.columns;
  for (const row of table.rows) {
    const type = (row.cells[col(c, 'sectionId')] ?? '').trim().toUpperCase();
    if (type !== 'BIL' && type !== 'IRA') continue;
    cells.startRow(row.line, row.cells);
    const number = cells.identifier(col(c, 'fanInvoiceNumber'));
    if (number === '') {
      cells.reject(col(c, 'fanInvoiceNumber'), `the ${type} row has no FAN invoice number.`);
      continue;
    }
    const fan = fans.get(number) ?? { invoice: null, foundationAccount: '', remitTo: '' };
    fans.set(number, fan);
    const account = cells.text(col(c, 'foundationAccount'));
    if (account !== '') fan.foundationAccount = account;
    const remitTo = cells.text(col(c, 'remitTo'));
    if (remitTo !== '') fan.remitTo = remitTo;
    if (type === 'BIL') continue;
    const invoiceDate = cells.date(col(c, 'fanInvoiceDate'), 'YMD');
    const dueDate = cells.date(col(c, 'dueDate'), 'YMD');
    const periodEnd = cells.date(col(c, 'periodEnd'), 'YMD');
    const current = cells.cents(col(c, 'totalCurrentCharges'));
    const amountDue = cells.cents(col(c, 'amountDue'));
    if (invoiceDate === null && !cells.failed) {
      cells.reject(col(c, 'fanInvoiceDate'), 'the IRA row has no FAN invoice date (YYYYMMDD).');
    }
    if (cells.failed || invoiceDate === null) continue;
    const accountNumber = fan.foundationAccount;
    if (accountNumber === '') {
      cells.rejectRow(
        `invoice ${number} has no foundation account number: its BIL row (or this row) must give "Foundation Account Number".`,
      );
      continue;
    }
    fan.invoice = draft.invoiceOfFile(
      invoiceFields(
        number,
        accountNumber,
        invoiceDate,
        dueDate,
        periodEnd,
        current ?? amountDue,
        table,
        fan.remitTo,
      ),
      row.line,
    );
    if (fan.invoice !== null) {
      draft.statedAt.set(fan.invoice.key, { sourceFile: table.fileName, row: row.line });
    }
  }
}

function invoiceFields(
  invoiceNumber: string,
  accountNumber: string,
  invoiceDate: IsoDate,
  dueDate: IsoDate | null,
  periodEnd: IsoDate | null,
  statedTotal: Cents | null,
  table: ProfileTable,
  remitTo: string,
): Omit<DraftInvoice, 'key'> {
  return {
    carrierName: CARRIER,
    accountNumber,
    invoiceNumber,
    invoiceDate,
    ...(dueDate === null ? {} : { dueDate }),
    ...(periodEnd === null ? {} : { periodEnd }),
    statedTotal,
    sourceFile: table.fileName,
    ...(remitTo === '' ? {} : { remitTo }),
  };
}

function readLineRows(file: FileRead): void {
  const { table, draft, cells, fans } = file;
  const c = table.columns;
  const sectionIndexes = SECTION_FIELDS.map((field) => col(c, field));
  cells.amountIndexes = [col(c, 'amount')].filter((i) => i >= 0);
  // BAN rows do not repeat the FAN invoice number: they belong to the FAN invoice above them.
  let currentFan = '';
  const sums = new PrefixSums();
  for (const row of table.rows) {
    draft.rowsRead += 1;
    const type = (row.cells[col(c, 'sectionId')] ?? '').trim().toUpperCase();
    const own = (row.cells[col(c, 'fanInvoiceNumber')] ?? '').trim();
    if (type === 'BIL' || type === 'IRA') {
      if (own !== '') currentFan = own;
      continue;
    }
    if (type !== 'SL') {
      draft.skip(table.fileName, row.line, `Not imported: a "${type}" record is not a bill line.`);
      continue;
    }
    const path = sectionIndexes.map((i) => (row.cells[i] ?? '').trim()).filter((p) => p !== '');
    const shown = path.join(' › ');
    if (path.slice(0, SECTION_LEVELS).some((part) => BALANCE_PART.test(part))) {
      draft.skip(table.fileName, row.line, `Not imported: "${shown}" is a balance, not a charge.`);
      continue;
    }
    if (isTotalPath(path)) {
      draft.skip(table.fileName, row.line, `Not imported: "${shown}" repeats lines already read.`);
      continue;
    }
    cells.startRow(row.line, row.cells);
    const amountIndex =
      cells.text(col(c, 'amount')) === '' ? col(c, 'totalCharge') : col(c, 'amount');
    const amount = cells.cents(amountIndex);
    const quantity = cells.quantity(col(c, 'quantity'));
    const fanOfRow = fans.get(own === '' ? currentFan : own);
    const periodDate = fanOfRow?.invoice?.invoiceDate;
    // `09/17-10/16`, or `-` for none; read against the invoice's date (see ADVANCE_DAYS).
    const periodText = cells.text(col(c, 'period'));
    const period =
      periodDate === undefined || !/\d/.test(periodText)
        ? null
        : cells.dateRange(col(c, 'period'), 'MDY', addDays(periodDate, ADVANCE_DAYS));
    if (cells.failed) continue;
    if (amount === null) {
      draft.skip(table.fileName, row.line, `Not imported: "${shown}" has no amount.`);
      continue;
    }
    const fan = fans.get(own === '' ? currentFan : own);
    if (fan === undefined) {
      cells.rejectRow(
        'this bill line comes before any IRA row: the file must start with its FAN invoice (BIL and IRA rows).',
      );
      continue;
    }
    if (fan.invoice === null || amount === 0) continue;
    const fanNumber = own === '' ? currentFan : own;
    const ban = cells.text(col(c, 'billingAccount'));
    const wireless = cells.identifier(col(c, 'wirelessNumber'));
    if (isDeepTotalLabel(path) && sums.repeats(fanNumber, ban, wireless, path, amount)) {
      draft.skip(
        table.fileName,
        row.line,
        `Not imported: "${shown}" is the subtotal of the lines above it (${path.slice(0, -1).join(' › ')}).`,
      );
      continue;
    }
    sums.add(fanNumber, ban, wireless, path, amount);
    addLine(table, draft, cells, fan.invoice, { line: row.line, path, amount, quantity, period });
  }
}

function addLine(
  table: ProfileTable,
  draft: DraftBuilder,
  cells: CellReader,
  invoice: DraftInvoice,
  bill: {
    line: number;
    path: readonly string[];
    amount: Cents;
    quantity: number | null;
    period: DateRange | null;
  },
): void {
  const c = table.columns;
  const { line, path, amount, quantity, period } = bill;
  const ban = cells.text(col(c, 'billingAccount'));
  const wireless = cells.identifier(col(c, 'wirelessNumber'));
  const extras: Record<string, string> = {};
  if (ban !== '') extras['Billing Account Number'] = ban;
  const banName = cells.text(col(c, 'billingAccountName'));
  if (banName !== '') extras['Billing Account Name'] = banName;
  const userName = cells.text(col(c, 'userName'));
  if (userName !== '') extras['User Name'] = userName;
  const description =
    wireless === '' && ban !== '' ? `${path.join(' › ')} (BAN ${ban})` : path.join(' › ');
  draft.line(
    invoice,
    { sourceFile: table.fileName, sourceRow: line },
    wireless,
    description,
    attPathCategory(path, amount),
    amount,
    {
      quantity,
      extras,
      ...(ban === '' ? {} : { accountNumber: ban }),
      ...(period === null ? {} : { periodStart: period.start, periodEnd: period.end }),
    },
  );
}

export const attRawData: CarrierProfile = {
  id: PROFILE_ID,
  carrierName: CARRIER,
  layoutName: LAYOUT_NAME,
  dateOrder: 'YMD',
  layouts: [RAW_DATA],
  read(tables, context) {
    const draft = new DraftBuilder();
    for (const table of tables) {
      const cells = new CellReader(table.fileName, table.header, draft);
      const file: FileRead = { table, draft, cells, fans: new Map() };
      readInvoiceRows(file);
      readLineRows(file);
    }
    draft.checkStatedTotals();
    return draft.finish(PROFILE_ID, LAYOUT_NAME, context.dateOrder);
  },
};
