/**
 * Text to a table: which delimiter, where the header is (after any report preamble), and every
 * data row with its true 1-based line number in the file, so the preview can point at the source.
 */
import Papa from 'papaparse';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { DEFAULT_IMPORT_LIMITS, formatCount, SNIFF_SAMPLE_CHARS } from './limits';
import { parseCommonTable } from './table-parse';
import { TableState, trimTrailingBlanks } from './table-rows';
import {
  filledCellCount,
  looksLikeHeader,
  modalWidth,
  repeatsBelow,
  sampleLineWidth,
  splitSampleLine,
} from './sample-lines';
import type { Delimiter, Newline, ReadTableOptions, Table, TableSniff } from './table-types';
import { DELIMITERS } from './table-types';

export * from './table-types';
export { headerKey } from './header-key';

/** Lines looked at to find the delimiter and the header. */
const SNIFF_LINES = 60;
/**
 * Share of control characters (zero bytes and the other C0 controls, bar tab, line breaks, form
 * feed and the DOS end-of-file mark) in the sample above which the file is binary, not text. A
 * text export holds none; random or encrypted bytes decode to about 10 %, a program to more. A
 * few in a short file (an escape sequence in a header) leave it text: its cells show them as
 * their pictures.
 */
const BINARY_SHARE = 0.01;
const BINARY_LEAST = 16;
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f]/g;

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
export function sniffTable(
  text: string,
  options: { secondHeader?: boolean } = {},
): Result<TableSniff> {
  const notText = notTextReason(text);
  if (notText !== null) return fail(notText);
  const { lines, newline } = sampleLines(text);
  if (lines.length === 0) return fail(emptySampleReason(text));

  let best: { delimiter: Delimiter; width: number; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const widths = lines.map((line) => sampleLineWidth(line.text, delimiter));
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

  const widest = Math.max(2, Math.ceil(best.width * 0.8));
  let minWidth = widest;
  let headerIndex = lines.findIndex((line) =>
    looksLikeHeader(splitSampleLine(line.text, best.delimiter), minWidth),
  );
  if (headerIndex === -1) {
    // Rows ending in blank cells past the header (`…,850.00,,,`, a spreadsheet's empty columns
    // saved as CSV) make the table look wider than its header: measured without them.
    const filledWidth = modalWidth(
      lines.map((line) => filledCellCount(splitSampleLine(line.text, best.delimiter))),
    );
    minWidth = Math.max(2, Math.ceil(filledWidth * 0.8));
    if (minWidth < widest) {
      headerIndex = lines.findIndex((line) =>
        looksLikeHeader(splitSampleLine(line.text, best.delimiter), minWidth),
      );
    }
  }
  const header = lines[headerIndex];
  if (header === undefined) {
    return fail(
      'No header row found: the first rows hold data, not column names. Add a header row with the column names.',
    );
  }
  // A second header row (Bell's French names under the English ones) looks like a header and is
  // followed by rows that do not: a row of text among rows of text is data (a sites or inventory
  // row, or a bill's only row), never dropped as a header.
  const headerLike = (at: number) => {
    const line = lines[at];
    return (
      line !== undefined && looksLikeHeader(splitSampleLine(line.text, best.delimiter), minWidth)
    );
  };
  const third = lines[headerIndex + 2];
  const cellsAt = (at: number) => {
    const line = lines[at];
    return line === undefined ? [] : splitSampleLine(line.text, best.delimiter);
  };
  const secondHeader =
    options.secondHeader !== false &&
    headerLike(headerIndex + 1) &&
    third !== undefined &&
    !headerLike(headerIndex + 2) &&
    !repeatsBelow(
      cellsAt(headerIndex + 1),
      [2, 3, 4, 5, 6].map((next) => cellsAt(headerIndex + next)),
    );
  return ok({
    delimiter: best.delimiter,
    headerLine: header.line,
    headerOffset: header.offset,
    headerRows: secondHeader ? 2 : 1,
    newline,
  });
}

/** Why the sample holds no line to read (binary data is said before): a first line too long, or nothing. */
function emptySampleReason(text: string): string {
  const sample = text.slice(0, SNIFF_SAMPLE_CHARS);
  if (text.length > SNIFF_SAMPLE_CHARS && sample.trim() !== '') {
    return `No column header found: the first line is longer than ${formatCount(SNIFF_SAMPLE_CHARS)} characters, so it is not a header row. The file is damaged or is not a bill export.`;
  }
  if (text.length > SNIFF_SAMPLE_CHARS) {
    return `No column header found: the first ${formatCount(SNIFF_SAMPLE_CHARS)} characters of the file are blank lines.`;
  }
  return 'The file is empty.';
}

/**
 * Why a text is not a table at all, whatever lines it seems to have: an archive (a ZIP inside the
 * ZIP, or a ZIP renamed) or binary data. Said before any line is taken for a header, whose cells
 * would be the file's bytes.
 */
function notTextReason(text: string): string | null {
  if (text.startsWith('PK\u0003\u0004')) {
    return 'No column header found: the file is a ZIP archive (a ZIP inside the ZIP, or a ZIP renamed), not a bill export. Unzip it and import the files inside.';
  }
  if (isBinary(text.slice(0, SNIFF_SAMPLE_CHARS))) return BINARY_REASON;
  return null;
}

const BINARY_REASON =
  'No column header found: the file holds binary data (zero bytes or other control characters), not text. It is not a CSV, TSV or text export; export the bill again as CSV.';

function isBinary(sample: string): boolean {
  const controls = sample.match(CONTROL_CHARACTERS)?.length ?? 0;
  return controls >= BINARY_LEAST && controls > BINARY_SHARE * sample.length;
}

/**
 * Parses the table found by {@link sniffTable}. Blank lines (and rows of empty cells) are left
 * out; every row keeps the file line it starts on, counted through quoted multi-line cells. The
 * text is never split whole: PapaParse's fast mode (a `split` of the whole file) is off, and a
 * line over the length limit refuses the file before parsing starts.
 */
export function readTable(text: string, sniff: TableSniff, options: ReadTableOptions = {}): Table {
  return parseTable(text, sniff, options, false);
}

/**
 * The header row {@link readTable} finds in the text, or its refusal, without reading the rows
 * after it (`rows` and `problems` are empty; no progress is reported): what a bill is (its
 * carrier's layout, a saved mapping or a question) is known from this alone.
 */
export function readTableHeader(
  text: string,
  sniff: TableSniff,
  options: ReadTableOptions = {},
): Table {
  return parseTable(text, sniff, { ...options, onProgress: undefined }, true);
}

function parseTable(
  text: string,
  sniff: TableSniff,
  options: ReadTableOptions,
  headerOnly: boolean,
): Table {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const body = sniff.headerOffset === 0 ? text : text.slice(sniff.headerOffset);
  const long = firstLongLine(body, sniff.newline, limits.maxLineChars);
  if (long !== null) {
    return refusedTable(
      `Line ${formatCount(sniff.headerLine + long.index)} is ${formatCount(long.length)} characters long, over the limit of ${formatCount(limits.maxLineChars)} for one line (longest line). A bill row is a few hundred characters: the file is damaged or is not a bill export.`,
    );
  }
  // The common case is split without PapaParse (see `table-parse.ts`); a text it gives up on is
  // parsed again whole by PapaParse, its progress going on from where the first try stopped.
  const progress = monotonic(options.onProgress);
  const tableOptions = { ...options, onProgress: progress };
  let state = new TableState(sniff, tableOptions);
  const first = state;
  // A header-only read stops once the header row is taken: the rows before it are read as a
  // whole read reads them, so the header is the same.
  const done = (read: TableState) =>
    read.refused !== undefined || (headerOnly && read.header !== null);
  const common = parseCommonTable(
    body,
    sniff.delimiter,
    sniff.newline,
    (cells, end) => first.step(body, cells, end, NO_ERRORS),
    () => done(first),
  );
  if (!common) {
    const second = new TableState(sniff, tableOptions);
    state = second;
    Papa.parse<string[]>(body, {
      delimiter: sniff.delimiter,
      newline: sniff.newline,
      quoteChar: '"',
      fastMode: false,
      step: (result, parser) => {
        second.step(body, result.data, result.meta.cursor, result.errors);
        if (done(second)) parser.abort();
      },
    });
  }
  options.onProgress?.(1);
  if (state.refused !== undefined) return refusedTable(state.refused);
  state.finish();
  if (headerOnly) return { header: trimTrailingBlanks(state.header ?? []), rows: [], problems: [] };
  const table: Table = {
    header: trimTrailingBlanks(state.header ?? []),
    rows: state.rows,
    problems: state.problems,
  };
  if (state.unlistedProblems > 0) table.unlistedProblems = state.unlistedProblems;
  if (state.secondHeaderLine !== undefined) table.secondHeaderLine = state.secondHeaderLine;
  if (state.layoutRows.length > 0) table.layoutRows = state.layoutRows;
  if (state.shortRows.length > 0) table.shortRows = state.shortRows;
  return table;
}

const NO_ERRORS: readonly { code: string }[] = [];

/** `report` called only with fractions above every one before. */
function monotonic(
  report: ((fraction: number) => void) | undefined,
): ((fraction: number) => void) | undefined {
  if (report === undefined) return undefined;
  let reached = -Infinity;
  return (fraction) => {
    if (fraction <= reached) return;
    reached = fraction;
    report(fraction);
  };
}

function refusedTable(refused: string): Table {
  return { header: [], rows: [], problems: [], refused };
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
