import { invoiceKey, type BillDraft } from '../../shared/import/draft';
import type { Invoice } from '../../shared/model';
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

/** The upload an invoice came from: the one whose file or ZIP member it names. */
export function uploadOf(input: ImportToCommit, sourceFile: string): UploadToCommit | undefined {
  return (
    input.uploads.find((upload) => upload.memberNames.includes(sourceFile)) ??
    input.uploads.find((upload) => upload.fileName === sourceFile) ??
    input.uploads[0]
  );
}

function carrierNameKey(name: string): string {
  return name.trim().toUpperCase();
}

/** Carrier ids by upper-cased name, read once per import. */
export async function carrierIdsByName(db: TemDeskDatabase): Promise<Map<string, string>> {
  const carriers = await db.carriers.toArray();
  return new Map(carriers.map((carrier) => [carrierNameKey(carrier.name), carrier.id]));
}

/** Stored invoices that share carrier + account + number with the drafts, by draft invoice key, in one query. */
export async function storedInvoicesFor(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
  carrierIds: ReadonlyMap<string, string>,
): Promise<Map<string, Invoice>> {
  const wanted: [string, string, string][] = [];
  const draftKeyOf = new Map<string, string>();
  for (const invoice of drafts.flatMap((draft) => draft.invoices)) {
    const carrierId = carrierIds.get(carrierNameKey(invoice.carrierName));
    if (!carrierId) continue;
    wanted.push([carrierId, invoice.accountNumber, invoice.invoiceNumber]);
    draftKeyOf.set(`${carrierId}|${invoice.accountNumber}|${invoice.invoiceNumber}`, invoice.key);
  }
  if (wanted.length === 0) return new Map();
  const stored = await db.invoices
    .where('[carrierId+accountNumber+invoiceNumber]')
    .anyOf(wanted)
    .toArray();
  const found = new Map<string, Invoice>();
  for (const invoice of stored) {
    const key = draftKeyOf.get(
      `${invoice.carrierId}|${invoice.accountNumber}|${invoice.invoiceNumber}`,
    );
    if (key) found.set(key, invoice);
  }
  return found;
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

  const stored = await storedInvoicesFor(db, input.drafts, await carrierIdsByName(db));
  const storedBatches = new Map(
    (await db.importBatches.bulkGet([...new Set([...stored.values()].map((i) => i.importBatchId))]))
      .filter((batch) => batch !== undefined)
      .map((batch) => [batch.id, batch]),
  );
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
    const existing = stored.get(invoice.key);
    if (!existing || reimported.has(fileName)) continue;
    conflicts.push({
      kind: 'invoice-exists',
      fileName,
      carrierName: invoice.carrierName,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      existingFileName: storedBatches.get(existing.importBatchId)?.fileName ?? 'an earlier import',
    });
  }
  return conflicts;
}
