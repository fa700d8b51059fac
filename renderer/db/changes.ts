import Dexie from 'dexie';
import { useEffect } from 'react';
import type { TemDeskDatabase } from './database';

export const LAST_CHANGE_KEY = 'data:lastChangeAt';
export const LAST_BACKUP_KEY = 'data:lastBackupAt';

/**
 * Notes when the user's data last changed (any table but settings), so browser mode can remind
 * them to download a backup. Dexie reports every committed write, from this tab or another.
 */
export function useChangeTracking(db: TemDeskDatabase): void {
  useEffect(() => {
    let timer: number | undefined;
    const onMutated = (parts: Record<string, unknown>) => {
      const touched = Object.keys(parts).some(
        (key) => key.includes(`/${db.name}/`) && !key.includes(`/${db.name}/settings`),
      );
      if (!touched) return;
      // The time of the change itself, not of the (debounced) write: a backup made in between
      // already holds this change and must not look older than it.
      const at = new Date().toISOString();
      window.clearTimeout(timer);
      timer = window.setTimeout(
        () => void db.settings.put({ key: LAST_CHANGE_KEY, value: at }),
        500,
      );
    };
    Dexie.on('storagemutated', onMutated);
    return () => {
      window.clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db]);
}

/** When the data last changed and when it was last backed up (ISO timestamps, or null). */
export async function backupState(
  db: TemDeskDatabase,
): Promise<{ lastChangeAt: string | null; lastBackupAt: string | null }> {
  const [change, backup] = await db.settings.bulkGet([LAST_CHANGE_KEY, LAST_BACKUP_KEY]);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { lastChangeAt: text(change?.value), lastBackupAt: text(backup?.value) };
}
