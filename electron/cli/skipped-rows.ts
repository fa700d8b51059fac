/** Bill rows a reader left out on purpose, as the CLI says them. */
import type { SkippedRow } from '../../shared/import/draft';
import { formatCount } from '../../shared/import/limits';

/** Rows skipped on purpose named in a file's notice (the rest are counted). */
const SKIPPED_NAMED = 3;

/**
 * The rows a reader left out on purpose — total and summary rows, a second header row, records
 * that are not charges — as one line per file of the run's summary, so a run never drops a row
 * without a word (the app's preview lists the same rows).
 */
export function skippedRowNotices(skipped: readonly SkippedRow[]): string[] {
  const byFile = new Map<string, SkippedRow[]>();
  for (const row of skipped) {
    const rows = byFile.get(row.sourceFile) ?? [];
    rows.push(row);
    byFile.set(row.sourceFile, rows);
  }
  return [...byFile].map(([file, rows]) => {
    const count = rows.length;
    const named = rows
      .slice(0, SKIPPED_NAMED)
      .map(
        (row) => `row ${row.row}: ${row.reason.replace(/^Not imported: /, '').replace(/\.$/, '')}`,
      )
      .join('; ');
    const more = count > SKIPPED_NAMED ? `; and ${formatCount(count - SKIPPED_NAMED)} more` : '';
    return `${file}: ${formatCount(count)} row${count === 1 ? '' : 's'} (${named}${more})`;
  });
}
