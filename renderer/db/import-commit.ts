import { invoiceFromDraft } from '../../shared/billing/invoice-from-draft';
import type { DraftChargeLine, DraftUsage } from '../../shared/import/draft';
import type { ImportBatch, Invoice } from '../../shared/model';
import { ZERO_CENTS } from '../../shared/money/cents';
import { packChargeLines, type ChargeBlock } from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks, type ServiceTotals } from '../../shared/storage/service-totals';
import { deleteChargeLines } from './charges';
import type { InvoiceUsageRecord, TemDeskDatabase } from './database';
import {
  carrierIdsByName,
  findImportConflicts,
  storedInvoicesFor,
  uploadOf,
  type ImportConflict,
  type ImportToCommit,
  type UploadToCommit,
} from './import-conflicts';

export {
  findImportConflicts,
  type ImportConflict,
  type ImportToCommit,
  type UploadToCommit,
} from './import-conflicts';

export type CommitOutcome =
  | { ok: true; batchIds: string[]; invoiceIds: string[]; replacedInvoices: number; lines: number }
  | { ok: false; conflicts: ImportConflict[] };

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Commits an import in ONE transaction: a batch and the original bytes per uploaded file, carriers
 * and accounts met for the first time, invoices with their aggregates, packed charge lines and
 * usage. Any failure rolls everything back. With conflicts, nothing is written unless `replace`
 * is true, in which case the older invoices (and a re-imported file's batch) are replaced — never
 * added twice. Writes are gathered and stored in bulk: IndexedDB pays per request, not per byte.
 */
export async function commitImport(
  db: TemDeskDatabase,
  input: ImportToCommit,
  options: { replace?: boolean; sample?: boolean; now?: Date } = {},
): Promise<CommitOutcome> {
  const importedAt = (options.now ?? new Date()).toISOString();
  const tables = [
    db.importBatches,
    db.originalFiles,
    db.carriers,
    db.accounts,
    db.invoices,
    db.chargeBlocks,
    db.serviceTotals,
    db.usage,
  ];
  return db.transaction('rw', tables, async () => {
    const conflicts = await findImportConflicts(db, input);
    const blocking = conflicts.filter((c) => c.kind === 'invoice-repeated' || !options.replace);
    if (blocking.length > 0) return { ok: false, conflicts: blocking };

    let replacedInvoices = 0;
    const batchIdByUpload = new Map<UploadToCommit, string>();
    for (const upload of input.uploads) {
      // A re-imported file replaces its earlier batch, with every invoice that batch brought.
      const oldBatches = await db.importBatches.where('fileHash').equals(upload.fileHash).toArray();
      for (const old of oldBatches) {
        const oldInvoices = await db.invoices.where('importBatchId').equals(old.id).primaryKeys();
        for (const invoiceId of oldInvoices) await deleteInvoiceRecords(db, invoiceId);
        replacedInvoices += oldInvoices.length;
        await db.importBatches.delete(old.id);
        await db.originalFiles.delete(old.id);
      }
      batchIdByUpload.set(upload, newId('batch'));
    }

    const carrierIds = await carrierIdsByName(db);
    const newCarriers = new Map<string, string>();
    for (const name of new Set(
      input.drafts.flatMap((d) => d.invoices.map((i) => i.carrierName.trim())),
    )) {
      if (carrierIds.has(name.toUpperCase())) continue;
      const id = newId('carrier');
      carrierIds.set(name.toUpperCase(), id);
      newCarriers.set(id, name);
    }
    await db.carriers.bulkAdd([...newCarriers].map(([id, name]) => ({ id, name })));

    const accounts = new Set(
      (await db.accounts.toArray()).map((a) => `${a.carrierId}|${a.accountNumber}`),
    );
    const stored = await storedInvoicesFor(db, input.drafts, carrierIds);

    const invoices: Invoice[] = [];
    const blocks: ChargeBlock[] = [];
    const serviceTotals: ServiceTotals[] = [];
    const usageRecords: InvoiceUsageRecord[] = [];
    const perBatch = new Map<
      string,
      { profileId: string; carriers: Set<string>; invoices: number; lines: number; usage: number }
    >();

    for (const draft of input.drafts) {
      const linesByInvoice = groupBy<DraftChargeLine>(draft.lines, (line) => line.invoiceKey);
      const usageByInvoice = groupBy<DraftUsage>(draft.usage, (usage) => usage.invoiceKey);
      for (const drafted of draft.invoices) {
        const upload = uploadOf(input, drafted.sourceFile);
        const batchId = (upload && batchIdByUpload.get(upload)) ?? newId('batch');
        const carrierId =
          carrierIds.get(drafted.carrierName.trim().toUpperCase()) ?? newId('carrier');
        const accountKey = `${carrierId}|${drafted.accountNumber}`;
        if (!accounts.has(accountKey)) {
          accounts.add(accountKey);
          await db.accounts.add({
            id: newId('account'),
            carrierId,
            accountNumber: drafted.accountNumber,
            status: 'open',
          });
        }
        const existing = stored.get(drafted.key);
        if (existing && (await db.invoices.get(existing.id))) {
          await deleteInvoiceRecords(db, existing.id);
          replacedInvoices++;
        }

        const id = newId('invoice');
        const lines = linesByInvoice.get(drafted.key) ?? [];
        invoices.push({
          ...invoiceFromDraft(drafted, { id, carrierId, importBatchId: batchId }, lines),
          history: [
            {
              status: 'received',
              at: importedAt,
              note: `Imported from ${upload?.fileName ?? drafted.sourceFile}`,
            },
          ],
        });
        const invoiceBlocks = packChargeLines(id, lines);
        blocks.push(...invoiceBlocks);
        serviceTotals.push(serviceTotalsOfBlocks(id, invoiceBlocks));

        const usage = (usageByInvoice.get(drafted.key) ?? []).map((u) => ({
          serviceKey: u.serviceKey,
          serviceIdRaw: u.serviceIdRaw,
          month: u.month,
          invoiceId: id,
          minutes: u.minutes,
          messages: u.messages,
          dataKb: u.dataKb,
          roamingMinutes: u.roamingMinutes ?? 0,
          roamingDataKb: u.roamingDataKb ?? 0,
          usageCharges: ZERO_CENTS,
        }));
        if (usage.length > 0) usageRecords.push({ invoiceId: id, records: usage });

        const stats = perBatch.get(batchId) ?? {
          profileId: draft.profileId,
          carriers: new Set<string>(),
          invoices: 0,
          lines: 0,
          usage: 0,
        };
        stats.carriers.add(carrierId);
        stats.invoices++;
        stats.lines += lines.length;
        stats.usage += usage.length;
        perBatch.set(batchId, stats);
      }
    }
    await db.invoices.bulkAdd(invoices);
    await db.chargeBlocks.bulkAdd(blocks);
    await db.serviceTotals.bulkPut(serviceTotals);
    await db.usage.bulkPut(usageRecords);

    const batches: ImportBatch[] = [];
    for (const upload of input.uploads) {
      const batchId = batchIdByUpload.get(upload) ?? newId('batch');
      const stats = perBatch.get(batchId);
      const fromThisUpload = (sourceFile: string) => uploadOf(input, sourceFile) === upload;
      const count = (
        pick: (d: ImportToCommit['drafts'][number]) => readonly { sourceFile: string }[],
      ) =>
        input.drafts.reduce(
          (sum, d) => sum + pick(d).filter((r) => fromThisUpload(r.sourceFile)).length,
          0,
        );
      batches.push({
        id: batchId,
        fileName: upload.fileName,
        fileHash: upload.fileHash,
        fileSize: upload.bytes.byteLength,
        importedAt,
        profileId: stats?.profileId ?? input.drafts[0]?.profileId ?? 'unknown',
        carrierId: stats?.carriers.size === 1 ? [...stats.carriers][0] : undefined,
        counts: {
          rowsRead: input.drafts.reduce(
            (sum, d) =>
              sum + (d.invoices.some((i) => fromThisUpload(i.sourceFile)) ? d.rowsRead : 0),
            0,
          ),
          invoices: stats?.invoices ?? 0,
          chargeLines: stats?.lines ?? 0,
          usageRecords: stats?.usage ?? 0,
          rowsSkipped: count((d) => d.skipped),
          rowErrors: count((d) => d.errors),
        },
        sample: options.sample,
        encoding: upload.encoding,
      });
    }
    await db.importBatches.bulkAdd(batches);
    await db.originalFiles.bulkAdd(
      input.uploads.map((upload) => ({
        batchId: batchIdByUpload.get(upload) ?? '',
        fileName: upload.fileName,
        mediaType: mediaTypeOf(upload.fileName),
        bytes: upload.bytes,
      })),
    );
    return {
      ok: true,
      batchIds: [...batchIdByUpload.values()],
      invoiceIds: invoices.map((invoice) => invoice.id),
      replacedInvoices,
      lines: blocks.reduce((sum, block) => sum + block.count, 0),
    };
  });
}

/** Removes an invoice with its lines and usage (call inside a transaction covering those tables). */
export async function deleteInvoiceRecords(db: TemDeskDatabase, invoiceId: string): Promise<void> {
  await db.invoices.delete(invoiceId);
  await deleteChargeLines(db, invoiceId);
  await db.serviceTotals.delete(invoiceId);
  await db.usage.delete(invoiceId);
}

/** MIME type for the download of a kept original file. */
export function mediaTypeOf(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    zip: 'application/zip',
    csv: 'text/csv',
    tsv: 'text/tab-separated-values',
    txt: 'text/plain',
  };
  return types[extension] ?? 'application/octet-stream';
}
