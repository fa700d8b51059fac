import { useEffect, useId, useMemo, useState } from 'react';
import { todayIso } from '../../../shared/dates';
import {
  guessInventoryMapping,
  INVENTORY_COLUMNS,
  INVENTORY_FIELDS,
  inventoryMappingProblems,
  readInventoryRows,
  type InventoryMapping,
} from '../../../shared/inventory/import';
import { readTabularFile } from '../../../shared/inventory/table-file';
import type { Table } from '../../../shared/import/table';
import { inventoryPreview } from '../../../shared/inventory/preview';
import { formatCents } from '../../../shared/money/cents';
import { plural } from '../../../shared/text/wording';
import { useDatabase } from '../../db/DatabaseContext';
import { checkInventoryImport, commitInventoryImport } from '../../db/inventory-import';
import { platform } from '../../platform';

interface Loaded {
  fileName: string;
  table: Table;
}

/** Import an inventory file: guess the columns, let the user fix the mapping, preview, commit whole. */
export function InventoryImport({ onDone }: { onDone: (message: string) => void }) {
  const db = useDatabase();
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<InventoryMapping | null>(null);
  const [dbErrors, setDbErrors] = useState<{ row: number; message: string }[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [message, setMessage] = useState('');

  const pick = async () => {
    const [file] = await platform().openFiles({
      title: 'Import inventory',
      multiple: false,
      filters: [{ name: 'Inventory (CSV or XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
    });
    if (!file) return;
    const table = readTabularFile(file.name, file.bytes);
    if (!table.ok) return setMessage(table.errors.map((e) => e.message).join(' '));
    setLoaded({ fileName: file.name, table: table.value });
    setMapping(guessInventoryMapping(table.value.header));
    setDbErrors([]);
  };

  const problems = mapping ? inventoryMappingProblems(mapping) : [];
  const read = useMemo(
    () =>
      loaded && mapping && problems.length === 0
        ? // clock: a Disconnect Date after today is a disconnect still to come
          readInventoryRows(loaded.table, mapping, todayIso(new Date()))
        : null,
    [loaded, mapping, problems.length],
  );

  // The preview runs the commit's own plan: rows it would refuse (a cost center or contract
  // nothing has) are problems now, not after Import.
  useEffect(() => {
    let current = true;
    setDbErrors([]);
    setNotes([]);
    if (read)
      void checkInventoryImport(db, read.drafts).then((checked) => {
        if (!current) return;
        setDbErrors(checked.refusals);
        setNotes(checked.notes.map((note) => note.message));
      });
    return () => {
      current = false;
    };
  }, [db, read]);
  const preview = inventoryPreview(
    read?.drafts.length ?? 0,
    read?.errors ?? [],
    dbErrors,
    read?.skipped ?? [],
  );

  const commit = async () => {
    if (!read || !loaded) return;
    const checked = await checkInventoryImport(db, read.drafts);
    if (checked.refusals.length > 0) return setDbErrors(checked.refusals);
    const summary = await commitInventoryImport(db, read.drafts, loaded.fileName);
    onDone(
      [
        `Imported ${loaded.fileName}: ${plural(summary.added, 'service')} added, ${summary.updated} updated, ${plural(summary.sitesCreated, 'new site')}.`,
        ...checked.notes.map((note) => note.message),
      ].join(' '),
    );
  };

  return (
    <section className="panel import-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import inventory</h2>
      {!loaded && (
        <>
          <p>
            A CSV or XLSX file with one service per row. The canonical columns are{' '}
            {INVENTORY_COLUMNS.map((f) => INVENTORY_FIELDS[f].header).join(', ')}; other names are
            matched where they can be, and you choose the rest.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void pick()}>
              Choose inventory file…
            </button>
            <button type="button" className="secondary" onClick={() => onDone('')}>
              Cancel
            </button>
          </div>
        </>
      )}
      {loaded && mapping && (
        <>
          <table className="data-table wizard-columns">
            <caption>Columns of {loaded.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Read from column</th>
              </tr>
            </thead>
            <tbody>
              {INVENTORY_COLUMNS.map((field) => (
                <tr key={field}>
                  <th scope="row">{INVENTORY_FIELDS[field].header}</th>
                  <td>
                    <select
                      aria-label={`${INVENTORY_FIELDS[field].header} is in column`}
                      value={mapping[field]}
                      onChange={(e) => setMapping({ ...mapping, [field]: Number(e.target.value) })}
                    >
                      <option value={-1}>Not in this file</option>
                      {loaded.table.header.map((name, index) => (
                        <option key={index} value={index}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > 0 && (
            <ul role="status">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {read && (
            <>
              <p role="status">{preview.status}</p>
              {notes.length > 0 && (
                <ul className="hint" aria-label="Notes on the rows imported">
                  {notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
              {[...read.errors, ...dbErrors].length > 0 && (
                <ul className="row-errors" aria-label="Rows that cannot be read">
                  {[...read.errors, ...dbErrors].slice(0, 100).map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              )}
              <table className="data-table">
                <caption>First rows</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Site</th>
                    <th scope="col">Carrier</th>
                    <th scope="col">Service ID</th>
                    <th scope="col">Plan</th>
                    <th scope="col" className="numeric">
                      Monthly
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {read.drafts.slice(0, 8).map((d) => (
                    <tr key={d.row}>
                      <td>{d.row}</td>
                      <td>{d.siteCode === '' ? 'No site' : d.siteCode}</td>
                      <td>{d.carrierName}</td>
                      <td>{d.serviceIdRaw}</td>
                      <td>{d.plan}</td>
                      <td className="numeric">
                        {d.monthly === undefined ? '' : formatCents(d.monthly)}
                      </td>
                      <td>{d.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="button-row">
            <button
              type="button"
              disabled={!read || read.drafts.length === 0 || dbErrors.length > 0}
              onClick={() => void commit()}
            >
              {preview.button}
            </button>
            <button type="button" className="secondary" onClick={() => onDone('')}>
              Cancel
            </button>
          </div>
        </>
      )}
      <p role="alert">{message}</p>
    </section>
  );
}
