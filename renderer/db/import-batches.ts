/**
 * The import batch records a commit writes: one per uploaded file, with what it brought (see
 * `commitImport` in import-commit.ts, which collects the per-batch figures as it writes invoices).
 */
import type { ImportBatch } from '../../shared/model';
import { attachedFrom, usageLinkOf, type AttachedUsage } from './attach-usage';
import type { ImportToCommit, UploadToCommit } from './import-conflicts';

/** What the commit wrote under one batch id. */
export interface BatchStats {
  profileId: string;
  carriers: Set<string>;
  invoices: number;
  lines: number;
  usage: number;
}

/**
 * One record per upload, except those whose batch is kept as it was (`keptBatches`: imported
 * before, its record dated by that import). Rows skipped and rows in error are counted per upload,
 * each row's upload asked once (asking every upload of every row froze the page with 216 files).
 */
export function batchRecordsOf(
  input: ImportToCommit,
  context: {
    uploadOf: (sourceFile: string) => UploadToCommit | undefined;
    batchIdOf: (upload: UploadToCommit) => string;
    keptBatches: ReadonlySet<string>;
    perBatch: ReadonlyMap<string, BatchStats>;
    attached: AttachedUsage;
    importedAt: string;
    sample: boolean | undefined;
  },
): ImportBatch[] {
  const { uploadOf, perBatch, attached } = context;
  const rowsOf = new Map<UploadToCommit | undefined, { skipped: number; errors: number }>();
  for (const d of input.drafts) {
    for (const [rows, field] of [
      [d.skipped, 'skipped'],
      [d.errors, 'errors'],
    ] as const) {
      for (const row of rows) {
        const upload = uploadOf(row.sourceFile);
        const counts = rowsOf.get(upload) ?? { skipped: 0, errors: 0 };
        counts[field]++;
        rowsOf.set(upload, counts);
      }
    }
  }
  const batches: ImportBatch[] = [];
  for (const upload of input.uploads) {
    const batchId = context.batchIdOf(upload);
    if (context.keptBatches.has(batchId)) continue;
    const stats = perBatch.get(batchId);
    const fromThisUpload = (sourceFile: string) => uploadOf(sourceFile) === upload;
    batches.push({
      id: batchId,
      fileName: upload.fileName,
      fileHash: upload.fileHash,
      fileSize: upload.bytes.byteLength,
      importedAt: context.importedAt,
      profileId: stats?.profileId ?? input.drafts[0]?.profileId ?? 'unknown',
      carrierId: stats?.carriers.size === 1 ? [...stats.carriers][0] : undefined,
      counts: {
        rowsRead: input.drafts.reduce(
          (sum, d) => sum + (d.invoices.some((i) => fromThisUpload(i.sourceFile)) ? d.rowsRead : 0),
          0,
        ),
        invoices: stats?.invoices ?? 0,
        chargeLines: stats?.lines ?? 0,
        usageRecords: (stats?.usage ?? 0) + attachedFrom(attached, fromThisUpload),
        rowsSkipped: rowsOf.get(upload)?.skipped ?? 0,
        rowErrors: rowsOf.get(upload)?.errors ?? 0,
      },
      sample: context.sample,
      encoding: upload.encoding,
      // A usage-only file names the stored invoices its usage went to (none names it).
      ...usageLinkOf(attached, fromThisUpload),
    });
  }
  return batches;
}
