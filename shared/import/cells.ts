/**
 * Reading the cells of one row into values, collecting every bad cell as a {@link RowError} with
 * file, line, column, raw value and a sentence. A row with any bad cell is not imported at all (a
 * half-imported row would misstate the invoice total); reading goes on with the next row.
 */
import type { DateOrder, DateRange, IsoDate } from '../dates';
import { parseDate, parseDateRange } from '../dates';
import type { Cents } from '../money/cents';
import { cents, centsFromText } from '../money/cents';
import type { DecimalSeparator } from '../money/decimal-text';
import type { FieldError, Result } from '../result';
import type { RowError } from './draft';

/** Column index meaning "this file has no such column". */
export const ABSENT = -1;

/**
 * The everyday amount (`12.34`, `-5`, `0.5`): read directly, because the general reader's dozen
 * checks dominate the time of a 100,000-line import. Anything else goes to `centsFromText`.
 */
const SIMPLE_AMOUNT = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?$/;
const NO_VALUE = new Set(['', '-', '--', 'N/A', 'NA', 'NONE']);

/**
 * Reads cells of the current row. One instance serves a whole table (no allocation per row):
 * call {@link CellReader.startRow} before each row, then `failed` says whether any cell was bad.
 */
export class CellReader {
  private cells: readonly string[] = [];
  private line = 0;
  /** Whether a cell of the current row could not be read. */
  failed = false;
  /**
   * Date readings by order and text: a bill repeats the same few dates on every row, and reading
   * one is a dozen regular expressions.
   */
  private readonly dateCache = new Map<DateOrder, Map<string, Result<IsoDate | null>>>();

  constructor(
    private readonly fileName: string,
    private readonly header: readonly string[],
    private readonly errors: RowError[],
    private readonly decimal: DecimalSeparator = '.',
  ) {}

  startRow(line: number, cells: readonly string[]): void {
    this.line = line;
    this.cells = cells;
    this.failed = false;
  }

  /** The cell trimmed; '' when the column is absent or the row is short. */
  text(index: number): string {
    return index === ABSENT ? '' : (this.cells[index] ?? '').trim();
  }

  /** An amount; null for blank or "no amount" markers (`N/A`) and absent columns. */
  cents(index: number): Cents | null {
    if (index === ABSENT) return null;
    const text = this.cells[index] ?? '';
    const simple = this.decimal === '.' ? SIMPLE_AMOUNT.exec(text) : null;
    if (simple !== null) {
      const [, sign, whole = '0', fraction = ''] = simple;
      const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
      return cents(sign === '-' ? -magnitude : magnitude);
    }
    return this.take(index, centsFromText(text, { decimal: this.decimal }));
  }

  /** A date in the given order; null for blank cells and absent columns. */
  date(index: number, order: DateOrder, referenceDate?: IsoDate): IsoDate | null {
    if (index === ABSENT) return null;
    const text = this.cells[index] ?? '';
    if (referenceDate !== undefined)
      return this.take(index, parseDate(text, order, { referenceDate }));
    let cache = this.dateCache.get(order);
    if (cache === undefined) {
      cache = new Map();
      this.dateCache.set(order, cache);
    }
    let result = cache.get(text);
    if (result === undefined) {
      result = parseDate(text, order);
      cache.set(text, result);
    }
    return this.take(index, result);
  }

  /** A billing period; null for blank cells and absent columns. */
  dateRange(index: number, order: DateOrder, referenceDate?: IsoDate): DateRange | null {
    if (index === ABSENT) return null;
    return this.take(index, parseDateRange(this.cells[index] ?? '', order, referenceDate));
  }

  /** A plain quantity (`1,234`, `0.5`); null for blank or `N/A`. */
  quantity(index: number): number | null {
    if (index === ABSENT) return null;
    const raw = this.cells[index] ?? '';
    const text = raw.trim();
    if (NO_VALUE.has(text.toUpperCase())) return null;
    if (!PLAIN_NUMBER.test(text) || !/\d/.test(text)) {
      this.reject(index, `expected a number like 1,234 or 0.5 but found "${raw}".`);
      return null;
    }
    return Number(text.replace(/,/g, ''));
  }

  /** Records a problem with a cell of the current row and marks the row failed. */
  reject(index: number, message: string): void {
    this.failed = true;
    this.errors.push(this.locate({ message }, index));
  }

  /** Records a problem with the whole current row (no single cell) and marks the row failed. */
  rejectRow(message: string): void {
    this.failed = true;
    this.errors.push({
      sourceFile: this.fileName,
      row: this.line,
      message: `Row ${this.line}: ${message}`,
    });
  }

  private take<T>(index: number, result: Result<T | null>): T | null {
    if (result.ok) return result.value;
    this.failed = true;
    for (const error of result.errors) this.errors.push(this.locate(error, index));
    return null;
  }

  private locate(error: FieldError, index: number): RowError {
    if (index === ABSENT) {
      return {
        sourceFile: this.fileName,
        row: this.line,
        message: `Row ${this.line}: ${lowerFirst(error.message)}`,
      };
    }
    const column = this.header[index] ?? `column ${index + 1}`;
    const value = this.cells[index] ?? '';
    return {
      sourceFile: this.fileName,
      row: this.line,
      column,
      value,
      message: `Row ${this.line}, column "${column}": ${lowerFirst(error.message)}`,
    };
  }
}

/**
 * The non-blank cells of `indexes` by their header, for a line's extras (user name, customer
 * columns); undefined when all are blank, so lines without extras carry no empty object.
 */
export function extrasFromCells(
  cells: readonly string[],
  header: readonly string[],
  indexes: readonly number[],
): Record<string, string> | undefined {
  let extras: Record<string, string> | undefined;
  for (const index of indexes) {
    const value = (cells[index] ?? '').trim();
    const name = header[index];
    if (value === '' || value.toUpperCase() === 'N/A' || name === undefined || name === '')
      continue;
    extras ??= {};
    extras[name] = value;
  }
  return extras;
}

function lowerFirst(message: string): string {
  const first = message[0];
  return first === undefined ? message : first.toLowerCase() + message.slice(1);
}
