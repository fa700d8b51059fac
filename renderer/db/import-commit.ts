import { aggregateLines } from '../../shared/billing/aggregates';
import { invoiceKey, type BillDraft } from '../../shared/import/draft';
import type { ChargeLine, ImportBatch, Invoice, UsageRecord } from '../../shared/model';
import { ZERO_CENTS } from '../../shared/money/cents';
import { deleteChargeLines, putChargeLines } from './charges';
import type { TemDeskDatabase } from './database';

/** One file the user picked, kept byte for byte as the original of what it brought in. */
export interface UploadToCommit {
  fileName: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, lower-case hex. */
  fileHash: string;
  /** Names the pipeline saw for this upload: the file itself, or the members of a ZIP. */
  memberNames: readonly string[];
  encoding?: string;
}

/** Everything one import commits: the uploads and the drafts read from them (exactly as previewed). */
export interface ImportToCommit {
  uploads: readonly UploadToCommit[];
  drafts: readonly BillDraft[];
}

/** Why an import cannot go ahead as it is; each can be overridden on purpose with "replace". */
export type ImportConflict =
  | {
      kind: 'file-already-imported';
      fileName: string;
      previousFileName: string;
      importedAt: string;
    }
  | {
      kind: 'invoice-exists';
      fileName: string;
      carrierName: string;
      accountNumber: string;
      invoiceNumber: string;
      /** The file the existing invoice came from. */
      existingFileName: string;
    }
  | { kind: 'invoice-repeated'; fileName: string; invoiceNumber: string; otherFileName: string };

export type CommitOutcome =
  | { ok: true; batchIds: string[]; invoiceIds: string[]; replacedInvoices: number; lines: number }
  | { ok: false; conflicts: ImportConflict[] };

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** The upload an invoice came from: the one whose file or ZIP member it names. */
function uploadOf(input: ImportToCommit, sourceFile: string): UploadToCommit | undefined {
  return (
    input.uploads.find((upload) => upload.memberNames.includes(sourceFile)) ??
    input.uploads.find((upload) => upload.fileName === sourceFile) ??
    input.uploads[0]
  );
}

/**
 * What stands in the way of committing this import: a file imported before (same bytes), an
 * invoice already stored (same carrier + account + invoice number, from any file), or the same
 * invoice twice in this import. The preview shows exactly this list.
 */
export async function findImportConflicts(
  db: TemDeskDatabase,
  input: ImportToCommit,
): Promise<ImportConflict[]> {
  const conflicts: ImportConflict[] = [];
  const batches = await db.importBatches
    .where('fileHash')
    .anyOf(input.uploads.map((u) => u.fileHash))
    .toArray();
  const reimported = new Set<string>();
  for (const upload of input.uploads) {
    const previous = batches.find((batch) => batch.fileHash === upload.fileHash);
    if (!previous) continue;
    reimported.add(upload.fileName);
    conflicts.push({
      kind: 'file-already-imported',
      fileName: upload.fileName,
      previousFileName: previous.fileName,
      importedAt: previous.importedAt,
    });
  }

  const carriers = await db.carriers.toArray();
  const carrierIdByName = new Map(carriers.map((c) => [c.name.trim().toUpperCase(), c.id]));
  const seen = new Map<string, string>();
  for (const invoice of input.drafts.flatMap((draft) => draft.invoices)) {
    const fileName = uploadOf(input, invoice.sourceFile)?.fileName ?? invoice.sourceFile;
    const key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
    const other = seen.get(key);
    if (other !== undefined) {
      conflicts.push({
        kind: 'invoice-repeated',
        fileName: invoice.sourceFile,
        invoiceNumber: invoice.invoiceNumber,
        otherFileName: other,
      });
      continue;
    }
    seen.set(key, invoice.sourceFile);
    // A re-imported file's invoices are covered by the file conflict above.
    if (reimported.has(fileName)) continue;
    const carrierId = carrierIdByName.get(invoice.carrierName.trim().toUpperCase());
    if (!carrierId) continue;
    const existing = await db.invoices
      .where('[carrierId+accountNumber+invoiceNumber]')
      .equals([carrierId, invoice.accountNumber, invoice.invoiceNumber])
      .first();
    if (existing) {
      const batch = await db.importBatches.get(existing.importBatchId);
      conflicts.push({
        kind: 'invoice-exists',
        fileName,
        carrierName: invoice.carrierName,
        accountNumber: invoice.accountNumber,
        invoiceNumber: invoice.invoiceNumber,
        existingFileName: batch?.fileName ?? 'an earlier import',
      });
    }
  }
  return conflicts;
}

/**
 * Commits an import in ONE transaction: a batch and the original bytes per uploaded file, carriers
 * and accounts met for the first time, invoices with their aggregates, packed charge lines and
 * usage. Any failure rolls everything back. With conflicts, nothing is written unless `replace`
 * is true, in which case the older invoices (and a re-imported file's batch) are replaced — never
 * added twice.
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

    const invoiceIds: string[] = [];
    let lineCount = 0;
    const perBatch = new Map<
      string,
      { profileId: string; carrierIds: Set<string>; draftCounts: DraftCounts }
    >();

    for (const draft of input.drafts) {
      const linesByInvoice = groupBy(draft.lines, (line) => line.invoiceKey);
      const usageByInvoice = groupBy(draft.usage, (usage) => usage.invoiceKey);
      for (const drafted of draft.invoices) {
        const upload = uploadOf(input, drafted.sourceFile);
        const batchId = (upload && batchIdByUpload.get(upload)) ?? newId('batch');
        const carrierId = await ensureCarrier(db, drafted.carrierName);
        await ensureAccount(db, carrierId, drafted.accountNumber);
        const existing = await db.invoices
          .where('[carrierId+accountNumber+invoiceNumber]')
          .equals([carrierId, drafted.accountNumber, drafted.invoiceNumber])
          .first();
        if (existing) {
          await deleteInvoiceRecords(db, existing.id);
          replacedInvoices++;
        }

        const id = newId('invoice');
        const draftLines = linesByInvoice.get(drafted.key) ?? [];
        const lines: ChargeLine[] = draftLines.map((line) => ({
          invoiceId: id,
          serviceIdRaw: line.serviceIdRaw,
          serviceKey: line.serviceKey,
          description: line.description,
          category: line.category,
          quantity: line.quantity,
          amount: line.amount,
          periodStart: line.periodStart,
          periodEnd: line.periodEnd,
          sourceRow: line.sourceRow,
        }));
        const invoice: Invoice = {
          id,
          carrierId,
          accountNumber: drafted.accountNumber,
          invoiceNumber: drafted.invoiceNumber,
          invoiceDate: drafted.invoiceDate,
          dueDate: drafted.dueDate,
          periodStart: drafted.periodStart,
          periodEnd: drafted.periodEnd,
          statedTotal: drafted.statedTotal,
          ...aggregateLines(lines),
          status: 'received',
          history: [
            {
              status: 'received',
              at: importedAt,
              note: `Imported from ${upload?.fileName ?? drafted.sourceFile}`,
            },
          ],
          importBatchId: batchId,
          sourceFile: drafted.sourceFile,
        };
        await db.invoices.add(invoice);
        await putChargeLines(db, id, lines);
        lineCount += lines.length;

        const draftUsage = usageByInvoice.get(drafted.key) ?? [];
        const usage: UsageRecord[] = draftUsage.map((u) => ({
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
        if (usage.length > 0) await db.usage.put({ invoiceId: id, records: usage });
        invoiceIds.push(id);

        const stats = perBatch.get(batchId) ?? {
          profileId: draft.profileId,
          carrierIds: new Set<string>(),
          draftCounts: { invoices: 0, lines: 0, usage: 0 },
        };
        stats.carrierIds.add(carrierId);
        stats.draftCounts.invoices++;
        stats.draftCounts.lines += lines.length;
        stats.draftCounts.usage += usage.length;
        perBatch.set(batchId, stats);
      }
    }

    const drafts = input.drafts;
    for (const upload of input.uploads) {
      const batchId = batchIdByUpload.get(upload) ?? newId('batch');
      const stats = perBatch.get(batchId);
      const fromThisUpload = (sourceFile: string) => uploadOf(input, sourceFile) === upload;
      const batch: ImportBatch = {
        id: batchId,
        fileName: upload.fileName,
        fileHash: upload.fileHash,
        fileSize: upload.bytes.byteLength,
        importedAt,
        profileId: stats?.profileId ?? drafts[0]?.profileId ?? 'unknown',
        carrierId: stats?.carrierIds.size === 1 ? [...stats.carrierIds][0] : undefined,
        counts: {
          rowsRead: drafts.reduce(
            (sum, d) =>
              sum + (d.invoices.some((i) => fromThisUpload(i.sourceFile)) ? d.rowsRead : 0),
            0,
          ),
          invoices: stats?.draftCounts.invoices ?? 0,
          chargeLines: stats?.draftCounts.lines ?? 0,
          usageRecords: stats?.draftCounts.usage ?? 0,
          rowsSkipped: drafts.reduce(
            (sum, d) => sum + d.skipped.filter((r) => fromThisUpload(r.sourceFile)).length,
            0,
          ),
          rowErrors: drafts.reduce(
            (sum, d) => sum + d.errors.filter((r) => fromThisUpload(r.sourceFile)).length,
            0,
          ),
        },
        sample: options.sample,
        encoding: upload.encoding,
      };
      await db.importBatches.add(batch);
      await db.originalFiles.add({
        batchId,
        fileName: upload.fileName,
        mediaType: mediaTypeOf(upload.fileName),
        bytes: upload.bytes,
      });
    }
    return {
      ok: true,
      batchIds: [...batchIdByUpload.values()],
      invoiceIds,
      replacedInvoices,
      lines: lineCount,
    };
  });
}

interface DraftCounts {
  invoices: number;
  lines: number;
  usage: number;
}

/** Removes an invoice with its lines and usage (call inside a transaction covering those tables). */
export async function deleteInvoiceRecords(db: TemDeskDatabase, invoiceId: string): Promise<void> {
  await db.invoices.delete(invoiceId);
  await deleteChargeLines(db, invoiceId);
  await db.usage.delete(invoiceId);
}

async function ensureCarrier(db: TemDeskDatabase, name: string): Promise<string> {
  const wanted = name.trim();
  const all = await db.carriers.toArray();
  const found = all.find((carrier) => carrier.name.trim().toUpperCase() === wanted.toUpperCase());
  if (found) return found.id;
  const id = newId('carrier');
  await db.carriers.add({ id, name: wanted });
  return id;
}

async function ensureAccount(
  db: TemDeskDatabase,
  carrierId: string,
  accountNumber: string,
): Promise<void> {
  const found = await db.accounts
    .where('[carrierId+accountNumber]')
    .equals([carrierId, accountNumber])
    .first();
  if (!found)
    await db.accounts.add({ id: newId('account'), carrierId, accountNumber, status: 'open' });
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
