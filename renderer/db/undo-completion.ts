/**
 * Undo for an import that only completed stored invoices (another department's report of an
 * invoice stored from one, Verizon's account summary after its line summary): it puts each
 * stored invoice back exactly as it was before the join (its record, lines, service totals and
 * usage) and takes the import's batch and original away, in one transaction. Nothing is put back
 * when a joined invoice changed since (deleted, imported again, its status moved): the toast
 * says so. The checks run again by themselves: the audit watches the import batches.
 */
import type { Invoice } from '../../shared/model';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import { chargeBlocksOf, deleteChargeLines } from './charges';
import type { InvoiceUsageRecord, TemDeskDatabase } from './database';
import type { NotUndone } from './not-undone';

/** A stored invoice as it was before an import completed it. */
export interface CompletedBefore {
  invoice: Invoice;
  blocks: ChargeBlock[];
  totals?: ServiceTotals;
  usage?: InvoiceUsageRecord;
}

/** A stored invoice's records, read before an import completes it (inside the commit). */
export async function recordsBeforeJoin(
  db: TemDeskDatabase,
  invoice: Invoice,
): Promise<CompletedBefore> {
  const before: CompletedBefore = { invoice, blocks: await chargeBlocksOf(db, invoice.id) };
  const totals = await db.serviceTotals.get(invoice.id);
  if (totals !== undefined) before.totals = totals;
  const usage = await db.usage.get(invoice.id);
  if (usage !== undefined) before.usage = usage;
  return before;
}

/** What a commit that completed invoices reports (see `commitImport`). */
export interface Completed {
  batchIds: readonly string[];
  invoiceIds: readonly string[];
  replacedInvoices: number;
  addedUsage: readonly unknown[];
  completedBefore: readonly CompletedBefore[];
}

/**
 * How to undo an import that only completed stored invoices; null for one that also added,
 * replaced, or added usage to invoices (those are undone by deleting the invoice).
 */
export function completionImportUndo(
  db: TemDeskDatabase,
  outcome: Completed,
): (() => Promise<NotUndone | undefined>) | null {
  const { completedBefore, batchIds } = outcome;
  const only =
    completedBefore.length > 0 &&
    outcome.invoiceIds.length === 0 &&
    outcome.replacedInvoices === 0 &&
    outcome.addedUsage.length === 0;
  if (!only) return null;
  const ofImport = new Set(batchIds);
  // An invoice's records, and the import's batch and original.
  const records = [db.invoices, db.chargeBlocks, db.serviceTotals, db.usage];
  const tables = [...records, db.importBatches, db.originalFiles];
  return async () =>
    db.transaction('rw', tables, async (): Promise<NotUndone | undefined> => {
      for (const { invoice } of completedBefore) {
        const now = await db.invoices.get(invoice.id);
        const asJoined =
          now !== undefined &&
          now.status === invoice.status &&
          (now.history ?? []).length === (invoice.history ?? []).length + 1 &&
          (now.parts ?? []).some((part) => ofImport.has(part.importBatchId));
        if (!asJoined)
          return {
            notUndone: `Not undone: invoice ${invoice.invoiceNumber} changed since it was completed, so it is left as it is.`,
          };
      }
      for (const before of completedBefore) {
        const id = before.invoice.id;
        await deleteChargeLines(db, id);
        await db.serviceTotals.delete(id);
        await db.usage.delete(id);
        await db.invoices.put(before.invoice);
        await db.chargeBlocks.bulkPut(before.blocks);
        if (before.totals !== undefined) await db.serviceTotals.put(before.totals);
        if (before.usage !== undefined) await db.usage.put(before.usage);
      }
      await db.importBatches.bulkDelete([...batchIds]);
      await db.originalFiles.bulkDelete([...batchIds]);
      return undefined;
    });
}

/** The Undo toast's words: `Completed invoice 287099000001-20260309 with the imported file`. */
export function completionImportSummary(outcome: Completed): string {
  const numbers = outcome.completedBefore.map((before) => before.invoice.invoiceNumber);
  return `Completed invoice${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')} with the imported file`;
}
