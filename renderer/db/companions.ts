/**
 * Companion files imported later. Verizon's line summary and account summary are two files of
 * one invoice; when one is stored and the other comes in a later import, the new file is read
 * again together with the stored original (kept byte for byte), so the parts join exactly as if
 * they had been picked together, and the preview shows the completed invoice. Which originals,
 * and what of the read is new, is `shared/ledger/companions.ts`'s (the CLI's too).
 */
import type { UploadedFile } from '../../shared/import/archive';
import type { BillDraft } from '../../shared/import/draft';
import type { ReadOutcome } from '../../shared/import/read-bill';
import { besideCompanions, companionBatchIds, focusOnNew } from '../../shared/ledger/companions';
import type { TemDeskDatabase } from './database';
import { planImport } from './import-conflicts';

export { besideCompanions, focusOnNew, memberNamesOf } from '../../shared/ledger/companions';

/** The stored original files of the invoices these drafts complete but cannot join alone. */
export async function storedCompanionsOf(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
): Promise<UploadedFile[]> {
  const batchIds = companionBatchIds(await planImport(db, drafts));
  if (batchIds.size === 0) return [];
  const originals = await db.originalFiles.bulkGet([...batchIds]);
  return originals
    .filter((original) => original !== undefined)
    .map((original) => ({ name: original.fileName, bytes: original.bytes }));
}

/**
 * Reads bill files the way the app's import does: once, and when they complete stored invoices,
 * again with the stored originals. `read` is the pipeline (the worker in the app, `readBills` in
 * tests). Returns the outcomes to preview and the companions read with them.
 */
export async function readWithCompanions(
  db: TemDeskDatabase,
  files: readonly UploadedFile[],
  read: (files: readonly UploadedFile[]) => Promise<readonly ReadOutcome[]>,
): Promise<{ outcomes: ReadOutcome[]; companions: UploadedFile[] }> {
  const first = await read(files);
  const drafts = first.flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : []));
  const companions = await storedCompanionsOf(db, drafts);
  if (companions.length === 0) return { outcomes: [...first], companions };
  const second = await read([...besideCompanions(files, companions), ...companions]);
  return { outcomes: focusOnNew(second, companions), companions };
}
