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
  await deleteChargeLines(db, invoiceId);
  const blocks = packChargeLines(invoiceId, lines);
  await db.chargeBlocks.bulkPut(blocks);
  await db.serviceTotals.put(serviceTotalsOfBlocks(invoiceId, blocks));
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
