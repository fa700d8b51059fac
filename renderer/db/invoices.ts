import { invoiceFindingKey, invoiceRow, type InvoiceRow } from '../../shared/billing/invoice-rows';
import { todayIso } from '../../shared/dates';
import type { ChargeLine, Finding, ImportBatch, Invoice, UsageRecord } from '../../shared/model';
import { invoiceNumbersOf } from '../../shared/model/audit';
import { chargeBlocksOf, loadChargeLines } from './charges';
import { deleteInvoiceRecords } from './import-commit';
import type { OriginalFileRecord, TemDeskDatabase } from './database';

export interface InvoiceDetail {
  invoice: Invoice;
  carrierName: string;
  batch: ImportBatch | undefined;
  /** Every import that brought a file of the invoice (two when a companion came later). */
  batches: ImportBatch[];
}

export async function loadInvoiceDetail(
  db: TemDeskDatabase,
  invoiceId: string,
): Promise<InvoiceDetail | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice) return null;
  const batchIds = [
    ...new Set([invoice.importBatchId, ...(invoice.parts ?? []).map((p) => p.importBatchId)]),
  ];
  const [carrier, found] = await Promise.all([
    db.carriers.get(invoice.carrierId),
    db.importBatches.bulkGet(batchIds),
  ]);
  const batches = found.filter((batch) => batch !== undefined);
  return {
    invoice,
    carrierName: carrier?.name ?? 'Unknown carrier',
    batch: batches[0],
    batches,
  };
}

export async function loadInvoiceLinesAndUsage(
  db: TemDeskDatabase,
  invoiceId: string,
): Promise<{ lines: ChargeLine[]; usage: UsageRecord[] }> {
  const [lines, usage] = await Promise.all([
    loadChargeLines(db, invoiceId),
    db.usage.get(invoiceId),
  ]);
  return { lines, usage: usage?.records ?? [] };
}

export function loadOriginalFile(
  db: TemDeskDatabase,
  batchId: string,
): Promise<OriginalFileRecord | undefined> {
  return db.originalFiles.get(batchId);
}

/** Every invoice as a grid row, with its carrier's name and its open or disputed findings. */
export async function loadInvoiceRows(
  db: TemDeskDatabase,
  now = new Date(),
): Promise<InvoiceRow[]> {
  const [invoices, carriers, findings] = await Promise.all([
    db.invoices.toArray(),
    db.carriers.toArray(),
    db.findings.where('status').anyOf('open', 'disputed').toArray(),
  ]);
  const names = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  const findingCounts = new Map<string, number>();
  for (const { subject } of findings) {
    if (!subject.accountNumber) continue;
    // A finding over several months counts on every invoice it covers (as the approvals hold them).
    for (const invoiceNumber of invoiceNumbersOf(subject)) {
      const key = invoiceFindingKey(subject.carrierId, subject.accountNumber, invoiceNumber);
      findingCounts.set(key, (findingCounts.get(key) ?? 0) + 1);
    }
  }
  const today = todayIso(now);
  return invoices.map((invoice) =>
    invoiceRow(
      invoice,
      names.get(invoice.carrierId) ?? '',
      today,
      findingCounts.get(
        invoiceFindingKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber),
      ) ?? 0,
    ),
  );
}

/**
 * Deletes an invoice with its lines and usage in one transaction and returns how to put them back
 * exactly (for Undo).
 */
export async function deleteInvoiceWithUndo(
  db: TemDeskDatabase,
  invoiceId: string,
): Promise<() => Promise<void>> {
  const tables = [db.invoices, db.chargeBlocks, db.serviceTotals, db.usage];
  return db.transaction('rw', tables, async () => {
    const invoice = await db.invoices.get(invoiceId);
    const blocks = await chargeBlocksOf(db, invoiceId);
    const totals = await db.serviceTotals.get(invoiceId);
    const usage = await db.usage.get(invoiceId);
    await deleteInvoiceRecords(db, invoiceId);
    return async () => {
      await db.transaction('rw', tables, async () => {
        if (invoice) await db.invoices.put(invoice);
        await db.chargeBlocks.bulkPut(blocks);
        if (totals) await db.serviceTotals.put(totals);
        if (usage) await db.usage.put(usage);
      });
    };
  });
}

/** The findings on one invoice (every status), as the Bills grid counts them: same carrier, account and invoice number. */
export async function loadInvoiceFindings(
  db: TemDeskDatabase,
  invoice: Pick<Invoice, 'carrierId' | 'accountNumber' | 'invoiceNumber'>,
): Promise<Finding[]> {
  const key = invoiceFindingKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber);
  const findings = await db.findings.toArray();
  return findings
    .filter(({ subject }) => {
      const account = subject.accountNumber;
      if (account === undefined) return false;
      return invoiceNumbersOf(subject).some(
        (invoiceNumber) => invoiceFindingKey(subject.carrierId, account, invoiceNumber) === key,
      );
    })
    .sort((a, b) => b.impact - a.impact || a.id.localeCompare(b.id));
}
