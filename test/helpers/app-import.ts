/**
 * Bill files imported the way the app's import does (stored originals re-read, the preview's
 * conflicts, the commit), for tests of what a later import does to stored invoices.
 */
import { readWithCompanions } from '../../renderer/db/companions';
import type { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport, findImportConflicts } from '../../renderer/db/import-commit';
import type { UploadedFile } from '../../shared/import/archive';
import { readBills } from '../../shared/import/read-bill';
import { uploadsFor } from './doors';

/** Reads `files` as the app does and commits them at `now` (replacing on request). */
export async function importInApp(
  db: TemDeskDatabase,
  files: readonly UploadedFile[],
  options: { now: Date; replace?: boolean; approvalPolicy?: boolean },
) {
  const { outcomes } = await readWithCompanions(db, files, async (all) => readBills(all));
  const drafts = outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
  const input = { uploads: uploadsFor([...files], drafts), drafts };
  const conflicts = await findImportConflicts(db, input);
  return { drafts, conflicts, outcome: await commitImport(db, input, options) };
}
