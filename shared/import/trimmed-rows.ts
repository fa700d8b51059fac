/**
 * Rows an exporter wrote without their trailing blank cells (a Verizon Raw Data file whose line
 * has no usage: the row ends after `Total Charges`). A layout naming the fields its rows may so
 * leave out ({@link TableLayout.leftOutWhenBlank}) reads such a row with those cells blank; a row
 * lacking any other column it reads is still not imported, its message naming what it lacks.
 */
import { formatCount } from './limits';
import type { TableLayout } from './profiles/types';
import type { ShortRow, Table, TableRow } from './table-types';

/** Columns named in a message about a row cut short, at most. */
const NAMED_COLUMNS = 5;

/**
 * The table with its short rows (see {@link Table.shortRows}) that lack only columns `layout` may
 * leave out, or no column it reads, read with those cells blank and their problems gone; the
 * other short rows' problems say which columns they lack. The table itself when there is none.
 */
export function withTrimmedRows(
  table: Table,
  layout: TableLayout,
  columns: Readonly<Record<string, number>>,
): Table {
  const { shortRows } = table;
  const blankable = layout.leftOutWhenBlank;
  if (shortRows === undefined || blankable === undefined) return table;
  const read = new Set<number>();
  for (const [field, index] of Object.entries(columns)) {
    if (index >= 0 && !blankable.includes(field)) read.add(index);
  }
  const width = table.header.length;
  const recovered: TableRow[] = [];
  const gone = new Set<Table['problems'][number]>();
  const said = new Map<Table['problems'][number], string>();
  let unlistedGone = 0;
  for (const short of shortRows) {
    const { row, problem } = short;
    const lacking: number[] = [];
    for (let index = row.cells.length; index < width; index += 1) {
      if (read.has(index)) lacking.push(index);
    }
    if (lacking.length > 0) {
      if (problem !== undefined) said.set(problem, lackingMessage(table.header, short, lacking));
      continue;
    }
    const cells = [...row.cells, ...new Array<string>(width - row.cells.length).fill('')];
    recovered.push({ ...row, cells });
    if (problem === undefined) unlistedGone += 1;
    else gone.add(problem);
  }
  if (recovered.length === 0 && said.size === 0) return table;
  const problems = table.problems
    .filter((problem) => !gone.has(problem))
    .map((problem) => {
      const message = said.get(problem);
      return message === undefined ? problem : { ...problem, message };
    });
  const result: Table = { ...table, rows: mergedByLine(table.rows, recovered), problems };
  delete result.shortRows;
  const unlisted = (table.unlistedProblems ?? 0) - unlistedGone;
  if (unlisted > 0) result.unlistedProblems = unlisted;
  else delete result.unlistedProblems;
  return result;
}

/** Why a short row is not read: the columns it lacks that its layout reads, named. */
function lackingMessage(header: readonly string[], short: ShortRow, lacking: number[]): string {
  const { row } = short;
  const names = lacking.slice(0, NAMED_COLUMNS).map((index) => `"${header[index] ?? ''}"`);
  const more = lacking.length - names.length;
  if (more > 0) names.push(`${formatCount(more)} more`);
  const last = names.pop() ?? '';
  const list = names.length === 0 ? last : `${names.join(', ')} and ${last}`;
  const noun = lacking.length === 1 ? 'the column' : 'the columns';
  return `Row ${formatCount(row.line)} has ${formatCount(row.cells.length)} cells, the header has ${formatCount(header.length)}: the row is cut short, without ${noun} ${list}. It is not imported.`;
}

/** Two lists of rows in line order, as one. */
function mergedByLine(rows: readonly TableRow[], more: readonly TableRow[]): TableRow[] {
  if (more.length === 0) return [...rows];
  const merged: TableRow[] = [];
  let at = 0;
  for (const row of rows) {
    while (at < more.length && (more[at]?.line ?? Infinity) < row.line) {
      const next = more[at];
      if (next !== undefined) merged.push(next);
      at += 1;
    }
    merged.push(row);
  }
  for (; at < more.length; at += 1) {
    const next = more[at];
    if (next !== undefined) merged.push(next);
  }
  return merged;
}
