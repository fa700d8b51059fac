/**
 * Parsing a table row by row (PapaParse's `step`): header rows, data rows with their true line
 * numbers, and every row that cannot be read as a listed problem.
 */
import { DEFAULT_IMPORT_LIMITS, formatCount, LISTED_ROW_ERRORS } from './limits';
import type {
  Delimiter,
  LayoutRowKind,
  ReadTableOptions,
  ShortRow,
  Table,
  TableRow,
  TableSniff,
} from './table-types';
import { keepOnly } from '../arrays';

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY_ROWS = 5000;

/** Rows, header and problems of a table being parsed, one step (row) at a time. */
export class TableState {
  header: string[] | null = null;
  /** Cells of the header as written, trailing blanks included (rows may end with them too). */
  private rawWidth = 0;
  private headerWidth = 0;
  readonly rows: TableRow[] = [];
  readonly problems: Table['problems'] = [];
  unlistedProblems = 0;
  secondHeaderLine: number | undefined;
  /** See {@link Table.layoutRows}. */
  readonly layoutRows: NonNullable<Table['layoutRows']> = [];
  refused: string | undefined;
  private headerRowsLeft: number;
  private line: number;
  private cursor = 0;
  private rowCount = 0;
  /** Whether the last row read was blank (a footer after the table is set apart by one). */
  private afterBlank = false;
  /**
   * One-cell rows of words after a blank line: a footer when nothing follows them but more of
   * them (listed as `note` layout rows at the end), else rows cut short, as any other.
   */
  private footer: { line: number; lastLine: number; cells: string[] }[] = [];
  /** Rows with blank cells past the header's end (a trailing delimiter), judged at the end. */
  private readonly trailingBlank: { row: TableRow; width: number; text: string }[] = [];
  /** Rows with fewer cells than the header (see {@link Table.shortRows}), judged at the end. */
  shortRows: ShortRow[] = [];

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
    // The row's own line break (when it has one) ends it; breaks before it are inside quoted cells.
    const endsWithBreak = end > 0 && (body[end - 1] === '\n' || body[end - 1] === '\r');
    const lastLine = Math.max(rowLine, endsWithBreak ? this.line - 1 : this.line);
    for (const error of errors) {
      // A quote not written twice leaves its cell open to the end (`"12" rack,…`): PapaParse then
      // says too that the cell is never closed; the quote to double is the one thing to fix.
      if (error.code === 'MissingQuotes' && errors.some(isInvalidQuotes)) continue;
      this.problem(rowLine, describeParseError(error.code, rowLine, lastLine));
    }
    if (errors.length > 0 && this.options.strictWidth === true) {
      this.reportLinesInside(rowLine, lastLine, 'that starts on row {row} and is never closed');
      return;
    }
    if (isBlankRow(cells)) {
      this.afterBlank = true;
      return;
    }
    const afterBlank = this.afterBlank;
    this.afterBlank = false;
    if (this.headerRowsLeft > 0) {
      this.takeHeader(cells, rowLine);
      return;
    }
    const strict = this.options.strictWidth === true;
    if (strict && (afterBlank || this.footer.length > 0) && this.maybeFooter(cells)) {
      this.footer.push({ line: rowLine, lastLine, cells });
      return;
    }
    // Rows follow what looked like a footer: those were rows of the table after all.
    if (this.footer.length > 0) this.flushFooter();
    this.readRow(cells, rowLine, lastLine, end, body.length);
  }

  /** A row of one cell of words (no delimiter at all), in a table of several columns. */
  private maybeFooter(cells: readonly string[]): boolean {
    return cells.length === 1 && this.headerWidth > 1 && isFooterText(cells[0] ?? '');
  }

  private flushFooter(): void {
    const held = this.footer;
    this.footer = [];
    for (const { line, lastLine, cells } of held) this.readRow(cells, line, lastLine, -1, 0);
  }

  /** A data row: a layout row, a row that cannot be read, or a row of the table. */
  private readRow(
    cells: string[],
    rowLine: number,
    lastLine: number,
    end: number,
    length: number,
  ): void {
    const strict = this.options.strictWidth === true;
    const layout = strict ? layoutRowKind(cells, this.header ?? []) : null;
    const widthProblem = strict && layout === null ? this.widthProblem(rowLine, cells) : null;
    if (layout !== null) {
      this.layoutRows.push({ line: rowLine, kind: layout });
    } else if (widthProblem !== null) {
      const problem = this.problem(rowLine, widthProblem, rowText(cells, this.sniff.delimiter));
      this.reportLinesInside(rowLine, lastLine, 'of row {row}, which could not be read');
      if (cells.length < this.headerWidth) {
        const row =
          lastLine > rowLine ? { line: rowLine, cells, lastLine } : { line: rowLine, cells };
        this.shortRows.push(problem === undefined ? { row } : { row, problem });
      }
    } else {
      const row =
        lastLine > rowLine ? { line: rowLine, cells, lastLine } : { line: rowLine, cells };
      this.rows.push(row);
      if (this.options.strictWidth === true && cells.length > this.rawWidth) {
        this.trailingBlank.push({
          row,
          width: cells.length,
          text: rowText(cells, this.sniff.delimiter),
        });
      }
    }
    this.rowCount += 1;
    const onProgress = this.options.onProgress;
    if (end >= 0 && onProgress !== undefined && this.rowCount % PROGRESS_EVERY_ROWS === 0) {
      onProgress(end / length);
    }
  }

  /**
   * Reports each line after the first of a row that is not imported and runs over several lines
   * (a quoted cell holding line breaks): none of them is lost without a word.
   */
  private reportLinesInside(rowLine: number, lastLine: number, which: string): void {
    const where = which.replace('{row}', formatCount(rowLine));
    for (let line = rowLine + 1; line <= lastLine; line += 1) {
      this.problem(line, `Not imported: this line is inside a quoted cell ${where}.`);
    }
  }

  /** Lists a problem (returned), or counts it once {@link LISTED_ROW_ERRORS} are listed. */
  private problem(
    line: number,
    message: string,
    text?: string,
  ): Table['problems'][number] | undefined {
    if (this.problems.length >= LISTED_ROW_ERRORS) {
      this.unlistedProblems += 1;
      return undefined;
    }
    const problem = text === undefined ? { line, message } : { line, message, rowText: text };
    this.problems.push(problem);
    return problem;
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
   * Ends the table: a blank cell past the header's end is a trailing delimiter when most rows end
   * with one; on a few rows only, it is the blank last column pushed out by an unquoted comma
   * (`…,1,850.00,` for `…,"1,850.00",`), and those rows are not imported, as any shifted row.
   */
  finish(): void {
    // One-cell rows of words after the last row and a blank line: the report's footer.
    for (const { line } of this.footer) this.layoutRows.push({ line, kind: 'note' });
    this.footer = [];
    this.shortRows = this.uncutShortRows();
    const suspects = this.trailingBlank;
    if (suspects.length === 0 || suspects.length * 2 >= this.rows.length) return;
    const dropped = new Set<TableRow>();
    for (const { row, width, text } of suspects) {
      dropped.add(row);
      this.problem(row.line, this.shiftedMessage(row.line, width, row.cells), text);
      this.reportLinesInside(
        row.line,
        row.lastLine ?? row.line,
        'of row {row}, which could not be read',
      );
    }
    keepOnly(this.rows, (row) => !dropped.has(row));
    this.problems.sort((a, b) => a.line - b.line);
  }

  /**
   * The short rows no line break cut in two. A line break inside a cell (written unquoted) ends
   * the row there and starts the next line with the rest: two short rows one after the other whose
   * cells make the header's or fewer (one cell split between them). Two rows an exporter ended
   * early that are together that short are taken for such a pair too: refused, never read wrong.
   */
  private uncutShortRows(): ShortRow[] {
    const rows = this.shortRows;
    const cut = new Set<ShortRow>();
    for (let i = 1; i < rows.length; i += 1) {
      const before = rows[i - 1];
      const after = rows[i];
      if (before === undefined || after === undefined) continue;
      const next = (before.row.lastLine ?? before.row.line) + 1;
      const cells = before.row.cells.length + after.row.cells.length - 1;
      if (after.row.line === next && cells <= this.rawWidth) {
        cut.add(before);
        cut.add(after);
      }
    }
    return cut.size === 0 ? rows : rows.filter((row) => !cut.has(row));
  }

  private shiftedMessage(line: number, width: number, cells: readonly string[]): string {
    // A lone carriage return in a file whose rows end otherwise: Excel starts a row there, this
    // reader does not (one kind of line break per file), so the next row's cells joined this one.
    const hint = cells.some((cell) => LONE_CARRIAGE_RETURN.test(cell))
      ? ' — a lone carriage return (CR, the line break of old Mac files) inside it joins two rows of the file. Save the file again so that every row ends with the same line break'
      : this.sniff.delimiter === ','
        ? ' — an unquoted comma in an amount like 1,850.00? Quote such cells ("1,850.00") or remove the comma'
        : '';
    return `Row ${formatCount(line)} has ${formatCount(width)} cells, the header has ${formatCount(this.headerWidth)}${hint}. The row is not imported, so no cell is read from the wrong column.`;
  }

  /**
   * Why a row cannot be read cell by cell against the header: more filled cells than the header
   * has (an unquoted comma shifted the rest), or fewer cells (a cut-short row). Blank cells past
   * the header's end (a trailing delimiter) are fine.
   */
  private widthProblem(line: number, cells: readonly string[]): string | null {
    let width = cells.length;
    while (width > this.rawWidth && (cells[width - 1] ?? '').trim() === '') width -= 1;
    if (width > this.rawWidth) return this.shiftedMessage(line, width, cells);
    if (cells.length < this.headerWidth) {
      return `Row ${formatCount(line)} has ${formatCount(cells.length)} cells, the header has ${formatCount(this.headerWidth)}: the row is cut short. It is not imported.`;
    }
    return null;
  }
}

/** A carriage return not followed by a line feed. */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** A row's cells joined back with its delimiter, cut to 200 characters, to show a bad row. */
function rowText(cells: readonly string[], delimiter: Delimiter): string {
  const text = cells.join(delimiter);
  return text.length <= 200 ? text : `${text.slice(0, 199)}…`;
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

/**
 * What a bill row is when it is its layout rather than data: `header` when its cells, trimmed,
 * are the header's names (blank cells past the end aside: the header printed again on a later
 * page, or a second export pasted under the first); `page` when it holds only a page number, in
 * whichever cell (`Page 2 of 3`, `- Page 2 -`); else null.
 */
export function layoutRowKind(
  cells: readonly string[],
  header: readonly string[],
): LayoutRowKind | null {
  const first = (cells[0] ?? '').trim();
  // Most rows are neither: their first cell is not the header's, and holds no "page".
  if (first === (header[0] ?? '') && header.length > 0) {
    const width = Math.max(cells.length, header.length);
    let same = true;
    for (let i = 1; i < width && same; i += 1) same = (cells[i] ?? '').trim() === (header[i] ?? '');
    if (same) return 'header';
  }
  // A page number stands in whichever cell the report centred it in; every other cell is blank.
  let at = 0;
  let text = first;
  while (text === '' && at + 1 < cells.length) {
    at += 1;
    text = (cells[at] ?? '').trim();
  }
  if (!maybePageNumber(text) || !PAGE_NUMBER.test(text)) return null;
  for (let i = at + 1; i < cells.length; i += 1) if ((cells[i] ?? '').trim() !== '') return null;
  return 'page';
}

/** Text of a report's footer line: words (two letters or more) and a space between them. */
const FOOTER_WORDS = /[A-Za-z]{2,}.*\s.*\S|\S.*\s.*[A-Za-z]{2,}/;

/** Whether a one-cell line can be a report's footer: words and a space between them. */
export function isFooterText(text: string): boolean {
  return FOOTER_WORDS.test(text);
}

/** `Page 2`, `Page 2 of 3`, `page 2/3`, `- Page 2 -`. */
const PAGE_NUMBER = /^-?\s*page\s+\d+(?:\s*(?:of|\/)\s*\d+)?\s*-?$/i;

/**
 * Whether `text` can be a page number at all, by its first character (`p`, `P` or `-`): every
 * data row of a bill is asked, and nearly all are answered here without running the pattern.
 */
function maybePageNumber(text: string): boolean {
  const first = text.charCodeAt(0) | 0x20;
  return first === 0x70 || first === 0x2d;
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

export function trimTrailingBlanks(header: string[]): string[] {
  let end = header.length;
  while (end > 0 && header[end - 1] === '') end -= 1;
  return end === header.length ? header : header.slice(0, end);
}

function isInvalidQuotes(error: { code: string }): boolean {
  return error.code === 'InvalidQuotes';
}

function describeParseError(code: string, line: number, lastLine: number): string {
  if (code === 'MissingQuotes' || code === 'InvalidQuotes') {
    const span =
      lastLine > line
        ? `rows ${formatCount(line)} to ${formatCount(lastLine)} run together as one row and are not imported`
        : 'the row is not imported';
    // A quote inside a quoted cell followed by more text (`"12" rack"`): the cell is closed
    // later, or never; either way what to fix is that quote, which must be written twice.
    if (code === 'InvalidQuotes') {
      return `A quoted cell starting here holds a quote (") that is not written twice (""), so ${span}. Write a quote inside a quoted cell as "" (e.g. "12"" rack") and import the file again.`;
    }
    return `A quoted cell starting here is never closed, so ${span}. Close the quote (") and import the file again.`;
  }
  return `The file could not be split into cells here (${code}).`;
}
