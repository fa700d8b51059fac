/**
 * What deleting an invoice takes along and what it leaves, read before asking the user to
 * confirm: its charge lines, and the findings that name it with the disputes holding them.
 */
import { disputeNames } from '../../shared/audit/dispute-claim';
import { zeroByStatus, type FindingStatus } from '../../shared/model';
import type { TemDeskDatabase } from './database';
import { disputesTable } from './findings';
import { loadInvoiceFindings } from './invoices';

/** See {@link loadInvoiceDeletion}. */
export interface InvoiceDeletion {
  /** Charge lines stored for the invoice (they go with it). */
  lineCount: number;
  /** How many findings naming the invoice are in each status (they stay; see the sentence). */
  findings: Record<FindingStatus, number>;
  /** The disputes holding findings of the invoice, by name (ticket, else the day opened). */
  disputes: string[];
}

/** What deleting `invoiceId` would take along and leave; null when it is no longer stored. */
export async function loadInvoiceDeletion(
  db: TemDeskDatabase,
  invoiceId: string,
): Promise<InvoiceDeletion | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (invoice === undefined) return null;
  const findings = await loadInvoiceFindings(db, invoice);
  const byStatus = zeroByStatus();
  for (const finding of findings) byStatus[finding.status] += 1;
  const disputeIds = new Set(
    findings.flatMap((f) => (f.disputeId === undefined ? [] : [f.disputeId])),
  );
  const disputes = await disputesTable(db).bulkGet([...disputeIds]);
  const names = disputeNames(disputes.filter((d) => d !== undefined));
  return {
    lineCount: invoice.lineCount,
    findings: byStatus,
    disputes: [...names.values()].sort(),
  };
}
