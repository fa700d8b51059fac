import {
  findingInvoiceKeys,
  invoiceFindingKey,
  invoiceRow,
  type InvoiceRow,
} from '../../shared/billing/invoice-rows';
import { todayIso } from '../../shared/dates';
import type { ChargeLine, Finding, ImportBatch, Invoice, UsageRecord } from '../../shared/model';
import { chargeBlocksOf, loadChargeLines } from './charges';
import { deleteInvoiceRecords } from './import-commit';
import { batchInUse } from './import-conflicts';
import type { OriginalFileRecord, TemDeskDatabase } from './database';
import type { FindingRecord } from './findings';
import type { NotUndone } from './not-undone';

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
    db.table<FindingRecord, string>('findings').where('status').anyOf('open', 'disputed').toArray(),
  ]);
  const names = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  const keys = new Map(invoices.map((invoice) => [invoice.id, keyOf(invoice)]));
  const findingCounts = new Map<string, number>();
  for (const finding of findings) {
    // A finding over several months counts on every invoice it covers (as the approvals hold
    // them), and one about a service on the invoice it was found on (as the Findings page filters).
    for (const key of findingInvoiceKeys(finding, (id) => keys.get(id)))
      findingCounts.set(key, (findingCounts.get(key) ?? 0) + 1);
  }
  const today = todayIso(now);
  return invoices.map((invoice) =>
    invoiceRow(
      invoice,
      names.get(invoice.carrierId) ?? '',
      today,
      findingCounts.get(keyOf(invoice)) ?? 0,
    ),
  );
}

/**
 * The import batches an invoice's records came from: the one it came from, those of its parts, and
 * those of usage-only files that added usage to it later (they name it; it does not name them).
 */
export async function batchIdsOf(db: TemDeskDatabase, invoice: Invoice): Promise<string[]> {
  const usageFiles = await db.importBatches
    .filter((batch) => batch.usageInvoiceIds?.includes(invoice.id) ?? false)
    .primaryKeys();
  return [
    ...new Set([
      invoice.importBatchId,
      ...(invoice.parts ?? []).map((p) => p.importBatchId),
      ...usageFiles,
    ]),
  ];
}

/**
 * Deletes an invoice with its lines and usage in one transaction and returns how to put them back
 * exactly (for Undo). A file no stored invoice comes from (or holds usage from) any more goes too
 * (its import record and original), so picking it again imports it rather than calling it
 * "already imported"; a usage file that fed other invoices still stored stays. Undo puts
 * everything back, unless the invoice or one of those files was imported again since: then it
 * changes nothing (the invoice is never stored twice) and says so.
 */
export async function deleteInvoiceWithUndo(
  db: TemDeskDatabase,
  invoiceId: string,
): Promise<() => Promise<NotUndone | undefined>> {
  const tables = [
    db.invoices,
    db.chargeBlocks,
    db.serviceTotals,
    db.usage,
    db.importBatches,
    db.originalFiles,
  ];
  return db.transaction('rw', tables, async () => {
    const invoice = await db.invoices.get(invoiceId);
    const blocks = await chargeBlocksOf(db, invoiceId);
    const totals = await db.serviceTotals.get(invoiceId);
    const usage = await db.usage.get(invoiceId);
    const batchIds = invoice ? await batchIdsOf(db, invoice) : [];
    await deleteInvoiceRecords(db, invoiceId);
    const batches: ImportBatch[] = [];
    const originals: OriginalFileRecord[] = [];
    for (const batchId of batchIds) {
      if (await batchInUse(db, batchId)) continue;
      const batch = await db.importBatches.get(batchId);
      const original = await db.originalFiles.get(batchId);
      if (batch) batches.push(batch);
      if (original) originals.push(original);
      await db.importBatches.delete(batchId);
      await db.originalFiles.delete(batchId);
    }
    return async () =>
      db.transaction('rw', tables, async (): Promise<NotUndone | undefined> => {
        if (invoice) {
          const again = await db.invoices
            .where('[carrierId+accountNumber+invoiceNumber]')
            .equals([invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber])
            .first();
          const fileAgain = await db.importBatches
            .where('fileHash')
            .anyOf(batches.map((batch) => batch.fileHash))
            .first();
          if (again !== undefined || fileAgain !== undefined) {
            return {
              notUndone: `Not undone: invoice ${invoice.invoiceNumber} was imported again since${fileAgain ? ` (from ${fileAgain.fileName})` : ''}, so it is stored once, as imported.`,
            };
          }
          await db.importBatches.bulkPut(batches);
          await db.originalFiles.bulkPut(originals);
          await db.invoices.put(invoice);
        }
        await db.chargeBlocks.bulkPut(blocks);
        if (totals) await db.serviceTotals.put(totals);
        if (usage) await db.usage.put(usage);
        return undefined;
      });
  });
}

/**
 * The findings on one invoice (every status), as the Bills grid counts them and the Findings page
 * filters them: those whose subject covers it (same carrier, account and invoice number) and those
 * found on it (`findingInvoiceKeys`).
 */
export async function loadInvoiceFindings(
  db: TemDeskDatabase,
  invoice: Pick<Invoice, 'id' | 'carrierId' | 'accountNumber' | 'invoiceNumber'>,
): Promise<Finding[]> {
  const key = keyOf(invoice);
  const keyOfStored = (id: string) => (id === invoice.id ? key : undefined);
  const findings = await db.table<FindingRecord, string>('findings').toArray();
  return findings
    .filter((finding) => findingInvoiceKeys(finding, keyOfStored).has(key))
    .sort((a, b) => b.impact - a.impact || a.id.localeCompare(b.id));
}

/** An invoice's {@link invoiceFindingKey}. */
function keyOf(invoice: Pick<Invoice, 'carrierId' | 'accountNumber' | 'invoiceNumber'>): string {
  return invoiceFindingKey(invoice.carrierId, invoice.accountNumber, invoice.invoiceNumber);
}
