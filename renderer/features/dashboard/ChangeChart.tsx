import { useCallback, useMemo } from 'react';
import type { MonthChange, MonthChanges } from '../../../shared/billing/month-changes';
import { billsLink } from '../../app/links';
import { MoneyBarChart } from '../../components/charts/MoneyBarChart';
import { shortMonth } from './filter';

const TITLE = 'Change from the month before — red is more spend';

function go(link: string): void {
  window.location.hash = link;
}

/** Why there is no change to show, in plain words. */
function noChangeText(changes: Exclude<MonthChanges, { kind: 'changes' }>): string {
  return changes.kind === 'no-month-before'
    ? `No bills in ${shortMonth(changes.before)} to compare ${shortMonth(changes.month)} with. Choose a range of two months or more with bills to see the change.`
    : 'Nothing billed in these months matches the filters, so there is no change to show.';
}

/**
 * Each month's change from the month before it (a one-month range against the month before the
 * range); where there is nothing to compare, a sentence saying so in the chart's place.
 */
export function ChangeChart({ changes, carrierId }: { changes: MonthChanges; carrierId: string }) {
  if (changes.kind === 'changes')
    return <ChangeBars changes={changes.changes} carrierId={carrierId} />;
  return (
    <section className="chart" aria-labelledby="no-change-title">
      <h2 id="no-change-title" className="chart__title">
        Change from the month before
      </h2>
      <p>{noChangeText(changes)}</p>
    </section>
  );
}

function ChangeBars({
  changes,
  carrierId,
}: {
  changes: readonly MonthChange[];
  carrierId: string;
}) {
  const labels = useMemo(() => changes.map((c) => shortMonth(c.month)), [changes]);
  const series = useMemo(
    () => [{ label: 'Change from the month before', values: changes.map((c) => c.change) }],
    [changes],
  );
  const onSelect = useCallback(
    (_series: number, index: number) => {
      const month = changes[index]?.month;
      if (month) go(billsLink({ carrierId, from: month, to: month }));
    },
    [changes, carrierId],
  );
  return (
    <MoneyBarChart
      title={TITLE}
      labels={labels}
      series={series}
      onSelect={onSelect}
      signedColors
      height={260}
    />
  );
}
