/**
 * The dashboard's month-over-month change: each month of the range against the month before it,
 * with the dashboard's filters. A range of one month is compared with the month before the range
 * (what a manager means by "change"), when that month has bills; see `monthBeforeOneMonth`.
 */
import { addMonthsToMonth, type IsoMonth } from '../dates';
import type { Invoice } from '../model';
import { cents, type Cents } from '../money/cents';
import type { ServiceTotals } from '../storage/service-totals';
import { dashboardView, type DashboardFilter, type DashboardView } from './dashboard-view';
import type { DimensionIndex } from './dimensions';
import type { Mover } from './report';

/** One month's change from the month before it. */
export interface MonthChange {
  month: IsoMonth;
  /** The month it is compared with (the one before). */
  before: IsoMonth;
  /** Billed in `month` with the filters (cents). */
  current: Cents;
  /** Billed in `before` with the filters (cents). */
  previous: Cents;
  /** current − previous (cents). */
  change: Cents;
}

/**
 * What the change chart shows: the changes, oldest first; or why there is none — a range of one
 * month whose month before has no bills (`no-month-before`), or no bill in the months compared
 * matching the filters (`nothing-billed`), rather than a chart of zeros or of no months.
 */
export type MonthChanges =
  | { kind: 'changes'; changes: MonthChange[] }
  | { kind: 'no-month-before'; month: IsoMonth; before: IsoMonth }
  | { kind: 'nothing-billed' };

/**
 * The month a range of one month is compared with (the one before it), else undefined: the
 * dashboard reads its per-service totals with the range's.
 */
export function monthBeforeOneMonth(months: readonly IsoMonth[]): IsoMonth | undefined {
  const only = months[0];
  return months.length === 1 && only !== undefined ? addMonthsToMonth(only, -1) : undefined;
}

/**
 * The range's month-over-month changes, from its view (`dashboardView` with the same filter). The
 * month before a one-month range is totalled by `dashboardView` too, so its figure is exactly what
 * the dashboard's tiles show for that month.
 */
export function monthChanges(
  invoices: readonly Invoice[],
  serviceTotals: ReadonlyMap<string, ServiceTotals>,
  index: DimensionIndex,
  filter: DashboardFilter,
  view: DashboardView,
): MonthChanges {
  const before = monthBeforeOneMonth(view.months);
  const month = view.months[0];
  if (before !== undefined && month !== undefined) {
    // "Has bills" as the monthly report means it: any invoice dated that month.
    if (!invoices.some((invoice) => invoice.invoiceDate.startsWith(before)))
      return { kind: 'no-month-before', month, before };
    const earlier = dashboardView(invoices, serviceTotals, index, {
      ...filter,
      from: before,
      to: before,
    });
    if (view.invoiceCount === 0 && earlier.invoiceCount === 0) return { kind: 'nothing-billed' };
    const current = view.monthTotals[0] ?? cents(0);
    const previous = earlier.monthTotals[0] ?? cents(0);
    return {
      kind: 'changes',
      changes: [{ month, before, current, previous, change: cents(current - previous) }],
    };
  }
  if (view.invoiceCount === 0 || view.months.length < 2) return { kind: 'nothing-billed' };
  return {
    kind: 'changes',
    changes: view.months.slice(1).map((month, i) => {
      const current = view.monthTotals[i + 1] ?? cents(0);
      const previous = view.monthTotals[i] ?? cents(0);
      return {
        month,
        before: view.months[i] ?? month,
        current,
        previous,
        change: cents(current - previous),
      };
    }),
  };
}

/** The accounts that moved most, and the two months compared (`before` '' when none is). */
export interface MonthMovers {
  movers: Mover[];
  /** Whether the month before was billed at all (else no account "moved"). */
  compared: boolean;
  before: IsoMonth | '';
  month: IsoMonth | '';
}

/**
 * The biggest movers the dashboard shows: between the range's last two months, or, for a range of
 * one month, between it and the month before (as the change chart compares them), read from a
 * view of those two months with the same filters.
 */
export function monthMovers(
  invoices: readonly Invoice[],
  serviceTotals: ReadonlyMap<string, ServiceTotals>,
  index: DimensionIndex,
  filter: DashboardFilter,
  view: DashboardView,
): MonthMovers {
  const month = view.months.at(-1) ?? '';
  const before = monthBeforeOneMonth(view.months);
  if (before === undefined || month === '')
    return {
      movers: view.movers,
      compared: view.moversCompared,
      before: view.months.at(-2) ?? '',
      month,
    };
  const both = dashboardView(invoices, serviceTotals, index, {
    ...filter,
    from: before,
    to: month,
  });
  return { movers: both.movers, compared: both.moversCompared, before, month };
}
