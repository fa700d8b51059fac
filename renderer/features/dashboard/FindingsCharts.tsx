import { useCallback, useMemo } from 'react';
import type { FindingsView } from '../../../shared/audit/dashboard-findings';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { DashboardFilter } from '../../../shared/billing/dashboard-view';
import type { IsoMonth } from '../../../shared/dates';
import { formatCents } from '../../../shared/money/cents';
import { plural } from '../../../shared/text/wording';
import { findingsLink, savingsLink } from '../../app/links';
import { SAVINGS_BASES } from '../../../shared/audit/savings';
import { MoneyBarChart } from '../../components/charts/MoneyBarChart';
import { shortMonth } from './filter';
import { RankedChart } from './RankedChart';

const RULE_TITLES = new Map(ALL_RULES.map((rule) => [rule.id, rule.title]));

/** Billing errors: money at stake per check, and what was identified against what came back. */
export function FindingsCharts({
  findings,
  filter,
  months,
}: {
  findings: FindingsView;
  filter: DashboardFilter;
  months: readonly IsoMonth[];
}) {
  const from = months[0] ?? '';
  const to = months.at(-1) ?? '';
  const rules = useMemo(
    () => findings.byRule.map((r) => ({ id: r.ruleId, total: r.atStake, count: r.count })),
    [findings],
  );
  const ruleLabelOf = useCallback(
    (id: string) =>
      `${RULE_TITLES.get(id) ?? id} (${(rules.find((r) => r.id === id)?.count ?? 0).toLocaleString('en-US')})`,
    [rules],
  );
  const ruleLinkOf = useCallback(
    (ruleId: string) =>
      findingsLink({ ruleId, carrierId: filter.carrierId, status: 'open-or-disputed', from, to }),
    [filter.carrierId, from, to],
  );
  const savingsLabels = useMemo(() => findings.savings.map((p) => shortMonth(p.month)), [findings]);
  const savingsSeries = useMemo(
    () => [
      { label: 'Identified', values: findings.savings.map((p) => p.identified), color: '#e07b00' },
      {
        label: 'Claimed in disputes',
        values: findings.savings.map((p) => p.disputed),
        color: '#7a5cff',
      },
      { label: 'Recovered', values: findings.savings.map((p) => p.recovered), color: '#2a9d8f' },
    ],
    [findings],
  );
  const onSavings = useCallback(() => {
    window.location.hash = savingsLink();
  }, []);

  return (
    <div className="dashboard-grid dashboard-grid--halves">
      {findings.byRule.length === 0 ? (
        <section className="chart" aria-labelledby="no-findings-title">
          <h2 id="no-findings-title" className="chart__title">
            Money at stake by check
          </h2>
          <p>
            No open billing errors in these bills.{' '}
            <a href={findingsLink({ carrierId: filter.carrierId })}>Open Findings</a>
          </p>
        </section>
      ) : (
        <RankedChart
          title={`Money at stake by check: ${formatCents(findings.atStake)} in ${plural(findings.openCount, 'open finding')}`}
          items={rules}
          labelOf={ruleLabelOf}
          linkOf={ruleLinkOf}
          seriesLabel="Money at stake"
        />
      )}
      <MoneyBarChart
        title={`Savings: ${formatCents(findings.identified)} identified ${SAVINGS_BASES.identified}, claimed in disputes ${SAVINGS_BASES.disputed}, ${formatCents(findings.recovered)} recovered ${SAVINGS_BASES.recovered}`}
        labels={savingsLabels}
        series={savingsSeries}
        onSelect={onSavings}
        stacked={false}
        height={260}
      />
    </div>
  );
}
