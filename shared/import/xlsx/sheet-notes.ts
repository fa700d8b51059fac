/**
 * What a draft read from an Excel sheet says about where things are: a row error names the sheet
 * and the column's letter as Excel shows them ("Sheet Detail, row 14, column F (Amount): …"), and
 * hidden sheets left unread are said, never skipped silently.
 */
import type { BillDraft, RowError } from '../draft';
import { capMessage } from '../limits';
import type { SheetTable } from './sheet-table';
import { sheetColumnLetter } from './sheet-table';

/** A parsed file, as far as its sheet notes need it. */
export interface SheetNotedFile {
  name: string;
  sheet?: { table: SheetTable; hiddenSkipped: string[] };
}

const ROW_COLUMN = /^Row ([\d,]+), column "([^"]*)": /;
const ROW_ONLY = /^Row ([\d,]+)/;

/** The error located in the sheet: its sheet, row and column letter named. */
export function sheetLocatedError(error: RowError, table: SheetTable): RowError {
  if (error.row === 0) return error;
  const withColumn = ROW_COLUMN.exec(error.message);
  if (withColumn !== null) {
    const name = withColumn[2] ?? '';
    const index = table.table.header.indexOf(error.column ?? name);
    const column = index < 0 ? name : `${sheetColumnLetter(table, index)} (${name})`;
    return {
      ...error,
      column,
      message: capMessage(
        `Sheet ${table.sheet}, row ${withColumn[1] ?? ''}, column ${column}: ${error.message.slice(withColumn[0].length)}`,
      ),
    };
  }
  if (ROW_ONLY.test(error.message)) {
    return { ...error, message: capMessage(`Sheet ${table.sheet}, r${error.message.slice(1)}`) };
  }
  return { ...error, message: capMessage(`Sheet ${table.sheet}: ${error.message}`) };
}

/** The draft with its errors from Excel files located in their sheets, and hidden sheets noted. */
export function sheetDraftNotes(draft: BillDraft, files: readonly SheetNotedFile[]): BillDraft {
  const sheets = new Map<string, SheetNotedFile['sheet']>();
  for (const file of files) if (file.sheet !== undefined) sheets.set(file.name, file.sheet);
  if (sheets.size === 0) return draft;
  const located = (error: RowError): RowError => {
    const sheet = sheets.get(error.sourceFile);
    return sheet === undefined ? error : sheetLocatedError(error, sheet.table);
  };
  const warnings: RowError[] = [];
  for (const [name, sheet] of sheets) {
    if (sheet === undefined || sheet.hiddenSkipped.length === 0) continue;
    const list = sheet.hiddenSkipped.map((hidden) => `"${hidden}"`).join(', ');
    warnings.push({
      sourceFile: name,
      row: 0,
      message: capMessage(
        `Read sheet "${sheet.table.sheet}". Hidden sheet${sheet.hiddenSkipped.length === 1 ? '' : 's'} ${list} not read: hidden sheets are never imported unless you choose one.`,
      ),
    });
  }
  // Changed in place, not spread: a spread would rebuild lines the draft keeps packed.
  draft.errors = draft.errors.map(located);
  if (warnings.length > 0 || draft.warnings !== undefined)
    draft.warnings = [...warnings, ...(draft.warnings ?? []).map(located)];
  return draft;
}
