import { useState } from 'react';
import type { Contract } from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { useUndo } from '../../app/UndoContext';
import {
  readAttachment,
  removeAttachment,
  saveContract,
  type AttachmentInfo,
} from '../../db/contracts';
import { platform } from '../../platform';

/** The contract's files (the signed PDF…): open (download), attach more, remove. */
export function AttachmentsPanel({
  contract,
  attachments,
}: {
  contract: Contract;
  attachments: readonly AttachmentInfo[];
}) {
  const db = useDatabase();
  const { perform } = useUndo();
  const [message, setMessage] = useState('');
  const files = attachments.filter((a) => a.ownerId === contract.id);
  const open = async (id: string) => {
    const record = await readAttachment(db, id);
    if (!record) return setMessage('That file is no longer stored.');
    await platform().saveFile(record.fileName, record.bytes, 'kept-file');
  };
  const attach = async () => {
    const picked = await platform().openFiles({ title: 'Attach a file to the contract' });
    if (picked.length === 0) return;
    const saved = await saveContract(db, contract, picked);
    setMessage(saved.ok ? `Attached ${picked.map((f) => f.name).join(', ')}.` : 'Not attached.');
  };
  return (
    <section className="panel" aria-labelledby="contract-files">
      <h3 id="contract-files">Signed document and files</h3>
      {files.length === 0 ? (
        <p className="hint">No file attached.</p>
      ) : (
        <ul className="file-list" aria-label="Attached files">
          {files.map((file) => (
            <li key={file.id}>
              <button type="button" className="link-button" onClick={() => void open(file.id)}>
                {file.fileName}
              </button>{' '}
              <span className="hint">
                {Math.max(1, Math.round(file.size / 1024)).toLocaleString('en-US')} KB, added{' '}
                {file.addedAt.slice(0, 10)}
              </span>{' '}
              <button
                type="button"
                className="secondary"
                aria-label={`Remove ${file.fileName}`}
                onClick={() =>
                  void perform('remove-attachment', `Removed ${file.fileName}`, () =>
                    removeAttachment(db, file.id),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void attach()}>
          Attach a file…
        </button>
      </div>
      <p role="status" className="hint">
        {message}
      </p>
    </section>
  );
}
