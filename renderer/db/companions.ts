/**
 * Companion files imported later. Verizon's line summary and account summary are two files of
 * one invoice; when one is stored and the other comes in a later import, the new file is read
 * again together with the stored original (kept byte for byte), so the parts join exactly as if
 * they had been picked together, and the preview shows the completed invoice.
 */
import { expandUpload, type UploadedFile } from '../../shared/import/archive';
import type { BillDraft } from '../../shared/import/draft';
import type { ReadOutcome } from '../../shared/import/read-bill';
import { focusOnNewFiles } from '../../shared/ledger/bills';
import type { TemDeskDatabase } from './database';
import { planImport } from './import-conflicts';

/** The stored original files of the invoices these drafts complete but cannot join alone. */
export async function storedCompanionsOf(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
): Promise<UploadedFile[]> {
  const plan = await planImport(db, drafts);
  const batchIds = new Set(
    plan.needsStored.flatMap(({ stored }) =>
      (stored.parts ?? []).map((part) => part.importBatchId),
    ),
  );
  if (batchIds.size === 0) return [];
  const originals = await db.originalFiles.bulkGet([...batchIds]);
  return originals
    .filter((original) => original !== undefined)
    .map((original) => ({ name: original.fileName, bytes: original.bytes }));
}

/** The names the pipeline sees for stored originals (their ZIP members, or themselves). */
export function memberNamesOf(files: readonly UploadedFile[]): Set<string> {
  return new Set(
    files.flatMap((file) => {
      const expanded = expandUpload(file);
      return expanded.ok ? expanded.value.map((member) => member.name) : [file.name];
    }),
  );
}

/** Outcomes of a read with stored companions, narrowed to what the new files bring. */
export function focusOnNew(
  outcomes: readonly ReadOutcome[],
  companions: readonly UploadedFile[],
): ReadOutcome[] {
  if (companions.length === 0) return [...outcomes];
  const stored = memberNamesOf(companions);
  return outcomes.flatMap((outcome): ReadOutcome[] => {
    if (outcome.kind !== 'draft') return [outcome];
    const draft = focusOnNewFiles(outcome.draft, stored);
    const nothingNew =
      draft.invoices.length === 0 && draft.errors.length === 0 && (draft.copies ?? []).length === 0;
    if (nothingNew && outcome.files.every((file) => stored.has(file.name))) return [];
    return [{ ...outcome, draft, files: outcome.files.filter((file) => !stored.has(file.name)) }];
  });
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
  const second = await read([...files, ...companions]);
  return { outcomes: focusOnNew(second, companions), companions };
}
