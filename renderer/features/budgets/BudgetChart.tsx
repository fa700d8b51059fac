import { useMemo } from 'react';
import type { BudgetVariance } from '../../../shared/budget/variance';
import { cents } from '../../../shared/money/cents';
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
        values: variance.total.months.map((m) => m.actual ?? cents(0)),
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
      onSelect={onSelect === undefined ? undefined : (_series, month) => onSelect(month)}
    />
  );
}
