import { lazy, Suspense, useCallback, useMemo } from 'react';
import { findingsView } from '../../../shared/audit/dashboard-findings';
import { invoiceMonthsOf } from '../../../shared/audit/savings';
import {
  dashboardView,
  billedMonths,
  knownFilter,
  NO_DASHBOARD_FILTER,
  type DashboardFilter,
} from '../../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../../shared/billing/dimensions';
import { monthChanges, monthMovers } from '../../../shared/billing/month-changes';
import { deadlines, invoicesToPay } from '../../../shared/billing/attention';
import { monthRange, todayIso } from '../../../shared/dates';
import { useDatabase } from '../../db/DatabaseContext';
import { useRouteContext } from '../../app/RouteContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import type { DashboardData } from '../../db/dashboard';
import { useDashboardData } from './useDashboardData';
import { useImport } from '../bills/import/ImportContext';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { SetupFromFilesButton } from '../setup/SetupButton';
import { AttentionTiles } from './AttentionTiles';
import { BudgetTiles } from './BudgetTiles';
import { DashboardFilters } from './DashboardFilters';
import { DueLists } from './DueLists';
import { dashboardFilterOf, dashboardLink, dashboardLinkAfter } from './filter';
import { FindingsCharts } from './FindingsCharts';
import { SpendCharts, SummaryTiles } from './SpendCharts';

/** The monthly report is a page of its own: its code loads when it is opened. */
const MonthlyReportPage = lazy(() =>
  import('./MonthlyReportPage').then((m) => ({ default: m.MonthlyReportPage })),
);

/** The import screens (and the grid of their preview) load only when an import is under way. */
const ImportPanel = lazy(() =>
  import('../bills/import/ImportPanel').then((m) => ({ default: m.ImportPanel })),
);

function DashboardImport() {
  const { state } = useImport();
  if (state.step === 'idle') return null;
  return (
    <Suspense fallback={null}>
      <ImportPanel />
    </Suspense>
  );
}

/**
 * The dashboard reads invoice aggregates and per-service totals only (never a charge line), so it
 * opens in well under a second with years of bills stored. Its filters live in the URL.
 */
export function DashboardPage() {
  const { route } = useRouteContext();
  if (route.path[0] === 'report')
    return (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <MonthlyReportPage month={route.path[1]} />
      </Suspense>
    );
  return <DashboardOverview path={route.path} />;
}

function DashboardOverview({ path }: { path: readonly string[] }) {
  const db = useDatabase();
  // One filter object per route, so the views and charts are not rebuilt on unrelated renders.
  const linked = useMemo(() => dashboardFilterOf(path), [path]);
  const { from, to } = linked;
  const data = useDashboardData(db, { from, to });
  // While another range's totals load, the page keeps showing the range it has (figures always
  // match the filters on screen), then moves to the new one.
  const loaded = data.status === 'ready' ? data.value.range : 'all';
  const filter = useMemo(
    () =>
      loaded === 'all' || (loaded.from === linked.from && loaded.to === linked.to)
        ? linked
        : { ...linked, from: loaded.from, to: loaded.to },
    [linked, loaded],
  );

  return (
    <>
      <PageHeader title="Dashboard">
        <a className="button-link" href="#/dashboard/report">
          Monthly report
        </a>
      </PageHeader>
      <DashboardImport />
      <div className="dashboard" data-state={data.status} aria-busy={data.status === 'loading'}>
        {data.status === 'loading' && <p role="status">Loading your spend…</p>}
        {data.status === 'error' && (
          <p role="alert">The dashboard could not be loaded: {data.error.message}</p>
        )}
        {data.status === 'ready' &&
          (data.value.invoices.length === 0 ? (
            <EmptyState
              title="Your telecom spend will appear here"
              actions={
                <>
                  <SampleCompanyButton />
                  <SetupFromFilesButton />
                </>
              }
              steps={[
                'Set up from files: your sites, inventory and contracts, so each bill’s lines meet your services (bills imported first list every line as not in the inventory until then).',
                'Open Bills and import your carriers’ bill files.',
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

function Overview({ data, filter: asLinked }: { data: DashboardData; filter: DashboardFilter }) {
  const filter = useMemo(() => knownFilter(asLinked, data), [asLinked, data]);
  const index = useMemo(() => new DimensionIndex(data), [data]);
  const billed = useMemo(() => billedMonths(data.invoices), [data]);
  const allMonths = useMemo(
    () => (billed.first && billed.latest ? monthRange(billed.first, billed.latest) : []),
    [billed],
  );
  const view = useMemo(
    () => dashboardView(data.invoices, data.serviceTotals, index, filter),
    [data, index, filter],
  );
  const changes = useMemo(
    () => monthChanges(data.invoices, data.serviceTotals, index, filter, view),
    [data, index, filter, view],
  );
  const movers = useMemo(
    () => monthMovers(data.invoices, data.serviceTotals, index, filter, view),
    [data, index, filter, view],
  );
  const findings = useMemo(
    () =>
      findingsView(
        data.findings,
        data.disputes,
        index,
        filter,
        view.months,
        invoiceMonthsOf(data.invoices),
      ),
    [data, index, filter, view.months],
  );
  const names = useMemo(() => new Map(data.carriers.map((c) => [c.id, c.name])), [data]);
  const today = todayIso(new Date());
  const toPay = useMemo(
    () => invoicesToPay(data.invoices, filter.carrierId, today),
    [data, filter.carrierId, today],
  );
  const contractSpend = data.contractSpend;
  const renewals = useMemo(
    () => deadlines(data.contracts, filter.carrierId, today, names, contractSpend),
    [data, filter.carrierId, today, names, contractSpend],
  );
  const lastMonth = view.months.at(-1);
  const narrowed = filter.carrierId !== '' || filter.siteId !== '' || filter.serviceType !== '';
  const onFilter = useCallback((patch: Partial<DashboardFilter>) => {
    window.location.hash = dashboardLinkAfter(window.location.hash, patch);
  }, []);
  return (
    <>
      <DashboardFilters
        filter={filter}
        months={allMonths}
        shown={view.months}
        carriers={data.carriers}
        sites={data.sites}
        costCenters={data.costCenters}
        onChange={onFilter}
      />
      {view.months.length === 0 ? (
        <p className="notice" role="status">
          The From month is after the To month: choose a range that runs forward.
        </p>
      ) : (
        view.invoiceCount === 0 && (
          <p className="notice" role="status">
            Nothing billed in these months matches the filters.{' '}
            <a href={dashboardLink(NO_DASHBOARD_FILTER)}>Clear filters</a>
          </p>
        )
      )}
      <SummaryTiles view={view} filter={filter} changes={changes} />
      <AttentionTiles
        toPay={toPay}
        renewals={renewals}
        filter={filter}
        findings={findings}
        months={view.months}
      />
      {lastMonth !== undefined && (
        <BudgetTiles
          through={lastMonth}
          costCenterId={filter.costCenterId}
          narrowed={narrowed}
          inventoryBilled={
            filter.costCenterId !== '' && !narrowed ? view.monthTotals.at(-1) : undefined
          }
        />
      )}
      <SpendCharts
        view={view}
        filter={filter}
        data={data}
        names={names}
        changes={changes}
        movers={movers}
      />
      <FindingsCharts findings={findings} filter={filter} months={view.months} />
      <DueLists toPay={toPay} renewals={renewals} filter={filter} names={names} />
    </>
  );
}
