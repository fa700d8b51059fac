/**
 * Text to a table: which delimiter, where the header is (after any report preamble), and every
 * data row with its true 1-based line number in the file, so the preview can point at the source.
 */
import Papa from 'papaparse';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** Delimiters seen in carrier exports, in the order ties are broken. */
export const DELIMITERS = ['\t', '|', ',', ';'] as const;

/** See {@link DELIMITERS}. */
export type Delimiter = (typeof DELIMITERS)[number];

/** What {@link sniffTable} found out about a text before parsing it. */
export interface TableSniff {
  delimiter: Delimiter;
  /** 1-based line number of the header row. */
  headerLine: number;
  /** Offset (in UTF-16 code units) of the first character of the header line. */
  headerOffset: number;
  /**
   * 2 when a second header row follows the first (Canadian carriers repeat the header in French):
   * the first is used and the second is not data.
   */
  headerRows: 1 | 2;
}

/** One data row: its cells as written (not trimmed) and the file line it starts on. */
export interface TableRow {
  /** 1-based line of the file where the row starts (a quoted cell may span several lines). */
  line: number;
  cells: string[];
}

/** A parsed table. */
export interface Table {
  /** Header cells, trimmed. */
  header: string[];
  rows: TableRow[];
  /** Structural problems the parser reported (an unclosed quote), with the line they start on. */
  problems: { line: number; message: string }[];
}

/** Lines looked at to find the delimiter and the header. */
const SNIFF_LINES = 60;
/** Characters looked at, so a file of one enormous line is not split whole. */
const SNIFF_CHARS = 256 * 1024;
/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY_ROWS = 5000;

const NUMERIC_CELL = /^[-+($€£]*\d[\d,.\s]*\)?%?$/;
const DATE_CELL = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$/;
const HAS_LETTER = /\p{L}/u;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]/g;

/**
 * The form of a header used for matching: case, accents, punctuation and spaces removed, `&` read
 * as "and". `Taxes, Governmental Surcharges, and Fees` ≡ `Taxes, Governmental Surcharges and Fees`,
 * `Account number` ≡ `Account Number`, `Taxes & Fees` ≡ `Taxes and Fees`.
 */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(NOT_ALPHANUMERIC, '');
}

interface SampleLine {
  /** 1-based line number. */
  line: number;
  offset: number;
  text: string;
}

/**
 * Finds the delimiter and the header row. The delimiter is the one that splits the most lines into
 * the same number of cells (wider tables win ties); the header is the first line that is as wide as
 * the table and reads like headers (mostly filled, no numbers or dates), so report titles,
 * `Account: 123` lines and blank lines before it are skipped.
 */
export function sniffTable(text: string): Result<TableSniff> {
  const lines = sampleLines(text);
  if (lines.length === 0) return fail('The file is empty.');

  let best: { delimiter: Delimiter; width: number; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const widths = lines.map((line) => splitSampleLine(line.text, delimiter).length);
    const width = modalWidth(widths);
    if (width < 2) continue;
    const matching = widths.filter((w) => w === width).length;
    const score = matching * (width - 1);
    if (best === null || score > best.score) best = { delimiter, width, score };
  }
  if (best === null) {
    return fail(
      'No columns found: the file is not separated by tabs, pipes, commas or semicolons.',
    );
  }

  const minWidth = Math.max(2, Math.ceil(best.width * 0.8));
  const headerIndex = lines.findIndex((line) =>
    looksLikeHeader(splitSampleLine(line.text, best.delimiter), minWidth),
  );
  const header = lines[headerIndex];
  if (header === undefined) {
    return fail(
      'No header row found: the first rows hold data, not column names. Add a header row with the column names.',
    );
  }
  const next = lines[headerIndex + 1];
  const secondHeader =
    next !== undefined && looksLikeHeader(splitSampleLine(next.text, best.delimiter), minWidth);
  return ok({
    delimiter: best.delimiter,
    headerLine: header.line,
    headerOffset: header.offset,
    headerRows: secondHeader ? 2 : 1,
  });
}

/**
 * Parses the table found by {@link sniffTable}. Blank lines (and rows of empty cells) are left
 * out; every row keeps the file line it starts on, counted through quoted multi-line cells.
 */
export function readTable(
  text: string,
  sniff: TableSniff,
  onProgress?: (fraction: number) => void,
): Table {
  const body = sniff.headerOffset === 0 ? text : text.slice(sniff.headerOffset);
  const rows: TableRow[] = [];
  const problems: Table['problems'] = [];
  let header: string[] | null = null;
  let headerRowsLeft = sniff.headerRows;
  let line = sniff.headerLine;
  let cursor = 0;
  let rowCount = 0;

  Papa.parse<string[]>(body, {
    delimiter: sniff.delimiter,
    quoteChar: '"',
    step: (result) => {
      const rowLine = line;
      const end = result.meta.cursor;
      line += countLineBreaks(body, cursor, end);
      cursor = end;
      for (const error of result.errors) {
        problems.push({ line: rowLine, message: describeParseError(error.code) });
      }
      const cells = result.data;
      if (isBlankRow(cells)) return;
      if (headerRowsLeft > 0) {
        if (header === null) header = cells.map((cell) => cell.trim());
        headerRowsLeft -= 1;
        return;
      }
      rows.push({ line: rowLine, cells });
      rowCount += 1;
      if (onProgress !== undefined && rowCount % PROGRESS_EVERY_ROWS === 0) {
        onProgress(end / body.length);
      }
    },
  });
  onProgress?.(1);
  return { header: trimTrailingBlanks(header ?? []), rows, problems };
}

/** Counts line breaks (`\n`, or a lone `\r` in old Mac files) in `text[from, to)`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) {
    count += 1;
  }
  if (count === 0) {
    for (let at = text.indexOf('\r', from); at !== -1 && at < to; at = text.indexOf('\r', at + 1)) {
      if (text.charCodeAt(at + 1) !== 10) count += 1;
    }
  }
  return count;
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function trimTrailingBlanks(header: string[]): string[] {
  let end = header.length;
  while (end > 0 && header[end - 1] === '') end -= 1;
  return end === header.length ? header : header.slice(0, end);
}

function describeParseError(code: string): string {
  if (code === 'MissingQuotes' || code === 'InvalidQuotes') {
    return 'A quoted cell starting here is never closed, so the rows after it may be merged into one cell.';
  }
  return `The file could not be split into cells here (${code}).`;
}

function sampleLines(text: string): SampleLine[] {
  const lines: SampleLine[] = [];
  const limit = Math.min(text.length, SNIFF_CHARS);
  let offset = 0;
  let line = 1;
  while (offset < limit && lines.length < SNIFF_LINES) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const raw = text.slice(offset, end);
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() !== '') lines.push({ line, offset, text: content });
    offset = end + 1;
    line += 1;
  }
  return lines;
}

/** Splits one line for sniffing only: honours quotes on that line, nothing more. */
function splitSampleLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] ?? '';
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else {
        quoted = !quoted;
      }
    } else if (char === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** The most common width among lines of two cells or more (the later, the likelier data, wins ties). */
function modalWidth(widths: readonly number[]): number {
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

function looksLikeHeader(cells: readonly string[], minWidth: number): boolean {
  if (cells.length < minWidth) return false;
  let filled = 0;
  for (const cell of cells) {
    if (cell === '') continue;
    if (NUMERIC_CELL.test(cell) || DATE_CELL.test(cell) || !HAS_LETTER.test(cell)) return false;
    filled += 1;
  }
  return filled * 2 >= cells.length;
}
