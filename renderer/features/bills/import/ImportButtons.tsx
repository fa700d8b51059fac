import { useState } from 'react';
import { useDatabase } from '../../../db/DatabaseContext';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { clearSampleData, hasSampleData } from '../../../db/sample-data';
import { restoreSnapshot, snapshotTables } from '../../../db/snapshots';
import { useUndo } from '../../../app/UndoContext';
import { platform } from '../../../platform';
import { useImport } from './ImportContext';
import { warmReader } from './readInWorker';

export const BILL_FILE_FILTERS = [
  {
    name: 'Bill files (CSV, TSV, pipe, text, ZIP, Excel, EDI 811)',
    extensions: ['csv', 'tsv', 'txt', 'psv', 'zip', 'xlsx', 'edi', '811', 'x12'],
  },
  { name: 'All files', extensions: ['*'] },
];

/** Opens the file picker (native dialog in the desktop app) and starts the import. */
export function ImportBillsButton({ className }: { className?: string }) {
  const { start } = useImport();
  const pick = async () => {
    // The reader starts while the user chooses files (see `warmReader`).
    warmReader();
    const files = await platform().openFiles({
      title: 'Import bills',
      filters: BILL_FILE_FILTERS,
      multiple: true,
    });
    if (files.length > 0) start(files);
  };
  return (
    <button type="button" className={className} onClick={() => void pick()}>
      Import bills…
    </button>
  );
}

/** One click: a realistic company with a year of bills from six carriers, planted errors included. */
export function SampleCompanyButton() {
  const { startSample, state } = useImport();
  return (
    <button
      type="button"
      className="secondary"
      disabled={state.step === 'reading' || state.step === 'committing'}
      onClick={startSample}
    >
      Try it with a sample company
    </button>
  );
}

/** Removes exactly what the sample company brought; the user's own imports stay. */
export function ClearSampleButton() {
  const db = useDatabase();
  const { perform } = useUndo();
  const loaded = useLiveQuery(() => hasSampleData(db), [db]);
  const [message, setMessage] = useState('');
  if (loaded.status !== 'ready' || !loaded.value)
    return message ? <span role="status">{message}</span> : null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={() =>
        void perform('clear-sample', 'Cleared the sample data', async () => {
          // Every table the clearing touches (not the action log or settings).
          const snapshot = await snapshotTables(
            db,
            db.tables.filter((table) => table.name !== 'actionLog' && table.name !== 'settings'),
          );
          const result = await clearSampleData(db);
          setMessage(`Sample data cleared (${result.invoices} invoices removed).`);
          return () => restoreSnapshot(db, snapshot);
        })
      }
    >
      Clear sample data
    </button>
  );
}
