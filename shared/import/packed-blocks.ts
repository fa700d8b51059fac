/**
 * Stored blocks made straight from a packed draft's columns (see `packed-drafts.ts`): the same
 * blocks `packChargeLines` makes of the rebuilt lines, without building a line object.
 */
import { BLOCK_SIZE, BlockFiller, planOfExtras, type ChargeBlock } from '../storage/charge-blocks';
import type { PackedRows } from './packed-drafts';
import type { PackedStrings } from './packed-columns';

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
  { packed, rows }: PackedRows,
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
  for (let start = 0, blockIndex = 0; start < rows.length; start += blockSize, blockIndex++) {
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
