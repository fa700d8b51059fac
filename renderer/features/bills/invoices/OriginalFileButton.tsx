import { useState } from 'react';
import { useDatabase } from '../../../db/DatabaseContext';
import { loadOriginalFile } from '../../../db/invoices';
import { platform } from '../../../platform';

/** Saves the file the invoice was imported from, byte for byte. */
export function OriginalFileButton({ batchId, fileName }: { batchId: string; fileName: string }) {
  const db = useDatabase();
  const [error, setError] = useState('');
  const download = async () => {
    const file = await loadOriginalFile(db, batchId);
    if (!file) {
      setError('The original file is not stored for this import.');
      return;
    }
    await platform().saveFile(file.fileName, file.bytes, 'kept-file');
  };
  return (
    <>
      <button type="button" className="secondary" onClick={() => void download()}>
        Download original file ({fileName})
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
