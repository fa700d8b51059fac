/**
 * The common case of splitting a bill's text into rows, without PapaParse: every field unquoted,
 * or quoted and closed right before a delimiter, the line break or the end. It gives exactly the
 * rows, cells and end offsets PapaParse gives `readTable` (delimiter and line break given, quote
 * `"`, no fast mode) and gives up at the first text it would read differently from PapaParse (an
 * unclosed quote, anything after a closing quote, a byte-order mark), so that the caller parses
 * the file again with PapaParse. Why: PapaParse's per-row results and a fresh string per cell
 * were most of the time and garbage of reading a 100,000-row bill.
 */

/** Receives each row: its cells and the offset just past it (its line break included). */
export type RowSink = (cells: string[], end: number) => void;

const QUOTE = 0x22;
const BYTE_ORDER_MARK = 0xfeff;
const ESCAPED_QUOTES = /""/g;

/**
 * Splits `text` into rows, handing each to `onRow` until `stop()` says so. Returns false, having
 * handed over only some rows, when the text needs PapaParse (see the module comment).
 *
 * A cell equal to the same column's cell of the row before is that row's string, not a new one:
 * a bill repeats its invoice's carrier, account, number, dates and total on every row, so most
 * cells are compared in place and never copied, and later equality checks and map lookups on
 * them are by identity.
 */
export function parseCommonTable(
  text: string,
  delimiter: string,
  newline: string,
  onRow: RowSink,
  stop: () => boolean,
): boolean {
  const length = text.length;
  if (length === 0) return true;
  // PapaParse drops a leading byte-order mark and counts its offsets without it.
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) return false;
  const delimiterCode = delimiter.charCodeAt(0);
  const newlineLength = newline.length;
  let previous: readonly string[] = [];
  let row: string[] = [];
  let cursor = 0;
  // The first delimiter and line break at or after the cursor (-1: none left).
  let nextDelimiter = text.indexOf(delimiter);
  let nextNewline = text.indexOf(newline);

  const cell = (start: number, end: number): string => {
    const above = previous[row.length];
    if (above !== undefined && above.length === end - start && text.startsWith(above, start)) {
      return above;
    }
    return text.substring(start, end);
  };
  const endRow = (end: number): boolean => {
    onRow(row, end);
    previous = row;
    row = [];
    return stop();
  };

  for (;;) {
    if (text.charCodeAt(cursor) === QUOTE) {
      // A quoted field: up to the quote that is not doubled, which must end the field.
      let close = cursor;
      let escaped = false;
      for (;;) {
        close = text.indexOf('"', close + 1);
        if (close === -1) return false;
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        escaped = true;
        close += 1;
      }
      const start = cursor + 1;
      row.push(
        escaped ? text.substring(start, close).replace(ESCAPED_QUOTES, '"') : cell(start, close),
      );
      cursor = close + 1;
      if (cursor === length) {
        endRow(length);
        return true;
      }
      if (text.charCodeAt(cursor) === delimiterCode) {
        cursor += 1;
      } else if (text.startsWith(newline, cursor)) {
        cursor += newlineLength;
        if (endRow(cursor)) return true;
      } else {
        return false;
      }
      if (nextDelimiter !== -1 && nextDelimiter < cursor)
        nextDelimiter = text.indexOf(delimiter, cursor);
      if (nextNewline !== -1 && nextNewline < cursor) nextNewline = text.indexOf(newline, cursor);
      continue;
    }
    if (nextDelimiter !== -1 && (nextDelimiter < nextNewline || nextNewline === -1)) {
      row.push(cell(cursor, nextDelimiter));
      cursor = nextDelimiter + 1;
      nextDelimiter = text.indexOf(delimiter, cursor);
      continue;
    }
    if (nextNewline === -1) break;
    row.push(cell(cursor, nextNewline));
    cursor = nextNewline + newlineLength;
    if (endRow(cursor)) return true;
    nextNewline = text.indexOf(newline, cursor);
  }
  // The last row, up to the end (an empty one after a final line break, as PapaParse gives).
  row.push(cell(cursor, length));
  endRow(length);
  return true;
}
