import Dexie from 'dexie';
import type { ChargeLine } from '../../shared/model';
import {
  packChargeLines,
  unpackChargeBlock,
  type ChargeBlock,
} from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../shared/storage/service-totals';
import type { TemDeskDatabase } from './database';

/**
 * Store an invoice's lines as packed blocks, with its per-service totals. Call inside a `rw`
 * transaction that includes `chargeBlocks` and `serviceTotals`, so lines and totals land together.
 */
export async function putChargeLines(
  db: TemDeskDatabase,
  invoiceId: string,
  lines: readonly ChargeLine[],
): Promise<number> {
  return putManyChargeLines(db, [{ invoiceId, lines }]);
}

/**
 * {@link putChargeLines} for many invoices at once: every block and every invoice's totals written
 * in one bulk request each, and the blocks an invoice had beyond its new ones deleted. IndexedDB
 * runs a transaction's requests in order, so nothing waits on a round trip per invoice. Returns the
 * number of blocks written.
 */
export async function putManyChargeLines(
  db: TemDeskDatabase,
  invoices: readonly { invoiceId: string; lines: readonly ChargeLine[] }[],
): Promise<number> {
  // Old blocks are found in one key cursor over every invoice's range (a count and a range delete
  // per invoice cost more than the writes on an empty table). Its answer is not waited for before
  // writing: a put replaces a block of the same index, so only the keys at or past an invoice's
  // new block count are stale, whether the cursor saw them before or after the puts.
  const stale = db.chargeBlocks
    .where('[invoiceId+blockIndex]')
    .inAnyRange(
      invoices.map(({ invoiceId }) => [
        [invoiceId, Dexie.minKey],
        [invoiceId, Dexie.maxKey],
      ]),
    )
    .primaryKeys();
  const blocks: ChargeBlock[] = [];
  const owned: { invoiceId: string; blocks: ChargeBlock[] }[] = [];
  /** Blocks written per invoice (the most, should an invoice come twice: its lower keys are all put). */
  const written = new Map<string, number>();
  for (const { invoiceId, lines } of invoices) {
    const own = packChargeLines(invoiceId, lines);
    for (const block of own) blocks.push(block);
    owned.push({ invoiceId, blocks: own });
    written.set(invoiceId, Math.max(own.length, written.get(invoiceId) ?? 0));
  }
  // The blocks are sent first; the totals are summed while IndexedDB writes them.
  const blocksWritten = db.chargeBlocks.bulkPut(blocks);
  const totals = owned.map((entry) => serviceTotalsOfBlocks(entry.invoiceId, entry.blocks));
  await Promise.all([
    blocksWritten,
    db.serviceTotals.bulkPut(totals),
    stale.then(async (keys) => {
      const staleKeys = keys.filter(
        ([invoiceId, blockIndex]) => blockIndex >= (written.get(invoiceId) ?? 0),
      );
      if (staleKeys.length > 0) await db.chargeBlocks.bulkDelete(staleKeys);
    }),
  ]);
  return blocks.length;
}

/** Every block of one invoice, in order. */
export function chargeBlocksOf(db: TemDeskDatabase, invoiceId: string): Promise<ChargeBlock[]> {
  return db.chargeBlocks
    .where('[invoiceId+blockIndex]')
    .between([invoiceId, Dexie.minKey], [invoiceId, Dexie.maxKey])
    .toArray();
}

/** Every line of one invoice, in file order. */
export async function loadChargeLines(
  db: TemDeskDatabase,
  invoiceId: string,
): Promise<ChargeLine[]> {
  const blocks = await chargeBlocksOf(db, invoiceId);
  return blocks.flatMap(unpackChargeBlock);
}

export function deleteChargeLines(db: TemDeskDatabase, invoiceId: string): Promise<number> {
  return db.chargeBlocks
    .where('[invoiceId+blockIndex]')
    .between([invoiceId, Dexie.minKey], [invoiceId, Dexie.maxKey])
    .delete();
}

/**
 * Computes the per-service totals of every invoice that has none (a backup restored from before
 * they existed). Call inside a `rw` transaction over `invoices`, `chargeBlocks` and `serviceTotals`.
 */
export async function fillMissingServiceTotals(db: TemDeskDatabase): Promise<number> {
  const have = new Set(await db.serviceTotals.toCollection().primaryKeys());
  const missing = (await db.invoices.toCollection().primaryKeys()).filter((id) => !have.has(id));
  for (const invoiceId of missing)
    await db.serviceTotals.put(
      serviceTotalsOfBlocks(invoiceId, await chargeBlocksOf(db, invoiceId)),
    );
  return missing.length;
}
