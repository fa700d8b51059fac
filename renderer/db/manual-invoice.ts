/**
 * Saving an invoice entered by hand: it goes through the import commit (`import-commit.ts`) as a
 * one-invoice draft, with the PDF — or, for a paper bill, a CSV of what was typed — as its
 * original file, so audit, chargeback, dashboard, backup and undo treat it like any import.
 */
import { applyApprovalPolicy } from './approvals';
import type { PreviousInvoice } from '../../shared/billing/manual-copy';
import {
  MANUAL_SOURCE,
  manualBillDraft,
  type ManualInvoice,
} from '../../shared/billing/manual-invoice';
import { manualInvoiceCsv, manualInvoiceFileName } from '../../shared/billing/manual-original';
import { sha256Hex } from '../../shared/backup/sha256';
import { invoiceKey, storedInvoiceKey } from '../../shared/ids/keys';
import type { ImportBatch, Invoice, Service } from '../../shared/model';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import { chargeBlocksOf, loadChargeLines } from './charges';
import type { InvoiceUsageRecord, OriginalFileRecord, TemDeskDatabase } from './database';
import {
  commitImport,
  deleteInvoiceRecords,
  importTables,
  type ImportConflict,
  type UploadToCommit,
} from './import-commit';
import { orgResolverOf, storedInvoicesOf } from './import-conflicts';

/** The bill as it came: a PDF kept as the original, or none (a paper bill). */
export interface BillPdf {
  fileName: string;
  bytes: Uint8Array;
}

export type ManualSaveOutcome =
  | { ok: true; invoiceId: string; undo: () => Promise<void> }
  | { ok: false; conflicts: ImportConflict[] };

/** The original of a paper bill: what was typed (see `shared/billing/manual-original.ts`). */
function typedOriginal(invoice: ManualInvoice): BillPdf {
  return { fileName: manualInvoiceFileName(invoice), bytes: manualInvoiceCsv(invoice) };
}

/** An invoice's records as stored, to put back on Undo. */
interface StoredRecords {
  invoice: Invoice;
  blocks: ChargeBlock[];
  totals: ServiceTotals | undefined;
  usage: InvoiceUsageRecord | undefined;
}

async function storedRecordsOf(db: TemDeskDatabase, id: string): Promise<StoredRecords | null> {
  const invoice = await db.invoices.get(id);
  if (invoice === undefined) return null;
  return {
    invoice,
    blocks: await chargeBlocksOf(db, id),
    totals: await db.serviceTotals.get(id),
    usage: await db.usage.get(id),
  };
}

/**
 * Saves an invoice entered by hand in ONE transaction, through the import commit. A stored
 * invoice with the same carrier, account and number (or an earlier entry of the same PDF) is a
 * conflict, refused unless `replace`. Returns how to undo the save exactly: the new invoice, its
 * batch, original file and any carrier or account it created go, and what it replaced comes back.
 */
export async function saveManualInvoice(
  db: TemDeskDatabase,
  invoice: ManualInvoice,
  pdf: BillPdf | null,
  options: { replace?: boolean; now: Date },
): Promise<ManualSaveOutcome> {
  const original = pdf ?? typedOriginal(invoice);
  const upload: UploadToCommit = {
    fileName: original.fileName,
    bytes: original.bytes,
    fileHash: sha256Hex(original.bytes),
    memberNames: [original.fileName],
  };
  const draft = manualBillDraft(invoice, pdf === null ? MANUAL_SOURCE : pdf.fileName);
  const tables = importTables(db);
  const saved = await db.transaction('rw', tables, async (): Promise<ManualSaveOutcome> => {
    const carriersBefore = new Set(await db.carriers.toCollection().primaryKeys());
    const accountsBefore = new Set(await db.accounts.toCollection().primaryKeys());
    // What a replacement removes: an earlier entry of the same file, the stored invoice of the same number.
    const replacedBatches: ImportBatch[] = [];
    const replacedFiles: OriginalFileRecord[] = [];
    const replaced: StoredRecords[] = [];
    if (options.replace === true) {
      const org = await orgResolverOf(db);
      const stored = await storedInvoicesOf(db, [draft], org);
      const ids = new Set<string>();
      const carrierId = org.carrierId(invoice.carrierName, invoice.accountNumber);
      // Stored under its account's number, which may be the one typed but for leading zeros.
      const accountNumber =
        org.knownAccount(carrierId, invoice.accountNumber)?.accountNumber ?? invoice.accountNumber;
      const same = stored.get(storedInvoiceKey(carrierId, accountNumber, invoice.invoiceNumber));
      if (same) ids.add(same.id);
      for (const batch of await db.importBatches
        .where('fileHash')
        .equals(upload.fileHash)
        .toArray()) {
        replacedBatches.push(batch);
        const file = await db.originalFiles.get(batch.id);
        if (file) replacedFiles.push(file);
        for (const id of await db.invoices.where('importBatchId').equals(batch.id).primaryKeys())
          ids.add(id);
      }
      for (const id of ids) {
        const records = await storedRecordsOf(db, id);
        if (records) replaced.push(records);
      }
    }

    const outcome = await commitImport(
      db,
      { uploads: [upload], drafts: [draft] },
      { replace: options.replace, now: options.now, approvalPolicy: false },
    );
    if (!outcome.ok) return outcome;
    const invoiceId = outcome.invoiceIds[0];
    if (invoiceId === undefined) throw new Error('The import commit stored no invoice.');
    const createdCarriers = (await db.carriers.toCollection().primaryKeys()).filter(
      (id) => !carriersBefore.has(id),
    );
    const createdAccounts = (await db.accounts.toCollection().primaryKeys()).filter(
      (id) => !accountsBefore.has(id),
    );
    const undo = async () => {
      await db.transaction('rw', tables, async () => {
        await deleteInvoiceRecords(db, invoiceId);
        await db.importBatches.bulkDelete(outcome.batchIds);
        await db.originalFiles.bulkDelete(outcome.batchIds);
        await db.accounts.bulkDelete(createdAccounts);
        await db.carriers.bulkDelete(createdCarriers);
        await db.importBatches.bulkPut(replacedBatches);
        await db.originalFiles.bulkPut(replacedFiles);
        for (const records of replaced) {
          await db.invoices.put(records.invoice);
          await db.chargeBlocks.bulkPut(records.blocks);
          if (records.totals) await db.serviceTotals.put(records.totals);
          if (records.usage) await db.usage.put(records.usage);
        }
      });
    };
    return { ok: true, invoiceId, undo };
  });
  // The approval policy decides the new invoice, as after any import (outside the save's tables).
  if (saved.ok) await applyApprovalPolicy(db, options.now);
  return saved;
}

/** What the entry form offers: carriers, their accounts, each account's inventory services. */
export interface ManualInvoiceChoices {
  carriers: { id: string; name: string }[];
  accounts: { id: string; carrierId: string; accountNumber: string }[];
  services: Pick<Service, 'id' | 'accountId' | 'serviceIdRaw' | 'serviceKey' | 'description'>[];
  /** {@link invoiceKey} (carrier name, account, number) of every stored invoice. */
  storedInvoiceKeys: Set<string>;
}

export async function loadManualInvoiceChoices(db: TemDeskDatabase): Promise<ManualInvoiceChoices> {
  const [carriers, accounts, services, invoiceKeys] = await Promise.all([
    db.carriers.toArray(),
    db.accounts.toArray(),
    db.services.toArray(),
    // Only the index keys: the check needs carrier, account and number, not whole invoices.
    db.invoices.orderBy('[carrierId+accountNumber+invoiceNumber]').keys(),
  ]);
  const carrierName = new Map(carriers.map((carrier) => [carrier.id, carrier.name]));
  const storedInvoiceKeys = new Set<string>();
  for (const key of invoiceKeys) {
    if (!Array.isArray(key)) continue;
    const [carrierId, accountNumber, invoiceNumber] = key.map(String);
    if (carrierId === undefined || accountNumber === undefined || invoiceNumber === undefined)
      continue;
    storedInvoiceKeys.add(
      invoiceKey(carrierName.get(carrierId) ?? carrierId, accountNumber, invoiceNumber),
    );
  }
  return {
    carriers: carriers
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    accounts: accounts
      .map(({ id, carrierId, accountNumber }) => ({ id, carrierId, accountNumber }))
      .sort((a, b) => a.accountNumber.localeCompare(b.accountNumber)),
    services: services
      .filter((service) => service.status !== 'disconnected')
      .map(({ id, accountId, serviceIdRaw, serviceKey, description }) => ({
        id,
        accountId,
        serviceIdRaw,
        serviceKey,
        description,
      })),
    storedInvoiceKeys,
  };
}

/** The latest invoice of an account (by invoice date) with its lines, for "Copy last month's invoice". */
export async function loadLatestInvoice(
  db: TemDeskDatabase,
  carrierId: string,
  accountNumber: string,
): Promise<PreviousInvoice | null> {
  const invoices = await db.invoices
    .where('[carrierId+accountNumber+invoiceNumber]')
    .between([carrierId, accountNumber, ''], [carrierId, accountNumber, '\uffff'], true, true)
    .toArray();
  const latest = invoices.sort((a, b) => b.invoiceDate.localeCompare(a.invoiceDate))[0];
  const carrier = await db.carriers.get(carrierId);
  if (latest === undefined || carrier === undefined) return null;
  return {
    carrierName: carrier.name,
    invoice: latest,
    lines: await loadChargeLines(db, latest.id),
  };
}
