/**
 * Bill rows the CLI could not read. A month-end script must not publish figures that silently
 * miss a charge: unless `--allow-row-errors` is given, such a run writes nothing and exits 1; with
 * it, the summary lists every row left out, with its amount.
 */
import { distinctRowCount } from '../../shared/import/draft';
import { formatCount } from '../../shared/import/limits';
import { CliError } from './inputs';
import type { UnreadRow } from './workspace-bills';
import type { Workspace } from './workspace';

/** Rows listed when the run is refused (the rest are counted). */
const LISTED_IN_REFUSAL = 20;
/** Rows listed in the summary of a run with `--allow-row-errors`. */
const LISTED_IN_SUMMARY = 200;

/** All the rows not read, listed or not (a row with several bad cells counted once). */
export function unreadRowCount(
  workspace: Pick<Workspace, 'unreadRows' | 'unlistedUnreadRows'>,
): number {
  return distinctRowCount(workspace.unreadRows, (row) => row.file) + workspace.unlistedUnreadRows;
}

/** One row as the CLI prints it: file, the reader's sentence, and the amount left out. */
export function describeUnreadRow(row: UnreadRow): string {
  const what =
    row.amount !== undefined
      ? ` [amount ${row.amount}]`
      : row.rowText !== undefined
        ? ` [row: ${row.rowText}]`
        : '';
  // Most readers' sentences start with where they are (a row, an EDI segment); one about a whole
  // invoice's rows gets its row here.
  const located = /^(?:Rows?|Lines?|Segments?|Records?|Sheet|Page|Cell)\b/i.test(row.message);
  const where = row.row > 0 && !located ? `Row ${row.row}: ` : '';
  return `${row.file}: ${where}${row.message}${what}`;
}

function listed(
  workspace: Pick<Workspace, 'unreadRows' | 'unlistedUnreadRows'>,
  max: number,
): string[] {
  const lines = workspace.unreadRows.slice(0, max).map((row) => `  ${describeUnreadRow(row)}`);
  // Problems, not rows: the listed ones are problems (two of one row are two lines).
  const more =
    workspace.unreadRows.length +
    workspace.unlistedUnreadRows -
    Math.min(max, workspace.unreadRows.length);
  if (more > 0) lines.push(`  … and ${formatCount(more)} more.`);
  return lines;
}

/**
 * Throws (exit 1, nothing written) when rows were not read and the user did not allow it; the
 * notices (PDFs skipped) come first, as a successful run prints them.
 */
export function refuseUnreadRows(
  workspace: Pick<Workspace, 'unreadRows' | 'unlistedUnreadRows' | 'notices'>,
  allowRowErrors: boolean,
): void {
  const count = unreadRowCount(workspace);
  if (count === 0 || allowRowErrors) return;
  throw new CliError(
    [
      `${formatCount(count)} bill row${count === 1 ? '' : 's'} could not be read, so nothing was written:`,
      ...listed(workspace, LISTED_IN_REFUSAL),
      'Correct the rows and run again, or add --allow-row-errors to write the outputs without them.',
    ].join('\n'),
    workspace.notices,
  );
}

/**
 * The summary lines for what reading the bills noted (a stated total the lines miss, amounts
 * rounded, damaged text), for bill rows not in the outputs: those left out on purpose (totals,
 * summaries, a second header; a line per file), then those left out of a run with
 * `--allow-row-errors` (nothing when every row was read).
 */
export function unreadRowsSummary(
  workspace: Pick<Workspace, 'unreadRows' | 'unlistedUnreadRows' | 'skippedRows' | 'billNotes'>,
): string[] {
  const skipped = workspace.skippedRows;
  const notes = workspace.billNotes.slice(0, LISTED_IN_SUMMARY);
  const unlisted = workspace.billNotes.length - notes.length;
  const lines: string[] = [];
  if (notes.length > 0) {
    lines.push('Read with notes:', ...notes.map((note) => `  ${note}`));
    if (unlisted > 0) lines.push(`  … and ${formatCount(unlisted)} more.`);
  }
  if (skipped.length > 0)
    lines.push('Rows not read as charges, by design:', ...skipped.map((line) => `  ${line}`));
  const count = unreadRowCount(workspace);
  if (count === 0) return lines;
  return [
    ...lines,
    `Left out ${formatCount(count)} bill row${count === 1 ? '' : 's'} that could not be read (--allow-row-errors); the outputs do not include them:`,
    ...listed(workspace, LISTED_IN_SUMMARY),
  ];
}
