import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';

/** What was deleted, restored, bulk-edited or undone, newest first. */
export function ActionLogPanel() {
  const db = useDatabase();
  const log = useLiveQuery(() => db.actionLog.orderBy('seq').reverse().limit(50).toArray(), [db]);
  return (
    <section className="panel" aria-labelledby="log-title">
      <h2 id="log-title">Action log</h2>
      {log.status === 'ready' && log.value.length === 0 && (
        <p className="hint">Nothing yet. Deletions, restores and bulk edits are listed here.</p>
      )}
      {log.status === 'ready' && log.value.length > 0 && (
        <ol className="history" aria-label="Recent actions">
          {log.value.map((entry) => (
            <li key={entry.seq}>
              <time dateTime={entry.at}>{entry.at.slice(0, 16).replace('T', ' ')}</time>{' '}
              {entry.summary}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
