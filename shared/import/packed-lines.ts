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
import type { DraftChargeLine } from './draft';
import {
  ExtrasColumn,
  fitted,
  GROWABLE_START,
  grown,
  indexBuffers,
  StringColumn,
  valueAt,
  type PackedExtras,
  type PackedStrings,
} from './packed-columns';

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
  extras: PackedExtras;
}

const categoryIndex = new Map<ChargeCategory, number>(
  CHARGE_CATEGORIES.map((category, index) => [category, index]),
);

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
    if (i >= this.count) throw new RangeError(`No line ${i}`);
    const columns: PackedDraftLines = {
      count: this.count,
      invoiceKey: this.invoiceKey.view(),
      serviceIdRaw: this.serviceIdRaw.view(),
      serviceKey: this.serviceKey.view(),
      description: this.description.view(),
      sourceFile: this.sourceFile.view(),
      periodStart: this.periodStart.view(),
      periodEnd: this.periodEnd.view(),
      accountNumber: this.accountNumber.view(),
      category: this.category,
      quantity: this.quantity,
      amount: this.amount,
      sourceRow: this.sourceRow,
      extras: this.extras.view(),
    };
    return lineOf(columns, i);
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

/**
 * The packed lines with copies of their buffers (their string tables shared): what a worker keeps
 * of lines whose own buffers it transfers (a memcpy on its thread, where cloning them instead
 * would copy them again on the page's).
 */
export function packedLinesCopy(packed: PackedDraftLines): PackedDraftLines {
  const strings = (column: PackedStrings): PackedStrings => ({
    values: column.values,
    index: column.index?.slice() ?? null,
  });
  return {
    count: packed.count,
    invoiceKey: strings(packed.invoiceKey),
    serviceIdRaw: strings(packed.serviceIdRaw),
    serviceKey: strings(packed.serviceKey),
    description: strings(packed.description),
    sourceFile: strings(packed.sourceFile),
    periodStart: strings(packed.periodStart),
    periodEnd: strings(packed.periodEnd),
    accountNumber: strings(packed.accountNumber),
    category: packed.category.slice(),
    quantity: packed.quantity.slice(),
    amount: packed.amount.slice(),
    sourceRow: packed.sourceRow.slice(),
    extras: { values: packed.extras.values, index: packed.extras.index.slice() },
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
  for (let i = start; i < last; i++) lines[i - start] = lineOf(packed, i);
  return lines;
}

/** Line `i` of packed columns, rebuilt. */
function lineOf(packed: PackedDraftLines, i: number): DraftChargeLine {
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
  return line;
}
