/** Bill rows a reader left out on purpose, as the CLI says them. */
import type { SkippedRow } from '../../shared/import/draft';
import { formatCount } from '../../shared/import/limits';

/** Rows skipped on purpose named in a file's notice (the rest are counted). */
const SKIPPED_NAMED = 3;

/** Row numbers listed for one reason before "and N more". */
const ROWS_NAMED = 4;

/** `row 3`, `rows 2–27`, `rows 2, 5 and 9–12`, `rows 2, 5, 7, 9 and 4 more`: sorted, runs joined. */
function rowsText(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    runs.push(j === i ? String(sorted[i]) : `${String(sorted[i])}–${String(sorted[j])}`);
    i = j + 1;
  }
  if (sorted.length === 1) return `row ${runs[0] ?? ''}`;
  const named = runs.slice(0, ROWS_NAMED);
  const tail =
    runs.length > ROWS_NAMED
      ? ` and ${formatCount(runs.length - ROWS_NAMED)} more`
      : named.length > 1
        ? ` and ${named.pop() ?? ''}`
        : '';
  return `rows ${named.join(', ')}${tail}`;
}

/**
 * The rows a reader left out on purpose — total and summary rows, a second header row, records
 * that are not charges — as one line per file of the run's summary, so a run never drops a row
 * without a word (the app's preview lists the same rows). Rows left out for the same reason (every
 * row of a copy of a bill already read) are said once, with their row numbers.
 */
export function skippedRowNotices(skipped: readonly SkippedRow[]): string[] {
  const byFile = new Map<string, Map<string, number[]>>();
  for (const row of skipped) {
    const reasons = byFile.get(row.sourceFile) ?? new Map<string, number[]>();
    const reason = row.reason.replace(/^Not imported: /, '').replace(/\.$/, '');
    const rows = reasons.get(reason) ?? [];
    rows.push(row.row);
    reasons.set(reason, rows);
    byFile.set(row.sourceFile, reasons);
  }
  return [...byFile].map(([file, reasons]) => {
    const count = [...reasons.values()].reduce((sum, rows) => sum + rows.length, 0);
    const groups = [...reasons];
    const named = groups
      .slice(0, SKIPPED_NAMED)
      .map(([reason, rows]) => `${rowsText(rows)}: ${reason}`)
      .join('; ');
    const rest = groups.slice(SKIPPED_NAMED).reduce((sum, [, rows]) => sum + rows.length, 0);
    const more = rest > 0 ? `; and ${formatCount(rest)} more` : '';
    return `${file}: ${formatCount(count)} row${count === 1 ? '' : 's'} (${named}${more})`;
  });
}
