import { lazy, Suspense } from 'react';
import { useAfterPaint } from '../../app/useAfterPaint';
import type { BudgetTilesProps } from './BudgetYearTiles';

const BudgetYearTiles = lazy(() =>
  import('./BudgetYearTiles').then((m) => ({ default: m.BudgetYearTiles })),
);

/**
 * Year to date against budget (the year of the range's last month, January to that month), as a
 * tile and a chart of budget against actual by month; both open the budget report. Actuals are
 * the chargeback's allocation; with a cost center chosen in the filters, that cost center's.
 *
 * The allocation runs on the year's charge lines (a rule splits each line to the cent and the
 * service-period basis prorates each line by days, so no stored total gives the same cents): that
 * read — and the code of the tile, the allocation and the budget chart — starts only once the
 * dashboard's charts have painted, so it never delays them.
 */
export function BudgetTiles(props: BudgetTilesProps) {
  const painted = useAfterPaint();
  if (!painted) return null;
  return (
    <Suspense fallback={null}>
      <BudgetYearTiles {...props} />
    </Suspense>
  );
}
