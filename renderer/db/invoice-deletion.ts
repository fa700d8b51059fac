/**
 * What deleting an invoice takes along and what it leaves, read before asking the user to
 * confirm: its charge lines, usage and files, and the findings that name it with the disputes
 * holding them.
 */
import { disputeNames } from '../../shared/audit/dispute-claim';
import { zeroByStatus, type FindingStatus } from '../../shared/model';
import type { TemDeskDatabase } from './database';
import { disputesTable } from './findings';
import { batchInUse } from './import-conflicts';
import { batchIdsOf, loadInvoiceFindings } from './invoices';

/** See {@link loadInvoiceDeletion}. */
export interface InvoiceDeletion {
  /** Charge lines stored for the invoice (they go with it). */
  lineCount: number;
  /** Whether usage is stored for it (it goes with it). */
  usage: boolean;
  /**
   * The files it came in (both parts of a bill in two files, a usage file added later), by name:
   * those no other stored invoice comes from go with it; the others stay for the invoices they
   * still hold — as `deleteInvoiceWithUndo` decides.
   */
  files: { going: string[]; staying: string[] };
  /** How many findings naming the invoice are in each status (they stay; see the sentence). */
  findings: Record<FindingStatus, number>;
  /** The disputes holding its disputed findings, by name (ticket, else the day opened). */
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
  // The disputes the disputed ones stay in: a credited or denied one's dispute is not theirs.
  const disputeIds = new Set(
    findings.flatMap((f) =>
      f.status !== 'disputed' || f.disputeId === undefined ? [] : [f.disputeId],
    ),
  );
  const disputes = await disputesTable(db).bulkGet([...disputeIds]);
  const names = disputeNames(disputes.filter((d) => d !== undefined));
  const files = { going: new Set<string>(), staying: new Set<string>() };
  for (const batchId of await batchIdsOf(db, invoice)) {
    const batch = await db.importBatches.get(batchId);
    if (batch === undefined) continue;
    const stays = await batchInUse(db, batchId, invoiceId);
    (stays ? files.staying : files.going).add(batch.fileName);
  }
  return {
    lineCount: invoice.lineCount,
    usage: (await db.usage.get(invoiceId)) !== undefined,
    files: { going: [...files.going].sort(), staying: [...files.staying].sort() },
    findings: byStatus,
    disputes: [...names.values()].sort(),
  };
}
