import { useState } from 'react';
import { planBudgetImport, readBudgetFile, type BudgetFileRead } from '../../../shared/budget/file';
import type { Carrier, CostCenter } from '../../../shared/model';
import { useDatabase } from '../../db/DatabaseContext';
import { commitBudgetImport } from '../../db/budgets';
import { randomRecordId } from '../../db/record-ids';
import { platform } from '../../platform';

/**
 * A budget file (`Cost Center, Carrier, Month, Amount`; CSV or XLSX): every problem listed with
 * its row and column; the import writes every row or none.
 */
export function BudgetImport({
  costCenters,
  carriers,
  onDone,
}: {
  costCenters: readonly CostCenter[];
  carriers: readonly Carrier[];
  onDone: (message: string) => void;
}) {
  const db = useDatabase();
  const [read, setRead] = useState<{ name: string; rows: BudgetFileRead } | null>(null);
  const [create, setCreate] = useState(false);
  const [message, setMessage] = useState('');

  const pick = async () => {
    const [picked] = await platform().openFiles({
      title: 'Import budget',
      multiple: false,
      filters: [{ name: 'Budget (CSV or XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
    });
    if (!picked) return;
    const result = readBudgetFile(picked.name, picked.bytes, carriers);
    if (!result.ok) {
      setRead(null);
      return setMessage(result.errors.map((error) => error.message).join(' '));
    }
    setMessage('');
    setRead({ name: picked.name, rows: result.value });
  };
  const plan =
    read === null
      ? null
      : planBudgetImport(read.rows, costCenters, {
          createMissingCostCenters: create,
          newCostCenterId: () => randomRecordId('cost-center'),
        });
  const commit = async () => {
    if (plan === null || !plan.ok || read === null) return;
    const outcome = await commitBudgetImport(db, plan.value);
    if (!outcome.ok) return setMessage(outcome.errors.map((error) => error.message).join(' '));
    const created = plan.value.newCostCenters.length;
    onDone(
      `Imported ${read.name}: ${outcome.value} budget cells${created > 0 ? `, ${created} cost centers created` : ''}.`,
    );
  };
  const unknownCodes =
    read === null
      ? 0
      : new Set(
          read.rows.drafts
            .map((draft) => draft.costCenterCode.toLowerCase())
            .filter((code) => !costCenters.some((entry) => entry.code.toLowerCase() === code)),
        ).size;

  return (
    <div className="panel import-panel" role="group" aria-label="Import budget">
      <p>
        One budget cell per row: Cost Center (its code), Carrier (blank for all carriers), Month
        (YYYY-MM), Amount. A cell already budgeted is replaced; the file is imported whole or not at
        all.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void pick()}>
          Choose budget file…
        </button>
        {plan !== null && (
          <button type="button" disabled={!plan.ok} onClick={() => void commit()}>
            Import {plan.ok ? plan.value.lines.length : 0} budget cells
          </button>
        )}
        <button type="button" className="secondary" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
      {read !== null && unknownCodes > 0 && (
        <label className="inline">
          <input
            type="checkbox"
            checked={create}
            onChange={(event) => setCreate(event.target.checked)}
          />{' '}
          Create missing cost centers ({unknownCodes})
        </label>
      )}
      {read !== null && plan !== null && (
        <>
          <p role="status">
            {read.name}: {read.rows.drafts.length} rows read ·{' '}
            {plan.ok
              ? 'ready to import'
              : `${plan.errors.length} problems, nothing will be imported`}
          </p>
          {!plan.ok && (
            <ul className="row-errors" aria-label="Problems in the budget file">
              {plan.errors.slice(0, 50).map((error, index) => (
                <li key={index}>{error.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <p role="alert">{message}</p>
    </div>
  );
}
