/**
 * The lines of a file's first kilobytes as the sniff reads them (see `sniffTable`): split for
 * sniffing only, measured, and judged as column names or data.
 */
import type { Delimiter } from './table-types';

// An amount: `1,250.00`, `($12.00)`, `12.00 CR`, `12.00-`, `5%`.
const NUMERIC_CELL = /^[-+($€£]*\d[\d,.\s]*\)?(?:%|-|\s*(?:CR|DR))?$/i;
const DATE_CELL = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/;
// A date with its month's name, day and year: `Oct 05, 2026`, `05-Oct-26`, `5 October 2026`.
const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const NAMED_DATE_CELL = new RegExp(
  `^(?:${MONTH_NAME}[\\s-]+\\d{1,2},?[\\s-]+\\d{2,4}|\\d{1,2}[\\s-]+${MONTH_NAME}[\\s-]+\\d{2,4})$`,
  'i',
);
const HAS_LETTER = /\p{L}/u;
/** A cell with neither a letter nor a digit, as `#` or `%` (see {@link looksLikeHeader}). */
const SYMBOLS_ONLY = /^[^\p{L}\p{N}]+$/u;

/**
 * Splits one line for sniffing only: honours quotes on that line, nothing more. Each cell is
 * built from the runs between quotes and delimiters (not a character at a time: the sniff of a
 * large upload's every file added up).
 */
export function splitSampleLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let cell = '';
  // Where the run of plain characters not yet added to `cell` starts.
  let from = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code === QUOTE_CODE) {
      cell += line.slice(from, i);
      if (quoted && line.charCodeAt(i + 1) === QUOTE_CODE) {
        cell += '"';
        i += 1;
      } else {
        quoted = !quoted;
      }
      from = i + 1;
    } else if (code === delimiterCode && !quoted) {
      cells.push((cell + line.slice(from, i)).trim());
      cell = '';
      from = i + 1;
    }
  }
  cells.push((cell + line.slice(from)).trim());
  return cells;
}

/**
 * The number of cells {@link splitSampleLine} gives, without making them: every line of the
 * sample is measured for each of the four delimiters.
 */
export function sampleLineWidth(line: string, delimiter: Delimiter): number {
  const delimiterCode = delimiter.charCodeAt(0);
  let width = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code === QUOTE_CODE) {
      if (quoted && line.charCodeAt(i + 1) === QUOTE_CODE) i += 1;
      else quoted = !quoted;
    } else if (code === delimiterCode && !quoted) {
      width += 1;
    }
  }
  return width;
}

const QUOTE_CODE = 0x22;

/** The most common width among lines of two cells or more (the wider wins ties). */
export function modalWidth(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const width of widths) if (width >= 2) counts.set(width, (counts.get(width) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [width, count] of counts) {
    if (count > bestCount || (count === bestCount && width > best)) {
      best = width;
      bestCount = count;
    }
  }
  return best;
}

/** The cells of a row up to its last filled one. */
export function filledCellCount(cells: readonly string[]): number {
  let count = cells.length;
  while (count > 0 && cells[count - 1] === '') count -= 1;
  return count;
}

/**
 * Whether a row shares a filled cell with a row under it, in the same column: a bill's first row
 * repeats its carrier, account or invoice number in the rows after it, and column names never do.
 * A first row of text (a credit dated `Oct 05, 2026` for `12.00 CR`) is then data, never dropped as
 * a second header row.
 */
export function repeatsBelow(
  row: readonly string[],
  below: readonly (readonly string[])[],
): boolean {
  for (const other of below) {
    for (let i = 0; i < row.length; i += 1) {
      const cell = row[i];
      if (cell !== undefined && cell !== '' && cell === other[i]) return true;
    }
  }
  return false;
}

/**
 * Whether a row reads like column names: at least `minWidth` cells, at least half filled, none a
 * number or a date, each with a letter. A cell of symbols alone (`#`, `%`, `-`: no letter, no
 * digit) says nothing either way: a row-number column is often headed `#`, and it is no reason to
 * call the whole row data. Shared with the XLSX reader's header search.
 */
export function looksLikeHeader(cells: readonly string[], minWidth: number): boolean {
  if (cells.length < minWidth) return false;
  let filled = 0;
  for (const cell of cells) {
    if (cell === '' || SYMBOLS_ONLY.test(cell)) continue;
    if (
      NUMERIC_CELL.test(cell) ||
      DATE_CELL.test(cell) ||
      NAMED_DATE_CELL.test(cell) ||
      !HAS_LETTER.test(cell)
    )
      return false;
    filled += 1;
  }
  return filled * 2 >= cells.length;
}
