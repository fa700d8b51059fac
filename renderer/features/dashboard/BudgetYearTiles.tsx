import { useMemo } from 'react';
import { basisPointsText } from '../../../shared/budget/report';
import { monthsOfYear } from '../../../shared/budget/grid';
import { budgetVariance } from '../../../shared/budget/variance';
import type { IsoMonth } from '../../../shared/dates/iso-date';
import { cents, formatCents, type Cents } from '../../../shared/money/cents';
import { useLiveQuery } from '../../app/useLiveQuery';
import { useDatabase } from '../../db/DatabaseContext';
import { loadBudgetYear } from '../../db/budgets';
import { BudgetChart } from '../budgets/BudgetChart';
import { varianceText } from '../budgets/VarianceView';
import { shortMonth } from './filter';
import { signedCents } from './MoversTable';
import '../budgets/budgets.css';

/**
 * Why this cost center's actuals differ from the tiles above: the chargeback allocates with split
 * rules and account policies; the dashboard takes the inventory's cost center (COST_CENTER_BASIS).
 */
function basisNote(
  month: IsoMonth,
  chargeback: Cents | null | undefined,
  inventory: Cents | undefined,
): string {
  const why =
    'Actuals here are the chargeback’s allocation of this cost center (with its split rules and ' +
    'account policies, before mark-up), as on the Chargeback and Budgets pages; the tiles and ' +
    'charts above take the inventory’s cost center, before split rules.';
  if (chargeback === null || chargeback === undefined || inventory === undefined) return why;
  const difference = cents(chargeback - inventory);
  return (
    `${why} ${shortMonth(month)}: ${formatCents(chargeback)} here, ${formatCents(inventory)} ` +
    (difference === 0
      ? 'above — the same.'
      : `above — a difference of ${signedCents(difference)} from split rules and account policies.`)
  );
}

function go(link: string): void {
  window.location.hash = link;
}

export interface BudgetTilesProps {
  through: IsoMonth;
  costCenterId: string;
  /** Whether a carrier, site or service type filter is set (budgets are by cost center). */
  narrowed: boolean;
  /**
   * What the dashboard's tiles show billed in `through` for the cost center (the inventory's cost
   * center, before split rules), to say how far the chargeback's actual differs; undefined when no
   * cost center is chosen or other filters narrow the tiles.
   */
  inventoryBilled?: Cents;
}

/** The dashboard's budget tile and chart (see BudgetTiles): its own chunk, loaded after paint. */
export function BudgetYearTiles({
  through,
  costCenterId,
  narrowed,
  inventoryBilled,
}: BudgetTilesProps) {
  const db = useDatabase();
  const data = useLiveQuery(() => {
    performance.mark('dashboard:budget-read');
    return loadBudgetYear(db, through);
  }, [db, through]);
  const variance = useMemo(() => {
    if (data.status !== 'ready' || data.value.lines.length === 0) return null;
    const { year, lines, actuals } = data.value;
    const report = budgetVariance(monthsOfYear(year), lines, actuals);
    if (costCenterId === '') return { report, row: report.total, year };
    const row = report.rows.find((r) => r.costCenterId === costCenterId && r.carrierId === '');
    return row === undefined ? null : { report: { ...report, total: row }, row, year };
  }, [data, costCenterId]);
  if (variance === null) return null;
  const { report, row, year } = variance;
  const link = `#/budgets/variance/${year}`;
  const tone = row.ytdVariance > 0 ? 'variance-over' : row.ytdVariance < 0 ? 'variance-under' : '';
  const period = report.through === null ? `${year}` : `Jan – ${shortMonth(report.through)}`;
  const tileLabel = `Actual vs budget, ${period}`;
  const tileValue = `${formatCents(row.ytdActual)} of ${formatCents(row.ytdBudget)}`;
  return (
    <section aria-label="Budget" className="dashboard-budget">
      {/* Not a `dl.tiles`: the dashboard's headline tiles are the one list of that kind. */}
      <div className="tiles" role="group" aria-label="Actual against budget, year to date">
        <dl className="tile">
          <dt>{tileLabel}</dt>
          <dd>
            <a href={link} aria-label={`${tileLabel}: ${tileValue}`}>
              {tileValue}
            </a>
          </dd>
          <dd className={`tile__meta ${tone}`}>
            {varianceText(row.ytdVariance)}
            {row.ytdVarianceBasisPoints !== null &&
              ` (${basisPointsText(row.ytdVarianceBasisPoints)})`}
          </dd>
          {narrowed && (
            <dd className="tile__meta">
              Budgets are by cost center: the carrier, site and type filters do not apply here.
            </dd>
          )}
        </dl>
      </div>
      <BudgetChart
        variance={report}
        title={`Budget vs actual by month, ${year}`}
        onSelect={() => go(link)}
        height={260}
      />
      {costCenterId !== '' && (
        <p className="tile__meta dashboard-budget__basis">
          {basisNote(through, row.months.find((m) => m.month === through)?.actual, inventoryBilled)}
        </p>
      )}
    </section>
  );
}
