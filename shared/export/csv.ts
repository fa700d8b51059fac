/**
 * CSV writing (RFC 4180): fields with a quote, CR, LF or any delimiter the importers recognise are
 * quoted and their quotes doubled; records end with CRLF. Amounts go in as exact decimal text
 * (`centsToDecimalString`), never as floating-point dollars. Spreadsheet programs read the result
 * as numbers where it looks like one.
 *
 * Every CSV TEM Desk writes goes through here, and every one neutralises formulas: a text cell a
 * spreadsheet would run (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`, a leading tab or CR) is
 * written with a leading `'`. Carrier descriptions and inventory names come from files anyone can
 * write, and finance opens our exports in Excel. {@link unguardFormula} undoes it on import, so our
 * own files read back to the text that was exported.
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
}

/** A plain number (`-5.25`, `+15551234567`): a spreadsheet reads it as a number, never runs it. */
const NUMBER_TEXT = /^[+-]?\d+(?:\.\d+)?$/;
/**
 * What a spreadsheet may run: a formula character first, after any apostrophes already there.
 * The apostrophes count so that guarding is reversible: a cell that really starts with `'=` is
 * guarded too (`''=`), and {@link unguardFormula} always removes exactly the one `'` added.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Separators the importers' sniffing recognises: quoted in any file so it splits the same way. */
const SEPARATOR = /[,;|\t]/;

function needsGuard(text: string): boolean {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text);
}

/** `text` with a leading `'` when a spreadsheet would run it as a formula. */
export function guardFormula(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/**
 * The text {@link guardFormula} was given: removes the `'` it added, and nothing else. Importers of
 * our own exports (inventory, sites, contracts, rates) read cells through it.
 */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

/** C0 control characters but tab, line feed and carriage return, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are dropped.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** One field, quoted when it must be. Throws on a non-finite number (a programmer error). */

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError(`CSV cells need finite numbers, got ${value}.`);
    text = String(value);
  } else {
    // Control characters a bill file held (a NUL, an escape) never reach the export: spreadsheet
    // programs cut a cell at a NUL or show boxes. The XLSX export drops the same (see xml.ts).
    text = guardFormula(value.replace(CONTROL_CHARACTERS, ''));
  }
  const mustQuote =
    text.includes('"') ||
    SEPARATOR.test(text) ||
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
  const records: string[] = [header.map((cell) => csvField(cell)).join(delimiter)];
  for (const row of rows) records.push(row.map((cell) => csvField(cell)).join(delimiter));
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
