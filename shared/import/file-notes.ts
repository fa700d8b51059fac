/**
 * What the files of a draft add to it: the problems found while splitting them into rows (as row
 * errors), a second header row, the header repeated further down and page numbers (as skipped
 * rows), and text already damaged (as a warning).
 */
import type { BillDraft, RowError } from './draft';
import { addRowError, addUnlistedRows } from './draft-problems';
import type { LayoutRowKind, Table } from './table';

/** Why a row of a bill's layout is not imported, by its kind. */
const LAYOUT_ROW_REASONS: Readonly<Record<LayoutRowKind, string>> = {
  header:
    'Not imported: the column names again, below the header (a header repeated on each page of a report, or two exports joined into one file).',
  page: 'Not imported: a page number of a report ("Page 2 of 3"), not a charge.',
  note: 'Not imported: a line of text after the table, set apart by a blank line (a report\'s footer, such as "Report generated …"), not a charge.',
};

/** A file as parsed, as far as its notes need it. */
export interface NotedFile {
  name: string;
  info: { replacementChars: number; utf8Lines?: number[]; utf8LineCount?: number };
  table: Table;
}

/** Adds parser problems (as row errors) and encoding warnings of the files to a draft. */
export function withFileNotes(draft: BillDraft, files: readonly NotedFile[]): BillDraft {
  const warnings: RowError[] = [];
  for (const file of files) {
    for (const problem of file.table.problems) {
      const error: RowError = {
        sourceFile: file.name,
        row: problem.line,
        message: problem.message.startsWith('Row ')
          ? problem.message
          : `Row ${problem.line}: ${problem.message}`,
      };
      if (problem.rowText !== undefined) error.value = problem.rowText;
      addRowError(draft, error);
    }
    if (file.table.unlistedProblems !== undefined) {
      addUnlistedRows(draft, file.table.unlistedProblems);
    }
    if (file.table.secondHeaderLine !== undefined) {
      draft.skipped.unshift({
        sourceFile: file.name,
        row: file.table.secondHeaderLine,
        reason: 'Not imported: a second header row (the column names again, e.g. in French).',
      });
    }
    for (const { line, kind } of file.table.layoutRows ?? []) {
      draft.skipped.push({ sourceFile: file.name, row: line, reason: LAYOUT_ROW_REASONS[kind] });
    }
    const { utf8Lines, utf8LineCount = 0 } = file.info;
    if (utf8Lines !== undefined && utf8LineCount > 0) {
      const more =
        utf8LineCount > utf8Lines.length ? ` and ${utf8LineCount - utf8Lines.length} more` : '';
      const lines = `${utf8LineCount === 1 ? 'line' : 'lines'} ${utf8Lines.join(', ')}${more}`;
      warnings.push({
        sourceFile: file.name,
        row: utf8Lines[0] ?? 0,
        message: `The file mixes two text encodings: ${lines} ${utf8LineCount === 1 ? 'is' : 'are'} UTF-8, the rest Windows-1252 (a file put together from two exports?). Each line was read in its own encoding, so names show as written; check the names on ${utf8LineCount === 1 ? 'that line' : 'those lines'}. Amounts are not affected.`,
      });
    }
    if (file.info.replacementChars > 0) {
      warnings.push({
        sourceFile: file.name,
        row: 0,
        message: `The file already holds ${file.info.replacementChars} unreadable character(s) (shown as �): it was damaged by a text conversion before it reached TEM Desk. Names may be misspelt; amounts are not affected unless a row shows an error.`,
      });
    }
  }
  if (warnings.length > 0) draft.warnings = [...warnings, ...(draft.warnings ?? [])];
  return draft;
}
