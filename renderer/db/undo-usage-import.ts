/**
 * Undo for an import that only added usage to invoices stored earlier (a usage-only file imported
 * after its bill, see `attach-usage.ts`). Like the other undos (UndoContext), it takes back exactly
 * what the action did, in one transaction: the usage figures the import added (figures stored
 * before stay), its import batch and its original file. The checks run again by themselves: the
 * audit watches the import batches (see `useAutoAudit`).
 */
import type { CommitOutcome } from './import-commit';
import { undoAttachedUsage } from './attach-usage';
import type { TemDeskDatabase } from './database';

type Committed = Extract<CommitOutcome, { ok: true }>;

/**
 * How to undo `outcome` when it only added usage to stored invoices; null for an import that also
 * stored, completed or replaced invoices (those are undone by deleting the invoice).
 */
export function usageImportUndo(
  db: TemDeskDatabase,
  outcome: Committed,
): (() => Promise<void>) | null {
  const usageOnly =
    outcome.addedUsage.length > 0 &&
    outcome.invoiceIds.length === 0 &&
    outcome.completedInvoices === 0 &&
    outcome.replacedInvoices === 0;
  if (!usageOnly) return null;
  const added = outcome.addedUsage;
  const batchIds = outcome.batchIds;
  return async () => {
    await db.transaction('rw', db.usage, db.importBatches, db.originalFiles, async () => {
      await undoAttachedUsage(db, { added });
      await db.importBatches.bulkDelete(batchIds);
      await db.originalFiles.bulkDelete(batchIds);
    });
  };
}

/** The Undo toast's words for a usage-only import: `Added the usage of 2 lines to invoice R1`. */
export async function usageImportSummary(db: TemDeskDatabase, outcome: Committed): Promise<string> {
  const invoiceIds = [...new Set(outcome.addedUsage.map((entry) => entry.invoiceId))];
  const invoices = await db.invoices.bulkGet(invoiceIds);
  const numbers = invoices.flatMap((invoice) => (invoice ? [invoice.invoiceNumber] : []));
  const lines = outcome.attachedUsage;
  return `Added the usage of ${lines.toLocaleString('en-US')} line${lines === 1 ? '' : 's'} to invoice${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`;
}
