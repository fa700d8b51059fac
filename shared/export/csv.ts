/**
 * CSV writing (RFC 4180): fields with a comma, quote, CR or LF are quoted and their quotes doubled;
 * records end with CRLF. Amounts go in as exact decimal text (`centsToDecimalString`), never as
 * floating-point dollars. Spreadsheet programs read the result as numbers where it looks like one.
 */
import { strToU8 } from 'fflate';

/** A cell: text, a plain number (counts, quantities), or empty. Money must already be text. */
export type CsvCell = string | number | null;

/** Options for {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel on Windows reads accents correctly. */
  bom?: boolean;
  /** Field separator; `,` by default. */
  delimiter?: ',' | ';' | '\t';
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, tab or CR (and are not plain numbers)
   * with `'`, so a spreadsheet never runs a formula planted in a carrier's description.
   */
  guardFormulas?: boolean;
}

const NUMBER_TEXT = /^[+-]?\d+(?:\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted when it must be. Throws on a non-finite number (a programmer error). */
export function csvField(value: CsvCell, options: CsvOptions = {}): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError(`CSV cells need finite numbers, got ${value}.`);
    text = String(value);
  } else {
    text = value;
    if (options.guardFormulas === true && FORMULA_START.test(text) && !NUMBER_TEXT.test(text)) {
      text = `'${text}`;
    }
  }
  const delimiter = options.delimiter ?? ',';
  const mustQuote =
    text.includes('"') ||
    text.includes(delimiter) ||
    text.includes('\n') ||
    text.includes('\r') ||
    /^\s|\s$/.test(text);
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV text: the header, then every row, each record ending in CRLF. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const records: string[] = [header.map((cell) => csvField(cell, options)).join(delimiter)];
  for (const row of rows) records.push(row.map((cell) => csvField(cell, options)).join(delimiter));
  return `${options.bom === true ? '\uFEFF' : ''}${records.join('\r\n')}\r\n`;
}

/** {@link toCsv} as UTF-8 bytes, ready to save. */
export function toCsvBytes(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions = {},
): Uint8Array {
  return strToU8(toCsv(header, rows, options));
}
