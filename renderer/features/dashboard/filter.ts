import {
  NO_DASHBOARD_FILTER,
  UNASSIGNED,
  type DashboardFilter,
} from '../../../shared/billing/dashboard-view';
import {
  ACCOUNT_LEVEL,
  isServiceType,
  NOT_IN_INVENTORY,
  type SpendType,
} from '../../../shared/billing/dimensions';
import { isIsoMonth, type IsoMonth } from '../../../shared/dates';
import { SERVICE_TYPE_LABELS } from '../../../shared/inventory/rows';
import { WHERE, whereOf } from '../../app/links';
import { hrefFor, routeFromHash } from '../../app/sections';

const FIELDS = [
  ['from', 'from'],
  ['to', 'to'],
  ['carrier', 'carrierId'],
  ['site', 'siteId'],
  ['costCenter', 'costCenterId'],
  ['type', 'serviceType'],
] as const satisfies readonly (readonly [string, keyof DashboardFilter])[];

/** `#/dashboard/where/from=…&to=…&carrier=…&site=…&costCenter=…&type=…`; no filter: `#/dashboard`. */
export function dashboardLink(filter: DashboardFilter): string {
  const params = new URLSearchParams();
  for (const [key, field] of FIELDS) if (filter[field]) params.set(key, filter[field]);
  const text = params.toString();
  return text ? hrefFor('dashboard', WHERE, text) : hrefFor('dashboard');
}

/** The dashboard filter of a route's path; malformed months are ignored. */
export function dashboardFilterOf(path: readonly string[]): DashboardFilter {
  const params = whereOf(path);
  if (!params) return NO_DASHBOARD_FILTER;
  const month = (key: string): IsoMonth | '' => {
    const value = params.get(key) ?? '';
    return isIsoMonth(value) ? value : '';
  };
  const text = (key: string) => params.get(key)?.trim() ?? '';
  return {
    from: month('from'),
    to: month('to'),
    carrierId: text('carrier'),
    siteId: text('site'),
    costCenterId: text('costCenter'),
    serviceType: text('type'),
  };
}

/**
 * Where a change of the filters goes: `patch` applied to the filter the address holds now, not to
 * the one last drawn. A second change made before the first is drawn (the new range's data still
 * loading) keeps the first: From then To chosen quickly used to lose the From.
 */
export function dashboardLinkAfter(hash: string, patch: Partial<DashboardFilter>): string {
  const route = routeFromHash(hash);
  const current =
    route.section === 'dashboard' ? dashboardFilterOf(route.path) : NO_DASHBOARD_FILTER;
  return dashboardLink({ ...current, ...patch });
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
/** Labels already made: the filters and charts ask for the same few dozen months many times. */
const monthLabels = new Map<string, string>();

/**
 * A span of months in one form: `Jan – Nov 2026` within a year, `Dec 2025 – Nov 2026` across
 * years, `Nov 2026` for one month (the dashboard's budget tile writes its period the same way).
 */
export function monthSpan(from: string, through: string): string {
  if (from === through) return shortMonth(through);
  const [fromYear = ''] = from.split('-');
  const [throughYear = ''] = through.split('-');
  const start = shortMonth(from);
  return `${fromYear === throughYear ? start.replace(` ${fromYear}`, '') : start} – ${shortMonth(through)}`;
}

/** `2026-10` → `Oct 2026`. */
export function shortMonth(month: string): string {
  let label = monthLabels.get(month);
  if (label === undefined) {
    const date = new Date(`${month}-15T00:00:00Z`);
    label = Number.isNaN(date.getTime()) ? month : MONTH_FORMAT.format(date);
    monthLabels.set(month, label);
  }
  return label;
}

/** Label of a service type, or of the two kinds of charge without one. */
export function spendTypeLabel(type: SpendType | string): string {
  if (type === ACCOUNT_LEVEL) return 'Account-level charges';
  if (type === NOT_IN_INVENTORY) return 'Not in inventory';
  return isServiceType(type) ? SERVICE_TYPE_LABELS[type] : type;
}

export function siteLabel(site: { code: string; name: string } | undefined, id: string): string {
  if (id === UNASSIGNED) return 'No site';
  return site ? `${site.code} — ${site.name}` : id;
}

/**
 * What the dashboard's cost center is: the inventory's (shared/billing/dimensions.ts), not the
 * chargeback's allocation, whose split rules and service-period proration need every charge line
 * (the dashboard reads stored per-service totals only, to open fast with a million lines).
 */
export const COST_CENTER_BASIS = 'The inventory’s, before split rules';

export function costCenterLabel(
  costCenter: { code: string; name: string } | undefined,
  id: string,
): string {
  if (id === UNASSIGNED) return 'No cost center';
  return costCenter ? `${costCenter.name} (${costCenter.code})` : id;
}
