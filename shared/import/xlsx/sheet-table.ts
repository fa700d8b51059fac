/**
 * A worksheet as the import's {@link Table}: the header found below any title block (the first
 * row as wide as the table that reads like column names), every row after it with its spreadsheet
 * row number, columns from the header's first. Setup workbooks are read here too (their first or
 * every visible sheet with a table; a row with a value in a column with no header is a problem,
 * not read); which sheet a bill is read from is chosen in `sheet-choice`.
 */
import type { ImportLimits, LimitAdvice } from '../limits';
import { formatCount, LISTED_ROW_ERRORS, quoteCell } from '../limits';
import type { Table, TableRow } from '../table';
import { looksLikeHeader, modalWidth, repeatsBelow } from '../sample-lines';
import { isFooterText, layoutRowKind } from '../table-rows';
import { centsFromText } from '../../money/cents';
import { unheadedCells, unheadedCellsMessage, unheadedColumns } from '../unheaded-cells';
import type { XlsxRow, XlsxWorkbook } from './workbook';
import { columnLetters, openWorkbook } from './workbook';

/** Rows looked at to find the header. */
const SNIFF_ROWS = 60;

/** A sheet read as a table, with where its columns sit in the sheet. */
export interface SheetTable {
  sheet: string;
  table: Table;
  /** The 0-based sheet column of the table's first column (its header's first cell). */
  firstColumn: number;
  /** The spreadsheet row of the header. */
  headerRow: number;
  /** The first cell of the table (`L7`) holding a formula whose result was never saved. */
  unsavedFormula?: string;
  /**
   * Cells of the table's rows that hold a merged cell's number (`XlsxRow.merged`): their sheet
   * row, 0-based sheet column, the merged range's first row, the value, and it in cents,
   * unsigned. Left out when another cell of the row, not merged, holds the same amount.
   */
  mergedNumbers?: { row: number; column: number; from: number; value: string; cents: number }[];
}

/** The sheet column letter of a table column: `F` for the sixth column of a table starting at A. */
export function sheetColumnLetter(table: SheetTable, index: number): string {
  return columnLetters(table.firstColumn + index);
}

/**
 * The header of a sheet's rows and the rows under it; null when no row reads like a header. Bills
 * are read strictly (`strictWidth`, as CSV bills are): a row with a value outside the header's
 * columns is a problem, not read. Set-up files refuse such a row too, and one with a value in a column
 * whose header cell is blank (a gap between two names): no reader would take it.
 */
export function sheetTable(
  sheet: string,
  rows: readonly XlsxRow[],
  options: { strictWidth: boolean } = { strictWidth: true },
): SheetTable | null {
  const sample = rows.slice(0, SNIFF_ROWS);
  // Rows of one filled cell (titles, notes) do not vote for the table's width.
  const width = modalWidth(
    sample.map((row) =>
      row.cells.filter((cell) => cell.trim() !== '').length >= 2 ? row.cells.length : 0,
    ),
  );
  if (width === 0) return null;
  let minWidth = Math.max(2, Math.ceil(width * 0.8));
  const findHeader = () =>
    sample.findIndex((row) =>
      looksLikeHeader(
        row.cells.map((cell) => cell.trim()),
        minWidth,
      ),
    );
  let headerAt = findHeader();
  if (headerAt < 0 && !options.strictWidth) {
    // A set-up sheet with a note beside most rows, in a column with no header, looks wider than
    // its header: measured by the cells filled, the header is found, and those rows are refused
    // naming the column (below), never the whole sheet taken for one holding no table.
    const filled = modalWidth(
      sample.map((row) => {
        const count = row.cells.filter((cell) => cell.trim() !== '').length;
        return count >= 2 ? count : 0;
      }),
    );
    const narrower = Math.max(2, Math.ceil(filled * 0.8));
    if (narrower < minWidth) {
      minWidth = narrower;
      headerAt = findHeader();
    }
  }
  const headerRow = sample[headerAt];
  if (headerRow === undefined) return null;
  const firstColumn = headerRow.cells.findIndex((cell) => cell.trim() !== '');
  const header = headerRow.cells.slice(firstColumn).map((cell) => cell.trim());
  const table: Table = { header, rows: [], problems: [] };
  // A second header row (Bell's French names under the English ones), as in a CSV bill: a row
  // like a header followed by one that is not; a row of text among rows of text stays data.
  const headerLike = (at: number) => {
    const row = sample[at];
    return (
      row !== undefined &&
      looksLikeHeader(
        row.cells.map((cell) => cell.trim()),
        minWidth,
      )
    );
  };
  const second = sample[headerAt + 1];
  const skipSecond =
    options.strictWidth &&
    second !== undefined &&
    headerLike(headerAt + 1) &&
    sample[headerAt + 2] !== undefined &&
    !headerLike(headerAt + 2) &&
    !repeatsBelow(
      second.cells.map((cell) => cell.trim()),
      sample.slice(headerAt + 2, headerAt + 7).map((row) => row.cells.map((cell) => cell.trim())),
    );
  if (skipSecond) table.secondHeaderLine = second.row;
  let unlisted = 0;
  let unsavedFormula: string | undefined;
  let mergedNumbers: SheetTable['mergedNumbers'];
  const readStrictRow = (row: XlsxRow): void => {
    const cells = row.cells.slice(firstColumn, firstColumn + header.length);
    while (cells.length < header.length) cells.push('');
    const beyond = row.cells.findIndex(
      (cell, column) =>
        cell.trim() !== '' && (column < firstColumn || column >= firstColumn + header.length),
    );
    if (beyond >= 0) {
      // Strict as a CSV row wider than its header: never read with a cell dropped.
      if (table.problems.length < LISTED_ROW_ERRORS) {
        table.problems.push({
          line: row.row,
          message: `Row ${formatCount(row.row)} has a value in column ${columnLetters(beyond)} ("${quoteCell(row.cells[beyond] ?? '')}"), outside the columns of the header (${columnLetters(firstColumn)}–${columnLetters(firstColumn + header.length - 1)}).`,
        });
      } else unlisted += 1;
      return;
    }
    const layout = layoutRowKind(cells, header);
    if (layout !== null) {
      (table.layoutRows ??= []).push({ line: row.row, kind: layout });
      return;
    }
    const tableRow: TableRow = { line: row.row, cells };
    table.rows.push(tableRow);
    if (row.merged !== undefined) {
      const found = mergedAmounts(row, row.merged, firstColumn, header.length);
      if (found.length > 0) (mergedNumbers ??= []).push(...found);
    }
  };
  // A report's footer, as in a CSV bill (see `TableState`): one-cell rows of words after the
  // table and a blank row, with nothing but more of them (or blank rows) after.
  const footer = new SheetFooter(firstColumn, header.length, (skipSecond ? second : headerRow).row);
  for (const row of rows.slice(headerAt + (skipSecond ? 2 : 1))) {
    const unsaved = row.unsaved?.find(
      (column) => column >= firstColumn && column < firstColumn + header.length,
    );
    if (unsaved !== undefined) unsavedFormula ??= `${columnLetters(unsaved)}${row.row}`;
    if (row.cells.length === 0) continue;
    if (!options.strictWidth) {
      // A value in a column the header names nothing in is read by no set-up reader: the row is
      // refused naming it, as a CSV row with more cells than its header is.
      const unheaded = unheadedCells(row.cells, header, firstColumn);
      if (unheaded.length > 0) {
        table.problems.push({
          line: row.row,
          message: unheadedCellsMessage(unheaded, headerRow.row),
          column: unheadedColumns(unheaded),
        });
        continue;
      }
      const cells = row.cells.slice(firstColumn, firstColumn + header.length);
      while (cells.length < header.length) cells.push('');
      table.rows.push({ line: row.row, cells });
      continue;
    }
    if (footer.holds(row)) continue;
    for (const held of footer.release()) readStrictRow(held);
    readStrictRow(row);
  }
  for (const held of footer.blankRows()) readStrictRow(held);
  for (const line of footer.lines()) (table.layoutRows ??= []).push({ line, kind: 'note' });
  if (unlisted > 0) table.unlistedProblems = unlisted;
  const read: SheetTable = { sheet, table, firstColumn, headerRow: headerRow.row };
  if (unsavedFormula !== undefined) read.unsavedFormula = unsavedFormula;
  if (mergedNumbers !== undefined) read.mergedNumbers = mergedNumbers;
  return read;
}

/**
 * The amounts a row was given from merged cells above it (see {@link SheetTable.mergedNumbers}):
 * a number cell (`199`) or an amount written as text (`$199.00`), in the table's columns. One that
 * another cell of the row, not merged, also holds is left out: the row's amount may be read from
 * that cell (a plan's price merged over its lines, each line billed that price in its own cell).
 */
function mergedAmounts(
  row: XlsxRow,
  merged: NonNullable<XlsxRow['merged']>,
  firstColumn: number,
  width: number,
): NonNullable<SheetTable['mergedNumbers']> {
  const found: NonNullable<SheetTable['mergedNumbers']> = [];
  for (const { column, from } of merged) {
    if (column < firstColumn || column >= firstColumn + width) continue;
    const value = row.cells[column] ?? '';
    const amount = unsignedCents(value);
    if (amount === null) continue;
    const alsoUnmerged = row.cells.some(
      (cell, other) =>
        other >= firstColumn &&
        other < firstColumn + width &&
        !merged.some((fill) => fill.column === other) &&
        unsignedCents(cell) === amount,
    );
    if (!alsoUnmerged) found.push({ row: row.row, column, from, value, cents: amount });
  }
  return found;
}

/** A cell's amount, unsigned, in cents; null when it holds none (text, blank, zero). */
function unsignedCents(text: string): number | null {
  if (text.trim() === '') return null;
  const read = centsFromText(text);
  return read.ok && read.value !== null && read.value !== 0 ? Math.abs(read.value) : null;
}

/** The table of a workbook's sheet `name`, or null when it has no header row. */
export function readAsTable(
  book: XlsxWorkbook,
  name: string,
  strictWidth = true,
): { ok: true; table: SheetTable | null } | { ok: false; message: string } {
  const read = book.readSheet(name);
  if (!read.ok) return { ok: false, message: read.problem };
  return { ok: true, table: sheetTable(name, read.rows, { strictWidth }) };
}

/**
 * The table of a setup workbook (sites, inventory, contracts, rates, cost centers): the first
 * visible sheet with a header row, read by the same reader and limits as bills. Hidden sheets are
 * not read. A sentence naming the file when no sheet holds a table.
 */
export function readWorkbookTable(
  fileName: string,
  bytes: Uint8Array,
  limits: ImportLimits,
  limitAdvice: LimitAdvice,
): { ok: true; table: SheetTable } | { ok: false; message: string } {
  const read = readWorkbookTables(fileName, bytes, limits, limitAdvice, 1);
  if (!read.ok) return read;
  const [first] = read.tables;
  return first === undefined
    ? { ok: false, message: noTable(fileName) }
    : { ok: true, table: first };
}

/**
 * Every visible sheet of a setup workbook that holds a table, in sheet order (at most `most`):
 * a workbook may hold several files' tables, such as the contracts export's Contracts and Rates
 * sheets. A sentence naming the file when no sheet holds a table.
 */
export function readWorkbookTables(
  fileName: string,
  bytes: Uint8Array,
  limits: ImportLimits,
  limitAdvice: LimitAdvice,
  most = Number.POSITIVE_INFINITY,
): { ok: true; tables: SheetTable[] } | { ok: false; message: string } {
  const opened = openWorkbook(fileName, bytes, limits, limitAdvice);
  if (!opened.ok) return { ok: false, message: opened.problem };
  const tables: SheetTable[] = [];
  for (const sheet of opened.value.sheets) {
    if (sheet.state !== 'visible' || tables.length >= most) continue;
    const read = readAsTable(opened.value, sheet.name, false);
    if (!read.ok) return { ok: false, message: read.message };
    // A formula with no saved result has no value to read: a cost or a date would be taken as
    // blank without a word. Refused as a bill workbook is.
    const unsaved = read.table?.unsavedFormula;
    if (unsaved !== undefined)
      return {
        ok: false,
        message: `"${fileName}", sheet ${sheet.name}: the cell ${unsaved} holds a formula whose result was never saved (the workbook was written by a program and not yet opened and saved in Excel), so its value is not known. Open the workbook in Excel or LibreOffice, save it, and import it again.`,
      };
    if (read.table !== null) tables.push(read.table);
  }
  if (tables.length === 0) return { ok: false, message: noTable(fileName) };
  return { ok: true, tables };
}

function noTable(fileName: string): string {
  return `"${fileName}" is an Excel workbook with no visible sheet holding a table (a row of column names with rows under it).`;
}

/**
 * Rows of a sheet that may be a report's footer: one filled cell of words, in the table's first
 * column, after a blank row (a row number skipped or a row of empty cells) or another such row.
 * Held until a row of the table follows (then they were rows of it: released, read as any row)
 * or the sheet ends (a footer: listed as not imported).
 */
class SheetFooter {
  private held: XlsxRow[] = [];
  private notes = 0;
  /** The last row with a filled cell. */
  private lastFilled: number;

  constructor(
    private readonly firstColumn: number,
    private readonly width: number,
    headerRow: number,
  ) {
    this.lastFilled = headerRow;
  }

  /** Whether `row` is held (a possible footer line, or a blank row among them). */
  holds(row: XlsxRow): boolean {
    // The first filled cell, and whether another is filled: no list made for every row.
    let only = -1;
    let more = false;
    for (let column = 0; column < row.cells.length && !more; column += 1) {
      if ((row.cells[column] ?? '').trim() === '') continue;
      if (only < 0) only = column;
      else more = true;
    }
    if (only < 0) {
      if (this.held.length === 0) return false;
      this.held.push(row);
      return true;
    }
    const afterBlank = row.row > this.lastFilled + 1;
    this.lastFilled = row.row;
    const words =
      !more && only === this.firstColumn && this.width > 1 && isFooterText(row.cells[only] ?? '');
    if (!words || (!afterBlank && this.notes === 0)) return false;
    this.held.push(row);
    this.notes += 1;
    return true;
  }

  /** The rows held, now known to be rows of the table, in order. */
  release(): XlsxRow[] {
    const held = this.held;
    this.held = [];
    this.notes = 0;
    return held;
  }

  /** The blank rows held at the sheet's end (read as before: rows of empty cells). */
  blankRows(): XlsxRow[] {
    return this.held.filter((row) => row.cells.every((cell) => cell.trim() === ''));
  }

  /** The footer lines held at the sheet's end. */
  lines(): number[] {
    return this.held
      .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
      .map((row) => row.row);
  }
}
