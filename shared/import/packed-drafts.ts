/**
 * Drafts whose charge lines stay packed on the page (see `packed-lines.ts`) until something reads
 * them one by one. Rebuilding a million line objects after the worker's hand-over cost seconds of
 * the page's time, most of it garbage collection in long tasks; the preview, the conflict check,
 * the plan and the commit need only each invoice's rows, sums and blocks, which the columns give.
 *
 * `draft.lines` is still there for every other reader: the first read rebuilds the lines (once),
 * and from then on the draft is an ordinary one (its packed columns are forgotten, so a caller
 * changing the lines is never contradicted by them).
 */
import { CHARGE_CATEGORIES, type ChargeCategory } from '../model';
import {
  checkedLinesTotal,
  MAX_LINES_TOTAL_CENTS,
  type LineAggregates,
} from '../billing/aggregates';
import { cents, type Cents } from '../money/cents';
import type { BillDraft, DraftChargeLine } from './draft';
import { unpackDraftLines, type PackedDraftLines } from './packed-lines';

const packedOfDraft = new WeakMap<BillDraft, PackedDraftLines>();
const rowsOfPacked = new WeakMap<PackedDraftLines, Map<string, Uint32Array>>();

/** Some of a packed draft's lines: `rows` index its columns, in file order. */
export interface PackedRows {
  packed: PackedDraftLines;
  rows: Uint32Array;
}

/** `draft` with `packed` as its lines, rebuilt only when `lines` is read (see the module note). */
export function draftWithPackedLines(
  draft: Omit<BillDraft, 'lines'>,
  packed: PackedDraftLines,
): BillDraft {
  const result = { ...draft } as BillDraft;
  let lines: DraftChargeLine[] | undefined;
  Object.defineProperty(result, 'lines', {
    enumerable: true,
    configurable: true,
    get() {
      if (lines === undefined) {
        lines = unpackDraftLines(packed);
        packedOfDraft.delete(result);
      }
      return lines;
    },
    set(value: DraftChargeLine[]) {
      lines = value;
      packedOfDraft.delete(result);
    },
  });
  packedOfDraft.set(result, packed);
  return result;
}

/** The draft's packed lines while nothing has read them one by one; undefined otherwise. */
export function packedLinesOf(draft: BillDraft): PackedDraftLines | undefined {
  return packedOfDraft.get(draft);
}

/** How many lines a draft has, without rebuilding packed ones. */
export function draftLineCount(draft: BillDraft): number {
  return packedLinesOf(draft)?.count ?? draft.lines.length;
}

/** Each invoice's rows of packed lines, by invoice key, in file order (computed once). */
export function packedRowsByInvoice(packed: PackedDraftLines): Map<string, Uint32Array> {
  const kept = rowsOfPacked.get(packed);
  if (kept !== undefined) return kept;
  const { index, values } = packed.invoiceKey;
  const groups = new Map<string, Uint32Array>();
  if (index === null) {
    // One key per line (never for real bills): group the plain values.
    const lists = new Map<string, number[]>();
    for (let i = 0; i < packed.count; i++) {
      const key = values[i] ?? '';
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [i]);
      else list.push(i);
    }
    for (const [key, list] of lists) groups.set(key, Uint32Array.from(list));
  } else {
    const counts = new Uint32Array(values.length + 1);
    for (let i = 0; i < packed.count; i++) {
      const at = (index[i] ?? -1) + 1;
      counts[at] = (counts[at] ?? 0) + 1;
    }
    const rows = Array.from(counts, (count) => new Uint32Array(count));
    const filled = new Uint32Array(counts.length);
    for (let i = 0; i < packed.count; i++) {
      const at = (index[i] ?? -1) + 1;
      const slot = filled[at] ?? 0;
      (rows[at] as Uint32Array)[slot] = i;
      filled[at] = slot + 1;
    }
    // Keys in first-seen order, as the lines' own grouping; a line with no key is grouped as ''.
    const order: number[] = [];
    const seen = new Uint8Array(counts.length);
    for (let i = 0; i < packed.count; i++) {
      const at = (index[i] ?? -1) + 1;
      if (seen[at] === 0) {
        seen[at] = 1;
        order.push(at);
      }
    }
    for (const at of order) {
      const key = at === 0 ? '' : (values[at - 1] ?? '');
      const own = rows[at] as Uint32Array;
      const before = groups.get(key);
      // A line with no key and a line whose key is '' are one group, as when rebuilt.
      groups.set(key, before === undefined ? own : mergeRows(before, own));
    }
  }
  rowsOfPacked.set(packed, groups);
  return groups;
}

function mergeRows(a: Uint32Array, b: Uint32Array): Uint32Array {
  const merged = new Uint32Array(a.length + b.length);
  merged.set(a);
  merged.set(b, a.length);
  return merged.sort();
}

/** The lines at `rows`, rebuilt in order. */
export function linesOfRows({ packed, rows }: PackedRows): DraftChargeLine[] {
  const lines = new Array<DraftChargeLine>(rows.length);
  // Rows of one invoice are mostly consecutive: rebuild runs of them at once.
  let out = 0;
  for (let k = 0; k < rows.length;) {
    const start = rows[k] ?? 0;
    let end = start + 1;
    let next = k + 1;
    while (next < rows.length && rows[next] === end) {
      end++;
      next++;
    }
    for (const line of unpackDraftLines(packed, start, end)) lines[out++] = line;
    k = next;
  }
  return lines;
}

/** The aggregates of the lines at `rows`, equal to `aggregateLines` of those lines. */
export function aggregateRows({ packed, rows }: PackedRows): LineAggregates {
  const amounts = new Float64Array(rows.length);
  const byCategory = new Map<ChargeCategory, number>();
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    const amount = packed.amount[row] ?? 0;
    amounts[k] = amount;
    const category = CHARGE_CATEGORIES[packed.category[row] ?? -1];
    if (category === undefined) throw new Error(`Corrupt packed lines: category at ${row}`);
    byCategory.set(category, (byCategory.get(category) ?? 0) + amount);
  }
  const linesTotal = checkedLinesTotal(amounts);
  if (linesTotal === null) {
    throw new RangeError(
      `aggregateRows(): the lines add up past ±${MAX_LINES_TOTAL_CENTS} cents; the importer should have refused them.`,
    );
  }
  const categoryTotals: Partial<Record<ChargeCategory, Cents>> = {};
  for (const [category, total] of byCategory) categoryTotals[category] = cents(total);
  return { linesTotal: cents(linesTotal), lineCount: rows.length, categoryTotals };
}

/** Each invoice's sum of lines, by invoice key, for drafts packed or not. */
export function lineSumsByInvoice(drafts: readonly BillDraft[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const draft of drafts) {
    const packed = packedLinesOf(draft);
    if (packed === undefined) {
      for (const line of draft.lines)
        sums.set(line.invoiceKey, (sums.get(line.invoiceKey) ?? 0) + line.amount);
      continue;
    }
    for (const [key, rows] of packedRowsByInvoice(packed)) {
      let sum = 0;
      for (let k = 0; k < rows.length; k++) sum += packed.amount[rows[k] ?? 0] ?? 0;
      sums.set(key, (sums.get(key) ?? 0) + sum);
    }
  }
  return sums;
}
