/**
 * The schema history of the one IndexedDB database, oldest first. Never edit a published entry:
 * add a new version with its `stores` and, when records change shape, an `upgrade`.
 * `test/db/migrations.test.ts` opens a database written by every earlier version and checks that
 * every record survives the upgrade to the latest one.
 *
 * Charge lines are not stored one record per line (IndexedDB writes ~6,700 records/s here):
 * they are packed per invoice in blocks of column arrays (`chargeBlocks`), and each invoice keeps
 * its own aggregates so the dashboard never needs the lines.
 */
import Dexie, { type Transaction } from 'dexie';
import { lineAccountsOfBlocks, type ChargeBlock } from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../shared/storage/service-totals';
import { LATEST_SCHEMA_VERSION, SCHEMA_STORES } from '../../shared/storage/schema-stores';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** What changed, for the README and the migration test's messages. */
  note: string;
  /** Fills in or reshapes records written by the version before, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DATABASE_NAME = 'tem-desk';

/** Upgrade functions by the version they upgrade to. */
const UPGRADES: Readonly<Record<number, (tx: Transaction) => Promise<void>>> = {
  4: (tx) =>
    eachInvoiceBlocks(tx, async (invoiceId, blocks) => {
      await tx.table('serviceTotals').put(serviceTotalsOfBlocks(invoiceId, blocks));
    }),
  // Only an invoice whose lines name accounts of their own changes: its totals keep each line's
  // account, and it lists those accounts.
  6: (tx) =>
    eachInvoiceBlocks(tx, async (invoiceId, blocks) => {
      const lineAccounts = lineAccountsOfBlocks(blocks);
      if (lineAccounts === undefined) return;
      await tx.table('serviceTotals').put(serviceTotalsOfBlocks(invoiceId, blocks));
      await tx.table('invoices').update(invoiceId, { lineAccounts });
    }),
};

/** Calls `each` with every stored invoice's id and its blocks, in order. */
async function eachInvoiceBlocks(
  tx: Transaction,
  each: (invoiceId: string, blocks: ChargeBlock[]) => Promise<void>,
): Promise<void> {
  const blocks = tx.table<ChargeBlock, [string, number]>('chargeBlocks');
  const invoiceIds = await tx
    .table<{ id: string }, string>('invoices')
    .toCollection()
    .primaryKeys();
  for (const invoiceId of invoiceIds) {
    const own = await blocks
      .where('[invoiceId+blockIndex]')
      .between([invoiceId, Dexie.minKey], [invoiceId, Dexie.maxKey])
      .toArray();
    await each(invoiceId, own);
  }
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = SCHEMA_STORES.map((entry) => {
  const upgrade = UPGRADES[entry.version];
  return upgrade === undefined ? { ...entry } : { ...entry, upgrade };
});

export { LATEST_SCHEMA_VERSION };
