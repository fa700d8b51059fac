/**
 * Reading the cells of one row into values, collecting every bad cell as a {@link RowError} with
 * file, line, column, raw value and a sentence. A row with any bad cell is not imported at all (a
 * half-imported row would misstate the invoice total); reading goes on with the next row.
 */
import type { DateOrder, DateRange, IsoDate } from '../dates';
import { parseDate, parseDateRange } from '../dates';
import type { Cents } from '../money/cents';
import { cents, centsFromText } from '../money/cents';
import { decimalDigitsFromText, type DecimalSeparator } from '../money/decimal-text';
import type { FieldError, Result } from '../result';
import type { RowError } from './draft';
import { capMessage, LISTED_ROW_ERRORS, MAX_AMOUNT_CENTS, quoteCell } from './limits';
import { groupedCount, isDigitsOnly, isNotAvailable, simpleCents } from './cell-scan';

/** Column index meaning "this file has no such column". */
export const ABSENT = -1;

/** A row and the amount text it holds, quoted in a question about the decimal convention. */
export interface AmountSample {
  row: number;
  text: string;
}

/**
 * How a file writes its amounts, seen cell by cell: a thousands separator in one place
 * (`1,850.00`) and a bare group of three decimals in another (`1.234`) cannot both be right.
 */
export interface DecimalEvidence {
  /** The first amount written with a thousands separator. */
  grouped: AmountSample | null;
  /** Amounts that read differently in the other convention (`1.234`: $1.23 or $1,234.00). */
  ambiguous: AmountSample[];
}

/** Where a reader puts its errors: the draft, which lists the first ones and counts the rest. */
export interface RowErrorLog {
  errors: RowError[];
  /** Rows with an error that is not listed (over {@link LISTED_ROW_ERRORS}). */
  unlistedRows: number;
  /** Decimal evidence per file, filled in as amounts are read. */
  decimalEvidence: Map<string, DecimalEvidence>;
}

/**
 * Distinct texts whose reading a {@link CellReader} keeps per kind: a bound on the memory a file
 * of all-different cells could take (past it the readings are dropped and read again).
 */
const MAX_CACHED_READINGS = 10_000;

/** Amounts kept as examples of an ambiguous decimal convention. */
const AMBIGUOUS_EXAMPLES = 5;
/** `1.234`, `(1.234)`, `-$12.500`: a group of three digits after the point, nothing else. */
const THREE_DECIMALS_POINT = /^[-+(]?[$€£]?[1-9]\d{0,2}\.\d{3}\)?$/;
const THREE_DECIMALS_COMMA = /^[-+(]?[$€£]?[1-9]\d{0,2},\d{3}\)?$/;
const GROUPED_POINT = /\d,\d{3}(?:[.\D]|$)/;
const GROUPED_COMMA = /\d\.\d{3}(?:[,\D]|$)/;

const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?$/;
const NO_VALUE = new Set(['', '-', '--', 'N/A', 'NA', 'NONE']);

/** Whether a cell says it holds no figure (`N/A`, `NA`, `None`, `-`, blank): unknown, not zero. */
export function isNoValue(text: string): boolean {
  return NO_VALUE.has(text.trim().toUpperCase());
}

/**
 * Reads cells of the current row. One instance serves a whole table (no allocation per row):
 * call {@link CellReader.startRow} before each row, then `failed` says whether any cell was bad.
 */
/** A number as Excel writes one too long for its column: `2.87012E+11`, `5.5501E+9`. */
const SCIENTIFIC_NUMBER = /^[+-]?\d+(\.\d+)?E\+\d+$/i;

/**
 * Why an identifier cannot be read (null when it can): Excel saved it in scientific notation,
 * its last digits lost, so it no longer names one account, invoice, line or circuit.
 */
export function scientificNotationProblem(text: string): string | null {
  // Most identifiers hold no `E+` at all: the pattern is tried only on those that do.
  if (text.indexOf('E+') === -1 && text.indexOf('e+') === -1) return null;
  if (!SCIENTIFIC_NUMBER.test(text)) return null;
  return `"${text}" is a number in scientific notation: Excel saved the file with the column as a number and dropped its last digits, so it no longer names one account, invoice or line. Download the file again from the carrier, or format the column as Text in Excel before saving it as CSV.`;
}

export class CellReader {
  private cells: readonly string[] = [];
  private line = 0;
  /** Whether a cell of the current row could not be read. */
  failed = false;
  private readonly evidence: DecimalEvidence;
  /** The row's amount columns, quoted in its errors (see {@link RowError.amount}). */
  amountIndexes: readonly number[] = [];
  /**
   * Whether an amount's sign is its own: false for a file writing credits as positive amounts,
   * whose rows not read cannot say whether they charge or credit (their errors get no `cents`).
   */
  amountSignKnown = true;
  /**
   * Date readings by order and text: a bill repeats the same few dates on every row, and reading
   * one is a dozen regular expressions.
   */
  private readonly dates = new KeptReadings<Result<IsoDate | null>>();
  /** Period readings by order, reference date and text (see {@link CellReader.dateRange}). */
  private readonly ranges = new KeptReadings<Result<DateRange | null>>();

  constructor(
    private readonly fileName: string,
    private readonly header: readonly string[],
    private readonly log: RowErrorLog,
    private readonly decimal: DecimalSeparator = '.',
  ) {
    let evidence = log.decimalEvidence.get(fileName);
    if (evidence === undefined) {
      evidence = { grouped: null, ambiguous: [] };
      log.decimalEvidence.set(fileName, evidence);
    }
    this.evidence = evidence;
  }

  startRow(line: number, cells: readonly string[]): void {
    this.line = line;
    this.cells = cells;
    this.failed = false;
  }

  /** The cell trimmed; '' when the column is absent or the row is short. */
  text(index: number): string {
    return index === ABSENT ? '' : (this.cells[index] ?? '').trim();
  }

  /**
   * An identifier (account, invoice or wireless number): its text, or a row error when Excel has
   * saved it in scientific notation (`2.87012E+11`), its last digits lost: two accounts would
   * read as one.
   */
  identifier(index: number): string {
    const text = this.text(index);
    const problem = scientificNotationProblem(text);
    if (problem !== null) this.reject(index, problem);
    return text;
  }

  /**
   * An amount; null for blank or "no amount" markers (`N/A`) and absent columns. An amount
   * beyond ±{@link MAX_AMOUNT_CENTS} is an error, never a sum that overflows later.
   */
  cents(index: number): Cents | null {
    if (index === ABSENT) return null;
    const text = this.cells[index] ?? '';
    // Blank is "no amount", as `centsFromText` reads it.
    if (text === '') return null;
    const simple = this.decimal === '.' ? simpleCents(text) : null;
    if (simple !== null) {
      // A simple amount has no thousands separator and at most two decimals: it is no decimal
      // evidence either way, so `noteDecimal` is skipped.
      const amount = cents(simple);
      return Math.abs(amount) > MAX_AMOUNT_CENTS ? this.beyondLimit(index, text) : amount;
    }
    const amount = this.take(index, centsFromText(text, { decimal: this.decimal }));
    if (amount === null) return null;
    this.noteDecimal(text);
    if (Math.abs(amount) > MAX_AMOUNT_CENTS) return this.beyondLimit(index, text);
    return amount;
  }

  /**
   * What rounding the cell's amount to the cent took from it, in millionths of a cent, signed as
   * the amount (`0.333` → 300,000: 33.3¢ kept as 33¢; `0.335` → −500,000); 0 for an amount of at
   * most two decimals, a blank or an unreadable cell.
   */
  subCentResidue(index: number): number {
    if (index === ABSENT) return 0;
    const text = this.cells[index] ?? '';
    // Most amounts end two characters after their separator (`850.00`): nothing to parse again.
    const separator = text.lastIndexOf(this.decimal === '.' ? '.' : ',');
    if (separator === -1 || text.length - separator <= 3) return 0;
    const read = decimalDigitsFromText(text, this.decimal);
    if (!read.ok || read.value === null) return 0;
    const { fraction, negative } = read.value;
    if (!/[1-9]/.test(fraction.slice(2))) return 0;
    const below = Number(fraction.slice(2, 8).padEnd(6, '0'));
    const lost = (fraction[2] ?? '0') >= '5' ? below - 1_000_000 : below;
    return negative ? -lost : lost;
  }

  private beyondLimit(index: number, text: string): null {
    this.reject(
      index,
      `the amount "${quoteCell(text.trim())}" is beyond $1,000,000,000.00, the largest amount TEM Desk reads; check that this cell is an amount.`,
    );
    return null;
  }

  /** Notes how an amount was written, for {@link DecimalEvidence}. */
  private noteDecimal(raw: string): void {
    const text = raw.trim();
    const point = this.decimal === '.';
    if ((point ? THREE_DECIMALS_POINT : THREE_DECIMALS_COMMA).test(text)) {
      if (this.evidence.ambiguous.length < AMBIGUOUS_EXAMPLES) {
        this.evidence.ambiguous.push({ row: this.line, text });
      }
    } else if (
      this.evidence.grouped === null &&
      (point ? GROUPED_POINT : GROUPED_COMMA).test(text)
    ) {
      this.evidence.grouped = { row: this.line, text };
    }
  }

  /** A date in the given order; null for blank cells and absent columns. */
  date(index: number, order: DateOrder, referenceDate?: IsoDate): IsoDate | null {
    if (index === ABSENT) return null;
    const text = this.cells[index] ?? '';
    if (referenceDate !== undefined)
      return this.take(index, parseDate(text, order, { referenceDate }));
    return this.take(
      index,
      this.dates.reading(index, order, text, () => parseDate(text, order)),
    );
  }

  /**
   * A billing period; null for blank cells and absent columns. Its readings are kept like dates',
   * so a period read is shared (frozen) by the rows that repeat it.
   */
  dateRange(index: number, order: DateOrder, referenceDate?: IsoDate): DateRange | null {
    if (index === ABSENT) return null;
    const text = this.cells[index] ?? '';
    const kind = referenceDate === undefined ? order : `${order} ${referenceDate}`;
    const result = this.ranges.reading(index, kind, text, () => {
      const read = parseDateRange(text, order, referenceDate);
      if (read.ok && read.value !== null) Object.freeze(read.value);
      return read;
    });
    return this.take(index, result);
  }

  /** A plain quantity (`1,234`, `0.5`); null for blank or `N/A`. */
  quantity(index: number): number | null {
    if (index === ABSENT) return null;
    const raw = this.cells[index] ?? '';
    const text = raw.trim();
    // The common case, a bare count (`1`, `12`), read without the checks below.
    if (isDigitsOnly(text)) return Number(text);
    // A file of decimal commas writes half a unit `0,5` (and a thousand units `1.000`).
    if (this.decimal === ',' && /^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/.test(text))
      return Number(text.replace(/\./g, '').replace(',', '.'));
    // Then a count with thousands separators (AT&T's usage, `16,743,380`).
    const grouped = groupedCount(text);
    if (grouped !== null) return grouped;
    if (NO_VALUE.has(text.toUpperCase())) return null;
    if (!PLAIN_NUMBER.test(text) || !/\d/.test(text)) {
      this.reject(index, `expected a number like 1,234 or 0.5 but found "${raw}".`);
      return null;
    }
    return Number(text.replace(/,/g, ''));
  }

  /** Records a problem with a cell of the current row and marks the row failed. */
  reject(index: number, message: string): void {
    this.record(this.locate({ message }, index));
  }

  /** Records a problem with the whole current row (no single cell) and marks the row failed. */
  rejectRow(message: string): void {
    this.record({
      sourceFile: this.fileName,
      row: this.line,
      message: capMessage(`Row ${this.line}: ${message}`),
    });
  }

  private take<T>(index: number, result: Result<T | null>): T | null {
    if (result.ok) return result.value;
    for (const error of result.errors) this.record(this.locate(error, index));
    return null;
  }

  /**
   * Lists an error while fewer than {@link LISTED_ROW_ERRORS} are listed; past that, counts its
   * row once, so a file of a million bad rows cannot fill the memory or the screen.
   */
  private record(error: RowError): void {
    const firstOfRow = !this.failed;
    this.failed = true;
    if (this.log.errors.length >= LISTED_ROW_ERRORS) {
      if (firstOfRow) this.log.unlistedRows += 1;
      return;
    }
    const amount = this.amountText();
    if (amount !== '') error.amount = amount;
    const read = this.amountCents();
    if (read !== null) error.cents = read;
    this.log.errors.push(error);
  }

  /**
   * The current row's amount cells read and added up, as the file writes amounts; null when one
   * cannot be read, none is written, or (`amountSignKnown` false) a credit may be written positive.
   */
  private amountCents(): Cents | null {
    if (!this.amountSignKnown) return null;
    let sum = 0;
    let found = false;
    for (const index of this.amountIndexes) {
      const text = this.text(index);
      if (text === '') continue;
      const read = centsFromText(text, { decimal: this.decimal });
      if (!read.ok || read.value === null || Math.abs(read.value) > MAX_AMOUNT_CENTS) return null;
      sum += read.value;
      found = true;
    }
    return found ? cents(sum) : null;
  }

  /** The current row's amount cells as written, non-blank ones joined with ` + `. */
  private amountText(): string {
    const texts: string[] = [];
    for (const index of this.amountIndexes) {
      const text = this.text(index);
      if (text !== '') texts.push(quoteCell(text));
    }
    return texts.join(' + ');
  }

  private locate(error: FieldError, index: number): RowError {
    if (index === ABSENT) {
      return {
        sourceFile: this.fileName,
        row: this.line,
        message: capMessage(`Row ${this.line}: ${lowerFirst(error.message)}`),
      };
    }
    const column = quoteCell(this.header[index] ?? `column ${index + 1}`);
    const value = quoteCell(this.cells[index] ?? '', 200);
    return {
      sourceFile: this.fileName,
      row: this.line,
      column,
      value,
      message: capMessage(`Row ${this.line}, column "${column}": ${lowerFirst(error.message)}`),
    };
  }
}

/**
 * Readings of cell texts (which must not be changed by their users), kept by kind (date order…)
 * and text, and each column's last one: the rows of an invoice repeat its dates, so most rows
 * are answered by the column's last reading without a lookup.
 */
class KeptReadings<T> {
  private readonly byKind = new Map<string, Map<string, T>>();
  private readonly last: ({ kind: string; text: string; reading: T } | undefined)[] = [];

  /** The reading of `text` in column `index`: kept, or `read()` and kept. */
  reading(index: number, kind: string, text: string, read: () => T): T {
    const last = this.last[index];
    if (last !== undefined && last.text === text && last.kind === kind) return last.reading;
    let readings = this.byKind.get(kind);
    if (readings === undefined) {
      readings = new Map();
      this.byKind.set(kind, readings);
    }
    let reading = readings.get(text);
    if (reading === undefined) {
      reading = read();
      if (readings.size >= MAX_CACHED_READINGS) readings.clear();
      readings.set(text, reading);
    }
    this.last[index] = { kind, text, reading };
    return reading;
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
    if (value === '' || isNotAvailable(value) || name === undefined || name === '') continue;
    extras ??= {};
    extras[name] = value;
  }
  return extras;
}

function lowerFirst(message: string): string {
  const first = message[0];
  return first === undefined ? message : first.toLowerCase() + message.slice(1);
}
