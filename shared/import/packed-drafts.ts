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
  lineAccountsOf,
  MAX_LINES_TOTAL_CENTS,
  type LineAggregates,
} from '../billing/aggregates';
import { cents, type Cents } from '../money/cents';
import type { BillDraft, DraftChargeLine, DraftUsage } from './draft';
import { valueAt, type PackedStrings } from './packed-columns';
import { unpackDraftLines, type PackedDraftLines } from './packed-lines';
import { unpackDraftUsage, type PackedDraftUsage } from './packed-usage';

const packedOfDraft = new WeakMap<BillDraft, PackedDraftLines>();
const packedUsageOfDraft = new WeakMap<BillDraft, PackedDraftUsage>();
const rowsOfPacked = new WeakMap<PackedStrings, Map<string, Uint32Array>>();

/** Some of a packed draft's lines: `rows` index its columns, in file order. */
export interface PackedRows {
  packed: PackedDraftLines;
  rows: Uint32Array;
}

/**
 * Defines `target[name]` as built by `build` on its first read; `forget` runs then, and when the
 * property is set (the caller's value wins from then on).
 */
export function lazyProperty<T extends object, K extends keyof T>(
  target: T,
  name: K,
  build: () => T[K],
  forget: () => void,
): void {
  let value: T[K] | undefined;
  let built = false;
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get() {
      if (!built) {
        value = build();
        built = true;
        forget();
      }
      return value;
    },
    set(next: T[K]) {
      value = next;
      built = true;
      forget();
    },
  });
}

/**
 * `draft` with `packed` as its lines (and `usage` as its usage, when given), each rebuilt only
 * when read (see the module note).
 */
export function draftWithPackedLines(
  draft: Omit<BillDraft, 'lines' | 'usage'> & { usage?: BillDraft['usage'] },
  packed: PackedDraftLines,
  usage?: PackedDraftUsage,
): BillDraft {
  const result = { ...draft, usage: draft.usage ?? [] } as BillDraft;
  lazyProperty(
    result,
    'lines',
    () => unpackDraftLines(packed),
    () => packedOfDraft.delete(result),
  );
  packedOfDraft.set(result, packed);
  if (usage !== undefined) {
    lazyProperty(
      result,
      'usage',
      () => unpackDraftUsage(usage),
      () => packedUsageOfDraft.delete(result),
    );
    packedUsageOfDraft.set(result, usage);
  }
  return result;
}

/** The draft's packed lines while nothing has read them one by one; undefined otherwise. */
export function packedLinesOf(draft: BillDraft): PackedDraftLines | undefined {
  return packedOfDraft.get(draft);
}

/** The draft's packed usage while nothing has read it one by one; undefined otherwise. */
export function packedUsageOf(draft: BillDraft): PackedDraftUsage | undefined {
  return packedUsageOfDraft.get(draft);
}

/** How many usage records a draft has, without rebuilding packed ones. */
export function draftUsageCount(draft: BillDraft): number {
  return packedUsageOf(draft)?.count ?? draft.usage.length;
}

/** Each invoice's rows of packed usage, by invoice key, in file order (computed once). */
export function packedUsageRowsByInvoice(usage: PackedDraftUsage): Map<string, Uint32Array> {
  return rowsByKey(usage.invoiceKey, usage.count);
}

/** The usage records at `rows`, rebuilt in order. */
export function usageOfRows(usage: PackedDraftUsage, rows: Uint32Array): DraftUsage[] {
  return byRuns(rows, (start, end) => unpackDraftUsage(usage, start, end));
}

/** Rebuilds `rows` run by run (rows of one invoice mostly follow each other), in order. */
function byRuns<T>(rows: Uint32Array, rebuild: (start: number, end: number) => T[]): T[] {
  const out = new Array<T>(rows.length);
  let at = 0;
  for (let k = 0; k < rows.length;) {
    const start = rows[k] ?? 0;
    let end = start + 1;
    let next = k + 1;
    while (next < rows.length && rows[next] === end) {
      end++;
      next++;
    }
    for (const item of rebuild(start, end)) out[at++] = item;
    k = next;
  }
  return out;
}

/** How many lines a draft has, without rebuilding packed ones. */
export function draftLineCount(draft: BillDraft): number {
  return packedLinesOf(draft)?.count ?? draft.lines.length;
}

/** Each invoice's rows of packed lines, by invoice key, in file order (computed once). */
export function packedRowsByInvoice(packed: PackedDraftLines): Map<string, Uint32Array> {
  return rowsByKey(packed.invoiceKey, packed.count);
}

/** The rows of each value of a packed column, in first-seen order (computed once per column). */
function rowsByKey(column: PackedStrings, count: number): Map<string, Uint32Array> {
  const kept = rowsOfPacked.get(column);
  if (kept !== undefined) return kept;
  const { index, values } = column;
  const groups = new Map<string, Uint32Array>();
  if (index === null) {
    // One key per line (never for real bills): group the plain values.
    const lists = new Map<string, number[]>();
    for (let i = 0; i < count; i++) {
      const key = values[i] ?? '';
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [i]);
      else list.push(i);
    }
    for (const [key, list] of lists) groups.set(key, Uint32Array.from(list));
  } else {
    const counts = new Uint32Array(values.length + 1);
    for (let i = 0; i < count; i++) {
      const at = (index[i] ?? -1) + 1;
      counts[at] = (counts[at] ?? 0) + 1;
    }
    const rows = Array.from(counts, (n) => new Uint32Array(n));
    const filled = new Uint32Array(counts.length);
    for (let i = 0; i < count; i++) {
      const at = (index[i] ?? -1) + 1;
      const slot = filled[at] ?? 0;
      (rows[at] as Uint32Array)[slot] = i;
      filled[at] = slot + 1;
    }
    // Keys in first-seen order, as the lines' own grouping; a line with no key is grouped as ''.
    const order: number[] = [];
    const seen = new Uint8Array(counts.length);
    for (let i = 0; i < count; i++) {
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
  rowsOfPacked.set(column, groups);
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
  return byRuns(rows, (start, end) => unpackDraftLines(packed, start, end));
}

/** The aggregates of the lines at `rows`, equal to `aggregateLines` of those lines. */
export function aggregateRows({ packed, rows }: PackedRows): LineAggregates {
  const amounts = new Float64Array(rows.length);
  // Summed by the category's index (no lookup by name per line), in first-seen order.
  const sums = new Float64Array(CHARGE_CATEGORIES.length);
  const seen: number[] = [];
  const counted = new Uint8Array(CHARGE_CATEGORIES.length);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    const amount = packed.amount[row] ?? 0;
    amounts[k] = amount;
    const at = packed.category[row] ?? -1;
    if (at < 0 || at >= CHARGE_CATEGORIES.length)
      throw new Error(`Corrupt packed lines: category at ${row}`);
    if (counted[at] === 0) {
      counted[at] = 1;
      seen.push(at);
    }
    sums[at] = (sums[at] ?? 0) + amount;
  }
  const byCategory = new Map<ChargeCategory, number>();
  for (const at of seen) byCategory.set(CHARGE_CATEGORIES[at] as ChargeCategory, sums[at] ?? 0);
  const linesTotal = checkedLinesTotal(amounts);
  if (linesTotal === null) {
    throw new RangeError(
      `aggregateRows(): the lines add up past ±${MAX_LINES_TOTAL_CENTS} cents; the importer should have refused them.`,
    );
  }
  const categoryTotals: Partial<Record<ChargeCategory, Cents>> = {};
  for (const [category, total] of byCategory) categoryTotals[category] = cents(total);
  const aggregates: LineAggregates = {
    linesTotal: cents(linesTotal),
    lineCount: rows.length,
    categoryTotals,
  };
  // Only a draft whose lines name accounts reads them per row.
  if (packed.accountNumber.values.some((account) => account !== null && account !== '')) {
    const lineAccounts = lineAccountsOf(
      Array.from(rows, (row) => valueAt(packed.accountNumber, row)),
    );
    if (lineAccounts !== undefined) aggregates.lineAccounts = lineAccounts;
  }
  return aggregates;
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
