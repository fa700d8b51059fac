import { useMemo } from 'react';
import type { BudgetVariance } from '../../../shared/budget/variance';
import { MoneyBarChart } from '../../components/charts/MoneyBarChart';
import { shortMonth } from '../dashboard/filter';

/** Budget against actual (the chargeback's allocation) by month of the year, side by side. */
export function BudgetChart({
  variance,
  title,
  onSelect,
  height,
}: {
  variance: BudgetVariance;
  title: string;
  onSelect?: (monthIndex: number) => void;
  height?: number;
}) {
  const labels = useMemo(() => variance.months.map(shortMonth), [variance]);
  const series = useMemo(
    () => [
      { label: 'Budget', values: variance.total.months.map((m) => m.budget), color: '#5d6d7e' },
      {
        label: 'Actual',
        // A month not compared (not billed yet) has no actual: "—", not $0.00.
        values: variance.total.months.map((m) => m.actual),
        missingText: (index: number) => {
          const month = variance.months[index];
          return variance.through === null || (month !== undefined && month > variance.through)
            ? 'not billed yet'
            : 'no bills kept for this month';
        },
        color: '#1f5fbf',
      },
    ],
    [variance],
  );
  return (
    <MoneyBarChart
      title={title}
      labels={labels}
      series={series}
      stacked={false}
      height={height}
      missing="not billed yet"
      onSelect={onSelect === undefined ? undefined : (_series, month) => onSelect(month)}
    />
  );
}
