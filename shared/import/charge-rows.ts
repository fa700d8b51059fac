/**
 * Reads tables that hold one charge line per row: TEM Desk's own charge format and any file the
 * user mapped in the column-mapping wizard. Both name the same logical fields.
 */
import type { DateOrder, IsoDate } from '../dates';
import type { ChargeCategory } from '../model';
import type { Cents } from '../money/cents';
import { formatCents, negateCents } from '../money/cents';
import type { DecimalSeparator } from '../money/decimal-text';
import { ABSENT, CellReader, extrasFromCells } from './cells';
import { CATEGORY_EXAMPLES, categoryFromText } from './categories';
import type { DraftInvoice } from './draft';
import type { DraftBuilder } from './draft-builder';
import { chargeRowVerdicts, settleTotalRow } from './summary-rows';
import { nameInvoiceOfErrors } from './unread-rows';
import type { TableRow } from './table';

/** The logical fields of a charge-per-row table. */
export const CHARGE_FIELDS = [
  'carrier',
  'accountNumber',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'periodStart',
  'periodEnd',
  'serviceId',
  'description',
  'category',
  'quantity',
  'amount',
  'invoiceTotal',
  'remitTo',
] as const;

/** See {@link CHARGE_FIELDS}. */
export type ChargeField = (typeof CHARGE_FIELDS)[number];

/** The fields whose cells are dates, for detecting the date order. */
export const DATE_FIELDS: readonly ChargeField[] = [
  'invoiceDate',
  'dueDate',
  'periodStart',
  'periodEnd',
];

/** How to read a charge-per-row table. */
export interface ChargeRowOptions {
  /** Used when the file has no carrier column or the cell is blank. */
  carrierName: string;
  /** Used when the file has no account column or the cell is blank. */
  accountNumber?: string;
  dateOrder: DateOrder;
  decimal: DecimalSeparator;
  /** `credits-positive`: the file writes credits as positive amounts; they are stored negative. */
  signConvention: 'as-is' | 'credits-positive';
  /** Category of rows with no category cell; null makes the category required on every row. */
  defaultCategory: ChargeCategory | null;
  /** Columns kept as line extras (customer-defined columns), by index. */
  extraColumns: readonly number[];
  /**
   * A column of each row's tax (`Amount, Tax, Total`): a row's tax is a tax line of its own, on
   * the row's service, unless the row's total says its amount already includes it.
   */
  taxColumn?: number;
  /** A column of each row's total: its amount plus its tax, checked on every row. */
  lineTotalColumn?: number;
}

/** A table to read, with the column of each field (ABSENT when missing). */
export interface ChargeTable {
  fileName: string;
  header: readonly string[];
  rows: readonly TableRow[];
  columns: Readonly<Record<ChargeField, number>>;
}

/** Builds the field → column record from a lookup, so every field is always present. */
export function chargeColumns(
  indexOf: (field: ChargeField) => number,
): Record<ChargeField, number> {
  return {
    carrier: indexOf('carrier'),
    accountNumber: indexOf('accountNumber'),
    invoiceNumber: indexOf('invoiceNumber'),
    invoiceDate: indexOf('invoiceDate'),
    dueDate: indexOf('dueDate'),
    periodStart: indexOf('periodStart'),
    periodEnd: indexOf('periodEnd'),
    serviceId: indexOf('serviceId'),
    description: indexOf('description'),
    category: indexOf('category'),
    quantity: indexOf('quantity'),
    amount: indexOf('amount'),
    invoiceTotal: indexOf('invoiceTotal'),
    remitTo: indexOf('remitTo'),
  };
}

/** Every date cell of the table's date columns, without repeats (for `detectDateOrder`). */
export function chargeDateSamples(table: ChargeTable): string[] {
  const samples = new Set<string>();
  const indexes = DATE_FIELDS.map((field) => table.columns[field]).filter((i) => i !== ABSENT);
  // Each column's previous cell: the rows of one invoice repeat its dates, row after row.
  const previous = indexes.map(() => '');
  for (const row of table.rows) {
    for (let k = 0; k < indexes.length; k++) {
      const cell = row.cells[indexes[k] ?? 0];
      if (cell === undefined || cell === '' || cell === previous[k]) continue;
      previous[k] = cell;
      samples.add(cell);
    }
  }
  return [...samples];
}

/** `20240805` from `2024-08-05`, for invoice numbers made from an account and a date. */
export function compactDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

/** Reads every row of `table` into `draft`; the caller checks stated totals once all tables are read. */
export function readChargeRows(
  table: ChargeTable,
  options: ChargeRowOptions,
  draft: DraftBuilder,
): void {
  const c = table.columns;
  const cells = new CellReader(table.fileName, table.header, draft, options.decimal);
  const taxColumn = options.taxColumn ?? ABSENT;
  const lineTotalColumn = options.lineTotalColumn ?? ABSENT;
  cells.amountIndexes = [c.amount, taxColumn].filter((i) => i !== ABSENT);
  cells.amountSignKnown = options.signConvention !== 'credits-positive';
  const totals: StatedTotals = new Map();
  const dates: StatedDates = new Map();
  const byNumber = new Map<string, ReadInvoice>();
  const verdicts = chargeRowVerdicts(table.rows, c, options.decimal ?? '.');

  for (const [r, row] of table.rows.entries()) {
    draft.rowsRead += 1;
    cells.startRow(row.line, row.cells);
    const errorsBefore = draft.errors.length;
    // A total row: skipped as a summary, or refused when it is neither a summary nor a charge.
    if (settleTotalRow(verdicts[r] ?? null, table.fileName, row.line, c, cells, draft)) continue;

    const carrierName = cells.text(c.carrier) || options.carrierName;
    if (carrierName === '') cells.reject(c.carrier, 'the carrier is blank.');
    const accountNumber = cells.identifier(c.accountNumber) || (options.accountNumber ?? '');
    if (accountNumber === '') cells.reject(c.accountNumber, 'the account number is blank.');
    const invoiceDate = cells.date(c.invoiceDate, options.dateOrder);
    if (invoiceDate === null && !cells.failed)
      cells.reject(c.invoiceDate, 'the invoice date is blank.');
    let invoiceNumber = cells.identifier(c.invoiceNumber);
    if (invoiceNumber === '' && c.invoiceNumber !== ABSENT) {
      cells.reject(c.invoiceNumber, 'the invoice number is blank.');
    }
    const dueDate = cells.date(c.dueDate, options.dateOrder);
    const periodStart = cells.date(c.periodStart, options.dateOrder);
    const periodEnd = cells.date(c.periodEnd, options.dateOrder);
    if (periodStart !== null && periodEnd !== null && periodEnd < periodStart) {
      cells.reject(
        c.periodEnd,
        `the period ends on ${periodEnd}, before it starts (${periodStart}).`,
      );
    }
    const remitTo = cells.text(c.remitTo);
    const serviceIdRaw = cells.identifier(c.serviceId);
    const category = readCategory(cells, c.category, options.defaultCategory);
    const quantity = cells.quantity(c.quantity);
    let amount = cells.cents(c.amount);
    if (amount === null && !cells.failed) {
      const written = cells.text(c.amount);
      cells.reject(
        c.amount,
        written === ''
          ? 'the amount is blank.'
          : `the amount "${written}" says there is none; a charge line needs an amount (0.00 when nothing is charged).`,
      );
    }
    const invoiceTotal = cells.cents(c.invoiceTotal);
    const tax = taxOfRow(cells, amount, taxColumn, lineTotalColumn);
    if (cells.failed || invoiceDate === null || amount === null || category === null) {
      // Its errors name its invoice: what it holds is that invoice's (see `unread-rows.ts`).
      if (invoiceNumber !== '') nameInvoiceOfErrors(draft.errors, errorsBefore, invoiceNumber);
      continue;
    }

    // No invoice number column: an invoice is an account and its invoice date (as AT&T Premier).
    if (invoiceNumber === '') invoiceNumber = `${accountNumber}-${compactDate(invoiceDate)}`;
    const asWritten = amount;
    if (options.signConvention === 'credits-positive' && category === 'credit' && amount > 0) {
      amount = negateCents(amount);
    }

    // The rows of an invoice repeat its fields: the same fields as the last row of that invoice
    // number read give the same invoice (its gaps filled and its stated total checked by that
    // row), found without building its key or looking it up in the draft.
    let invoice: DraftInvoice;
    const seen = byNumber.get(invoiceNumber);
    if (
      seen !== undefined &&
      seen.fields.accountNumber === accountNumber &&
      seen.fields.carrierName === carrierName &&
      seen.fields.invoiceDate === invoiceDate &&
      seen.fields.dueDate === dueDate &&
      seen.fields.periodStart === periodStart &&
      seen.fields.periodEnd === periodEnd &&
      seen.fields.remitTo === remitTo &&
      seen.fields.invoiceTotal === invoiceTotal
    ) {
      invoice = seen.invoice;
    } else {
      const fields: InvoiceFields = {
        carrierName,
        accountNumber,
        invoiceNumber,
        invoiceDate,
        dueDate,
        periodStart,
        periodEnd,
        remitTo,
        invoiceTotal,
      };
      const found = invoiceOfRow(table, fields, row.line, draft, cells, totals, dates);
      if (found === null) continue;
      invoice = found;
      byNumber.set(invoiceNumber, { fields, invoice });
    }

    const more: Parameters<DraftBuilder['line']>[6] = { quantity };
    if (periodStart !== null && periodStart !== invoice.periodStart) more.periodStart = periodStart;
    if (periodEnd !== null && periodEnd !== invoice.periodEnd) more.periodEnd = periodEnd;
    const extras = extrasFromCells(row.cells, table.header, options.extraColumns);
    if (extras !== undefined) more.extras = extras;
    const description = cells.text(c.description) || cells.text(c.category) || category;
    draft.line(
      invoice,
      { sourceFile: table.fileName, sourceRow: row.line },
      serviceIdRaw,
      description,
      category,
      amount,
      more,
    );
    const lost = cells.subCentResidue(c.amount);
    if (lost !== 0) {
      const negated = amount !== asWritten;
      draft.noteSubCent(negated ? -lost : lost, table.fileName, row.line, cells.text(c.amount));
    }
    if (tax !== null && tax !== 0) {
      // A credit's tax is credited with it.
      const signed = amount !== asWritten ? negateCents(tax) : tax;
      const { extras: _extras, ...taxMore } = more;
      draft.line(
        invoice,
        { sourceFile: table.fileName, sourceRow: row.line },
        serviceIdRaw,
        `${table.header[taxColumn] ?? 'Tax'}: ${description}`,
        'tax',
        signed,
        { ...taxMore, quantity: null },
      );
    }
  }
}

/**
 * The tax a row adds as a line of its own (null for none), its total checked: a total equal to
 * the amount plus the tax says the amount is before tax; a total equal to the amount says the tax
 * is already in it (nothing added); any other total is refused, naming both figures.
 */
function taxOfRow(
  cells: CellReader,
  amount: Cents | null,
  taxColumn: number,
  lineTotalColumn: number,
): Cents | null {
  const tax = cells.cents(taxColumn);
  const total = cells.cents(lineTotalColumn);
  if (amount === null || total === null || cells.failed) return tax;
  const withTax = amount + (tax ?? 0);
  if (total === withTax) return tax;
  if (tax !== null && total === amount) return null;
  cells.reject(
    lineTotalColumn,
    tax === null
      ? `the row's total ${formatCents(total)} is not its amount ${formatCents(amount)}.`
      : `the row's total ${formatCents(total)} is neither its amount ${formatCents(amount)} plus its tax ${formatCents(tax)} (${formatCents(withTax as Cents)}) nor its amount alone.`,
  );
  return null;
}

/** The first stated total of each invoice of a table, and its row. */
type StatedTotals = Map<string, { total: Cents; row: number }>;

/** The invoice date each invoice of a table was first read with, and its row. */
type StatedDates = Map<string, { date: IsoDate; row: number }>;

/** The invoice fields of a charge row, as read. */
interface InvoiceFields {
  carrierName: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  dueDate: IsoDate | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  remitTo: string;
  invoiceTotal: Cents | null;
}

/** An invoice read from a row, with the fields that row gave it. */
interface ReadInvoice {
  fields: InvoiceFields;
  invoice: DraftInvoice;
}

/**
 * The draft's invoice for a row's fields (added when new, its gaps filled), or null when the row
 * is not read: its invoice is a copy from another file, or its stated total differs from the one
 * first stated for the invoice (then rejected).
 */
function invoiceOfRow(
  table: ChargeTable,
  fields: InvoiceFields,
  line: number,
  draft: DraftBuilder,
  cells: CellReader,
  totals: StatedTotals,
  dates: StatedDates,
): DraftInvoice | null {
  const { invoiceTotal } = fields;
  const invoiceFields: Omit<DraftInvoice, 'key'> = {
    carrierName: fields.carrierName,
    accountNumber: fields.accountNumber,
    invoiceNumber: fields.invoiceNumber,
    invoiceDate: fields.invoiceDate,
    statedTotal: invoiceTotal,
    sourceFile: table.fileName,
  };
  if (fields.dueDate !== null) invoiceFields.dueDate = fields.dueDate;
  if (fields.periodStart !== null) invoiceFields.periodStart = fields.periodStart;
  if (fields.periodEnd !== null) invoiceFields.periodEnd = fields.periodEnd;
  if (fields.remitTo !== '') invoiceFields.remitTo = fields.remitTo;
  const invoice = draft.invoiceOfFilePart(invoiceFields, line);
  if (invoice === null) return invoice;
  // One invoice has one date: it decides its month, its period and the chargeback's month, so a
  // row dated otherwise is not filed under the first row's date without a word.
  const dated = dates.get(invoice.key);
  if (dated === undefined) {
    dates.set(invoice.key, { date: fields.invoiceDate, row: line });
  } else if (dated.date !== fields.invoiceDate) {
    cells.rejectRow(
      `the invoice date ${fields.invoiceDate} differs from ${dated.date} on row ${dated.row} of the same invoice (${fields.invoiceNumber}); one invoice has one date.`,
    );
    return null;
  }
  if (invoiceTotal === null) return invoice;
  const first = totals.get(invoice.key);
  if (first === undefined) {
    totals.set(invoice.key, { total: invoiceTotal, row: line });
    draft.statedAt.set(invoice.key, { sourceFile: table.fileName, row: line });
  } else if (first.total !== invoiceTotal) {
    cells.rejectRow(
      `the invoice total ${formatCents(invoiceTotal)} differs from ${formatCents(first.total)} on row ${first.row} of the same invoice (${fields.invoiceNumber}).`,
    );
    return null;
  }
  return invoice;
}

function readCategory(
  cells: CellReader,
  index: number,
  fallback: ChargeCategory | null,
): ChargeCategory | null {
  const text = cells.text(index);
  if (text === '') {
    if (fallback === null) cells.reject(index, 'the category is blank.');
    return fallback;
  }
  const category = categoryFromText(text);
  if (category === null) {
    cells.reject(
      index,
      `"${text}" is not a charge category we know; use one of ${CATEGORY_EXAMPLES}.`,
    );
  }
  return category;
}
