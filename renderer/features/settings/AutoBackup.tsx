import { useEffect, useRef } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { backupState } from '../../db/changes';
import { platform } from '../../platform';
import { backupToDisk, dailyBackupDue } from './autoBackup';

/**
 * The desktop app backs up by itself: after each import, and once a day while it is open. (In a
 * plain browser there is no disk to write to; the reminder banner asks for a download instead.)
 */
export function AutoBackup() {
  const db = useDatabase();
  const backups = platform().backups;
  const imports = useLiveQuery(() => db.importBatches.count(), [db]);
  const seen = useRef<number | null>(null);
  const running = useRef(false);

  useEffect(() => {
    if (!backups || imports.status !== 'ready') return;
    const count = imports.value;
    const previous = seen.current;
    seen.current = count;
    if (previous === null || count <= previous || running.current) return;
    running.current = true;
    void platform()
      .appInfo()
      .then((info) => backupToDisk(db, backups, info.version))
      .catch((error: unknown) => console.error('Automatic backup failed', error))
      .finally(() => {
        running.current = false;
      });
  }, [backups, db, imports]);

  useEffect(() => {
    if (!backups) return;
    const check = async () => {
      const [state, invoices, services] = await Promise.all([
        backupState(db),
        db.invoices.count(),
        db.services.count(),
      ]);
      if (running.current || !dailyBackupDue(state.lastBackupAt, invoices + services > 0)) return;
      running.current = true;
      try {
        await backupToDisk(db, backups, (await platform().appInfo()).version);
      } finally {
        running.current = false;
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), 60 * 60 * 1000);
    return () => window.clearInterval(timer);
  }, [backups, db]);

  return null;
}
