import { useState } from 'react';
import { exportColumnMappings, importColumnMappings } from '../../db/column-mappings';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { platform } from '../../platform';

/** The mappings saved in the mapping wizard: exported for the command line's `--mappings`, or imported. */
export function ColumnMappingsPanel() {
  const db = useDatabase();
  const count = useLiveQuery(() => db.columnMappings.count(), [db]);
  const [messages, setMessages] = useState<string[]>([]);

  const exportFile = async () => {
    const { text, count: exported } = await exportColumnMappings(db, new Date());
    const result = await platform().saveFile(
      'temdesk-column-mappings.json',
      new TextEncoder().encode(text),
      'column-mappings',
    );
    if (result.saved) {
      setMessages([`Exported ${exported} column mapping${exported === 1 ? '' : 's'}.`]);
    }
  };

  const importFile = async () => {
    const [file] = await platform().openFiles({
      title: 'Import column mappings',
      multiple: false,
      filters: [{ name: 'TEM Desk column mappings', extensions: ['json'] }],
    });
    if (!file) return;
    const text = new TextDecoder().decode(file.bytes);
    const result = await importColumnMappings(db, text, file.name);
    setMessages(
      result.ok
        ? [
            `Imported ${result.value.added + result.value.replaced} column mappings from ${file.name} (${result.value.added} new, ${result.value.replaced} replacing the saved ones for the same columns).`,
          ]
        : result.errors.map((error) => error.message),
    );
  };

  return (
    <section className="panel" aria-labelledby="column-mappings-title">
      <h2 id="column-mappings-title">Column mappings</h2>
      <p>
        The layouts you mapped in the import wizard, one per set of columns
        {count.status === 'ready' ? ` (${count.value} saved)` : ''}. Export them for the command
        line (<code>--mappings</code>) or another workspace.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void exportFile()}>
          Export column mappings…
        </button>
        <button type="button" onClick={() => void importFile()}>
          Import column mappings…
        </button>
      </div>
      <div role="status">
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </section>
  );
}
