/**
 * A draft's charge lines as columns, for handing them from the import worker to the page.
 *
 * Structured clone copies 100,000 line objects one property at a time (~230 ms); the same lines
 * as typed arrays (moved, not copied: their buffers are transferred) and a few short tables of
 * distinct strings (a bill repeats its services, descriptions and files) cross in a few ms.
 * `unpackDraftLines` rebuilds exactly the lines that were packed, in order.
 */
import { CHARGE_CATEGORIES, type ChargeCategory } from '../model';
import type { IsoDate } from '../dates';
import { cents } from '../money/cents';
import { filledArray } from '../storage/charge-blocks';
import type { DraftChargeLine } from './draft';

/**
 * Each string column: the distinct values, and per line an index into them (-1: absent); or,
 * when nearly every line has its own value (`index` null), one value per line (null: absent).
 */
export interface PackedStrings {
  values: (string | null)[];
  index: Int32Array | null;
}

/** A draft's lines as columns (row i of every column is line i). */
export interface PackedDraftLines {
  count: number;
  invoiceKey: PackedStrings;
  serviceIdRaw: PackedStrings;
  /** -1 for a null key. */
  serviceKey: PackedStrings;
  description: PackedStrings;
  sourceFile: PackedStrings;
  /** -1 when the line has no period (or account) of its own. */
  periodStart: PackedStrings;
  periodEnd: PackedStrings;
  accountNumber: PackedStrings;
  /** Index into `CHARGE_CATEGORIES`. */
  category: Uint8Array;
  /** NaN for a null quantity. */
  quantity: Float64Array;
  amount: Float64Array;
  sourceRow: Uint32Array;
  /**
   * Each line's extras (-1: none), kept once per distinct content: a carrier's extras (user name,
   * plan…) repeat on every charge of a service, month after month.
   */
  extras: { values: Record<string, string>[]; index: Int32Array };
}

const categoryIndex = new Map<ChargeCategory, number>(
  CHARGE_CATEGORIES.map((category, index) => [category, index]),
);

/** Collects one string column: distinct values in first-seen order and each line's index. */
export class StringColumn {
  private values: (string | null)[] = [];
  private index: Int32Array | null;
  private at = new Map<string, number>();
  private lastValue: string | undefined = undefined;
  private lastIndex = -1;
  /** Past this many distinct values the column is kept plain (a table would not save anything). */
  private readonly maxDistinct: number;

  constructor(count: number) {
    this.index = new Int32Array(count);
    this.maxDistinct = Math.max(64, count / 4);
  }

  set(i: number, value: string | null | undefined): void {
    const index = this.index;
    if (index === null) {
      this.values[i] = value ?? null;
      return;
    }
    if (value === null || value === undefined) {
      index[i] = -1;
      return;
    }
    // Lines of one invoice and service follow each other: most values repeat the previous one.
    if (value === this.lastValue) {
      index[i] = this.lastIndex;
      return;
    }
    let at = this.at.get(value);
    if (at === undefined) {
      if (this.values.length >= this.maxDistinct) {
        this.makePlain(i);
        this.values[i] = value;
        return;
      }
      at = this.values.length;
      this.values.push(value);
      this.at.set(value, at);
    }
    this.lastValue = value;
    this.lastIndex = at;
    index[i] = at;
  }

  /** Turns the column into one value per line (rows before `end` rewritten from the table). */
  private makePlain(end: number): void {
    const index = this.index as Int32Array;
    // Built without holes (not `new Array(n)`): it crosses to the page by structured clone, which
    // copies an array with holes key by key (see `filledArray`).
    const plain = filledArray<string | null>(index.length, null);
    for (let j = 0; j < end; j++) plain[j] = this.values[index[j] ?? -1] ?? null;
    this.values = plain;
    this.index = null;
    this.at = new Map();
  }

  packed(): PackedStrings {
    return { values: this.values, index: this.index };
  }
}

/**
 * Whether `extras` holds exactly the names and values of `entries` (`[name, value, name, value…]`,
 * in that order). The kept side is read from an array: looking its values up by name was most of
 * the comparison.
 */
function sameExtras(extras: Record<string, string>, entries: readonly string[]): boolean {
  let k = 0;
  for (const name in extras) {
    if (name !== entries[k] || extras[name] !== entries[k + 1]) return false;
    k += 2;
  }
  return k === entries.length;
}

/** The names and values of extras in order, as {@link sameExtras} compares them. */
function entriesOf(extras: Record<string, string>): string[] {
  const entries: string[] = [];
  for (const name in extras) entries.push(name, extras[name] ?? '');
  return entries;
}

/** The content of extras as one string (names and values can hold any character but U+0000). */
function extrasKey(extras: Record<string, string>): string {
  let key = '';
  for (const name in extras) key += `${name}\u0000${extras[name] ?? ''}\u0000`;
  return key;
}

/**
 * The extras column: each distinct content is kept once. Every line's extras is an object of its
 * own (read from its row), shared by the lines of that row; and the lines of a service carry the
 * same content month after month. So a line with its previous line's object costs nothing, most
 * others one shallow comparison with their service's last extras, and the rest one lookup of
 * their content (a million lines each stringified and kept in a map by object took seconds, and
 * building and hashing the content of every row still took most of the packing).
 */
class ExtrasColumn {
  readonly values: Record<string, string>[] = [];
  readonly index: Int32Array;
  /** The names and values of each kept value (see {@link sameExtras}). */
  private readonly entries: string[][] = [];
  private readonly byContent = new Map<string, number>();
  /** Each service's last value (by its raw identifier). */
  private readonly byService = new Map<string, number>();
  /** The previous line's extras object and its value's index. */
  private last: Record<string, string> | undefined = undefined;
  private lastIndex = -1;

  constructor(count: number) {
    this.index = new Int32Array(count);
  }

  set(i: number, extras: Record<string, string> | undefined, service: string): void {
    if (extras === undefined) {
      this.index[i] = -1;
      return;
    }
    // The lines of one row share its extras object.
    if (extras === this.last) {
      this.index[i] = this.lastIndex;
      return;
    }
    let index = this.byService.get(service);
    if (index === undefined || !sameExtras(extras, this.entries[index] ?? [])) {
      const content = extrasKey(extras);
      index = this.byContent.get(content);
      if (index === undefined) {
        index = this.values.length;
        this.values.push(extras);
        this.entries.push(entriesOf(extras));
        this.byContent.set(content, index);
      }
      this.byService.set(service, index);
    }
    this.last = extras;
    this.lastIndex = index;
    this.index[i] = index;
  }

  packed(): PackedDraftLines['extras'] {
    return { values: this.values, index: this.index };
  }
}

/** Packs lines into columns (see {@link PackedDraftLines}). */
export function packDraftLines(lines: readonly DraftChargeLine[]): PackedDraftLines {
  const count = lines.length;
  const column = () => new StringColumn(count);
  const invoiceKey = column();
  const serviceIdRaw = column();
  const serviceKey = column();
  const description = column();
  const sourceFile = column();
  const periodStart = column();
  const periodEnd = column();
  const accountNumber = column();
  const category = new Uint8Array(count);
  const quantity = new Float64Array(count);
  const amount = new Float64Array(count);
  const sourceRow = new Uint32Array(count);
  const extras = new ExtrasColumn(count);
  for (let i = 0; i < count; i++) {
    const line = lines[i] as DraftChargeLine;
    const categoryAt = categoryIndex.get(line.category);
    if (categoryAt === undefined) throw new Error(`Unknown charge category ${line.category}`);
    invoiceKey.set(i, line.invoiceKey);
    serviceIdRaw.set(i, line.serviceIdRaw);
    serviceKey.set(i, line.serviceKey);
    description.set(i, line.description);
    sourceFile.set(i, line.sourceFile);
    periodStart.set(i, line.periodStart);
    periodEnd.set(i, line.periodEnd);
    accountNumber.set(i, line.accountNumber);
    category[i] = categoryAt;
    quantity[i] = line.quantity ?? Number.NaN;
    amount[i] = line.amount;
    sourceRow[i] = line.sourceRow;
    extras.set(i, line.extras, line.serviceIdRaw);
  }
  return {
    count,
    invoiceKey: invoiceKey.packed(),
    serviceIdRaw: serviceIdRaw.packed(),
    serviceKey: serviceKey.packed(),
    description: description.packed(),
    sourceFile: sourceFile.packed(),
    periodStart: periodStart.packed(),
    periodEnd: periodEnd.packed(),
    accountNumber: accountNumber.packed(),
    category,
    quantity,
    amount,
    sourceRow,
    extras: extras.packed(),
  };
}

/** The buffers of packed lines, to transfer with `postMessage` rather than copy. */
export function packedTransferables(packed: PackedDraftLines): ArrayBuffer[] {
  const views = [
    packed.category,
    packed.quantity,
    packed.amount,
    packed.sourceRow,
    packed.extras.index,
  ];
  return [
    ...indexBuffers(
      packed.invoiceKey,
      packed.serviceIdRaw,
      packed.serviceKey,
      packed.description,
      packed.sourceFile,
      packed.periodStart,
      packed.periodEnd,
      packed.accountNumber,
    ),
    ...views.map((view) => view.buffer as ArrayBuffer),
  ];
}

/** The string of row `i` of a packed column, or undefined when absent. */
export function valueAt(column: PackedStrings, i: number): string | undefined {
  if (column.index === null) return column.values[i] ?? undefined;
  const index = column.index[i] ?? -1;
  return index < 0 ? undefined : (column.values[index] ?? undefined);
}

/** The buffer of a string column's index, when it has one (to transfer). */
export function indexBuffers(...columns: PackedStrings[]): ArrayBuffer[] {
  return columns.flatMap((column) =>
    column.index === null ? [] : [column.index.buffer as ArrayBuffer],
  );
}

/**
 * The lines packed by {@link packDraftLines}, rebuilt in order, equal to the originals; lines
 * `start` to `end` only when given (a caller rebuilding a million lines does it in slices).
 */
export function unpackDraftLines(
  packed: PackedDraftLines,
  start = 0,
  end = packed.count,
): DraftChargeLine[] {
  const last = Math.min(end, packed.count);
  const lines = new Array<DraftChargeLine>(Math.max(0, last - start));
  for (let i = start; i < last; i++) {
    const category = CHARGE_CATEGORIES[packed.category[i] ?? -1];
    if (category === undefined) throw new Error(`Corrupt packed lines: category at ${i}`);
    const quantity = packed.quantity[i] ?? Number.NaN;
    const line: DraftChargeLine = {
      invoiceKey: valueAt(packed.invoiceKey, i) ?? '',
      serviceIdRaw: valueAt(packed.serviceIdRaw, i) ?? '',
      serviceKey: valueAt(packed.serviceKey, i) ?? null,
      description: valueAt(packed.description, i) ?? '',
      category,
      quantity: Number.isNaN(quantity) ? null : quantity,
      amount: cents(packed.amount[i] ?? 0),
      sourceFile: valueAt(packed.sourceFile, i) ?? '',
      sourceRow: packed.sourceRow[i] ?? 0,
    };
    const periodStart = valueAt(packed.periodStart, i);
    if (periodStart !== undefined) line.periodStart = periodStart as IsoDate;
    const periodEnd = valueAt(packed.periodEnd, i);
    if (periodEnd !== undefined) line.periodEnd = periodEnd as IsoDate;
    const extrasAt = packed.extras.index[i] ?? -1;
    if (extrasAt >= 0) line.extras = packed.extras.values[extrasAt];
    const account = valueAt(packed.accountNumber, i);
    if (account !== undefined) line.accountNumber = account;
    lines[i - start] = line;
  }
  return lines;
}
