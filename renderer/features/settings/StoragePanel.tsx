import { useCallback, useEffect, useState } from 'react';
import {
  formatBytes,
  readStorageStatus,
  requestPersistentStorage,
  type StorageStatus,
} from '../../platform/storage';

/** Where the data lives and whether the browser has promised to keep it. */
export function StoragePanel() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const refresh = useCallback(() => {
    void readStorageStatus().then(setStatus);
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <section className="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <p>
        Your data is stored on this computer only, in this app’s local database. Nothing is sent
        anywhere.
      </p>
      <dl className="facts">
        <dt>Persistent storage</dt>
        <dd data-testid="persistence">{describePersistence(status)}</dd>
        <dt>Space used</dt>
        <dd>
          {typeof status?.usageBytes === 'number' ? formatBytes(status.usageBytes) : 'Unknown'}
          {typeof status?.quotaBytes === 'number'
            ? ` of ${formatBytes(status.quotaBytes)} available`
            : ''}
        </dd>
      </dl>
      {status?.persisted === false && (
        <button type="button" onClick={() => void requestPersistentStorage().then(refresh)}>
          Ask to keep data permanently
        </button>
      )}
    </section>
  );
}

function describePersistence(status: StorageStatus | null): string {
  if (!status) return 'Checking…';
  if (status.persisted === null) return 'Not supported by this browser';
  return status.persisted
    ? 'Granted — the browser will not delete this data to free space'
    : 'Not granted — the browser may delete this data if the disk runs low; keep backups';
}
