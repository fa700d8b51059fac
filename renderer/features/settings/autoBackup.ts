import type { TemDeskDatabase } from '../../db/database';
import { backupFileName, createBackup } from '../../db/backup';
import { LAST_BACKUP_KEY } from '../../db/changes';
import { readSettings } from '../../db/settings';
import type { PlatformBackups } from '../../platform';

/** Backups kept on disk unless the user changes it (Settings → Backups). */
export const DEFAULT_BACKUPS_KEPT = 10;
export const BACKUPS_KEPT_KEY = 'backup:keep';
/** A daily backup is due when the last one is older than this. */
export const DAILY_MS = 24 * 60 * 60 * 1000;

export async function backupsKept(db: TemDeskDatabase): Promise<number> {
  const value = (await db.settings.get(BACKUPS_KEPT_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100
    ? value
    : DEFAULT_BACKUPS_KEPT;
}

/** Writes a backup to the desktop app's backup folder (keeping the last N) and notes when. */
export async function backupToDisk(
  db: TemDeskDatabase,
  backups: PlatformBackups,
  appVersion: string,
  now = new Date(),
): Promise<string> {
  const settings = await readSettings(db);
  const bytes = await createBackup(db, {
    appVersion,
    now,
    organizationName: settings.organizationName,
  });
  const result = await backups.write(backupFileName(now), bytes, await backupsKept(db));
  await db.settings.put({ key: LAST_BACKUP_KEY, value: now.toISOString() });
  return result.path;
}

/** Whether a daily backup is due: data exists and the last backup is over a day old (or never). */
export function dailyBackupDue(
  lastBackupAt: string | null,
  hasData: boolean,
  now = new Date(),
): boolean {
  if (!hasData) return false;
  return lastBackupAt === null || now.getTime() - new Date(lastBackupAt).getTime() >= DAILY_MS;
}
