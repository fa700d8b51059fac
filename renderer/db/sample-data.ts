import { deleteInvoiceRecords } from './import-commit';
import type { TemDeskDatabase } from './database';

/** Whether the sample company is loaded (any batch imported as sample). */
export async function hasSampleData(db: TemDeskDatabase): Promise<boolean> {
  return (await db.importBatches.filter((batch) => batch.sample === true).count()) > 0;
}

/**
 * Removes everything the sample company brought: its import batches, their invoices, lines,
 * usage and original files, and carriers and accounts left with no invoice. The user's own
 * imports are untouched.
 */
export async function clearSampleData(db: TemDeskDatabase): Promise<{ invoices: number }> {
  const tables = [
    db.importBatches,
    db.originalFiles,
    db.invoices,
    db.chargeBlocks,
    db.usage,
    db.carriers,
    db.accounts,
  ];
  return db.transaction('rw', tables, async () => {
    const batches = await db.importBatches.filter((batch) => batch.sample === true).toArray();
    let invoices = 0;
    for (const batch of batches) {
      const ids = await db.invoices.where('importBatchId').equals(batch.id).primaryKeys();
      for (const id of ids) await deleteInvoiceRecords(db, id);
      invoices += ids.length;
      await db.importBatches.delete(batch.id);
      await db.originalFiles.delete(batch.id);
    }
    const remaining = await db.invoices.toArray();
    const usedCarriers = new Set(remaining.map((invoice) => invoice.carrierId));
    const usedAccounts = new Set(
      remaining.map((invoice) => `${invoice.carrierId}|${invoice.accountNumber}`),
    );
    await db.accounts
      .filter((account) => !usedAccounts.has(`${account.carrierId}|${account.accountNumber}`))
      .delete();
    await db.carriers.filter((carrier) => !usedCarriers.has(carrier.id)).delete();
    return { invoices };
  });
}

/**
 * The sample company's history as a user would have kept it: every invoice before the latest
 * month reviewed, approved and paid, so the latest month shows what is due now.
 */
export async function settleOlderSampleInvoices(
  db: TemDeskDatabase,
  now = new Date(),
): Promise<number> {
  return db.transaction('rw', db.importBatches, db.invoices, async () => {
    const batchIds = (
      await db.importBatches.filter((batch) => batch.sample === true).toArray()
    ).map((b) => b.id);
    const invoices = await db.invoices.where('importBatchId').anyOf(batchIds).toArray();
    const latestMonth = invoices.reduce(
      (max, i) => (i.invoiceDate.slice(0, 7) > max ? i.invoiceDate.slice(0, 7) : max),
      '',
    );
    const at = now.toISOString();
    const older = invoices.filter(
      (i) => i.invoiceDate.slice(0, 7) < latestMonth && i.status === 'received',
    );
    for (const invoice of older) {
      const history = [
        ...(invoice.history ?? []),
        ...(['reviewed', 'approved', 'paid'] as const).map((status) => ({
          status,
          at,
          note: 'Sample data',
        })),
      ];
      await db.invoices.update(invoice.id, { status: 'paid', history });
    }
    return older.length;
  });
}
