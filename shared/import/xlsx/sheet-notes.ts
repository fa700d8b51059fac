/**
 * What a draft read from an Excel sheet says about where things are: a row error names the sheet
 * and the column's letter as Excel shows them ("Sheet Detail, row 14, column F (Amount): …"),
 * hidden sheets left unread are said, never skipped silently, and an amount merged over several
 * rows refuses the file, never billed once per row.
 */
import type { BillDraft, RowError } from '../draft';
import { capMessage } from '../limits';
import { cents, formatCents } from '../../money/cents';
import type { SheetTable } from './sheet-table';
import { sheetColumnLetter } from './sheet-table';
import { columnLetters } from './workbook';

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
  draft.refusal ??= mergedAmountRefusal(draft, sheets);
  if (warnings.length > 0 || draft.warnings !== undefined)
    draft.warnings = [...warnings, ...(draft.warnings ?? []).map(located)];
  return draft;
}

/** A merged cell's number copied onto a row below it, with where it is written. */
interface MergedCopy {
  file: string;
  sheet: string;
  /** The copied row, and the 0-based column and first row of the merged range. */
  row: number;
  column: number;
  from: number;
  /** The number, unsigned, in cents. */
  cents: number;
}

/**
 * Why a draft cannot be imported because a charge's amount came from a merged cell copied down
 * (see `fillMergedDown`), or undefined. Excel shows a merged amount once, over its rows; read on
 * each row it was billed as many times (a $199 bundle merged over its internet and voice rows
 * was $398). An identifier merged down (an account, an invoice total) is no charge's amount.
 */
function mergedAmountRefusal(
  draft: BillDraft,
  sheets: ReadonlyMap<string, SheetNotedFile['sheet']>,
): string | undefined {
  // The merged numbers copied onto each row, by file and row.
  const copies = new Map<string, MergedCopy[]>();
  for (const [file, sheet] of sheets) {
    if (sheet === undefined) continue;
    for (const fill of sheet.table.mergedNumbers ?? []) {
      const key = `${file}\n${fill.row}`;
      const copy: MergedCopy = { ...fill, file, sheet: sheet.table.sheet };
      copies.set(key, [...(copies.get(key) ?? []), copy]);
    }
  }
  if (copies.size === 0) return undefined;
  for (const line of draft.lines) {
    const onRow = copies.get(`${line.sourceFile}\n${line.sourceRow}`);
    const copy = onRow?.find((candidate) => candidate.cents === Math.abs(line.amount));
    if (copy === undefined) continue;
    const cell = `${columnLetters(copy.column)}${copy.from}`;
    return capMessage(
      `"${copy.file}", sheet ${copy.sheet}: the amount ${formatCents(cents(copy.cents))} in cell ${cell} is merged down over the rows below it (row ${line.sourceRow} among them). Excel shows it once, but read on each of those rows it would be billed several times. Unmerge the cells (Home → Merge & Center) so that each amount is on its own row, or export the sheet as CSV, and import it again.`,
    );
  }
  return undefined;
}
