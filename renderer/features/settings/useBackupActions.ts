import { useCallback } from 'react';
import type { WorkspaceDump } from '../../../shared/backup/format';
import { useDatabase } from '../../db/DatabaseContext';
import { useUndo } from '../../app/UndoContext';
import { backupFileName, createBackup, dumpWorkspace, restoreWorkspace } from '../../db/backup';
import { LAST_BACKUP_KEY } from '../../db/changes';
import { readSettings } from '../../db/settings';
import { platform } from '../../platform';

/** Download a backup now; restore one (with Undo). */
export function useBackupActions() {
  const db = useDatabase();
  const { perform } = useUndo();

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

  const restore = useCallback(
    async (dump: WorkspaceDump, label: string) => {
      await perform('restore', `Restored the workspace from ${label}`, async () => {
        const before = await dumpWorkspace(db);
        await restoreWorkspace(db, dump);
        return () => restoreWorkspace(db, before);
      });
    },
    [db, perform],
  );

  return { download, restore };
}
