import { useEffect, useRef, useState } from 'react';
import type { ReadBackup, ReadProgress } from '../../../shared/backup/format';
import { focusIfLost } from '../../components/focus-if-lost';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { endSentence } from '../../../shared/text';
import { backupState } from '../../db/changes';
import { platform } from '../../platform';
import { DesktopBackups } from './DesktopBackups';
import { TABLE_LABELS } from './table-labels';
import { useBackupActions } from './useBackupActions';

/** Download the whole workspace as one `.temdesk` file, or restore one after checking it completely. */
export function BackupPanel() {
  const db = useDatabase();
  const state = useLiveQuery(() => backupState(db), [db]);
  const { download, check, restore, progress } = useBackupActions();
  const [candidate, setCandidate] = useState<{ fileName: string; backup: ReadBackup } | null>(null);
  const [messages, setMessages] = useState<readonly string[]>([]);
  const setMessage = (message: string) => setMessages([message]);
  // The summary's buttons go when it closes: focus goes to the restore's result, or back to
  // Restore from backup… after Cancel.
  const messagesRef = useRef<HTMLDivElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'messages' | 'restore' | null>(null);
  useEffect(() => {
    if (candidate !== null || focusAfter.current === null) return;
    const target = focusAfter.current === 'messages' ? messagesRef.current : restoreRef.current;
    focusAfter.current = null;
    focusIfLost(target);
  }, [candidate, messages]);

  /** Checks a backup completely and, when it is sound, shows what it holds before anything changes. */
  const offer = async (fileName: string, bytes: Uint8Array) => {
    setCandidate(null);
    setMessages([]);
    const read = await check(bytes);
    if (!read.ok) {
      setMessages(read.errors.map((e) => e.message));
      return;
    }
    setCandidate({ fileName, backup: read.value });
  };

  const replace = async (chosen: { fileName: string; backup: ReadBackup }) => {
    const restored = await restore(
      chosen.backup.dump,
      chosen.fileName,
      chosen.backup.summary.createdAt,
    );
    focusAfter.current = 'messages';
    setCandidate(null);
    setMessages(
      restored.ok ? [`Restored from ${chosen.fileName}.`] : restored.errors.map((e) => e.message),
    );
  };

  const choose = async () => {
    const [file] = await platform().openFiles({
      title: 'Restore a backup',
      multiple: false,
      filters: [{ name: 'TEM Desk backup', extensions: ['temdesk'] }],
    });
    if (file) await offer(file.name, file.bytes);
  };

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backups</h2>
      <p>
        One file holds everything: bills and their original files, inventory, contracts and their
        documents, findings, disputes and settings. Keep it somewhere safe (a synced drive), or use
        it to move to a new laptop.
      </p>
      <p className="hint">
        Last backup:{' '}
        {state.status === 'ready' && state.value.lastBackupAt
          ? state.value.lastBackupAt.slice(0, 16).replace('T', ' ')
          : 'never'}
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void download().then((saved) => saved && setMessage('Backup downloaded.'))}
        >
          Download backup
        </button>
        <button ref={restoreRef} type="button" className="secondary" onClick={() => void choose()}>
          Restore from backup…
        </button>
      </div>
      <DesktopBackups onRestore={(fileName, bytes) => void offer(fileName, bytes)} />
      {progress && <RestoreProgress progress={progress} />}
      <div role="alert" ref={messagesRef} tabIndex={-1}>
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      {candidate && (
        <div className="notice" role="group" aria-label="Backup to restore">
          <p>
            <strong>{candidate.fileName}</strong> — made{' '}
            {candidate.backup.summary.createdAt.slice(0, 16).replace('T', ' ')} by TEM Desk{' '}
            {endSentence(
              `${candidate.backup.summary.appVersion}${
                candidate.backup.summary.organizationName
                  ? ` for ${candidate.backup.summary.organizationName}`
                  : ''
              }`,
            )}{' '}
            It checks out: every table and file is complete.
          </p>
          <table className="data-table">
            <caption>What it holds</caption>
            <tbody>
              {candidate.backup.summary.tables
                .filter((t) => t.count > 0)
                .map((t) => (
                  <tr key={t.name}>
                    <th scope="row">{TABLE_LABELS[t.name] ?? t.name}</th>
                    <td className="numeric">{t.count.toLocaleString('en-US')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p>
            Restoring replaces all your current data with this backup (you can undo right after).
          </p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              disabled={progress !== null}
              onClick={() => void replace(candidate)}
            >
              Replace my data with this backup
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                focusAfter.current = 'restore';
                setCandidate(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Where checking or restoring a backup is, for the eye and for screen readers. */
function RestoreProgress({ progress }: { progress: ReadProgress }) {
  return (
    <div className="restore-progress">
      <progress aria-label="Restoring from backup" max={1} value={progress.fraction} />
      <p role="status">{progress.step}</p>
    </div>
  );
}
