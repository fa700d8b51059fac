/** The shapes of a parsed table (see `table.ts`), in a leaf module its helpers share. */
import type { ImportLimits } from './limits';

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
  /** The row's last line, when a quoted cell runs over several lines (absent: just `line`). */
  lastLine?: number;
}

/** A parsed table. */
export interface Table {
  /** Header cells, trimmed. */
  header: string[];
  rows: TableRow[];
  /**
   * Structural problems (an unclosed quote, a row wider or narrower than the header), with the
   * line they start on. A row with such a problem is not in `rows`. `column` names the column
   * (its letter, as a spreadsheet shows it) when the problem is one column's: a value with no
   * header.
   */
  problems: { line: number; message: string; rowText?: string; column?: string }[];
  /**
   * Why the whole file is refused (a line over the length limit, a header over the column limit);
   * `rows` is then empty.
   */
  refused?: string;
  /** Problems past the first {@link LISTED_ROW_ERRORS}, counted, not listed. */
  unlistedProblems?: number;
  /** The line of a second header row (see {@link TableSniff.headerRows}), which is not data. */
  secondHeaderLine?: number;
  /**
   * Lines of a bill that are its layout, not data: its header repeated further down (`header`: a
   * report's page headers, two exports joined into one file) or a page number (`page`: `Page 2 of
   * 3`), or a line of words after the table, set apart by a blank line (`note`: a report's footer,
   * `Report generated 04/02/2026 08:15`). Listed as skipped, not as rows whose every cell is wrong
   * or that are cut short.
   */
  layoutRows?: { line: number; kind: LayoutRowKind }[];
  /**
   * Rows of a bill with fewer cells than the header that no line break cut in two (an exporter
   * leaving out a row's trailing blank cells), each also a problem: listed (`problem`), or counted
   * in `unlistedProblems`. A carrier's layout whose last columns may be blank reads them with the
   * missing cells blank (see `trimmed-rows.ts`); every other reader leaves them out.
   */
  shortRows?: ShortRow[];
}

/** A row cut short (see {@link Table.shortRows}) and its problem, when listed. */
export interface ShortRow {
  row: TableRow;
  problem?: Table['problems'][number];
}

/** What a layout row of a bill is (see {@link Table.layoutRows}). */
export type LayoutRowKind = 'header' | 'page' | 'note';

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
