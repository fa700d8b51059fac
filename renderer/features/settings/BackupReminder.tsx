import { useState } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { backupReminder } from '../../../shared/backup/reminder';
import { backupState } from '../../db/changes';
import { platform } from '../../platform';
import { useBackupActions } from './useBackupActions';

/**
 * Browser mode keeps the data in the browser profile only: when it changed since the last backup,
 * a slim banner offers to download one. (The desktop app backs up by itself.)
 */
export function BackupReminder() {
  const db = useDatabase();
  const state = useLiveQuery(() => backupState(db), [db]);
  const { download } = useBackupActions();
  const [hidden, setHidden] = useState(false);
  if (platform().kind !== 'browser' || hidden || state.status !== 'ready') return null;
  const reminder = backupReminder(state.value);
  if (reminder === 'none') return null;
  const { lastBackupAt } = state.value;
  return (
    <div className="backup-reminder" role="region" aria-label="Backup reminder">
      <span>
        {reminder === 'changed' && lastBackupAt
          ? `Your data changed since your last backup (${lastBackupAt.slice(0, 10)}).`
          : 'You have not downloaded a backup of your data yet.'}{' '}
        It lives only in this browser.
      </span>
      <button type="button" onClick={() => void download()}>
        Download a backup
      </button>
      <button type="button" className="secondary" onClick={() => setHidden(true)}>
        Later
      </button>
    </div>
  );
}
