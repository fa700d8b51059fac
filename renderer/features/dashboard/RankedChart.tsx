import { useCallback, useMemo } from 'react';
import type { Cents } from '../../../shared/money/cents';
import { MoneyBarChart } from '../../components/charts/MoneyBarChart';

/**
 * A horizontal bar per item, largest first (top sites, cost centers, checks); a click on a bar —
 * or on its figure in the table view — opens the item's link, when it has one.
 */
export function RankedChart({
  title,
  items,
  labelOf,
  linkOf,
  seriesLabel = 'Billed',
}: {
  title: string;
  items: readonly { id: string; total: Cents }[];
  labelOf: (id: string) => string;
  linkOf: (id: string) => string | undefined;
  seriesLabel?: string;
}) {
  const labels = useMemo(() => items.map((item) => labelOf(item.id)), [items, labelOf]);
  const series = useMemo(
    () => [{ label: seriesLabel, values: items.map((item) => item.total) }],
    [items, seriesLabel],
  );
  const onSelect = useCallback(
    (_series: number, index: number) => {
      const item = items[index];
      const link = item && linkOf(item.id);
      if (link) window.location.hash = link;
    },
    [items, linkOf],
  );
  return (
    <MoneyBarChart
      title={title}
      labels={labels}
      series={series}
      onSelect={onSelect}
      horizontal
      height={70 + Math.max(1, labels.length) * 30}
    />
  );
}
