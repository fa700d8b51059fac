/**
 * Values of a set-up file's row (sites, inventory, contracts, rates, cost centers, budgets) in a
 * column whose header cell is blank: past the header's last name, in a gap between two names, or —
 * on a sheet whose header starts further right — before its first. No reader takes such a value,
 * so the row is refused naming the columns, as a CSV row with more cells than its header is: never
 * read with the value dropped without a word (a note beside a service, or a cost center typed
 * under a column left unnamed).
 */
import { someOf } from '../text/wording';
import { quoteCell } from './limits';
import { columnLetters } from './xlsx/sheet-rows';

/** A value in a column with no header: its 0-based column (of the sheet, or of the CSV row). */
export interface UnheadedCell {
  column: number;
  value: string;
}

/** Columns named in one message; the rest are counted. */
const NAMED_COLUMNS = 3;

/**
 * The cells of `cells` that hold a value (whitespace is none) in a column with no header: the
 * header's names start at column `firstColumn` (0 for a CSV row, the header's first filled cell
 * on a sheet).
 */
export function unheadedCells(
  cells: readonly string[],
  header: readonly string[],
  firstColumn = 0,
): UnheadedCell[] {
  const found: UnheadedCell[] = [];
  for (let column = 0; column < cells.length; column += 1) {
    const value = (cells[column] ?? '').trim();
    if (value === '') continue;
    const at = column - firstColumn;
    if (at >= 0 && at < header.length && (header[at] ?? '').trim() !== '') continue;
    found.push({ column, value });
  }
  return found;
}

/** The columns of `found` as a spreadsheet names them: `H`, or `H, J`. */
export function unheadedColumns(found: readonly UnheadedCell[]): string {
  return found.map(({ column }) => columnLetters(column)).join(', ');
}

/**
 * Why a row with such cells is not read, after `Row 12: ` (the set-up readers put the row
 * first): `column H has a value ("check with Bob") but no header, …`. The header row is named,
 * so the fix (name the column, or clear the cell) is in reach.
 */
export function unheadedCellsMessage(found: readonly UnheadedCell[], headerRow: number): string {
  const [first] = found;
  if (found.length === 1 && first !== undefined) {
    const letter = columnLetters(first.column);
    return `column ${letter} has a value ("${quoteCell(first.value, 40)}") but no header, so it cannot be imported: name column ${letter} in the header row (row ${headerRow}) or clear the cell. The row is not read until then.`;
  }
  const named = found.map(
    ({ column, value }) => `${columnLetters(column)} ("${quoteCell(value, 40)}")`,
  );
  const listed =
    named.length > NAMED_COLUMNS
      ? someOf(named, NAMED_COLUMNS)
      : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
  return `columns ${listed} have values but no header, so they cannot be imported: name those columns in the header row (row ${headerRow}) or clear the cells. The row is not read until then.`;
}
