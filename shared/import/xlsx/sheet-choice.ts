/**
 * Which sheet of a bill workbook is read: the one the user named; else the only visible sheet whose
 * header a layout recognises; else the only visible sheet with a header. Two candidates are a
 * question, never a guess; hidden sheets are read only when named.
 */
import type { ImportLimits, LimitAdvice } from '../limits';
import { formatCount, quoteCell } from '../limits';
import type { SheetTable } from './sheet-table';
import { readAsTable } from './sheet-table';
import type { XlsxSheetInfo } from './workbook';
import { openWorkbook } from './workbook';

/** How {@link readSheetForImport} decides which sheet a bill file is read from. */
export interface SheetChoiceOptions {
  /** The sheet the user chose (from the question, or the CLI's `--sheet`), hidden or not. */
  sheet?: string;
  /** A sheet to read when the workbook has one of this name (the CLI's `--sheet`). */
  preferred?: string;
  /** Whether a layout (or a saved mapping) recognises a header. */
  recognised(header: readonly string[]): boolean;
  limits: ImportLimits;
  limitAdvice: LimitAdvice;
}

/** The outcome of choosing and reading a workbook's sheet. */
export type SheetChoice =
  | { kind: 'table'; table: SheetTable; hiddenSkipped: string[] }
  | {
      kind: 'ask';
      /** Visible sheets with a header (recognised ones only, when two or more are). */
      sheets: string[];
      /** Hidden sheets, offered only when asked for. */
      hidden: string[];
    }
  | { kind: 'unreadable'; message: string };

function hiddenNames(sheets: readonly XlsxSheetInfo[]): string[] {
  return sheets.filter((sheet) => sheet.state !== 'visible').map((sheet) => sheet.name);
}

/** A chosen sheet, or why it cannot be read: a formula in its table whose result is not saved. */
function chosen(fileName: string, table: SheetTable, hiddenSkipped: string[]): SheetChoice {
  if (table.unsavedFormula === undefined) return { kind: 'table', table, hiddenSkipped };
  return {
    kind: 'unreadable',
    message: `"${fileName}", sheet ${table.sheet}: the cell ${table.unsavedFormula} holds a formula whose result was never saved (the workbook was written by a program and not yet opened and saved in Excel), so its value is not known and the bill cannot be read exactly. Open the workbook in Excel or LibreOffice, save it, and import it again.`,
  };
}

/**
 * Reads a bill workbook's sheet: the one the user named; else the only visible sheet whose header
 * a layout recognises; else the only visible sheet with a header. Two candidates are a question,
 * never a guess. Hidden sheets are read only when named, and are listed when skipped.
 */
export function readSheetForImport(
  fileName: string,
  bytes: Uint8Array,
  options: SheetChoiceOptions,
): SheetChoice {
  const opened = openWorkbook(fileName, bytes, options.limits, options.limitAdvice);
  if (!opened.ok) return { kind: 'unreadable', message: opened.problem };
  const book = opened.value;
  const hidden = hiddenNames(book.sheets);
  const named =
    options.sheet ??
    (book.sheets.some((sheet) => sheet.name === options.preferred) ? options.preferred : undefined);
  if (named !== undefined) {
    if (!book.sheets.some((sheet) => sheet.name === named)) {
      return {
        kind: 'unreadable',
        message: `"${fileName}" has no sheet named "${quoteCell(named)}"; its sheets are ${book.sheets.map((sheet) => sheet.name).join(', ')}.`,
      };
    }
    const read = readAsTable(book, named);
    if (!read.ok) return { kind: 'unreadable', message: read.message };
    if (read.table === null) {
      return {
        kind: 'unreadable',
        message: `"${fileName}", sheet ${named}: no header row found (a row of column names above the data).`,
      };
    }
    return chosen(fileName, read.table, []);
  }
  const withHeader: SheetTable[] = [];
  for (const sheet of book.sheets) {
    if (sheet.state !== 'visible') continue;
    const read = readAsTable(book, sheet.name);
    if (!read.ok) return { kind: 'unreadable', message: read.message };
    if (read.table !== null && read.table.table.rows.length > 0) withHeader.push(read.table);
  }
  const recognised = withHeader.filter((table) => options.recognised(table.table.header));
  const candidates = recognised.length > 0 ? recognised : withHeader;
  const [only] = candidates;
  if (only !== undefined && candidates.length === 1) {
    return chosen(fileName, only, hidden);
  }
  if (candidates.length > 1) {
    return { kind: 'ask', sheets: candidates.map((table) => table.sheet), hidden };
  }
  if (hidden.length > 0) return { kind: 'ask', sheets: [], hidden };
  return {
    kind: 'unreadable',
    message: `"${fileName}" is an Excel workbook with no sheet holding a table: no row of column names with data under it was found in ${formatCount(book.sheets.length)} sheet${book.sheets.length === 1 ? '' : 's'}.`,
  };
}
