import { useCallback, useMemo, type ReactNode } from 'react';
import {
  UNASSIGNED,
  type DashboardFilter,
  type DashboardView,
} from '../../../shared/billing/dashboard-view';
import { cents, formatCents } from '../../../shared/money/cents';
import { billsLink, inventoryLink } from '../../app/links';
import { MoneyBarChart } from '../../components/charts/MoneyBarChart';
import type { DashboardData } from '../../db/dashboard';
import type { MonthChanges, MonthMovers } from '../../../shared/billing/month-changes';
import { ChangeChart } from './ChangeChart';
import { MoversTable, signedCents } from './MoversTable';
import { RankedChart } from './RankedChart';
import { isServiceType } from '../../../shared/billing/dimensions';
import { costCenterLabel, shortMonth, siteLabel, spendTypeLabel } from './filter';

function go(link: string): void {
  window.location.hash = link;
}

function ratioText(ratio: number): string {
  return `${ratio >= 0 ? '+' : '−'}${Math.abs(ratio * 100).toFixed(1)} %`;
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '';
  return `${((part / whole) * 100).toFixed(1)} %`;
}

/**
 * One headline figure: its link is named for what the figure is ("Monthly average: $155,174.15"),
 * not by the number alone, since the label sits outside the link.
 */
function Tile({
  label,
  href,
  value,
  children,
}: {
  label: string;
  href: string;
  value: string;
  children?: ReactNode;
}) {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd>
        <a href={href} aria-label={`${label}: ${value}`}>
          {value}
        </a>
      </dd>
      {children}
    </div>
  );
}

/** Why the cost center's figures here are not the chargeback's (see `COST_CENTER_BASIS` in filter.ts). */
const COST_CENTER_NOTE =
  'Cost center as the inventory gives it (the service’s, else its site’s, else the account’s), ' +
  'before the chargeback’s split rules and account policies: the Chargeback and Budgets pages ' +
  'can show other figures for the same cost center and month.';

/** The range's headline figures, each a link to the invoices behind it. */
export function SummaryTiles({
  view,
  filter,
  changes,
}: {
  view: DashboardView;
  filter: DashboardFilter;
  /** The month-over-month changes (`monthChanges` of the same view): the last is the tile's. */
  changes: MonthChanges;
}) {
  const from = view.months[0] ?? '';
  const to = view.months.at(-1) ?? '';
  const last = view.monthTotals.at(-1) ?? cents(0);
  const lastChange = changes.kind === 'changes' ? changes.changes.at(-1) : undefined;
  const range = billsLink({ carrierId: filter.carrierId, from, to });
  const byCostCenter = filter.costCenterId !== '';
  return (
    <>
      <dl
        className="tiles"
        aria-label={
          byCostCenter
            ? 'Spend in the selected months, by the inventory’s cost center'
            : 'Spend in the selected months'
        }
      >
        <Tile
          label={`Billed, ${shortMonth(from)} – ${shortMonth(to)}`}
          href={range}
          value={formatCents(view.total)}
        />
        <Tile
          label={`Billed in ${shortMonth(to)}`}
          href={billsLink({ carrierId: filter.carrierId, from: to, to })}
          value={formatCents(last)}
        >
          {lastChange !== undefined && (
            <dd className="tile__meta">
              {signedCents(lastChange.change)} vs {shortMonth(lastChange.before)}
              {lastChange.previous !== 0 &&
                ` (${ratioText(lastChange.change / Math.abs(lastChange.previous))})`}
            </dd>
          )}
        </Tile>
        <Tile
          label="Monthly average"
          href={range}
          value={formatCents(cents(Math.round(view.total / Math.max(1, view.months.length))))}
        />
        <Tile label="Invoices" href={range} value={view.invoiceCount.toLocaleString('en-US')} />
        <Tile
          label="Sites with spend"
          href={inventoryLink({ carrierId: filter.carrierId })}
          value={view.bySiteCount.toLocaleString('en-US')}
        />
      </dl>
      {byCostCenter && <p className="tile__meta tiles__note">{COST_CENTER_NOTE}</p>}
    </>
  );
}

/** Where the money goes: by carrier and month, category, site, cost center, and what moved. */
export function SpendCharts({
  view,
  filter,
  data,
  names,
  changes,
  movers,
}: {
  view: DashboardView;
  filter: DashboardFilter;
  data: DashboardData;
  names: ReadonlyMap<string, string>;
  /** The month-over-month changes (`monthChanges` of the same view). */
  changes: MonthChanges;
  /** The biggest movers and the months they compare (`monthMovers` of the same view). */
  movers: MonthMovers;
}) {
  const to = view.months.at(-1) ?? '';
  const monthLabels = useMemo(() => view.months.map(shortMonth), [view.months]);
  const carrierSeries = useMemo(
    () =>
      view.byCarrier.map((s) => ({
        label: names.get(s.carrierId) ?? s.carrierId,
        values: s.values,
      })),
    [view, names],
  );
  const onCarrierMonth = useCallback(
    (seriesIndex: number, monthIndex: number) => {
      const carrier = view.byCarrier[seriesIndex];
      const month = view.months[monthIndex];
      if (carrier && month) go(billsLink({ carrierId: carrier.carrierId, from: month, to: month }));
    },
    [view],
  );

  const sitesById = useMemo(() => new Map(data.sites.map((s) => [s.id, s])), [data]);
  const costCentersById = useMemo(() => new Map(data.costCenters.map((c) => [c.id, c])), [data]);
  const inventoryType = isServiceType(filter.serviceType) ? filter.serviceType : undefined;
  const siteLabelOf = useCallback((id: string) => siteLabel(sitesById.get(id), id), [sitesById]);
  const costCenterLabelOf = useCallback(
    (id: string) => costCenterLabel(costCentersById.get(id), id),
    [costCentersById],
  );
  const siteLinkOf = useCallback(
    (id: string) =>
      id === UNASSIGNED
        ? undefined
        : inventoryLink({ siteId: id, carrierId: filter.carrierId, serviceType: inventoryType }),
    [filter.carrierId, inventoryType],
  );
  const costCenterLinkOf = useCallback(
    (id: string) =>
      id === UNASSIGNED
        ? undefined
        : inventoryLink({
            costCenterId: id,
            carrierId: filter.carrierId,
            serviceType: inventoryType,
          }),
    [filter.carrierId, inventoryType],
  );

  const groupTotal = view.byGroup.reduce((sum, g) => sum + g.total, 0);
  const previousMonth = movers.before;

  return (
    <>
      <div className="dashboard-grid">
        <MoneyBarChart
          title={`Billed by month and carrier — click a bar for its invoices`}
          labels={monthLabels}
          series={carrierSeries}
          onSelect={onCarrierMonth}
        />
        <div className="dashboard-stack">
          <table className="data-table">
            {/* No link per category: Bills lists invoices, not charge lines by category, so a
                link would open every invoice and show a different total than the row's. */}
            <caption>Billed by category</caption>
            <tbody>
              {view.byGroup.map((group) => (
                <tr key={group.label}>
                  <th scope="row">{group.label}</th>
                  <td className="numeric">{formatCents(group.total)}</td>
                  <td className="numeric">{percent(group.total, groupTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table">
            <caption>Billed by service type</caption>
            <tbody>
              {view.byType.map((type) => (
                <tr key={type.id}>
                  <th scope="row">
                    {isServiceType(type.id) ? (
                      <a
                        href={inventoryLink({
                          serviceType: type.id,
                          carrierId: filter.carrierId,
                          siteId: filter.siteId === UNASSIGNED ? undefined : filter.siteId,
                        })}
                      >
                        {spendTypeLabel(type.id)}
                      </a>
                    ) : (
                      spendTypeLabel(type.id)
                    )}
                  </th>
                  <td className="numeric">{formatCents(type.total)}</td>
                  <td className="numeric">{percent(type.total, view.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="dashboard-grid dashboard-grid--halves">
        <RankedChart
          title={`Billed by site, top ${view.bySite.length} (${view.bySiteCount.toLocaleString('en-US')} ${view.bySiteCount === 1 ? 'site' : 'sites'} with spend) — click for the site’s services`}
          items={view.bySite}
          labelOf={siteLabelOf}
          linkOf={siteLinkOf}
        />
        <RankedChart
          title={`Billed by cost center (the inventory’s, before split rules), top ${view.byCostCenter.length} — click for its services`}
          items={view.byCostCenter}
          labelOf={costCenterLabelOf}
          linkOf={costCenterLinkOf}
        />
      </div>
      <div className="dashboard-grid dashboard-grid--halves">
        <ChangeChart changes={changes} carrierId={filter.carrierId} />
        <MoversTable
          movers={movers.movers}
          names={names}
          caption={
            previousMonth
              ? `Biggest movers, ${shortMonth(previousMonth)} → ${shortMonth(to)}`
              : 'Biggest movers'
          }
          emptyText={
            movers.compared
              ? undefined
              : previousMonth
                ? `No bills before ${shortMonth(to)} in TEM Desk to compare it with.`
                : 'No bills to compare.'
          }
          previousLabel={shortMonth(previousMonth)}
          currentLabel={shortMonth(to)}
          linkFor={(mover) => billsLink({ carrierId: mover.carrierId, from: previousMonth, to })}
        />
      </div>
    </>
  );
}
