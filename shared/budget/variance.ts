/**
 * Actual against budget, by month and year to date, per cost center (and carrier) and in total.
 *
 * Actuals are the chargeback's own allocation (`allocateMonth`, before mark-up), read from its
 * results — never recomputed — so a cost center's actual here is exactly its chargeback total:
 * - a cost center row's actual is its `byCostCenter` total (every carrier);
 * - a carrier row's actual (a budget split by carrier) is the sum of the allocated rows of that
 *   cost center and carrier;
 * - the total row's actual is the month's `totals.allocated` (unallocated charges are in no
 *   cost center and are reported apart, as on the chargeback page).
 * Variance = actual − budget (positive = over budget); variance % is of the budget, in basis
 * points, null when there is no budget.
 */
import type { AllocationResult } from '../allocation/types';
import type { IsoMonth } from '../dates/iso-date';
import type { BudgetLine } from '../model';
import { cents, sumCents, ZERO_CENTS, type Cents } from '../money/cents';

/** What the chargeback allocated in one month, keyed for budget comparison. */
export interface MonthActuals {
  month: IsoMonth;
  /** Cost center id → allocated total (all carriers). */
  byCostCenter: Map<string, Cents>;
  /** `costCenterId|carrierId` → allocated total. */
  byCostCenterCarrier: Map<string, Cents>;
  allocated: Cents;
  unallocated: Cents;
}

/** The actuals of one month, read from the chargeback's allocation result. */
export function actualsOf(result: AllocationResult): MonthActuals {
  const byCostCenter = new Map<string, Cents>();
  for (const total of result.byCostCenter) {
    if (total.costCenterId !== null) byCostCenter.set(total.costCenterId, total.total);
  }
  const byCostCenterCarrier = new Map<string, Cents>();
  for (const row of result.rows) {
    const key = `${row.costCenterId}|${row.carrierId}`;
    byCostCenterCarrier.set(key, cents((byCostCenterCarrier.get(key) ?? 0) + row.amount));
  }
  return {
    month: result.month,
    byCostCenter,
    byCostCenterCarrier,
    allocated: result.totals.allocated,
    unallocated: result.totals.unallocated,
  };
}

/** One month of a variance row. */
export interface VarianceMonth {
  month: IsoMonth;
  budget: Cents;
  /**
   * Null for months not compared (before the year's first month with bills, after `through`); a
   * month between those with no bills is closed with an actual of zero.
   */
  actual: Cents | null;
}

/** A cost center (carrier `''`), a cost center × carrier, or the total (`costCenterId` null). */
export interface VarianceRow {
  costCenterId: string | null;
  carrierId: string;
  months: VarianceMonth[];
  /** Year to date: the year's first month with bills to `through`; one in between with none is $0. */
  ytdBudget: Cents;
  ytdActual: Cents;
  /** `ytdActual − ytdBudget`: positive is over budget. */
  ytdVariance: Cents;
  /** Of the budget, in basis points (1,000 = 10.00%); null when the budget is zero. */
  ytdVarianceBasisPoints: number | null;
  /** The whole year's budget. */
  yearBudget: Cents;
}

/** The budget report of a year. */
export interface BudgetVariance {
  months: IsoMonth[];
  /** Last month with actuals (year to date ends here); null when none has closed. */
  through: IsoMonth | null;
  /** Per cost center (by the order given), each followed by its carrier rows. */
  rows: VarianceRow[];
  total: VarianceRow;
  /** Year to date, charges the chargeback could not allocate (in no cost center). */
  ytdUnallocated: Cents;
}

/** `1,234` basis points → `+12.34%`; null → `''`. */
export function basisPointsText(basisPoints: number | null): string {
  if (basisPoints === null) return '';
  const sign = basisPoints > 0 ? '+' : basisPoints < 0 ? '−' : '';
  const abs = Math.abs(basisPoints);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** Variance in basis points of the budget, rounded half away from zero; null without budget. */
export function varianceBasisPoints(variance: Cents, budget: Cents): number | null {
  if (budget === 0) return null;
  const scaled = (Math.abs(variance) * 10_000) / Math.abs(budget);
  return Math.sign(variance) * Math.sign(budget) * Math.round(scaled);
}

function row(
  costCenterId: string | null,
  carrierId: string,
  months: readonly IsoMonth[],
  budgetOf: (month: IsoMonth) => Cents,
  actualOf: (actuals: MonthActuals) => Cents,
  actualsByMonth: ReadonlyMap<IsoMonth, MonthActuals>,
  billed: { from: IsoMonth; through: IsoMonth } | null,
): VarianceRow {
  const cells = months.map((month) => {
    const actuals = actualsByMonth.get(month);
    // A month with no bills between two with bills spent nothing: $0, not left out. Months before
    // the year's first bills are not compared (no bills were kept for them).
    const closed = billed !== null && month >= billed.from && month <= billed.through;
    return {
      month,
      budget: budgetOf(month),
      actual: actuals !== undefined ? actualOf(actuals) : closed ? ZERO_CENTS : null,
    };
  });
  const closed = cells.filter((cell) => cell.actual !== null);
  const ytdBudget = sumCents(closed.map((cell) => cell.budget));
  const ytdActual = sumCents(closed.map((cell) => cell.actual ?? ZERO_CENTS));
  const ytdVariance = cents(ytdActual - ytdBudget);
  return {
    costCenterId,
    carrierId,
    months: cells,
    ytdBudget,
    ytdActual,
    ytdVariance,
    ytdVarianceBasisPoints: varianceBasisPoints(ytdVariance, ytdBudget),
    yearBudget: sumCents(cells.map((cell) => cell.budget)),
  };
}

/**
 * Budget against actual for `months` (a year, in order). `actuals` are the allocations of the
 * closed months (any subset of `months`); `costCenterOrder` lists cost center ids in display order
 * (cost centers with a budget or an actual but not in the list come after, by id).
 */
export function budgetVariance(
  months: readonly IsoMonth[],
  budgets: readonly BudgetLine[],
  actuals: readonly MonthActuals[],
  costCenterOrder: readonly string[] = [],
): BudgetVariance {
  const inYear = new Set(months);
  const actualsByMonth = new Map(
    actuals.filter((month) => inYear.has(month.month)).map((month) => [month.month, month]),
  );
  const lines = budgets.filter((line) => inYear.has(line.month));
  const budgetAt = new Map<string, Cents>();
  const add = (key: string, amount: Cents) =>
    budgetAt.set(key, cents((budgetAt.get(key) ?? 0) + amount));
  const carriersOf = new Map<string, Set<string>>();
  for (const line of lines) {
    add(`${line.costCenterId}||${line.month}`, line.amount);
    add(`||${line.month}`, line.amount);
    if (line.carrierId !== '') {
      add(`${line.costCenterId}|${line.carrierId}|${line.month}`, line.amount);
      const set = carriersOf.get(line.costCenterId) ?? new Set<string>();
      set.add(line.carrierId);
      carriersOf.set(line.costCenterId, set);
    }
  }
  const ids = new Set<string>(lines.map((line) => line.costCenterId));
  for (const month of actualsByMonth.values()) {
    for (const [id, amount] of month.byCostCenter) if (amount !== 0) ids.add(id);
  }
  const order = new Map(costCenterOrder.map((id, index) => [id, index]));
  const sorted = [...ids].sort(
    (a, b) =>
      (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) ||
      a.localeCompare(b),
  );
  const budgetOf = (key: string) => (month: IsoMonth) =>
    budgetAt.get(`${key}|${month}`) ?? ZERO_CENTS;
  const billedMonths = months.filter((month) => actualsByMonth.has(month));
  const [from] = billedMonths;
  const through = billedMonths.at(-1) ?? null;
  const billed = from === undefined || through === null ? null : { from, through };
  const rows: VarianceRow[] = [];
  for (const id of sorted) {
    rows.push(
      row(
        id,
        '',
        months,
        budgetOf(`${id}|`),
        (a) => a.byCostCenter.get(id) ?? ZERO_CENTS,
        actualsByMonth,
        billed,
      ),
    );
    for (const carrierId of [...(carriersOf.get(id) ?? [])].sort()) {
      rows.push(
        row(
          id,
          carrierId,
          months,
          budgetOf(`${id}|${carrierId}`),
          (a) => a.byCostCenterCarrier.get(`${id}|${carrierId}`) ?? ZERO_CENTS,
          actualsByMonth,
          billed,
        ),
      );
    }
  }
  return {
    months: [...months],
    through,
    rows,
    total: row(null, '', months, budgetOf('|'), (a) => a.allocated, actualsByMonth, billed),
    ytdUnallocated: sumCents(
      billedMonths.map((month) => actualsByMonth.get(month)?.unallocated ?? ZERO_CENTS),
    ),
  };
}
