import { useCallback, useMemo } from 'react';
import {
  lastMonths,
  monthlySpendByCarrier,
  spendByCategoryGroup,
} from '../../../shared/billing/dashboard';
import { spendSummary, type SpendSummary } from '../../../shared/billing/summary';
import type { Carrier, Invoice } from '../../../shared/model';
import { useRouteContext } from '../../app/RouteContext';
import { StackedBarChart } from '../../components/charts/StackedBarChart';
import { AttentionTiles } from './AttentionTiles';
import { MonthlyReportPage } from './MonthlyReportPage';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../app/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ImportPanel } from '../bills/import/ImportPanel';
import { SampleCompanyButton } from '../bills/import/ImportButtons';

/**
 * The dashboard reads invoice aggregates only (a few thousand records for years of bills), never
 * the charge lines, so it opens in well under a second with a million lines stored.
 */
export function DashboardPage() {
  const { route } = useRouteContext();
  if (route.path[0] === 'report') return <MonthlyReportPage month={route.path[1]} />;
  return <DashboardOverview />;
}

function DashboardOverview() {
  const db = useDatabase();
  const summary = useLiveQuery(async () => {
    const [invoices, carriers] = await Promise.all([db.invoices.toArray(), db.carriers.toArray()]);
    return { ...spendSummary(invoices), invoices, carriers };
  }, [db]);

  return (
    <>
      <PageHeader title="Dashboard">
        <a className="button-link" href="#/dashboard/report">
          Monthly report
        </a>
      </PageHeader>
      <ImportPanel />
      <div
        className="dashboard"
        data-state={summary.status}
        aria-busy={summary.status === 'loading'}
      >
        {summary.status === 'loading' && <p role="status">Loading your spend…</p>}
        {summary.status === 'error' && (
          <p role="alert">The dashboard could not be loaded: {summary.error.message}</p>
        )}
        {summary.status === 'ready' &&
          (summary.value.invoiceCount === 0 ? (
            <EmptyState
              title="Your telecom spend will appear here"
              actions={<SampleCompanyButton />}
              steps={[
                'Open Bills and import a carrier bill file.',
                'Come back here to see spend by month, carrier and category.',
              ]}
            >
              <p>
                Monthly spend by carrier, spend by category, the biggest movers, money at stake in
                billing errors and the contract deadlines coming up.
              </p>
            </EmptyState>
          ) : (
            <SpendOverview
              summary={summary.value}
              invoices={summary.value.invoices}
              carriers={summary.value.carriers}
            />
          ))}
      </div>
    </>
  );
}

function SpendOverview({
  summary,
  invoices,
  carriers,
}: {
  summary: SpendSummary;
  invoices: Invoice[];
  carriers: Carrier[];
}) {
  const recentMonths = summary.byMonth.slice(-12);
  const { navigate } = useRouteContext();
  const months = useMemo(() => lastMonths(invoices, 12), [invoices]);
  const spend = useMemo(
    () => monthlySpendByCarrier(invoices, new Map(carriers.map((c) => [c.id, c.name])), months),
    [invoices, carriers, months],
  );
  const groups = useMemo(() => spendByCategoryGroup(invoices, months), [invoices, months]);
  const series = useMemo(
    () => spend.series.map((s) => ({ label: s.carrier, values: s.values })),
    [spend],
  );
  const onSelect = useCallback(
    (seriesIndex: number, monthIndex: number) => {
      const carrier = spend.series[seriesIndex];
      const month = spend.months[monthIndex];
      if (carrier && month) navigate('bills', 'filter', carrier.carrierId, month);
    },
    [navigate, spend],
  );
  const groupTotal = groups.reduce((sum, g) => sum + g.total, 0);
  return (
    <>
      <dl className="tiles">
        <Tile label="Total billed" value={formatCents(summary.total)} />
        <Tile label="Invoices" value={summary.invoiceCount.toLocaleString('en-US')} />
        <Tile label="Charge lines" value={summary.lineCount.toLocaleString('en-US')} />
        <Tile label="Carriers" value={summary.carrierCount.toLocaleString('en-US')} />
        <Tile label="Accounts" value={summary.accountCount.toLocaleString('en-US')} />
      </dl>
      <AttentionTiles />
      <div className="dashboard-grid">
        <StackedBarChart
          title="Billed by month and carrier (last 12 months) — click a bar for its invoices"
          labels={spend.months}
          series={series}
          onSelect={onSelect}
        />
        <table className="data-table">
          <caption>Billed by category (last 12 months)</caption>
          <tbody>
            {groups.map((group) => (
              <tr key={group.label}>
                <th scope="row">{group.label}</th>
                <td className="numeric">{formatCents(group.total)}</td>
                <td className="numeric">
                  {groupTotal ? `${((group.total / groupTotal) * 100).toFixed(1)} %` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <table className="data-table">
        <caption>Billed by month (last {recentMonths.length})</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="numeric">
              Invoices
            </th>
            <th scope="col" className="numeric">
              Billed
            </th>
          </tr>
        </thead>
        <tbody>
          {recentMonths.map((month) => (
            <tr key={month.month}>
              <th scope="row">{month.month}</th>
              <td className="numeric">{month.invoiceCount}</td>
              <td className="numeric">{formatCents(month.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
