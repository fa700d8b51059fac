import Dexie from 'dexie';
import { useEffect } from 'react';
import type { BackupFacts } from '../../shared/backup/reminder';
import type { TemDeskDatabase } from './database';

export const LAST_CHANGE_KEY = 'data:lastChangeAt';
export const LAST_BACKUP_KEY = 'data:lastBackupAt';

/** Writes under way that are not the user's changes (see `untracked`). */
let untrackedWrites = 0;

/**
 * Runs writes that must not count as a change of the user's data: a restore puts back a backup's
 * data exactly as it was (with its own "last changed"), so the backup reminder must not call it new.
 * Dexie reports this tab's commits as they happen, so the count covers them.
 */
export async function untracked<T>(run: () => Promise<T>): Promise<T> {
  untrackedWrites += 1;
  try {
    return await run();
  } finally {
    untrackedWrites -= 1;
  }
}

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
      if (!touched || untrackedWrites > 0) return;
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

/**
 * When the data last changed and when it was last backed up (ISO timestamps, or null), and whether
 * the workspace holds anything a backup would keep (an empty one needs no reminder).
 */
export async function backupState(db: TemDeskDatabase): Promise<BackupFacts> {
  const [[change, backup], holding] = await Promise.all([
    db.settings.bulkGet([LAST_CHANGE_KEY, LAST_BACKUP_KEY]),
    Promise.all(
      [db.invoices, db.services, db.sites, db.costCenters, db.contracts].map((table) =>
        table.limit(1).count(),
      ),
    ),
  ]);
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    lastChangeAt: text(change?.value),
    lastBackupAt: text(backup?.value),
    hasData: holding.some((count) => count > 0),
  };
}
