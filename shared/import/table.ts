/**
 * Text to a table: which delimiter, where the header is (after any report preamble), and every
 * data row with its true 1-based line number in the file, so the preview can point at the source.
 */
import Papa from 'papaparse';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { ImportLimits } from './limits';
import {
  DEFAULT_IMPORT_LIMITS,
  formatCount,
  LISTED_ROW_ERRORS,
  SNIFF_SAMPLE_CHARS,
} from './limits';

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
  /** The line break of the file, from its first line (CR-only files come from old Mac tools). */
  newline: Newline;
}

/** Line breaks a text file may use. */
export type Newline = '\r\n' | '\n' | '\r';

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
  /**
   * Structural problems (an unclosed quote, a row wider or narrower than the header), with the
   * line they start on. A row with such a problem is not in `rows`.
   */
  problems: { line: number; message: string; rowText?: string }[];
  /**
   * Why the whole file is refused (a line over the length limit, a header over the column limit);
   * `rows` is then empty.
   */
  refused?: string;
  /** Problems past the first {@link LISTED_ROW_ERRORS}, counted, not listed. */
  unlistedProblems?: number;
  /** The line of a second header row (see {@link TableSniff.headerRows}), which is not data. */
  secondHeaderLine?: number;
}

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Called with 0–1 as rows are read. */
  onProgress?: (fraction: number) => void;
  /** Line length and column limits; the defaults when absent. */
  limits?: Pick<ImportLimits, 'maxLineChars' | 'maxColumns'>;
  /**
   * Bills: a row with more (non-blank) or fewer cells than the header, or with a quote problem, is
   * a problem and is left out (with every row an unclosed quote ran into), never read with its
   * cells shifted. Other tables read such rows as they are.
   */
  strictWidth?: boolean;
}

/** Lines looked at to find the delimiter and the header. */
const SNIFF_LINES = 60;
/** Share of zero characters in the sample above which the file is binary, not text. */
const BINARY_SHARE = 0.01;
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
  const { lines, newline } = sampleLines(text);
  if (lines.length === 0) return fail(emptySampleReason(text));

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
    newline,
  });
}

/** Why the sample holds no line to read: binary data, a first line too long, or nothing. */
function emptySampleReason(text: string): string {
  const sample = text.slice(0, SNIFF_SAMPLE_CHARS);
  if (zeroShare(sample) > BINARY_SHARE) {
    return 'No column header found: the file holds binary data (zero bytes), not text. It is not a CSV, TSV or text export; export the bill again as CSV.';
  }
  if (text.length > SNIFF_SAMPLE_CHARS && sample.trim() !== '') {
    return `No column header found: the first line is longer than ${formatCount(SNIFF_SAMPLE_CHARS)} characters, so it is not a header row. The file is damaged or is not a bill export.`;
  }
  if (text.length > SNIFF_SAMPLE_CHARS) {
    return `No column header found: the first ${formatCount(SNIFF_SAMPLE_CHARS)} characters of the file are blank lines.`;
  }
  return 'The file is empty.';
}

function zeroShare(sample: string): number {
  if (sample.length === 0) return 0;
  let zeros = 0;
  for (let at = sample.indexOf('\0'); at !== -1; at = sample.indexOf('\0', at + 1)) zeros += 1;
  return zeros / sample.length;
}

/**
 * Parses the table found by {@link sniffTable}. Blank lines (and rows of empty cells) are left
 * out; every row keeps the file line it starts on, counted through quoted multi-line cells. The
 * text is never split whole: PapaParse's fast mode (a `split` of the whole file) is off, and a
 * line over the length limit refuses the file before parsing starts.
 */
export function readTable(text: string, sniff: TableSniff, options: ReadTableOptions = {}): Table {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const body = sniff.headerOffset === 0 ? text : text.slice(sniff.headerOffset);
  const long = firstLongLine(body, sniff.newline, limits.maxLineChars);
  if (long !== null) {
    return refusedTable(
      `Line ${formatCount(sniff.headerLine + long.index)} is ${formatCount(long.length)} characters long, over the limit of ${formatCount(limits.maxLineChars)} for one line (longest line). A bill row is a few hundred characters: the file is damaged or is not a bill export.`,
    );
  }
  const state = new TableState(sniff, options);
  Papa.parse<string[]>(body, {
    delimiter: sniff.delimiter,
    newline: sniff.newline,
    quoteChar: '"',
    fastMode: false,
    step: (result, parser) => {
      state.step(body, result.data, result.meta.cursor, result.errors);
      if (state.refused !== undefined) parser.abort();
    },
  });
  options.onProgress?.(1);
  if (state.refused !== undefined) return refusedTable(state.refused);
  const table: Table = {
    header: trimTrailingBlanks(state.header ?? []),
    rows: state.rows,
    problems: state.problems,
  };
  if (state.unlistedProblems > 0) table.unlistedProblems = state.unlistedProblems;
  if (state.secondHeaderLine !== undefined) table.secondHeaderLine = state.secondHeaderLine;
  return table;
}

function refusedTable(refused: string): Table {
  return { header: [], rows: [], problems: [], refused };
}

/** Rows, header and problems of a table being parsed, one step (row) at a time. */
class TableState {
  header: string[] | null = null;
  /** Cells of the header as written, trailing blanks included (rows may end with them too). */
  private rawWidth = 0;
  private headerWidth = 0;
  readonly rows: TableRow[] = [];
  readonly problems: Table['problems'] = [];
  unlistedProblems = 0;
  secondHeaderLine: number | undefined;
  refused: string | undefined;
  private headerRowsLeft: number;
  private line: number;
  private cursor = 0;
  private rowCount = 0;

  constructor(
    private readonly sniff: TableSniff,
    private readonly options: ReadTableOptions,
  ) {
    this.headerRowsLeft = sniff.headerRows;
    this.line = sniff.headerLine;
  }

  step(body: string, cells: string[], end: number, errors: readonly { code: string }[]): void {
    const rowLine = this.line;
    this.line += countLineBreaks(body, this.cursor, end);
    this.cursor = end;
    const lastLine = Math.max(rowLine, this.line - 1);
    for (const error of errors) {
      this.problem(rowLine, describeParseError(error.code, rowLine, lastLine));
    }
    if (errors.length > 0 && this.options.strictWidth === true) {
      // The rows the open quote ran into are not read either: each is reported, none is lost.
      for (let line = rowLine + 1; line <= lastLine; line += 1) {
        this.problem(
          line,
          `Not imported: this row is inside the quoted cell that starts on row ${formatCount(rowLine)} and is never closed.`,
        );
      }
      return;
    }
    if (isBlankRow(cells)) return;
    if (this.headerRowsLeft > 0) {
      this.takeHeader(cells, rowLine);
      return;
    }
    const widthProblem =
      this.options.strictWidth === true ? this.widthProblem(rowLine, cells) : null;
    if (widthProblem !== null)
      this.problem(rowLine, widthProblem, rowText(cells, this.sniff.delimiter));
    else this.rows.push({ line: rowLine, cells });
    this.rowCount += 1;
    const onProgress = this.options.onProgress;
    if (onProgress !== undefined && this.rowCount % PROGRESS_EVERY_ROWS === 0) {
      onProgress(end / body.length);
    }
  }

  /** Lists a problem, or counts it once {@link LISTED_ROW_ERRORS} are listed. */
  private problem(line: number, message: string, text?: string): void {
    if (this.problems.length >= LISTED_ROW_ERRORS) {
      this.unlistedProblems += 1;
      return;
    }
    this.problems.push(text === undefined ? { line, message } : { line, message, rowText: text });
  }

  private takeHeader(cells: string[], line: number): void {
    this.headerRowsLeft -= 1;
    if (this.header !== null) {
      this.secondHeaderLine = line;
      return;
    }
    const maxColumns = (this.options.limits ?? DEFAULT_IMPORT_LIMITS).maxColumns;
    if (cells.length > maxColumns) {
      this.refused = `The header row has ${formatCount(cells.length)} columns, over the limit of ${formatCount(maxColumns)} (most columns). The file is damaged or is not a bill export.`;
      return;
    }
    this.header = cells.map((cell) => cell.trim());
    this.rawWidth = cells.length;
    this.headerWidth = trimTrailingBlanks(this.header).length;
  }

  /**
   * Why a row cannot be read cell by cell against the header: more filled cells than the header
   * has (an unquoted comma shifted the rest), or fewer cells (a cut-short row). Blank cells past
   * the header's end (a trailing delimiter) are fine.
   */
  private widthProblem(line: number, cells: readonly string[]): string | null {
    let width = cells.length;
    while (width > this.rawWidth && (cells[width - 1] ?? '').trim() === '') width -= 1;
    if (width > this.rawWidth) {
      const hint =
        this.sniff.delimiter === ','
          ? ' — an unquoted comma in an amount like 1,850.00? Quote such cells ("1,850.00") or remove the comma'
          : '';
      return `Row ${formatCount(line)} has ${formatCount(width)} cells, the header has ${formatCount(this.headerWidth)}${hint}. The row is not imported, so no cell is read from the wrong column.`;
    }
    if (cells.length < this.headerWidth) {
      return `Row ${formatCount(line)} has ${formatCount(cells.length)} cells, the header has ${formatCount(this.headerWidth)}: the row is cut short. It is not imported.`;
    }
    return null;
  }
}

/** A row's cells joined back with its delimiter, cut to 200 characters, to show a bad row. */
function rowText(cells: readonly string[], delimiter: Delimiter): string {
  const text = cells.join(delimiter);
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
}

/**
 * The first line longer than `max` characters (its 0-based index and length), or null. Looks
 * only at line breaks, one `indexOf` at a time: cheap even on a 100 MB file.
 */
function firstLongLine(
  text: string,
  newline: Newline,
  max: number,
): { index: number; length: number } | null {
  if (text.length <= max) return null;
  const breakChar = newline === '\r' ? '\r' : '\n';
  let start = 0;
  for (let index = 0; start <= text.length; index += 1) {
    let end = text.indexOf(breakChar, start);
    if (end === -1) end = text.length;
    if (end - start > max) return { index, length: end - start };
    start = end + 1;
  }
  return null;
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

function describeParseError(code: string, line: number, lastLine: number): string {
  if (code === 'MissingQuotes' || code === 'InvalidQuotes') {
    const span =
      lastLine > line
        ? `rows ${formatCount(line)} to ${formatCount(lastLine)} run together as one row and are not imported`
        : 'the row is not imported';
    return `A quoted cell starting here is never closed, so ${span}. Close the quote (") and import the file again.`;
  }
  return `The file could not be split into cells here (${code}).`;
}

/**
 * The first lines of the text for sniffing: only its first {@link SNIFF_SAMPLE_CHARS}
 * characters are looked at, and a line cut by that bound is left out (unless the text ends
 * there). Lines end with CRLF, LF or a lone CR.
 */
function sampleLines(text: string): { lines: SampleLine[]; newline: Newline } {
  const sample = text.length > SNIFF_SAMPLE_CHARS ? text.slice(0, SNIFF_SAMPLE_CHARS) : text;
  const complete = sample.length === text.length;
  const lines: SampleLine[] = [];
  let newline: Newline | null = null;
  const breaks = /\r\n|\n|\r/g;
  let offset = 0;
  let line = 1;
  while (lines.length < SNIFF_LINES) {
    const match = breaks.exec(sample);
    // A lone CR at the very end of the sample may be the first half of a CRLF.
    const cutCr =
      match !== null && match[0] === '\r' && match.index === sample.length - 1 && !complete;
    if ((match === null || cutCr) && !complete) break;
    const end = match === null ? sample.length : match.index;
    if (match !== null) newline ??= match[0] as Newline;
    const content = sample.slice(offset, end);
    if (content.trim() !== '') lines.push({ line, offset, text: content });
    if (match === null) break;
    offset = end + match[0].length;
    line += 1;
  }
  return { lines, newline: newline ?? '\n' };
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
