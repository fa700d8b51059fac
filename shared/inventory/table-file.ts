import { isZip } from '../import/archive';
import { decodeBytes } from '../import/decode';
import { readTable, sniffTable, type Table } from '../import/table';
import { unguardFormula } from '../export/csv';
import { APP_LIMIT_ADVICE, DEFAULT_IMPORT_LIMITS } from '../import/limits';
import { isXlsx } from '../import/xlsx/package';
import { readWorkbookTable } from '../import/xlsx/sheet-table';
import { fail, ok, type Result } from '../result';

/**
 * A CSV/TSV/pipe file or the first sheet of an XLSX workbook as one table of text cells, with
 * the row numbers a user sees (the file line, or the spreadsheet row).
 */
export function readTabularFile(name: string, bytes: Uint8Array): Result<Table> {
  if (isZip(bytes) || name.toLowerCase().endsWith('.xlsx')) return readFirstSheet(name, bytes);
  const { text } = decodeBytes(bytes);
  // Inventory, sites, contracts and cost centers rows are often all text: none is a second header.
  const sniff = sniffTable(text, { secondHeader: false });
  if (!sniff.ok) return sniff;
  return ok(withoutFormulaGuards(readTable(text, sniff.value)));
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

function readFirstSheet(name: string, bytes: Uint8Array): Result<Table> {
  if (!isXlsx(bytes)) {
    return fail(
      `${name} is not a spreadsheet TEM Desk can read (it may be damaged, or an old .xls file: save it as .xlsx or CSV).`,
    );
  }
  const read = readWorkbookTable(name, bytes, DEFAULT_IMPORT_LIMITS, APP_LIMIT_ADVICE);
  if (!read.ok) return fail(read.message);
  return ok(withoutFormulaGuards(read.table.table));
}
