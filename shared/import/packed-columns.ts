/**
 * The columns packed lines and usage are kept in while they are read and handed over: string
 * columns (distinct values and an index per row, or one value per row) and the extras column
 * (each distinct content once), each growing as rows are added.
 */
import { filledArray } from '../storage/charge-blocks';

/**
 * Each string column: the distinct values, and per line an index into them (-1: absent); or,
 * when nearly every line has its own value (`index` null), one value per line (null: absent).
 */
export interface PackedStrings {
  values: (string | null)[];
  index: Int32Array | null;
}

/** Each row's extras (-1: none), each distinct content kept once (see {@link ExtrasColumn}). */
export interface PackedExtras {
  values: Record<string, string>[];
  index: Int32Array;
}

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
    return valueIn(this.values, this.index, i);
  }

  /** The rows set so far as a packed column, to read (its index may be longer than the rows). */
  view(): PackedStrings {
    return { values: this.values, index: this.index };
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
export const GROWABLE_START = 1024;
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
export class ExtrasColumn {
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

  /** The rows set so far, to read (its index may be longer than the rows). */
  view(): PackedExtras {
    return { values: this.values, index: this.index };
  }

  packed(count: number): PackedExtras {
    return { values: this.values, index: fitted(this.index, count) };
  }
}

type TypedArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** A copy of `array` long enough for index `i` (at least twice as long). */
export function grown<T extends TypedArray>(
  array: T,
  i: number,
  Make: new (length: number) => T,
): T {
  const longer = new Make(Math.max(i + 1, array.length * 2));
  longer.set(array);
  return longer;
}

/** `array` cut to `count` (a copy, so its buffer is exactly its own), or itself when that long. */
export function fitted<T extends TypedArray>(array: T, count: number): T {
  return array.length === count ? array : (array.slice(0, count) as T);
}

/** The string of row `i` of a packed column, or undefined when absent. */
export function valueAt(column: PackedStrings, i: number): string | undefined {
  return valueIn(column.values, column.index, i);
}

function valueIn(
  values: readonly (string | null)[],
  index: Int32Array | null,
  i: number,
): string | undefined {
  if (index === null) return values[i] ?? undefined;
  const at = index[i] ?? -1;
  return at < 0 ? undefined : (values[at] ?? undefined);
}

/** The buffer of a string column's index, when it has one (to transfer). */
export function indexBuffers(...columns: PackedStrings[]): ArrayBuffer[] {
  return columns.flatMap((column) =>
    column.index === null ? [] : [column.index.buffer as ArrayBuffer],
  );
}
