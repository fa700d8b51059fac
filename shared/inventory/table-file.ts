import { isZip } from '../import/archive';
import { decodeBytes } from '../import/decode';
import { readTable, sniffTable, type Table } from '../import/table';
import { unguardFormula } from '../export/csv';
import { readXlsxForTests } from '../export/xlsx-read';
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
  let sheet;
  try {
    sheet = readXlsxForTests(bytes).sheets[0];
  } catch {
    return fail(
      `${name} is not a spreadsheet TEM Desk can read (it may be damaged, or an old .xls file: save it as .xlsx or CSV).`,
    );
  }
  if (!sheet) return fail(`${name} has no sheet.`);
  const text = (value: string | number | boolean | null) => (value === null ? '' : String(value));
  const headerIndex = sheet.values.findIndex((row) => row.some((cell) => text(cell).trim() !== ''));
  if (headerIndex < 0) return fail(`${name} is empty.`);
  const header = (sheet.values[headerIndex] ?? []).map((cell) => text(cell).trim());
  const rows = sheet.values
    .map((row, index) => ({ line: index + 1, cells: header.map((_, c) => text(row[c] ?? null)) }))
    .slice(headerIndex + 1)
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return ok({ header, rows, problems: [] });
}
