/**
 * The dashboard's summing as it was before issue 20 round 2 (one resolver lookup per key run, maps
 * of strings), kept verbatim as the reference the faster `dashboardView` is compared against.
 */
import { CHARGE_CATEGORIES, type Invoice } from '../../shared/model';
import { cents, type Cents } from '../../shared/money/cents';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import { CATEGORY_GROUPS } from '../../shared/billing/dashboard';
import { accountKey, accountMovers } from '../../shared/billing/report';
import type { DimensionIndex, Dimensions, SpendType } from '../../shared/billing/dimensions';
import {
  billedMonths,
  filtersBelowInvoice,
  matchesDimensions,
  monthsOf,
  UNASSIGNED,
  type DashboardFilter,
  type DashboardView,
} from '../../shared/billing/dashboard-view';

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

function ranked<K extends string>(map: Map<K, number>): { id: K; total: Cents }[] {
  return [...map.entries()]
    .map(([id, total]) => ({ id, total: cents(total) }))
    .filter((r) => r.total !== 0)
    .sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
}

const groupOfCategory: number[] = CHARGE_CATEGORIES.map((category) =>
  CATEGORY_GROUPS.findIndex((group) => group.categories.includes(category)),
);

export function referenceDashboardView(
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
  const groups = CATEGORY_GROUPS.map(() => 0);
  const sites = new Map<string, number>();
  const costCenters = new Map<string, number>();
  const types = new Map<SpendType, number>();
  const current = new Map<string, number>();
  const previous = new Map<string, number>();
  const last = months.length - 1;
  let invoiceCount = 0;
  const narrowed = filtersBelowInvoice(filter);
  // Summed per distinct (site, cost center, type) first: one array add per entry, not three maps.
  const byDimensions: number[] = [];

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
    // A service's categories sit side by side: its key is resolved once, not once per category.
    let lastKey: string | undefined;
    let d: Dimensions | undefined;
    let billed = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? '';
      if (key !== lastKey || d === undefined) {
        d = resolve(key);
        lastKey = key;
      }
      if (narrowed && !matchesDimensions(filter, d)) continue;
      const amount = amounts[i] ?? 0;
      counted = true;
      billed += amount;
      const group = groupOfCategory[categories[i] ?? 0] ?? -1;
      if (group >= 0) groups[group] = (groups[group] ?? 0) + amount;
      byDimensions[d.ordinal] = (byDimensions[d.ordinal] ?? 0) + amount;
    }
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
  // Since: no movers when the month before the last is not billed at all.
  const before = months[months.length - 2];
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
