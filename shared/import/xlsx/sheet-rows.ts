/**
 * One worksheet part read as rows of text cells: numbers (dates when their style's format is a
 * date), shared, inline and formula strings, booleans, errors, formulas by their cached value;
 * sparse rows and cells without an `r` reference tolerated; every limit (rows, cells, columns, the
 * length of one cell) refused with a sentence.
 */
import type { ImportLimits } from '../limits';
import { formatCount } from '../limits';
import type { NumberFormatKind } from './number-format';
import { numericCellText } from './number-format';
import { decodeExcelEscapes, forEachAttribute, scanXml, xmlAttributes } from './xml';

/** A row of a sheet that holds at least one cell with text. */
export interface XlsxRow {
  /** The spreadsheet's 1-based row number, as Excel shows it. */
  row: number;
  /** Cell texts by 0-based column (A = 0); `''` for a cell that is absent or empty. */
  cells: string[];
  /**
   * Columns (0-based) of this row's cells that hold a formula whose result was never saved (a
   * workbook written by a program, not yet opened and saved in Excel): their value is not known,
   * and they read as blank.
   */
  unsaved?: number[];
  /**
   * Cells given the value of a merged cell above them (see `fillMergedDown`): the 0-based column
   * and the row of the merged range's first cell, which holds the value in the file.
   */
  merged?: { column: number; from: number }[];
}

/**
 * Most rows and non-blank cells one sheet may hold: Excel's own row limit, and twenty million
 * cells (a 100 MB bill is about two million).
 */
export const MAX_SHEET_ROWS = 1_048_576;

/** A number as a worksheet stores it (`12`, `-0.5`, `1.2E+16`, `.5`). */
const STORED_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
export const MAX_SHEET_CELLS = 20_000_000;

/** The column (0-based) of a reference like `AB12`; -1 when it has no letters. */
export function columnOfReference(reference: string): number {
  let column = 0;
  let letters = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    letters += 1;
    if (letters > 3) return -1;
  }
  return letters === 0 ? -1 : column - 1;
}

/** The letters of a 0-based column: 0 → `A`, 27 → `AB`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** What reading a sheet needs from the rest of the workbook. */
export interface SheetContext {
  strings: readonly string[];
  kinds: readonly NumberFormatKind[];
  date1904: boolean;
  limits: ImportLimits;
}

/** The attributes of a cell that matter: `r`, `t` and `s` (any prefix), read in one pass. */
function cellAttributes(raw: string): {
  reference: string | undefined;
  type: string;
  style: number;
} {
  const cell = { reference: undefined as string | undefined, type: 'n', style: 0 };
  forEachAttribute(raw, (attribute, value) => {
    if (attribute === 'r') cell.reference ??= value;
    else if (attribute === 't') cell.type = value;
    else if (attribute === 's') cell.style = Number(value);
  });
  return cell;
}

/**
 * The rows of one worksheet part, with text cells; a sentence when the part is damaged or over a
 * limit (rows, cells, columns, the length of one cell).
 */
export function readSheetRows(xml: string, context: SheetContext): XlsxRow[] | string {
  const { strings, kinds, date1904, limits } = context;
  const rows: XlsxRow[] = [];
  const merged: MergedRange[] = [];
  let refusal: string | null = null;
  let inSheetData = false;
  let rowNumber = 0;
  let cells: string[] = [];
  let unsaved: number[] = [];
  let column = -1;
  let cellCount = 0;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  let inValue = false;
  // Whether the cell being read holds a formula, and a saved result (`<v>`) of it.
  let formula = false;
  let saved = false;
  let inInlineText = false;
  let phonetic = 0;
  let inCell = false;

  const finishRow = () => {
    if (cells.length > 0 || unsaved.length > 0) {
      let last = cells.length - 1;
      while (last >= 0 && cells[last] === '') last -= 1;
      const row: XlsxRow = {
        row: rowNumber,
        cells: last === cells.length - 1 ? cells : cells.slice(0, last + 1),
      };
      if (unsaved.length > 0) row.unsaved = unsaved;
      if (last >= 0 || unsaved.length > 0) rows.push(row);
    }
    cells = [];
    unsaved = [];
  };

  const cellText = (): string => {
    switch (type) {
      case 's': {
        if (value.trim() === '') return '';
        const index = Number(value);
        const text = Number.isInteger(index) && index >= 0 ? strings[index] : undefined;
        if (text === undefined) {
          const held =
            strings.length === 0
              ? 'the workbook has no shared text'
              : `the workbook holds ${formatCount(strings.length)}`;
          refusal = `the cell ${columnLetters(column)}${rowNumber} refers to shared text number ${quoted(value)}, but ${held}: the file is damaged.`;
          return '';
        }
        return text;
      }
      case 'inlineStr':
        return decodeExcelEscapes(inline);
      case 'str':
        return decodeExcelEscapes(value);
      case 'b':
        return value === '1' || value === 'true' ? 'TRUE' : value === '' ? '' : 'FALSE';
      case 'e':
        return value;
      case 'd':
        // ISO 8601 date cells (Strict OOXML, some exporters): the calendar date.
        return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
      default: {
        if (value.trim() === '') return '';
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        // `Number` also reads `0x10`, `0b101` and `0o17`, which no spreadsheet stores a number as.
        if (!STORED_NUMBER.test(value.trim())) {
          refusal = `the cell ${columnLetters(column)}${rowNumber} holds ${quoted(value.trim())} where a number is stored, which no spreadsheet writes: the file is damaged.`;
          return '';
        }
        return numericCellText(number, kinds[style] ?? 'number', date1904, value);
      }
    }
  };

  const problem = scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (refusal !== null) return;
      if (name === 'mergeCell') {
        const range = mergedRange(xmlAttributes(attributes).ref);
        if (range !== null) merged.push(range);
        return;
      }
      if (name === 'sheetData') {
        inSheetData = !selfClosing;
        return;
      }
      if (!inSheetData) return;
      if (name === 'row') {
        const given = Number(xmlAttributes(attributes).r);
        if (Number.isInteger(given) && given > 0 && given <= rowNumber) {
          refusal = `row ${formatCount(given)} comes after row ${formatCount(rowNumber)} in the sheet's file (rows out of order or repeated), so its cells cannot be placed: the file is damaged.`;
          return;
        }
        rowNumber = Number.isInteger(given) && given > rowNumber ? given : rowNumber + 1;
        if (rowNumber > MAX_SHEET_ROWS) {
          refusal = `it has rows past row ${formatCount(MAX_SHEET_ROWS)}, the most a sheet can hold; the file is damaged.`;
        }
        column = -1;
        cells = [];
        unsaved = [];
        if (selfClosing) finishRow();
      } else if (name === 'c') {
        const cell = cellAttributes(attributes);
        type = cell.type;
        style = cell.style;
        const at = cell.reference === undefined ? -1 : columnOfReference(cell.reference);
        if (at !== -1 && at <= column) {
          refusal = `the cell ${quoted(cell.reference ?? '')} comes after ${columnLetters(column)}${rowNumber} in the sheet's file (cells out of order or repeated), so it cannot be placed in its column: the file is damaged.`;
          return;
        }
        column = at > column ? at : column + 1;
        if (column >= limits.maxColumns) {
          refusal = `row ${formatCount(rowNumber)} has a cell in column ${columnLetters(column)}, past the limit of ${formatCount(limits.maxColumns)} columns (most columns). A bill has a few dozen: the file is damaged or is not a bill export.`;
          return;
        }
        value = '';
        inline = '';
        formula = false;
        saved = false;
        inCell = !selfClosing;
      } else if (inCell) {
        if (name === 'v') {
          inValue = !selfClosing;
          saved = true;
        } else if (name === 'f') formula = true;
        else if (name === 'rPh' && !selfClosing) phonetic += 1;
        else if (name === 't' && !selfClosing && phonetic === 0) inInlineText = true;
      }
    },
    close(name) {
      if (refusal !== null) return;
      if (name === 'sheetData') {
        inSheetData = false;
        return;
      }
      if (!inSheetData) return;
      if (name === 'v') inValue = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c') {
        inCell = false;
        if (formula && !saved && type !== 'inlineStr') unsaved.push(column);
        const text = cellText();
        if (text === '') return;
        if (text.length > limits.maxLineChars) {
          refusal = `the cell ${columnLetters(column)}${rowNumber} holds ${formatCount(text.length)} characters, over the limit of ${formatCount(limits.maxLineChars)} (longest line); the file is damaged or is not a bill export.`;
          return;
        }
        cellCount += 1;
        if (cellCount > MAX_SHEET_CELLS) {
          refusal = `it holds more than ${formatCount(MAX_SHEET_CELLS)} cells, far more than any bill; the file is damaged or is not a bill export.`;
          return;
        }
        while (cells.length < column) cells.push('');
        cells[column] = text;
      } else if (name === 'row') finishRow();
    },
    text(text) {
      if (inValue) value += text;
      else if (inInlineText) inline += text;
    },
  });
  if (refusal !== null) return refusal;
  if (problem !== null) return `${problem}. Save it again from Excel, or export the sheet as CSV.`;
  return fillMergedDown(rows, merged);
}

/** A merged range of cells: its first and last rows (1-based) and its first column (0-based). */
interface MergedRange {
  firstRow: number;
  lastRow: number;
  column: number;
}

/** `A2:A4` as a range that spans rows; null for one row (a title across columns) or a bad ref. */
function mergedRange(ref: string | undefined): MergedRange | null {
  const found = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?[A-Za-z]{1,3}\$?(\d{1,7})$/.exec(ref ?? '');
  if (found === null) return null;
  const firstRow = Number(found[2]);
  const lastRow = Number(found[3]);
  if (lastRow <= firstRow) return null;
  return { firstRow, lastRow, column: columnOfReference(found[1] ?? '') };
}

/**
 * Cells merged down several rows stand for each of those rows (a carrier or an invoice number
 * merged over its lines): each row gets the value in the range's first column. Only rows that
 * hold other cells are filled, and each filled cell is marked (`XlsxRow.merged`): an amount
 * merged over rows is shown once by Excel, and read on each row it would count several times.
 */
function fillMergedDown(rows: XlsxRow[], merged: readonly MergedRange[]): XlsxRow[] | string {
  if (merged.length === 0) return rows;
  const byNumber = new Map(rows.map((row) => [row.row, row]));
  let filled = 0;
  for (const range of merged) {
    const value = byNumber.get(range.firstRow)?.cells[range.column] ?? '';
    if (value === '') continue;
    for (const row of rowsBetween(rows, range.firstRow + 1, range.lastRow)) {
      if ((row.cells[range.column] ?? '') !== '') continue;
      while (row.cells.length < range.column) row.cells.push('');
      row.cells[range.column] = value;
      (row.merged ??= []).push({ column: range.column, from: range.firstRow });
      filled += 1;
      if (filled > MAX_SHEET_CELLS) {
        return `its merged cells cover more than ${formatCount(MAX_SHEET_CELLS)} cells, far more than any bill; the file is damaged or is not a bill export.`;
      }
    }
  }
  return rows;
}

/** The rows numbered `from` to `to` (rows are in ascending order). */
function rowsBetween(rows: readonly XlsxRow[], from: number, to: number): XlsxRow[] {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((rows[middle]?.row ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  const found: XlsxRow[] = [];
  for (let index = low; index < rows.length; index += 1) {
    const row = rows[index];
    if (row === undefined || row.row > to) break;
    found.push(row);
  }
  return found;
}

/** A value from the file, cut short and quoted, for a sentence. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
}
