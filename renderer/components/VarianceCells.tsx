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

/** Budget, variance (actual − budget; red over, green under) and variance % of the budget. */
export function VarianceCells({ budget, actual }: { budget: Cents; actual: Cents }) {
  const variance = cents(actual - budget);
  const tone = variance > 0 ? 'variance-over' : variance < 0 ? 'variance-under' : '';
  return (
    <>
      <td className="numeric">{formatCents(budget)}</td>
      <td className={`numeric ${tone}`}>{formatCents(variance)}</td>
      <td className={`numeric ${tone}`}>
        {basisPointsText(varianceBasisPoints(variance, budget))}
      </td>
    </>
  );
}
