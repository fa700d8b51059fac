/** When browser mode reminds the user to download a backup, from what the settings record. */
export interface BackupFacts {
  /** When the data last changed (ISO timestamp), or null. */
  lastChangeAt: string | null;
  /** When a backup was last made (ISO timestamp), or null. */
  lastBackupAt: string | null;
  /** Whether the workspace holds anything worth keeping (bills, inventory, contracts…). */
  hasData: boolean;
}

/**
 * `never`: data and no backup yet; `changed`: the data changed since the last backup; `none`: no
 * reminder (nothing to lose — an empty workspace — or the backup is current).
 */
export function backupReminder(facts: BackupFacts): 'none' | 'never' | 'changed' {
  if (!facts.hasData || !facts.lastChangeAt) return 'none';
  if (!facts.lastBackupAt) return 'never';
  return facts.lastBackupAt >= facts.lastChangeAt ? 'none' : 'changed';
}

/**
 * "Last backup" after restoring a backup made at `restoredCreatedAt`: that backup holds the data
 * now in place, so it counts — unless a later one was made before the restore.
 */
export function lastBackupAfterRestore(before: string | null, restoredCreatedAt: string): string {
  return before !== null && before > restoredCreatedAt ? before : restoredCreatedAt;
}
