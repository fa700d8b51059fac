import { addMonthsToMonth, isIsoMonth, monthRange, type IsoMonth } from '../dates';
import type { ChargeCategory, Invoice } from '../model';
import { cents, type Cents } from '../money/cents';

/** The spend groups finance talks about, and the charge categories in each. */
export const CATEGORY_GROUPS: readonly { label: string; categories: readonly ChargeCategory[] }[] =
  [
    { label: 'Recurring', categories: ['recurring'] },
    { label: 'Usage', categories: ['usage'] },
    { label: 'One-time and equipment', categories: ['one-time', 'equipment'] },
    { label: 'Taxes and surcharges', categories: ['tax', 'surcharge'] },
    { label: 'Fees and third-party', categories: ['late-fee', 'third-party'] },
    { label: 'Credits and adjustments', categories: ['credit', 'adjustment'] },
  ];

export interface MonthlySpend {
  months: IsoMonth[];
  /** One series per carrier, a value per month (cents), largest total first. */
  series: { carrierId: string; carrier: string; values: Cents[]; total: Cents }[];
  /** Per month, the sum of every series (cents). */
  totals: Cents[];
}

/** The last `count` months that have bills, ending with the latest invoice month. */
export function lastMonths(invoices: readonly Invoice[], count: number): IsoMonth[] {
  const latest = invoices.reduce(
    (max, i) => (i.invoiceDate.slice(0, 7) > max ? i.invoiceDate.slice(0, 7) : max),
    '',
  );
  if (!isIsoMonth(latest)) return [];
  return monthRange(addMonthsToMonth(latest, 1 - count), latest);
}

/** Billed (sum of lines) by invoice month and carrier — from invoice aggregates only. */
export function monthlySpendByCarrier(
  invoices: readonly Invoice[],
  carrierNames: ReadonlyMap<string, string>,
  months: readonly IsoMonth[],
): MonthlySpend {
  const index = new Map<string, number>(months.map((m, i) => [m, i]));
  const byCarrier = new Map<string, number[]>();
  for (const invoice of invoices) {
    const at = index.get(invoice.invoiceDate.slice(0, 7));
    if (at === undefined) continue;
    const values = byCarrier.get(invoice.carrierId) ?? months.map(() => 0);
    values[at] = (values[at] ?? 0) + invoice.linesTotal;
    byCarrier.set(invoice.carrierId, values);
  }
  const series = [...byCarrier.entries()]
    .map(([carrierId, values]) => ({
      carrierId,
      carrier: carrierNames.get(carrierId) ?? carrierId,
      values: values.map((v) => cents(v)),
      total: cents(values.reduce((a, b) => a + b, 0)),
    }))
    .sort((a, b) => b.total - a.total);
  const totals = months.map((_, i) =>
    cents(series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)),
  );
  return { months: [...months], series, totals };
}

/** Billed by spend group over the months, from each invoice's category totals. */
export function spendByCategoryGroup(
  invoices: readonly Invoice[],
  months: readonly IsoMonth[],
): { label: string; total: Cents }[] {
  const wanted = new Set<string>(months);
  const sums = CATEGORY_GROUPS.map(() => 0);
  for (const invoice of invoices) {
    if (!wanted.has(invoice.invoiceDate.slice(0, 7))) continue;
    CATEGORY_GROUPS.forEach((group, i) => {
      for (const category of group.categories)
        sums[i] = (sums[i] ?? 0) + (invoice.categoryTotals[category] ?? 0);
    });
  }
  return CATEGORY_GROUPS.map((group, i) => ({ label: group.label, total: cents(sums[i] ?? 0) }));
}
