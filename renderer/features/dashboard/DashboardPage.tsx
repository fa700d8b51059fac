import { useCallback, useMemo } from 'react';
import { findingsView } from '../../../shared/audit/dashboard-findings';
import {
  dashboardView,
  latestInvoiceMonth,
  type DashboardFilter,
} from '../../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../../shared/billing/dimensions';
import { monthRange, isIsoMonth, type IsoMonth } from '../../../shared/dates';
import { useDatabase } from '../../app/DatabaseContext';
import { useRouteContext } from '../../app/RouteContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { loadDashboardData, type DashboardData } from '../../db/dashboard';
import { ImportPanel } from '../bills/import/ImportPanel';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { AttentionTiles } from './AttentionTiles';
import { DashboardFilters } from './DashboardFilters';
import { DueLists } from './DueLists';
import { dashboardFilterOf, dashboardLink } from './filter';
import { FindingsCharts } from './FindingsCharts';
import { MonthlyReportPage } from './MonthlyReportPage';
import { SpendCharts, SummaryTiles } from './SpendCharts';

/**
 * The dashboard reads invoice aggregates and per-service totals only (never a charge line), so it
 * opens in well under a second with years of bills stored. Its filters live in the URL.
 */
export function DashboardPage() {
  const { route } = useRouteContext();
  if (route.path[0] === 'report') return <MonthlyReportPage month={route.path[1]} />;
  return <DashboardOverview filter={dashboardFilterOf(route.path)} />;
}

function DashboardOverview({ filter }: { filter: DashboardFilter }) {
  const db = useDatabase();
  const data = useLiveQuery(() => loadDashboardData(db), [db]);

  return (
    <>
      <PageHeader title="Dashboard">
        <a className="button-link" href="#/dashboard/report">
          Monthly report
        </a>
      </PageHeader>
      <ImportPanel />
      <div className="dashboard" data-state={data.status} aria-busy={data.status === 'loading'}>
        {data.status === 'loading' && <p role="status">Loading your spend…</p>}
        {data.status === 'error' && (
          <p role="alert">The dashboard could not be loaded: {data.error.message}</p>
        )}
        {data.status === 'ready' &&
          (data.value.invoices.length === 0 ? (
            <EmptyState
              title="Your telecom spend will appear here"
              actions={<SampleCompanyButton />}
              steps={[
                'Open Bills and import a carrier bill file.',
                'Come back here to see spend by month, carrier, site and cost center.',
              ]}
            >
              <p>
                Monthly spend by carrier, spend by category, the biggest movers, money at stake in
                billing errors and the contract deadlines coming up.
              </p>
            </EmptyState>
          ) : (
            <Overview data={data.value} filter={filter} />
          ))}
      </div>
    </>
  );
}

/** Every month from the first bill to the last, for the range selects. */
function billedMonths(data: DashboardData, latest: IsoMonth | ''): IsoMonth[] {
  let first = latest;
  for (const invoice of data.invoices) {
    const month = invoice.invoiceDate.slice(0, 7);
    if (first === '' || month < first) first = isIsoMonth(month) ? month : first;
  }
  return first && latest ? monthRange(first, latest) : [];
}

function Overview({ data, filter }: { data: DashboardData; filter: DashboardFilter }) {
  const index = useMemo(() => new DimensionIndex(data), [data]);
  const latest = useMemo(() => latestInvoiceMonth(data.invoices), [data]);
  const view = useMemo(
    () => dashboardView(data.invoices, data.serviceTotals, index, filter),
    [data, index, filter],
  );
  const findings = useMemo(
    () => findingsView(data.findings, data.disputes, index, filter, view.months),
    [data, index, filter, view.months],
  );
  const names = useMemo(() => new Map(data.carriers.map((c) => [c.id, c.name])), [data]);
  const onFilter = useCallback((next: DashboardFilter) => {
    window.location.hash = dashboardLink(next);
  }, []);
  return (
    <>
      <DashboardFilters
        filter={filter}
        months={billedMonths(data, latest)}
        shown={view.months}
        carriers={data.carriers}
        sites={data.sites}
        costCenters={data.costCenters}
        onChange={onFilter}
      />
      <SummaryTiles view={view} filter={filter} />
      <AttentionTiles data={data} filter={filter} findings={findings} months={view.months} />
      <SpendCharts view={view} filter={filter} data={data} names={names} />
      <FindingsCharts findings={findings} filter={filter} months={view.months} />
      <DueLists data={data} filter={filter} names={names} />
    </>
  );
}
