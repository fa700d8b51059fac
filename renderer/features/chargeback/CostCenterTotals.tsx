import { notItemisedTotal, type AllocationResult } from '../../../shared/allocation';
import {
  NOT_IN_LINES_LABEL,
  NOT_ITEMISED_LABEL,
  notInLines,
  type ChargebackNames,
} from '../../../shared/export';
import {
  costCenterTotalsWithBudgets,
  monthBudgetTotal,
} from '../../../shared/export/chargeback-budget';
import { cents, formatCents, sumCents, type Cents } from '../../../shared/money/cents';
import { VarianceCells, VarianceHeaders } from '../../components/VarianceCells';

/**
 * The month by cost center: a row each with a button to drill down, then each cost center budgeted
 * for the month with no charge ($0.00, nothing to drill into), the unallocated one last.
 */
export function CostCenterTotals({
  result,
  names,
  onOpen,
  onShowExceptions,
}: {
  result: AllocationResult;
  names: ChargebackNames;
  onOpen: (costCenterId: string) => void;
  onShowExceptions: () => void;
}) {
  const costCenters = new Map(names.costCenters.map((entry) => [entry.id, entry]));
  const lines = new Map<string, number>();
  for (const row of result.rows)
    lines.set(row.costCenterId, (lines.get(row.costCenterId) ?? 0) + 1);
  // Invoices whose stored lines no longer add up to them: a row of its own, as in the exports.
  const missing = notInLines(result);
  // What the invoices state beyond their lines: no cost center's, but in the invoices as billed.
  const notItemised = notItemisedTotal(result);
  const total = sumCents([
    ...result.byCostCenter.map((entry) => entry.total),
    missing,
    notItemised,
  ]);
  const markup = sumCents(result.byCostCenter.map((entry) => entry.markup));
  // The month's budget (Budgets section), when one is set: Budget, Variance and Variance %.
  const budgets = names.budgets;
  // The unallocated row has no budget: its whole amount is variance, so the Variance column adds
  // up to the total row's, which is the month's amount (equal to the invoices) minus its budget.
  const budgetCells = (id: string | null, actual: Cents) => {
    if (budgets === undefined) return null;
    return (
      <VarianceCells budget={id === null ? null : (budgets.get(id) ?? cents(0))} actual={actual} />
    );
  };
  const budgetTotal = budgets === undefined ? undefined : monthBudgetTotal(result, budgets);
  return (
    <table className="data-table cost-center-totals">
      <caption>Totals by cost center</caption>
      <thead>
        <tr>
          <th scope="col">Cost center</th>
          <th scope="col">Name</th>
          <th scope="col" className="numeric">
            Lines
          </th>
          <th scope="col" className="numeric">
            Amount
          </th>
          <th scope="col" className="numeric">
            Mark-up
          </th>
          <th scope="col" className="numeric">
            With mark-up
          </th>
          {budgets !== undefined && <VarianceHeaders />}
        </tr>
      </thead>
      <tbody>
        {costCenterTotalsWithBudgets(result, names).map((entry) => {
          const id = entry.costCenterId;
          const costCenter = id === null ? undefined : costCenters.get(id);
          const billed = id === null || lines.has(id);
          return (
            <tr key={id ?? 'unallocated'} className={id === null ? 'row-overdue' : undefined}>
              <th scope="row">
                {id === null ? (
                  <button type="button" className="link-button" onClick={onShowExceptions}>
                    Unallocated
                  </button>
                ) : !billed ? (
                  (costCenter?.code ?? id)
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onOpen(id)}
                    aria-label={`Open ${costCenter?.code ?? id} ${costCenter?.name ?? ''}`.trim()}
                  >
                    {costCenter?.code ?? id}
                  </button>
                )}
              </th>
              <td>{id === null ? 'See exceptions' : (costCenter?.name ?? '')}</td>
              <td className="numeric">
                {id === null ? result.exceptions.length : (lines.get(id) ?? 0)}
              </td>
              <td className="numeric">{formatCents(entry.total)}</td>
              <td className="numeric">{formatCents(entry.markup)}</td>
              <td className="numeric">{formatCents(sumCents([entry.total, entry.markup]))}</td>
              {budgetCells(id, entry.total)}
            </tr>
          );
        })}
        {missing !== 0 && (
          <tr className="row-overdue">
            <th scope="row">—</th>
            <td>{NOT_IN_LINES_LABEL}</td>
            <td />
            <td className="numeric">{formatCents(missing)}</td>
            <td className="numeric">{formatCents(cents(0))}</td>
            <td className="numeric">{formatCents(missing)}</td>
            {budgetCells(null, missing)}
          </tr>
        )}
        {notItemised !== 0 && (
          <tr className="row-overdue">
            <th scope="row">—</th>
            <td>{NOT_ITEMISED_LABEL}</td>
            <td />
            <td className="numeric">{formatCents(notItemised)}</td>
            <td className="numeric">{formatCents(cents(0))}</td>
            <td className="numeric">{formatCents(notItemised)}</td>
            {budgetCells(null, notItemised)}
          </tr>
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Total (equals the invoices)
          </th>
          <td className="numeric">{formatCents(total)}</td>
          <td className="numeric">{formatCents(markup)}</td>
          <td className="numeric">{formatCents(sumCents([total, markup]))}</td>
          {budgetTotal !== undefined && (
            <VarianceCells budget={budgetTotal.budget} actual={budgetTotal.amount} />
          )}
        </tr>
      </tfoot>
    </table>
  );
}
