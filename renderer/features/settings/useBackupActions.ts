import { useCallback, useState } from 'react';
import type { ReadBackup, ReadProgress, WorkspaceDump } from '../../../shared/backup/format';
import type { Result } from '../../../shared/result';
import { fail, ok } from '../../../shared/result';
import { useDatabase } from '../../db/DatabaseContext';
import { useUndo } from '../../app/UndoContext';
import { backupFileName, createBackup, dumpWorkspace, restoreWorkspace } from '../../db/backup';
import { lastBackupAfterRestore } from '../../../shared/backup/reminder';
import { backupState, LAST_BACKUP_KEY, untracked } from '../../db/changes';
import { readSettings } from '../../db/settings';
import { platform } from '../../platform';
import { inspectInWorker } from './inspectInWorker';

/** Said when the database refuses the restore part-way: the transaction rolled back. */
export const RESTORE_FAILED =
  'The backup could not be stored, so the restore was stopped and your data was left exactly as it was. Nothing was changed.';

const FIRST_STEP: ReadProgress = { step: 'Opening the backup', fraction: 0 };
const STORING_STEP: ReadProgress = { step: 'Replacing your data with the backup', fraction: 1 };

/**
 * Download a backup now; check one (in a worker, with progress); restore a checked one (with
 * Undo). Checking and restoring answer with results, so the page never sees an exception.
 */
export function useBackupActions() {
  const db = useDatabase();
  const { perform } = useUndo();
  const [progress, setProgress] = useState<ReadProgress | null>(null);

  const download = useCallback(async () => {
    // What the backup holds is the data as of now; a change made while it is written is not in it.
    const startedAt = new Date();
    const [info, settings] = await Promise.all([platform().appInfo(), readSettings(db)]);
    const bytes = await createBackup(db, {
      now: startedAt,
      appVersion: info.version,
      organizationName: settings.organizationName,
    });
    const result = await platform().saveFile(backupFileName(startedAt), bytes, 'temdesk');
    if (result.saved)
      await db.settings.put({ key: LAST_BACKUP_KEY, value: startedAt.toISOString() });
    return result.saved;
  }, [db]);

  const check = useCallback(async (bytes: Uint8Array): Promise<Result<ReadBackup>> => {
    setProgress(FIRST_STEP);
    try {
      return await inspectInWorker(bytes, setProgress);
    } finally {
      setProgress(null);
    }
  }, []);

  const restore = useCallback(
    async (dump: WorkspaceDump, label: string, createdAt: string): Promise<Result<true>> => {
      setProgress(STORING_STEP);
      try {
        await perform('restore', `Restored the workspace from ${label}`, async () => {
          const before = await dumpWorkspace(db);
          const { lastBackupAt } = await backupState(db);
          // The backup's settings bring back when its data last changed; the data now in place is
          // that backup's, so it is the last backup (unless a later one was made here before).
          await untracked(async () => {
            await restoreWorkspace(db, dump);
            await db.settings.put({
              key: LAST_BACKUP_KEY,
              value: lastBackupAfterRestore(lastBackupAt, createdAt),
            });
          });
          return () => restoreWorkspace(db, before);
        });
        return ok(true);
      } catch {
        // restoreWorkspace is one transaction: when it fails, it rolled back and nothing changed.
        return fail(RESTORE_FAILED);
      } finally {
        setProgress(null);
      }
    },
    [db, perform],
  );

  return { download, check, restore, progress };
}
