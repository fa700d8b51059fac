/** Records of imported invoices, as the import and its neighbours remove and describe them. */
import type { Invoice } from '../../shared/model';
import type { ImportConflict } from './import-conflicts';
import { deleteChargeLines } from './charges';
import type { TemDeskDatabase } from './database';

/** Removes an invoice with its lines and usage (call inside a transaction covering those tables). */
export async function deleteInvoiceRecords(db: TemDeskDatabase, invoiceId: string): Promise<void> {
  await db.invoices.delete(invoiceId);
  await deleteChargeLines(db, invoiceId);
  await db.serviceTotals.delete(invoiceId);
  await db.usage.delete(invoiceId);
}

/**
 * What the history says of a stored invoice a file naming its real invoice number completed (a
 * T-Mobile summary that named none was stored under `<account>-<yyyymmdd>`). The stored number is
 * kept, not changed: findings' ids and subjects, and the disputes naming them, key on it.
 */
export function renumbered(before: Invoice, joined: Invoice): string {
  return joined.invoiceNumber === before.invoiceNumber
    ? ''
    : `; the carrier's invoice number is ${joined.invoiceNumber} (kept as ${before.invoiceNumber}, the number it was stored under)`;
}

/** A commit refused after it started writing: thrown so its transaction rolls back. */
export class Refused extends Error {
  constructor(readonly conflicts: ImportConflict[]) {
    super('Import refused');
  }
}

/** The outcome of a commit refused by throwing {@link Refused}; any other error rethrown. */
export function refusedOutcome(error: unknown): { ok: false; conflicts: ImportConflict[] } {
  if (error instanceof Refused) return { ok: false, conflicts: error.conflicts };
  throw error;
}
