/**
 * Stored blocks made straight from a packed draft's columns (see `packed-drafts.ts`): the same
 * blocks `packChargeLines` makes of the rebuilt lines, without building a line object.
 */
import { BLOCK_SIZE, BlockFiller, planOfExtras, type ChargeBlock } from '../storage/charge-blocks';
import type { PackedRows } from './packed-drafts';
import type { PackedStrings } from './packed-columns';
import type { ServiceTotals } from '../storage/service-totals';

/** The string of row `i`, or `fallback` when absent (see `valueAt`). */
function stringAt(column: PackedStrings, i: number, fallback: string): string {
  if (column.index === null) return column.values[i] ?? fallback;
  const at = column.index[i] ?? -1;
  return at < 0 ? fallback : (column.values[at] ?? fallback);
}

/** Whether row `i` of a column has a value. */
function hasValue(column: PackedStrings, i: number): boolean {
  if (column.index === null) return (column.values[i] ?? null) !== null;
  return (column.index[i] ?? -1) >= 0;
}

/** `packChargeLines(invoiceId, linesOfRows(rows))`, from the columns. */
export function packRows(
  invoiceId: string,
  packedRows: PackedRows,
  blockSize = BLOCK_SIZE,
): ChargeBlock[] {
  return packRowBlocks(invoiceId, packedRows, 0, Number.POSITIVE_INFINITY, blockSize);
}

/** How many blocks {@link packRows} makes of `rows`. */
export function blockCountOfRows({ rows }: PackedRows, blockSize = BLOCK_SIZE): number {
  return Math.ceil(rows.length / blockSize);
}

/**
 * The blocks `fromBlock` (included) to `toBlock` (excluded) of {@link packRows}: the same blocks,
 * made a few at a time (staging a million lines packs them between other tasks of the page).
 */
export function packRowBlocks(
  invoiceId: string,
  { packed, rows }: PackedRows,
  fromBlock: number,
  toBlock: number,
  blockSize = BLOCK_SIZE,
): ChargeBlock[] {
  const blocks: ChargeBlock[] = [];
  // Each distinct extras content is kept once: its plan is read once, not on every row.
  const plans = new Map<number, string>();
  const planOf = (extras: number): string => {
    let plan = plans.get(extras);
    if (plan === undefined) {
      plan = planOfExtras(packed.extras.values[extras]);
      plans.set(extras, plan);
    }
    return plan;
  };
  for (
    let blockIndex = fromBlock, start = fromBlock * blockSize;
    start < rows.length && blockIndex < toBlock;
    start += blockSize, blockIndex++
  ) {
    const count = Math.min(blockSize, rows.length - start);
    const filler = new BlockFiller(invoiceId, blockIndex, count);
    const { block } = filler;
    for (let i = 0; i < count; i++) {
      const row = rows[start + i] ?? 0;
      block.serviceIdRaw[i] = stringAt(packed.serviceIdRaw, row, '');
      block.serviceKey[i] = stringAt(packed.serviceKey, row, '');
      block.description[i] = stringAt(packed.description, row, '');
      block.category[i] = packed.category[row] ?? 0;
      block.quantity[i] = packed.quantity[row] ?? Number.NaN;
      block.amount[i] = packed.amount[row] ?? 0;
      block.sourceRow[i] = packed.sourceRow[row] ?? 0;
      block.periodStart[i] = stringAt(packed.periodStart, row, '');
      block.periodEnd[i] = stringAt(packed.periodEnd, row, '');
      // A draft line always names its file ('' when none); a line without an own account has none.
      filler.file(i, stringAt(packed.sourceFile, row, ''));
      if (hasValue(packed.accountNumber, row))
        filler.account(i, stringAt(packed.accountNumber, row, ''));
      const extras = packed.extras.index[row] ?? -1;
      if (extras >= 0) filler.plan(i, planOf(extras));
    }
    blocks.push(filler.done());
  }
  return blocks;
}

/**
 * `serviceTotalsOfBlocks(invoiceId, packRows(invoiceId, rows))`, from the columns: a line's
 * service is its key's position among the column's distinct values, so each line is summed by two
 * array reads, without hashing its key's characters (a tenth of a million-line commit). Null when
 * the key column is kept plain (nearly every line its own key), or when the draft's lines name
 * billing accounts of their own (`ServiceTotals.accounts`): the caller sums the blocks.
 */
export function serviceTotalsOfRows(
  invoiceId: string,
  { packed, rows }: PackedRows,
  scratch: ServiceScratch = new ServiceScratch(),
): ServiceTotals | null {
  const { index, values } = packed.serviceKey;
  if (index === null) return null;
  // Lines billed on accounts of their own are summed per account too: by the blocks.
  if (packed.accountNumber.values.some((account) => account !== null && account !== ''))
    return null;
  // Slot 0: no key, as the key ''; a distinct value '' is the same key.
  const emptyAt = values.indexOf('');
  const first = scratch.firstEntries(values.length + 1);
  const touched: number[] = [];
  const keys: string[] = [];
  const categories: number[] = [];
  const amounts: number[] = [];
  /** The entry before each one of the same service (-1: none), newest first. */
  const previous: number[] = [];
  let lastSlot = -1;
  let lastCategory = -1;
  let lastEntry = -1;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    const at = index[row] ?? -1;
    const slot = at < 0 || at === emptyAt ? 0 : at + 1;
    const category = packed.category[row] ?? 0;
    const amount = packed.amount[row] ?? 0;
    if (slot !== lastSlot || category !== lastCategory) {
      lastSlot = slot;
      lastCategory = category;
      let entry = first[slot] ?? -1;
      while (entry >= 0 && categories[entry] !== category) entry = previous[entry] ?? -1;
      if (entry < 0) {
        entry = keys.length;
        if ((first[slot] ?? -1) < 0) touched.push(slot);
        previous.push(first[slot] ?? -1);
        first[slot] = entry;
        keys.push(slot === 0 ? '' : (values[slot - 1] ?? ''));
        categories.push(category);
        amounts.push(amount);
        lastEntry = entry;
        continue;
      }
      lastEntry = entry;
    }
    amounts[lastEntry] = (amounts[lastEntry] ?? 0) + amount;
  }
  for (const slot of touched) first[slot] = -1;
  return {
    invoiceId,
    keys,
    categories: Uint8Array.from(categories),
    amounts: Float64Array.from(amounts),
  };
}

/**
 * The per-service table {@link serviceTotalsOfRows} uses, kept between the invoices of one
 * commit (a draft's distinct keys can be a quarter of a million): every slot -1 between calls.
 */
export class ServiceScratch {
  private slots = new Int32Array(0);

  firstEntries(length: number): Int32Array {
    if (this.slots.length < length) this.slots = new Int32Array(length).fill(-1);
    return this.slots;
  }
}
