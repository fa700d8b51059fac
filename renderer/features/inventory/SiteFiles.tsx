import { useState } from 'react';
import {
  readSiteRows,
  sitesCsv,
  sitesXlsx,
  type SiteDraft,
} from '../../../shared/inventory/sites-file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { useDatabase } from '../../db/DatabaseContext';
import type { InventoryData } from '../../db/inventory';
import { commitSiteImport } from '../../db/inventory-import';
import { platform } from '../../platform';

/** Sites from a CSV/XLSX file (preview, errors, one transaction) and to CSV/XLSX. */
export function SiteFiles({
  data,
  onMessage,
}: {
  data: InventoryData;
  onMessage: (message: string) => void;
}) {
  const db = useDatabase();
  const [pending, setPending] = useState<{
    fileName: string;
    drafts: SiteDraft[];
    problems: string[];
  } | null>(null);
  const stamp = new Date().toISOString().slice(0, 10);

  const pick = async () => {
    const [file] = await platform().openFiles({
      title: 'Import sites',
      multiple: false,
      filters: [{ name: 'Sites (CSV or XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
    });
    if (!file) return;
    const table = readTabularFile(file.name, file.bytes);
    if (!table.ok) return onMessage(table.errors.map((e) => e.message).join(' '));
    const read = readSiteRows(table.value);
    const problems = [
      ...read.missing.map((m) => `The file has no ${m} column.`),
      ...read.errors.map((e) => e.message),
    ];
    setPending({ fileName: file.name, drafts: read.drafts, problems });
  };
  const commit = async () => {
    if (!pending) return;
    const outcome = await commitSiteImport(db, pending.drafts);
    if (!outcome.ok)
      return setPending({ ...pending, problems: outcome.errors.map((e) => e.message) });
    onMessage(
      `Imported ${pending.fileName}: ${outcome.added} sites added, ${outcome.updated} updated.`,
    );
    setPending(null);
  };

  return (
    <div className="button-row">
      <button type="button" className="secondary" onClick={() => void pick()}>
        Import sites…
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void platform().saveFile(
            `sites-${stamp}.csv`,
            new TextEncoder().encode(sitesCsv(data.sites, data.costCenters)),
            'csv',
          )
        }
      >
        Export sites CSV
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void platform().saveFile(
            `sites-${stamp}.xlsx`,
            sitesXlsx(data.sites, data.costCenters),
            'xlsx',
          )
        }
      >
        Export sites XLSX
      </button>
      {pending && (
        <div
          className="panel import-panel"
          role="group"
          aria-label={`Import sites from ${pending.fileName}`}
        >
          <p role="status">
            {pending.drafts.length} sites ready · {pending.problems.length} problems
          </p>
          <ul className="row-errors">
            {pending.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <button
            type="button"
            disabled={pending.drafts.length === 0}
            onClick={() => void commit()}
          >
            Import {pending.drafts.length} sites
          </button>
          <button type="button" className="secondary" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
