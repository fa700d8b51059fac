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
import { cents, type Cents } from '../money/cents';
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

/**
 * Collects one string column: distinct values in first-seen order and each line's index. Rows are
 * set in order (row `length` next) and may be set again; the column grows as rows are added.
 */
export class StringColumn {
  private values: (string | null)[] = [];
  private index: Int32Array | null;
  private at = new Map<string, number>();
  private lastValue: string | undefined = undefined;
  private lastIndex = -1;
  /** Rows set so far. */
  private length = 0;
  /**
   * Past this many distinct values the column is kept plain (a table would not save anything):
   * a quarter of the rows expected (see `maxDistinct` while their number is not known).
   */
  private readonly expected: number | undefined;

  /** `count`: the number of rows when known (the column is made that long at once). */
  constructor(count?: number) {
    this.expected = count;
    this.index = new Int32Array(count ?? GROWABLE_START);
  }

  set(i: number, value: string | null | undefined): void {
    if (i >= this.length) this.length = i + 1;
    let index = this.index;
    if (index === null) {
      this.values[i] = value ?? null;
      return;
    }
    if (i >= index.length) index = this.grow(i);
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
      if (this.values.length >= this.maxDistinct()) {
        this.makePlain();
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

  private maxDistinct(): number {
    return this.expected === undefined
      ? Math.max(GROWABLE_DISTINCT, this.length / 2)
      : Math.max(64, this.expected / 4);
  }

  /** A longer index holding row `i`, the rows set kept. */
  private grow(i: number): Int32Array {
    const index = new Int32Array(Math.max(i + 1, (this.index?.length ?? 0) * 2));
    if (this.index !== null) index.set(this.index);
    this.index = index;
    return index;
  }

  /** Turns the column into one value per row (the rows set so far rewritten from the table). */
  private makePlain(): void {
    const index = this.index as Int32Array;
    // Built without holes (not `new Array(n)`): it crosses to the page by structured clone, which
    // copies an array with holes key by key (see `filledArray`).
    const plain = filledArray<string | null>(this.length, null);
    for (let j = 0; j < this.length; j++) plain[j] = this.values[index[j] ?? -1] ?? null;
    this.values = plain;
    this.index = null;
    this.at = new Map();
  }

  /** The value of row `i`, or undefined when absent. */
  get(i: number): string | undefined {
    if (this.index === null) return this.values[i] ?? undefined;
    const index = this.index[i] ?? -1;
    return index < 0 ? undefined : (this.values[index] ?? undefined);
  }

  /**
   * The column of the `count` rows set (its index exactly that long, to transfer), plain when more
   * than a quarter of them are distinct, as a column of known length would have been made.
   */
  packed(count = this.length): PackedStrings {
    const growable = this.expected === undefined;
    if (growable && this.index !== null && this.values.length > Math.max(64, count / 4))
      this.makePlain();
    const index = this.index;
    return {
      values:
        index === null && this.values.length > count ? this.values.slice(0, count) : this.values,
      index: index === null || index.length === count ? index : index.slice(0, count),
    };
  }
}

/** Rows a column of unknown length starts with (it doubles as needed). */
const GROWABLE_START = 1024;
/**
 * Distinct values a column of unknown length keeps in a table while it grows, before half its
 * rows: a bill's first month names every service once, its later months again, so a table is
 * kept for up to 16,384 services seen once; whether a quarter of all rows are distinct is decided
 * when it is done. (At 65,536 a bill of 100,000 services, each on one line, read 100 ms slower:
 * the map of their ids is most of that.)
 */
const GROWABLE_DISTINCT = 16_384;

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
  private index: Int32Array;
  /** The names and values of each kept value (see {@link sameExtras}). */
  private readonly entries: string[][] = [];
  private readonly byContent = new Map<string, number>();
  /** Each service's last value (by its raw identifier). */
  private readonly byService = new Map<string, number>();
  /** The previous line's extras object and its value's index. */
  private last: Record<string, string> | undefined = undefined;
  private lastIndex = -1;

  constructor(capacity: number) {
    this.index = new Int32Array(capacity);
  }

  set(i: number, extras: Record<string, string> | undefined, service: string): void {
    if (i >= this.index.length) this.index = grown(this.index, i, Int32Array);
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

  /** The extras of row `i`, or undefined. */
  get(i: number): Record<string, string> | undefined {
    const at = this.index[i] ?? -1;
    return at < 0 ? undefined : this.values[at];
  }

  packed(count: number): PackedDraftLines['extras'] {
    return { values: this.values, index: fitted(this.index, count) };
  }
}

type TypedArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** A copy of `array` long enough for index `i` (at least twice as long). */
function grown<T extends TypedArray>(array: T, i: number, Make: new (length: number) => T): T {
  const longer = new Make(Math.max(i + 1, array.length * 2));
  longer.set(array);
  return longer;
}

/** `array` cut to `count` (a copy, so its buffer is exactly its own), or itself when that long. */
function fitted<T extends TypedArray>(array: T, count: number): T {
  return array.length === count ? array : (array.slice(0, count) as T);
}

/** Where a line's optional fields come from when it is added (see {@link DraftLinesBuilder.add}). */
export type DraftLineMore = Pick<
  DraftChargeLine,
  'quantity' | 'extras' | 'periodStart' | 'periodEnd' | 'accountNumber'
>;

/**
 * Charge lines collected straight into columns, as {@link packDraftLines} packs them: a reader adds
 * a million lines without making (and keeping until the end) a million line objects, which in a
 * profile of the million-line import was a third of its reading (mostly garbage collection).
 */
export class DraftLinesBuilder {
  /** Lines added. */
  count = 0;
  private readonly invoiceKey: StringColumn;
  private readonly serviceIdRaw: StringColumn;
  private readonly serviceKey: StringColumn;
  private readonly description: StringColumn;
  private readonly sourceFile: StringColumn;
  private readonly periodStart: StringColumn;
  private readonly periodEnd: StringColumn;
  private readonly accountNumber: StringColumn;
  private category: Uint8Array;
  private quantity: Float64Array;
  private amount: Float64Array;
  private sourceRow: Uint32Array;
  private readonly extras: ExtrasColumn;

  /** `expected`: the number of lines, when known (packing lines already read). */
  constructor(expected?: number) {
    const column = () => new StringColumn(expected);
    this.invoiceKey = column();
    this.serviceIdRaw = column();
    this.serviceKey = column();
    this.description = column();
    this.sourceFile = column();
    this.periodStart = column();
    this.periodEnd = column();
    this.accountNumber = column();
    const capacity = expected ?? GROWABLE_START;
    this.category = new Uint8Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
    this.sourceRow = new Uint32Array(capacity);
    this.extras = new ExtrasColumn(capacity);
  }

  /** Adds a line (its optional fields from `more`, each only when defined). */
  add(
    invoiceKey: string,
    serviceIdRaw: string,
    serviceKey: string | null,
    description: string,
    category: ChargeCategory,
    amount: number,
    sourceFile: string,
    sourceRow: number,
    more: DraftLineMore,
  ): void {
    const i = this.count;
    if (i >= this.amount.length) {
      this.category = grown(this.category, i, Uint8Array);
      this.quantity = grown(this.quantity, i, Float64Array);
      this.amount = grown(this.amount, i, Float64Array);
      this.sourceRow = grown(this.sourceRow, i, Uint32Array);
    }
    this.count = i + 1;
    this.invoiceKey.set(i, invoiceKey);
    this.serviceIdRaw.set(i, serviceIdRaw);
    this.serviceKey.set(i, serviceKey);
    this.description.set(i, description);
    this.sourceFile.set(i, sourceFile);
    this.periodStart.set(i, more.periodStart);
    this.periodEnd.set(i, more.periodEnd);
    this.accountNumber.set(i, more.accountNumber);
    this.setCategory(i, category);
    this.quantity[i] = more.quantity ?? Number.NaN;
    this.amount[i] = amount;
    this.sourceRow[i] = sourceRow;
    this.extras.set(i, more.extras, serviceIdRaw);
  }

  /** Adds a line already made. */
  addLine(line: DraftChargeLine): void {
    this.add(
      line.invoiceKey,
      line.serviceIdRaw,
      line.serviceKey,
      line.description,
      line.category,
      line.amount,
      line.sourceFile,
      line.sourceRow,
      line,
    );
  }

  private setCategory(i: number, category: ChargeCategory): void {
    const at = categoryIndex.get(category);
    if (at === undefined) throw new Error(`Unknown charge category ${category}`);
    this.category[i] = at;
  }

  /** Line `i`'s invoice key. */
  invoiceKeyAt(i: number): string {
    return this.invoiceKey.get(i) ?? '';
  }

  /** Line `i`'s amount. */
  amountAt(i: number): Cents {
    return cents(this.amount[i] ?? 0);
  }

  /** Line `i`, rebuilt as a line object (a copy: change it with {@link DraftLinesBuilder.change}). */
  lineAt(i: number): DraftChargeLine {
    const category = CHARGE_CATEGORIES[this.category[i] ?? -1];
    if (category === undefined || i >= this.count) throw new RangeError(`No line ${i}`);
    const quantity = this.quantity[i] ?? Number.NaN;
    const line: DraftChargeLine = {
      invoiceKey: this.invoiceKeyAt(i),
      serviceIdRaw: this.serviceIdRaw.get(i) ?? '',
      serviceKey: this.serviceKey.get(i) ?? null,
      description: this.description.get(i) ?? '',
      category,
      quantity: Number.isNaN(quantity) ? null : quantity,
      amount: this.amountAt(i),
      sourceFile: this.sourceFile.get(i) ?? '',
      sourceRow: this.sourceRow[i] ?? 0,
    };
    const periodStart = this.periodStart.get(i);
    if (periodStart !== undefined) line.periodStart = periodStart as IsoDate;
    const periodEnd = this.periodEnd.get(i);
    if (periodEnd !== undefined) line.periodEnd = periodEnd as IsoDate;
    const extras = this.extras.get(i);
    if (extras !== undefined) line.extras = extras;
    const account = this.accountNumber.get(i);
    if (account !== undefined) line.accountNumber = account;
    return line;
  }

  /** Changes line `i`'s amount, category and description. */
  change(i: number, to: { amount: Cents; category: ChargeCategory; description: string }): void {
    if (i >= this.count) throw new RangeError(`No line ${i}`);
    this.amount[i] = to.amount;
    this.setCategory(i, to.category);
    this.description.set(i, to.description);
  }

  /** The lines as columns (see {@link PackedDraftLines}). */
  finish(): PackedDraftLines {
    const { count } = this;
    return {
      count,
      invoiceKey: this.invoiceKey.packed(count),
      serviceIdRaw: this.serviceIdRaw.packed(count),
      serviceKey: this.serviceKey.packed(count),
      description: this.description.packed(count),
      sourceFile: this.sourceFile.packed(count),
      periodStart: this.periodStart.packed(count),
      periodEnd: this.periodEnd.packed(count),
      accountNumber: this.accountNumber.packed(count),
      category: fitted(this.category, count),
      quantity: fitted(this.quantity, count),
      amount: fitted(this.amount, count),
      sourceRow: fitted(this.sourceRow, count),
      extras: this.extras.packed(count),
    };
  }
}

/** Packs lines into columns (see {@link PackedDraftLines}). */
export function packDraftLines(lines: readonly DraftChargeLine[]): PackedDraftLines {
  const builder = new DraftLinesBuilder(lines.length);
  for (const line of lines) builder.addLine(line);
  return builder.finish();
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
