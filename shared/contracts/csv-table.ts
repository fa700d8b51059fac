/**
 * Opening a contracts or rates file (CSV-like text, or an Excel workbook's first table) and
 * reading its cells: columns found by header, every problem located as a {@link ContractCsvError},
 * amounts, lists and dates read with a sentence when they cannot be.
 */
import type { DateOrder, IsoDate } from '../dates/iso-date';
import {
  DATE_ORDERS,
  DEFAULT_PIVOT_YEAR,
  detectDateOrder,
  parseDate,
  readDateParts,
} from '../dates';
import { decodeBytes } from '../import/decode';
import { APP_LIMIT_ADVICE, DEFAULT_IMPORT_LIMITS } from '../import/limits';
import type { Table, TableRow } from '../import/table';
import { readTable, sniffTable } from '../import/table';
import { isXlsx } from '../import/xlsx/package';
import { readWorkbookTables } from '../import/xlsx/sheet-table';
import { withoutFormulaGuards, withoutUnreadCells } from '../inventory/table-file';
import type { Cents } from '../money/cents';
import { centsFromText } from '../money/cents';
import { otherCurrencyRefusal } from '../money/decimal-text';
import type { CellReading, ColumnSpec } from './csv-columns';
import { resolveColumns } from './csv-columns';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** One bad cell (or missing column), located. */
export interface ContractCsvError {
  /** 1-based line of the file; the header line for a missing column; 0 for the whole file. */
  row: number;
  /** Header as written in the file (canonical name for a missing column). */
  column: string;
  /** The cell as written. */
  value: string;
  /** A full sentence, starting with `Row N, column "X":`. */
  message: string;
}

/** An opened file: its header, body rows and column positions, or why it could not be read. */
export type OpenedTable<K extends string> =
  | {
      ok: true;
      header: string[];
      body: TableRow[];
      indexOf: (key: K) => number;
      errors: ContractCsvError[];
    }
  | { ok: false; errors: ContractCsvError[] };

/**
 * The table of a contracts or rates file: CSV-like text, or the first sheet of an Excel workbook
 * with every required column of `specs` (else its first table): the contracts export holds a
 * Contracts and a Rates sheet, and a rates reader reads the Rates one.
 */
function readContractTable(
  bytes: Uint8Array,
  specs: readonly ColumnSpec[],
): Result<{ table: Table; headerLine: number }> {
  if (isXlsx(bytes)) {
    const read = readWorkbookTables('The workbook', bytes, DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE);
    if (!read.ok) return fail(read.message);
    const [first] = read.tables;
    const sheet =
      read.tables.find(({ table }) => resolveColumns(table.header, specs).missing.length === 0) ??
      first;
    if (sheet === undefined) return fail('The workbook holds no table.');
    return ok({
      table: withoutFormulaGuards(sheet.table),
      headerLine: sheet.headerRow,
    });
  }
  const { text } = decodeBytes(bytes);
  // A first contract or rate row of text only (a rate of `TBD`) is a row to read or refuse,
  // never a second header row dropped without a word (as in the other set-up files).
  const sniff = sniffTable(text, { secondHeader: false });
  if (!sniff.ok) return sniff;
  // A row with a value no column takes (more cells than the header, a cell under a blank header
  // cell) is a problem of its row, as in the other set-up files, never read with the value gone.
  const { delimiter, headerLine } = sniff.value;
  return ok({
    table: withoutFormulaGuards(
      withoutUnreadCells(readTable(text, sniff.value), delimiter, headerLine),
    ),
    headerLine,
  });
}

/**
 * What the contracts and rates readers read: a file's bytes, or a table already read from a file
 * (the columns chosen in an import, under their canonical names), whose rows keep the file's own
 * row numbers.
 */
export type ContractSource = Uint8Array | { table: Table; headerLine: number };

/** Opens a file and finds the columns of `specs`; a missing required column is an error. */
export function openTable<const S extends readonly ColumnSpec[]>(
  source: ContractSource,
  specs: S,
): OpenedTable<S[number]['key']> {
  const read = source instanceof Uint8Array ? readContractTable(source, specs) : ok(source);
  if (!read.ok) {
    return {
      ok: false,
      errors: read.errors.map((error) => ({
        row: 0,
        column: '',
        value: '',
        message: error.message,
      })),
    };
  }
  const { table, headerLine } = read.value;
  const { indexOf, missing } = resolveColumns(table.header, specs);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((spec) => ({
        row: headerLine,
        column: spec.header,
        value: '',
        message: `Column "${spec.header}" is missing: add a column named ${spec.header}${spec.aliases.length > 0 ? ` (or ${spec.aliases.slice(0, 2).join(', ')})` : ''}.`,
      })),
    };
  }
  const errors = table.problems.map((problem) => ({
    row: problem.line,
    column: problem.column ?? '',
    value: '',
    message: `Row ${problem.line}: ${problem.message}`,
  }));
  return { ok: true, header: table.header, body: table.rows, indexOf, errors };
}

/** A located error for one cell: `Row N, column "X": message`. */
export function locate(
  line: number,
  header: readonly string[],
  index: number,
  cells: readonly string[],
  message: string,
): ContractCsvError {
  const column = header[index] ?? '';
  return {
    row: line,
    column,
    value: cells[index] ?? '',
    message: `Row ${line}, column "${column}": ${message}`,
  };
}

/**
 * An amount of zero or more, to the cent; null for "no amount" markers (`-`, `N/A`). A fraction
 * of a cent (`45.005`) is refused, never rounded without a word.
 */
export function readAmount(text: string, example: string): CellReading<Cents | null> {
  const read = centsFromText(text);
  if (!read.ok) {
    const message =
      otherCurrencyRefusal(read) ?? `expected an amount like ${example} but found "${text}".`;
    return { ok: false, message };
  }
  const toTheCent = centsFromText(text, { subCent: 'reject' });
  if (!toTheCent.ok) {
    const fraction = /fractions of a cent/.test(toTheCent.errors[0]?.message ?? '');
    return {
      ok: false,
      message: fraction
        ? `expected an amount to the cent like ${example} but found "${text}", which has a fraction of a cent.`
        : (toTheCent.errors[0]?.message ?? `expected an amount like ${example}.`),
    };
  }
  if (read.value !== null && read.value < 0) {
    return { ok: false, message: `expected an amount of zero or more but found "${text}".` };
  }
  return { ok: true, value: read.value };
}

/** The `;`-separated parts of a list cell, trimmed, blanks left out. */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Reads a date cell; null when blank. With no date order decided, a date every order reads the
 * same way (ISO, `Jan 5, 2024`, `01/01/2024`) is fine and one read two ways is an error.
 */
/** What a date two orders read differently asks for (the command line says it its own way). */
export const CHOOSE_DATE_ORDER =
  "choose the file's date order (month/day/year or day/month/year) and read it again";

export function readDateCell(text: string, order: DateOrder | null): CellReading<IsoDate> | null {
  if (text === '') return null;
  let orders: readonly DateOrder[] = order === null ? DATE_ORDERS : [order];
  if (order === null) {
    const readings = new Set<string>();
    for (const candidate of DATE_ORDERS) {
      const reading = readDateParts(text, candidate, DEFAULT_PIVOT_YEAR);
      if (reading.kind === 'date') readings.add(reading.date);
    }
    if (readings.size > 1) {
      return {
        ok: false,
        message: `"${text}" could be ${[...readings].join(' or ')}; ${CHOOSE_DATE_ORDER}.`,
      };
    }
    orders = DATE_ORDERS.filter(
      (candidate) => readDateParts(text, candidate, DEFAULT_PIVOT_YEAR).kind === 'date',
    );
    if (orders.length === 0) orders = ['YMD'];
  }
  const read = parseDate(text, orders[0] ?? 'YMD');
  if (!read.ok) {
    return { ok: false, message: lowerFirst(read.errors[0]?.message ?? 'is not a date.') };
  }
  return read.value === null ? null : { ok: true, value: read.value };
}

/** The one order that reads every readable date cell of the file, or null when it is undecided. */
export function decideDateOrder(
  body: readonly TableRow[],
  columns: readonly number[],
): DateOrder | null {
  const samples = new Set<string>();
  for (const { cells } of body) {
    for (const column of columns) {
      const text = (cells[column] ?? '').trim();
      if (text !== '') samples.add(text);
    }
  }
  // Leave out cells no order can read: they are errors of their own and must not block the others.
  const readable = [...samples].filter((text) =>
    DATE_ORDERS.some((order) => readDateParts(text, order, DEFAULT_PIVOT_YEAR).kind === 'date'),
  );
  if (readable.length === 0) return 'YMD';
  const decision = detectDateOrder(readable);
  return 'order' in decision ? decision.order : null;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
