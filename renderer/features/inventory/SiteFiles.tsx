import { useState } from 'react';
import {
  readSiteRows,
  sitesCsv,
  sitesXlsx,
  type SiteDraft,
} from '../../../shared/inventory/sites-file';
import type { SetupFile } from '../../../shared/ledger/setup-files';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { useDatabase } from '../../db/DatabaseContext';
import type { InventoryData } from '../../db/inventory';
import { commitSetup, planSetupImport } from '../../db/setup';
import { platform } from '../../platform';

const NO_CODES: ReadonlySet<string> = new Set();

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
    /** Rows the plan stores, of which new and updated sites. */
    ready: number;
    added: number;
    updated: number;
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
    // The preview is the commit's own plan: a cost center nothing has is a problem here already.
    const setupFile: SetupFile = {
      kind: 'sites',
      name: file.name,
      drafts: read.drafts,
      problems: [],
    };
    const plan = await planSetupImport(db, [setupFile], NO_CODES);
    const problems = [
      ...read.missing.map((m) => `The file has no ${m} column.`),
      ...read.errors.map((e) => e.message),
      ...(plan.files[0]?.problems ?? []).map((p) => p.message),
    ];
    setPending({
      fileName: file.name,
      drafts: read.drafts,
      ready: plan.files[0]?.ready ?? 0,
      added: plan.sites.added.length,
      updated: plan.sites.updated.length,
      problems,
    });
  };
  const commit = async () => {
    if (!pending) return;
    const setupFile: SetupFile = {
      kind: 'sites',
      name: pending.fileName,
      drafts: pending.drafts,
      problems: [],
    };
    const outcome = await commitSetup(db, [setupFile], NO_CODES);
    if (!outcome.ok)
      return setPending({ ...pending, problems: outcome.errors.map((e) => e.message) });
    onMessage(
      `Imported ${pending.fileName}: ${pending.added} sites added, ${pending.updated} updated.`,
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
            {pending.ready} sites ready · {pending.problems.length} problems
          </p>
          <ul className="row-errors">
            {pending.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <button
            type="button"
            disabled={pending.ready === 0 || pending.problems.length > 0}
            onClick={() => void commit()}
          >
            Import {pending.ready} sites
          </button>
          <button type="button" className="secondary" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
