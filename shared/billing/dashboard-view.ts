/**
 * Everything the dashboard shows, computed in one pass over the invoices' per-service totals (a few
 * thousand entries per invoice, never the charge lines), with the user's filters applied: months,
 * carrier, site, cost center, service type.
 */
import { addMonthsToMonth, isIsoMonth, monthRange, type IsoMonth } from '../dates';
import { CHARGE_CATEGORIES, type Invoice } from '../model';
import { cents, type Cents } from '../money/cents';
import type { ServiceTotals } from '../storage/service-totals';
import { CATEGORY_GROUPS } from './dashboard';
import { accountKey, accountMovers, type Mover } from './report';
import { isSpendType, type DimensionIndex, type Dimensions, type SpendType } from './dimensions';

/** The dashboard's filters; `''` means "all". */
export interface DashboardFilter {
  from: IsoMonth | '';
  to: IsoMonth | '';
  carrierId: string;
  siteId: string;
  costCenterId: string;
  serviceType: string;
}

export const NO_DASHBOARD_FILTER: DashboardFilter = {
  from: '',
  to: '',
  carrierId: '',
  siteId: '',
  costCenterId: '',
  serviceType: '',
};

/** Filter value that selects amounts with no site (or no cost center). */
export const UNASSIGNED = '-';

/** The filter with ids the workspace does not know (an old bookmark) dropped, so it shows. */
export function knownFilter(
  filter: DashboardFilter,
  workspace: {
    carriers: readonly { id: string }[];
    sites: readonly { id: string }[];
    costCenters: readonly { id: string }[];
  },
): DashboardFilter {
  const known = (id: string, items: readonly { id: string }[], unassigned: boolean) =>
    id === '' || (unassigned && id === UNASSIGNED) || items.some((item) => item.id === id)
      ? id
      : '';
  return {
    ...filter,
    carrierId: known(filter.carrierId, workspace.carriers, false),
    siteId: known(filter.siteId, workspace.sites, true),
    costCenterId: known(filter.costCenterId, workspace.costCenters, true),
    serviceType: isSpendType(filter.serviceType) ? filter.serviceType : '',
  };
}

/**
 * The months a filter covers: its own range, or the last 12 months with bills (not reaching back
 * before the first bill, so three months of history are three months, not nine empty ones).
 */
export function monthsOf(
  filter: DashboardFilter,
  billed: { first: IsoMonth | ''; latest: IsoMonth | '' },
): IsoMonth[] {
  const to = filter.to || billed.latest;
  if (!isIsoMonth(to)) return [];
  let from = filter.from || addMonthsToMonth(to, -11);
  if (!filter.from && billed.first && billed.first > from && billed.first <= to)
    from = billed.first;
  if (from > to) return [];
  return monthRange(from, to);
}

/** First and latest invoice months, or `''` without invoices. */
export function billedMonths(invoices: readonly Pick<Invoice, 'invoiceDate'>[]): {
  first: IsoMonth | '';
  latest: IsoMonth | '';
} {
  let first = '';
  let latest = '';
  for (const invoice of invoices) {
    const month = invoice.invoiceDate.slice(0, 7);
    if (month > latest) latest = month;
    if (first === '' || month < first) first = month;
  }
  return {
    first: isIsoMonth(first) ? first : '',
    latest: isIsoMonth(latest) ? latest : '',
  };
}

/** Latest invoice month, or `''` without invoices. */
export function latestInvoiceMonth(
  invoices: readonly Pick<Invoice, 'invoiceDate'>[],
): IsoMonth | '' {
  return billedMonths(invoices).latest;
}

export interface Ranked {
  id: string;
  total: Cents;
}

export interface DashboardView {
  months: IsoMonth[];
  /** Billed per carrier per month (cents), largest total first. */
  byCarrier: { carrierId: string; values: Cents[]; total: Cents }[];
  /** Billed per month, all carriers (cents). */
  monthTotals: Cents[];
  /** Billed per spend group (same order as `CATEGORY_GROUPS`). */
  byGroup: { label: string; total: Cents }[];
  /** All sites with spend, largest first (`UNASSIGNED` for amounts with no site). */
  bySite: Ranked[];
  /** How many sites (not counting amounts with no site) had spend. */
  bySiteCount: number;
  byCostCenter: Ranked[];
  byType: { id: SpendType; total: Cents }[];
  /**
   * Accounts that moved most between the last two months of the range, largest change first;
   * none when the month before the last is not billed at all (see `moversCompared`).
   */
  movers: Mover[];
  /**
   * Whether the last month is compared with one billed before it: false for a range of one
   * month, or one whose month before the last precedes the first bill (every account would
   * otherwise "move" from nothing).
   */
  moversCompared: boolean;
  total: Cents;
  invoiceCount: number;
}

/** An invoice with no stored totals counts as account-level spend, per category. */
function fallbackTotals(invoice: Invoice): ServiceTotals {
  const categories: number[] = [];
  const amounts: number[] = [];
  CHARGE_CATEGORIES.forEach((category, i) => {
    const amount = invoice.categoryTotals[category];
    if (amount) {
      categories.push(i);
      amounts.push(amount);
    }
  });
  return {
    invoiceId: invoice.id,
    keys: categories.map(() => ''),
    categories: Uint8Array.from(categories),
    amounts: Float64Array.from(amounts),
  };
}

/** Whether an amount with these dimensions passes the filter's site, cost center and type. */
export function matchesDimensions(filter: DashboardFilter, d: Dimensions): boolean {
  const site = d.siteId || UNASSIGNED;
  const costCenter = d.costCenterId || UNASSIGNED;
  return (
    (filter.siteId === '' || filter.siteId === site) &&
    (filter.costCenterId === '' || filter.costCenterId === costCenter) &&
    (filter.serviceType === '' || filter.serviceType === d.type)
  );
}

/** True when the filter narrows below whole invoices (by site, cost center or type). */
export function filtersBelowInvoice(filter: DashboardFilter): boolean {
  return filter.siteId !== '' || filter.costCenterId !== '' || filter.serviceType !== '';
}

function ranked<K extends string>(map: Map<K, number>): { id: K; total: Cents }[] {
  return [...map.entries()]
    .map(([id, total]) => ({ id, total: cents(total) }))
    .filter((r) => r.total !== 0)
    .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
}

const groupOfCategory: number[] = CHARGE_CATEGORIES.map((category) =>
  CATEGORY_GROUPS.findIndex((group) => group.categories.includes(category)),
);

/**
 * One account's service keys in the order its last invoice listed them, with where each belongs.
 * An account's bills list mostly the same services in the same order month after month, so the
 * next invoice's keys are checked against this list in step (a comparison of two strings) before
 * any map lookup: keys fresh from the database are new strings, and a map hashes each one first.
 */
interface KeyRuns {
  keys: string[];
  dimensions: Dimensions[];
}

export function dashboardView(
  invoices: readonly Invoice[],
  serviceTotals: ReadonlyMap<string, ServiceTotals>,
  index: DimensionIndex,
  filter: DashboardFilter,
  moverCount = 8,
): DashboardView {
  const billed = billedMonths(invoices);
  const months = monthsOf(filter, billed);
  const monthIndex = new Map<string, number>(months.map((m, i) => [m, i]));
  const byCarrier = new Map<string, number[]>();
  const sites = new Map<string, number>();
  const costCenters = new Map<string, number>();
  const types = new Map<SpendType, number>();
  const current = new Map<string, number>();
  const previous = new Map<string, number>();
  const last = months.length - 1;
  let invoiceCount = 0;
  const narrowed = filtersBelowInvoice(filter);
  // Sums are of integer cents, exact in any order: per category and per distinct (site, cost
  // center, type) first, rolled up into groups, sites, cost centers and types once at the end.
  const byCategory = new Float64Array(CHARGE_CATEGORIES.length);
  const byDimensions: number[] = [];
  // Whether the filter passes each distinct dimensions (by ordinal): 1 yes, 2 no, else not known.
  const passes: number[] = [];
  const lastRuns = new Map<string, KeyRuns>();

  for (const invoice of invoices) {
    const at = monthIndex.get(invoice.invoiceDate.slice(0, 7));
    if (at === undefined) continue;
    if (filter.carrierId !== '' && invoice.carrierId !== filter.carrierId) continue;
    let counted = false;
    const totals = serviceTotals.get(invoice.id) ?? fallbackTotals(invoice);
    const resolve = index.forAccount(invoice.carrierId, invoice.accountNumber);
    let values = byCarrier.get(invoice.carrierId);
    const account = accountKey(invoice.carrierId, invoice.accountNumber);
    const moverTotals = at === last ? current : at === last - 1 ? previous : undefined;
    const { keys, amounts, categories } = totals;
    const before = lastRuns.get(account);
    const runs: KeyRuns = { keys: [], dimensions: [] };
    let step = 0;
    let billed = 0;
    // A service's categories sit side by side: its key is resolved once per run, not per category.
    let i = 0;
    while (i < keys.length) {
      const key = keys[i] ?? '';
      let d: Dimensions | undefined;
      if (before !== undefined) {
        // In step with the account's last invoice, or one service (dropped since) further on.
        if (before.keys[step] === key) d = before.dimensions[step++];
        else if (before.keys[step + 1] === key) {
          d = before.dimensions[step + 1];
          step += 2;
        }
      }
      d ??= resolve(key);
      runs.keys.push(key);
      runs.dimensions.push(d);
      let pass = true;
      if (narrowed) {
        let known = passes[d.ordinal];
        if (known === undefined) {
          known = matchesDimensions(filter, d) ? 1 : 2;
          passes[d.ordinal] = known;
        }
        pass = known === 1;
      }
      if (!pass) {
        do i++;
        while (i < keys.length && keys[i] === key);
        continue;
      }
      counted = true;
      let sum = 0;
      do {
        const amount = amounts[i] ?? 0;
        sum += amount;
        const category = categories[i] ?? 0;
        byCategory[category] = (byCategory[category] ?? 0) + amount;
        i++;
      } while (i < keys.length && keys[i] === key);
      billed += sum;
      byDimensions[d.ordinal] = (byDimensions[d.ordinal] ?? 0) + sum;
    }
    lastRuns.set(account, runs);
    if (counted) {
      if (!values) {
        values = months.map(() => 0);
        byCarrier.set(invoice.carrierId, values);
      }
      values[at] = (values[at] ?? 0) + billed;
      if (moverTotals && last >= 1)
        moverTotals.set(account, (moverTotals.get(account) ?? 0) + billed);
    }
    if (counted || !narrowed) invoiceCount++;
  }

  const groups = CATEGORY_GROUPS.map(() => 0);
  byCategory.forEach((amount, category) => {
    const group = groupOfCategory[category] ?? -1;
    if (group >= 0) groups[group] = (groups[group] ?? 0) + amount;
  });
  byDimensions.forEach((amount, ordinal) => {
    const d = index.distinct[ordinal];
    if (!d) return;
    const site = d.siteId || UNASSIGNED;
    const costCenter = d.costCenterId || UNASSIGNED;
    sites.set(site, (sites.get(site) ?? 0) + amount);
    costCenters.set(costCenter, (costCenters.get(costCenter) ?? 0) + amount);
    types.set(d.type, (types.get(d.type) ?? 0) + amount);
  });
  const carrierSeries = [...byCarrier.entries()]
    .map(([carrierId, values]) => ({
      carrierId,
      values: values.map((v) => cents(v)),
      total: cents(values.reduce((a, b) => a + b, 0)),
    }))
    .sort((a, b) => b.total - a.total || a.carrierId.localeCompare(b.carrierId));
  const monthTotals = months.map((_, i) =>
    cents(carrierSeries.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)),
  );
  const before = months[last - 1];
  const moversCompared = before !== undefined && billed.first !== '' && before >= billed.first;
  const movers = moversCompared ? accountMovers(current, previous, moverCount) : [];
  const bySite = ranked(sites);
  return {
    months,
    byCarrier: carrierSeries,
    monthTotals,
    byGroup: CATEGORY_GROUPS.map((group, i) => ({
      label: group.label,
      total: cents(groups[i] ?? 0),
    })),
    bySite: bySite.slice(0, 10),
    bySiteCount: bySite.filter((site) => site.id !== UNASSIGNED).length,
    byCostCenter: ranked(costCenters).slice(0, 10),
    byType: ranked(types),
    movers,
    moversCompared,
    total: cents(monthTotals.reduce((a, b) => a + b, 0)),
    invoiceCount,
  };
}
