import { useState } from 'react';
import { costCentersCsv, costCentersXlsx } from '../../../shared/inventory/cost-centers-file';
import type { CostCenter } from '../../../shared/model';
import { useLiveQuery } from '../../app/useLiveQuery';
import {
  costCenterUses,
  deleteCostCenter,
  setCostCenterActive,
  updateCostCenter,
} from '../../db/cost-centers';
import { useDatabase } from '../../db/DatabaseContext';
import { platform } from '../../platform';
import { CostCenterImport } from './CostCenterImport';

interface Draft {
  code: string;
  name: string;
  glAccount: string;
}

/** One cost center's row, or its edit form. */
function CostCenterRow({
  costCenter,
  uses,
  onMessage,
}: {
  costCenter: CostCenter;
  /** Records referring to it; null while counting. */
  uses: number | null;
  onMessage: (message: string) => void;
}) {
  const db = useDatabase();
  const [draft, setDraft] = useState<Draft | null>(null);
  const { code, name } = costCenter;
  const save = async () => {
    if (!draft) return;
    const outcome = await updateCostCenter(db, costCenter.id, draft);
    if (!outcome.ok) return onMessage(outcome.errors.map((e) => e.message).join(' '));
    setDraft(null);
    onMessage(`Cost center ${outcome.value.code} saved.`);
  };
  if (draft) {
    const field = (key: keyof Draft, label: string) => (
      <td>
        <input
          aria-label={`${label} of ${code}`}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      </td>
    );
    return (
      <tr>
        {field('code', 'Code')}
        {field('name', 'Name')}
        {field('glAccount', 'GL account')}
        <td>{costCenter.active ? 'Active' : 'Retired'}</td>
        <td className="numeric">{uses ?? ''}</td>
        <td>
          <div className="button-row">
            <button type="button" onClick={() => void save()}>
              Save {code}
            </button>
            <button type="button" className="secondary" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{code}</th>
      <td>{name}</td>
      <td>{costCenter.glAccount ?? ''}</td>
      <td>{costCenter.active ? 'Active' : 'Retired'}</td>
      <td className="numeric">{uses ?? ''}</td>
      <td>
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            aria-label={`Edit ${code} ${name}`}
            onClick={() => setDraft({ code, name, glAccount: costCenter.glAccount ?? '' })}
          >
            Edit
          </button>
          <button
            type="button"
            className="secondary"
            aria-label={`${costCenter.active ? 'Retire' : 'Reactivate'} ${code} ${name}`}
            onClick={() =>
              void setCostCenterActive(db, costCenter.id, !costCenter.active).then(() =>
                onMessage(`Cost center ${code} ${costCenter.active ? 'retired' : 'reactivated'}.`),
              )
            }
          >
            {costCenter.active ? 'Retire' : 'Reactivate'}
          </button>
          {uses === 0 && (
            <button
              type="button"
              className="secondary"
              aria-label={`Delete ${code} ${name}`}
              onClick={() =>
                void deleteCostCenter(db, costCenter.id).then((outcome) =>
                  onMessage(
                    outcome.ok
                      ? `Cost center ${code} deleted.`
                      : outcome.errors.map((e) => e.message).join(' '),
                  ),
                )
              }
            >
              Delete
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

/** The Cost centers list: each with its GL account, how much refers to it, edit, retire, delete. */
export function CostCentersPanel({
  costCenters,
  onMessage,
}: {
  costCenters: CostCenter[];
  onMessage: (message: string) => void;
}) {
  const db = useDatabase();
  const uses = useLiveQuery(() => costCenterUses(db), [db, costCenters]);
  const [importing, setImporting] = useState(false);
  const stamp = new Date().toISOString().slice(0, 10);
  const sorted = [...costCenters].sort((a, b) => a.code.localeCompare(b.code));
  return (
    <section aria-labelledby="cost-centers-title" className="cost-centers">
      <h2 id="cost-centers-title">Cost centers</h2>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => setImporting(true)}>
          Import cost centers…
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void platform().saveFile(
              `cost-centers-${stamp}.csv`,
              new TextEncoder().encode(costCentersCsv(costCenters)),
              'csv',
            )
          }
        >
          Export cost centers CSV
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void platform().saveFile(
              `cost-centers-${stamp}.xlsx`,
              costCentersXlsx(costCenters),
              'xlsx',
            )
          }
        >
          Export cost centers XLSX
        </button>
      </div>
      {importing && (
        <CostCenterImport
          onDone={(message) => {
            setImporting(false);
            if (message) onMessage(message);
          }}
        />
      )}
      <table className="data-table">
        <caption>
          Cost centers ({costCenters.length}) — retire one that is in use; its history stays
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">GL account</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Used by
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((costCenter) => (
            <CostCenterRow
              key={`${costCenter.id}|${costCenter.code}|${costCenter.name}|${costCenter.glAccount ?? ''}`}
              costCenter={costCenter}
              uses={uses.status === 'ready' ? (uses.value.get(costCenter.id) ?? 0) : null}
              onMessage={onMessage}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
