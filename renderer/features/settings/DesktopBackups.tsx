import { useCallback, useEffect, useState } from 'react';
import type { BackupList } from '../../../shared/ipc/contract';
import { useDatabase } from '../../db/DatabaseContext';
import { platform } from '../../platform';
import { backupsKept, backupToDisk, BACKUPS_KEPT_KEY } from './autoBackup';

/** The desktop app's automatic backups: where, how many, the list with a Restore button each. */
export function DesktopBackups({
  onRestore,
}: {
  onRestore: (fileName: string, bytes: Uint8Array) => void;
}) {
  const db = useDatabase();
  const backups = platform().backups;
  const [list, setList] = useState<BackupList | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const refresh = useCallback(() => {
    if (backups) void backups.list().then(setList);
  }, [backups]);
  useEffect(() => {
    refresh();
    void backupsKept(db).then(setKeep);
  }, [db, refresh]);
  if (!backups) return null;

  return (
    <div className="desktop-backups">
      <h3>Automatic backups</h3>
      <p>
        After each import and once a day, into <code>{list?.folder ?? '…'}</code>.
      </p>
      <div className="inline-form">
        <label htmlFor="backups-kept">Backups kept</label>
        <input
          id="backups-kept"
          type="number"
          min={1}
          max={100}
          value={keep ?? ''}
          onChange={(e) => {
            const value = Math.round(Number(e.target.value));
            if (value >= 1 && value <= 100) {
              setKeep(value);
              void db.settings.put({ key: BACKUPS_KEPT_KEY, value });
            }
          }}
        />
        <button
          type="button"
          className="secondary"
          onClick={() => void backups.chooseFolder().then(refresh)}
        >
          Change folder…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void platform()
              .appInfo()
              .then((info) => backupToDisk(db, backups, info.version))
              .then((path) => {
                setMessage(`Backed up to ${path}.`);
                refresh();
              })
              .catch((error: unknown) =>
                setMessage(error instanceof Error ? error.message : String(error)),
              )
          }
        >
          Back up now
        </button>
      </div>
      <p role="status">{message}</p>
      <table className="data-table" aria-label="Automatic backups">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Made</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">Restore</th>
          </tr>
        </thead>
        <tbody>
          {(list?.files ?? []).map((file) => (
            <tr key={file.name}>
              <th scope="row">{file.name}</th>
              <td>{file.modifiedAt.slice(0, 16).replace('T', ' ')}</td>
              <td className="numeric">{(file.size / 1024 / 1024).toFixed(1)} MB</td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Restore ${file.name}`}
                  onClick={() =>
                    void backups.read(file.name).then((bytes) => onRestore(file.name, bytes))
                  }
                >
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
