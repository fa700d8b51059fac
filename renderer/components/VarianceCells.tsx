import { basisPointsText, varianceBasisPoints } from '../../shared/budget/variance';
import { cents, formatCents, type Cents } from '../../shared/money/cents';

/** Column headers of a budget comparison: Budget, Variance, Variance % (with optional suffix). */
export function VarianceHeaders({ suffix = '' }: { suffix?: string }) {
  return (
    <>
      <th scope="col" className="numeric">
        Budget{suffix}
      </th>
      <th scope="col" className="numeric">
        Variance
      </th>
      <th scope="col" className="numeric">
        Variance %
      </th>
    </>
  );
}

/**
 * Budget, variance (actual − budget; red over, green under) and variance % of the budget. A null
 * budget is money no budget covers (the unallocated charges): "—", and the whole actual is variance.
 */
export function VarianceCells({ budget, actual }: { budget: Cents | null; actual: Cents }) {
  const variance = cents(actual - (budget ?? 0));
  const tone = variance > 0 ? 'variance-over' : variance < 0 ? 'variance-under' : '';
  return (
    <>
      <td className="numeric">
        {budget === null ? (
          <span title="No budget covers these charges">—</span>
        ) : (
          formatCents(budget)
        )}
      </td>
      <td className={`numeric ${tone}`}>{formatCents(variance)}</td>
      <td className={`numeric ${tone}`}>
        {basisPointsText(budget === null ? null : varianceBasisPoints(variance, budget))}
      </td>
    </>
  );
}
