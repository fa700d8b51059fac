import type { Table } from '../import/table';
import type { FieldError } from '../result';

/**
 * A set-up file's structural problems (a quoted cell never closed, which swallows the rows after
 * it; a row wider or narrower than the header) as row errors: the rows they touch are not read,
 * and that is said, never passed over (a site's cost center, or a service, silently gone).
 */
export function tableProblemErrors(
  table: Partial<Pick<Table, 'problems'>>,
): (FieldError & { row: number })[] {
  const errors = new Map<string, FieldError & { row: number }>();
  // Two stray quotes in the rows run together are one problem of the row they start.
  for (const { line, message, column } of table.problems ?? [])
    errors.set(`${line}\u0000${message}`, {
      row: line,
      message: `Row ${line}: ${message}`,
      ...(column === undefined ? {} : { column }),
    });
  return [...errors.values()];
}
