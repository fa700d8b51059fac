import { isZip } from '../import/archive';
import { decodeBytes } from '../import/decode';
import { readTable, sniffTable, type Table, type TableRow } from '../import/table';
import { unheadedCells, unheadedCellsMessage, unheadedColumns } from '../import/unheaded-cells';
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
  const table = readTable(text, sniff.value);
  // A line over the length limit, a header over the column limit: said, not read as no header.
  if (table.refused !== undefined) return fail(`${name}: ${table.refused}`);
  return ok([
    {
      sheet: null,
      table: withoutFormulaGuards(
        withoutUnreadCells(table, sniff.value.delimiter, sniff.value.headerLine),
      ),
    },
  ]);
}

/** A row's width without its trailing blank cells (a trailing delimiter adds nothing). */
export function filledWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width -= 1;
  return width;
}

/**
 * The table with each row that has a value no column takes out and listed as a problem. A filled
 * cell past the header's last column: a comma inside a value not in quotes (`100 Main St, Suite 5`)
 * moves every cell after it one column on, so the row is read from none of them — not a site's
 * cost center taken from its country, nor a user's surname dropped without a word. A filled cell
 * under a blank header cell (`Site Code,,Site Name`): no reader takes it, so the row is refused
 * naming its column, as a workbook's is (`unheadedCells`).
 */
export function withoutUnreadCells(table: Table, delimiter: string, headerLine: number): Table {
  const width = table.header.length;
  const gaps = table.header.some((name) => name.trim() === '');
  const problems: Table['problems'] = [];
  const dropped = new Set<TableRow>();
  const hint =
    delimiter === ','
      ? ': a comma inside a value that is not in quotes (like 100 Main St, Suite 5 or 1,250.00)? Put such a value in quotes, or name the extra column in the header'
      : ': name the extra column in the header';
  for (const row of table.rows) {
    const filled = filledWidth(row.cells);
    if (filled > width) {
      problems.push({
        line: row.line,
        message: `the row has ${String(filled)} cells but the header has ${String(width)} columns${hint}. The row is not read, so no cell is taken from the wrong column.`,
      });
      dropped.add(row);
      continue;
    }
    const unheaded = gaps ? unheadedCells(row.cells, table.header) : [];
    if (unheaded.length === 0) continue;
    problems.push({
      line: row.line,
      message: unheadedCellsMessage(unheaded, headerLine),
      column: unheadedColumns(unheaded),
    });
    dropped.add(row);
  }
  if (dropped.size === 0) return table;
  return {
    ...table,
    rows: table.rows.filter((row) => !dropped.has(row)),
    problems: [...table.problems, ...problems].sort((a, b) => a.line - b.line),
  };
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
