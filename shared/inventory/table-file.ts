import { isZip } from '../import/archive';
import { decodeBytes } from '../import/decode';
import { readTable, sniffTable, type Table } from '../import/table';
import { unguardFormula } from '../export/csv';
import { APP_LIMIT_ADVICE, DEFAULT_IMPORT_LIMITS } from '../import/limits';
import { isXlsx } from '../import/xlsx/package';
import { readWorkbookTables } from '../import/xlsx/sheet-table';
import { fail, ok, type Result } from '../result';

/**
 * A CSV/TSV/pipe file or a sheet of an XLSX workbook as one table of text cells, with the row
 * numbers a user sees (the file line, or the spreadsheet row): the first visible sheet whose
 * header `fits` (a rates file asks for its columns, so the contracts export's Rates sheet is read,
 * not its Contracts sheet), else the first one with a table.
 */
export function readTabularFile(
  name: string,
  bytes: Uint8Array,
  fits?: (header: readonly string[]) => boolean,
): Result<Table> {
  // With nothing to look for, the sheets after the first are not read.
  const tables = readTabularTables(name, bytes, fits === undefined ? 1 : undefined);
  if (!tables.ok) return tables;
  const [first] = tables.value;
  const found = tables.value.find(({ table }) => fits?.(table.header) === true) ?? first;
  return found === undefined ? fail(`${name} holds no table.`) : ok(found.table);
}

/** One table of a file, and the workbook sheet it is on (null for a CSV-like file). */
export interface FileTable {
  sheet: string | null;
  table: Table;
}

/**
 * Every table of a file: a CSV-like file's one, or each visible sheet of a workbook that holds
 * one, in sheet order (a workbook may hold several files, like the contracts export's Contracts
 * and Rates sheets).
 */
export function readTabularTables(
  name: string,
  bytes: Uint8Array,
  most?: number,
): Result<FileTable[]> {
  if (isZip(bytes) || name.toLowerCase().endsWith('.xlsx')) return readSheets(name, bytes, most);
  const { text } = decodeBytes(bytes);
  // Inventory, sites, contracts and cost centers rows are often all text: none is a second header.
  const sniff = sniffTable(text, { secondHeader: false });
  if (!sniff.ok) return sniff;
  return ok([{ sheet: null, table: withoutFormulaGuards(readTable(text, sniff.value)) }]);
}

/**
 * The table with the `'` our CSV exports put before formula-like text removed (see
 * `guardFormula`), so an exported inventory, sites, contracts or rates file reads back unchanged.
 */
export function withoutFormulaGuards<T extends Pick<Table, 'rows'>>(table: T): T {
  return {
    ...table,
    rows: table.rows.map((row) => ({ ...row, cells: row.cells.map(unguardFormula) })),
  };
}

/** Excel stores dates as days since 1899-12-30; a date column holding a number is one of these. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function readSheets(name: string, bytes: Uint8Array, most?: number): Result<FileTable[]> {
  if (!isXlsx(bytes)) {
    return fail(
      `${name} is not a spreadsheet TEM Desk can read (it may be damaged, or an old .xls file: save it as .xlsx or CSV).`,
    );
  }
  const read = readWorkbookTables(name, bytes, DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE, most);
  if (!read.ok) return fail(read.message);
  return ok(read.tables.map(({ sheet, table }) => ({ sheet, table: withoutFormulaGuards(table) })));
}
