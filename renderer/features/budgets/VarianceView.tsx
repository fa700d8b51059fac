import { useMemo, useState } from 'react';
import { budgetLabels, budgetVarianceCsv } from '../../../shared/budget/report';
import { VarianceCells, VarianceHeaders } from '../../components/VarianceCells';
import type { VarianceRow } from '../../../shared/budget/variance';
import { cents, formatCents } from '../../../shared/money/cents';
import type { BudgetWorkspace } from '../../db/budgets';
import { platform } from '../../platform';
import { monthSpan } from '../dashboard/filter';
import { BudgetChart } from './BudgetChart';
import { useVariance } from './useBudgets';

/** `$1,234.56 over budget` / `$12.00 under budget` for a variance (actual − budget). */
export function varianceText(variance: number): string {
  if (variance === 0) return 'on budget';
  return `${formatCents(cents(Math.abs(variance)))} ${variance > 0 ? 'over' : 'under'} budget`;
}

/** Actual (the chargeback's allocation) against budget, by month and year to date. */
export function VarianceView({ workspace }: { workspace: BudgetWorkspace }) {
  const variance = useVariance(workspace);
  const labels = useMemo(() => budgetLabels(workspace), [workspace]);
  const [message, setMessage] = useState('');
  const through = variance.through;
  // Year to date starts at January, or at the year's first month with bills when they start later.
  const from = variance.total.months.find((month) => month.actual !== null)?.month ?? through;
  const exportCsv = async () => {
    const name = `budget-variance-${workspace.year}.csv`;
    const bytes = new TextEncoder().encode(budgetVarianceCsv(variance, workspace));
    const outcome = await platform().saveFile(name, bytes, 'csv');
    setMessage(outcome.saved ? `Saved ${name}.` : 'Export cancelled.');
  };
  return (
    <section aria-label="Actual vs budget" className="budget-variance">
      <p className="budget-note">
        {through === null
          ? `No month of ${workspace.year} has bills yet: actuals appear as bills are imported.`
          : `Year to date: ${monthSpan(from ?? through, through)}. Actuals are the chargeback’s allocation (before mark-up), so each cost center matches the Chargeback page to the cent.`}
        {variance.ytdUnallocated !== 0 &&
          ` ${formatCents(variance.ytdUnallocated)} could not be allocated to a cost center (see Chargeback → Exceptions) and is in no row.`}
      </p>
      <BudgetChart variance={variance} title={`Budget vs actual by month, ${workspace.year}`} />
      <div className="toolbar">
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          Export variance CSV
        </button>
        <span role="status">{message}</span>
      </div>
      <table className="data-table budget-table">
        <caption>Actual against budget, year to date</caption>
        <thead>
          <tr>
            <th scope="col">Cost center</th>
            <th scope="col">Carrier</th>
            <th scope="col" className="numeric">
              Actual YTD
            </th>
            <VarianceHeaders suffix=" YTD" />
            <th scope="col" className="numeric">
              Budget {workspace.year}
            </th>
          </tr>
        </thead>
        <tbody>
          {variance.rows.map((row) => (
            <VarianceTableRow
              key={`${row.costCenterId}|${row.carrierId}`}
              row={row}
              labels={labels}
            />
          ))}
          <VarianceTableRow row={variance.total} labels={labels} />
        </tbody>
      </table>
    </section>
  );
}

function VarianceTableRow({
  row,
  labels,
}: {
  row: VarianceRow;
  labels: ReturnType<typeof budgetLabels>;
}) {
  const className =
    row.costCenterId === null
      ? 'budget-total-row'
      : row.carrierId !== ''
        ? 'budget-carrier-row'
        : undefined;
  return (
    <tr className={className}>
      <th scope="row">{row.carrierId === '' ? labels.costCenter(row.costCenterId) : '↳'}</th>
      <td>{row.costCenterId === null ? '' : labels.carrier(row.carrierId)}</td>
      <td className="numeric">{formatCents(row.ytdActual)}</td>
      <VarianceCells budget={row.ytdBudget} actual={row.ytdActual} />
      <td className="numeric">{formatCents(row.yearBudget)}</td>
    </tr>
  );
}
