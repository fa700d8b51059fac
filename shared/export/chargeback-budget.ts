/**
 * The chargeback export's budget columns: Budget, Variance (actual − budget) and Variance % per
 * cost center for the month, from the budget the caller passes in `ChargebackNames.budgets` and the
 * allocation's own cost center totals (so they agree with the Budgets section to the cent). A cost
 * center budgeted for the month with no charge in it is a row too, at $0.00 spend, on the screen
 * and in every export ({@link budgetedNotBilled}): finance sees it is under budget, and the Budget
 * column adds up to the month's budget.
 */
import { zeroByCategory } from '../allocation/allocate';
import { notItemisedTotal } from '../allocation/not-itemised';
import type { AllocationResult, CostCenterTotal } from '../allocation/types';
import { varianceBasisPoints } from '../budget/variance';
import type { IsoMonth } from '../dates/iso-date';
import { cents, type Cents } from '../money/cents';
import type { DetailField, ExportPreset } from './presets';
import { BUDGET_FIELDS } from './presets';
import type { XlsxCell, XlsxColumn } from './xlsx';

type Values = Partial<Record<DetailField, string | number | null>> & { costCenterId?: string };

interface BudgetNames {
  costCenters: readonly { id: string; code: string; name: string }[];
  budgets?: ReadonlyMap<string, Cents>;
}

export function wantsBudget(preset: ExportPreset): boolean {
  return preset.columns.some((column) => BUDGET_FIELDS.includes(column.field));
}

function actualOf(result: AllocationResult, costCenterId: string | null): Cents {
  return (
    result.byCostCenter.find((entry) => entry.costCenterId === costCenterId)?.total ?? cents(0)
  );
}

function budgetValues(budget: Cents, actual: Cents): Values {
  const variance = cents(actual - budget);
  const basisPoints = varianceBasisPoints(variance, budget);
  return { budget, variance, variancePercent: basisPoints === null ? null : basisPoints / 100 };
}

/**
 * Rows grouped by cost center × GL account (sorted by cost center) with each cost center's budget
 * and variance on its first row, and a row for each cost center budgeted but not billed.
 */
export function withBudgets(
  rows: readonly Values[],
  result: AllocationResult,
  names: BudgetNames,
  month: IsoMonth,
): Values[] {
  const budgets = names.budgets ?? new Map<string, Cents>();
  const seen = new Set<string>();
  const out = rows.map((row): Values => {
    const id = row.costCenterId;
    if (id === undefined || seen.has(id)) return row;
    seen.add(id);
    return { ...row, ...budgetValues(budgets.get(id) ?? cents(0), actualOf(result, id)) };
  });
  for (const costCenter of budgetedNotBilled(result, names)) {
    if (seen.has(costCenter.id)) continue;
    out.push({
      month,
      costCenterId: costCenter.id,
      costCenterCode: costCenter.code,
      costCenterName: costCenter.name,
      amount: 0,
      ...budgetValues(budgets.get(costCenter.id) ?? cents(0), cents(0)),
    });
  }
  return out;
}

/**
 * The cost centers budgeted for the month with no charge allocated to them, by code (a budget for
 * a cost center no longer in the list shows its id). Each is a $0.00 row after the cost centers
 * with charges, before the unallocated ones, on the screen and in every export.
 */
export function budgetedNotBilled(
  result: AllocationResult,
  names: BudgetNames,
): { id: string; code: string; name: string }[] {
  const budgets = names.budgets;
  if (budgets === undefined) return [];
  const billed = new Set(result.byCostCenter.map((entry) => entry.costCenterId));
  const costCenters = new Map(names.costCenters.map((entry) => [entry.id, entry]));
  return [...budgets.keys()]
    .filter((id) => !billed.has(id))
    .map((id) => ({
      id,
      code: costCenters.get(id)?.code ?? id,
      name: costCenters.get(id)?.name ?? id,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The month by cost center as the screen's totals and the XLSX Summary list it: the allocation's
 * cost centers with charges, then each one budgeted but not billed at $0.00 (adding nothing to
 * any amount), then the unallocated charges.
 */
export function costCenterTotalsWithBudgets(
  result: AllocationResult,
  names: BudgetNames,
): CostCenterTotal[] {
  const unbilled = budgetedNotBilled(result, names).map(({ id }): CostCenterTotal => ({
    costCenterId: id,
    byCategory: zeroByCategory(),
    total: cents(0),
    markup: cents(0),
  }));
  const allocated = result.byCostCenter.filter((entry) => entry.costCenterId !== null);
  const unallocated = result.byCostCenter.filter((entry) => entry.costCenterId === null);
  return [...allocated, ...unbilled, ...unallocated];
}

/**
 * The month against its budget as a whole: every charge of the month (the unallocated ones too, so
 * the amount equals the invoices) against every cost center's budget. The variance is that amount
 * minus that budget, so the total row of the screen and of every export reads across — and the
 * Variance column adds up to it, because the unallocated row carries its own variance.
 */
export function monthBudgetTotal(
  result: AllocationResult,
  budgets: ReadonlyMap<string, Cents>,
): { amount: Cents; budget: Cents; variance: Cents; variancePercent: number | null } {
  // The invoices: the cost centers, the unallocated, any total not in the charge lines, and what
  // the invoices state beyond their lines (its own line, no budget covers it).
  const amount = cents(result.totals.invoices + notItemisedTotal(result));
  const budget = cents([...budgets.values()].reduce((sum, value) => sum + value, 0));
  const variance = cents(amount - budget);
  const basisPoints = varianceBasisPoints(variance, budget);
  return {
    amount,
    budget,
    variance,
    variancePercent: basisPoints === null ? null : basisPoints / 100,
  };
}

/**
 * The unallocated charges against the budget: no budget covers them (they are in no cost center),
 * so there is no budget and no percent, and their variance is their whole amount — spend nobody
 * planned for.
 */
export function unallocatedBudgetValues(amount: Cents): Values {
  return { budget: null, variance: amount, variancePercent: null };
}

/** The Summary sheet's budget columns (none without a budget), per cost center (null: unallocated). */
export function budgetSummaryColumns(
  result: AllocationResult,
  names: BudgetNames,
): {
  columns: XlsxColumn[];
  cells: (id: string | null) => XlsxCell[];
  /** The cells of an amount no budget covers (its variance is all of it). */
  unbudgeted: (amount: Cents) => XlsxCell[];
} {
  const budgets = names.budgets;
  if (budgets === undefined || budgets.size === 0)
    return { columns: [], cells: () => [], unbudgeted: () => [] };
  const unbudgeted = (amount: Cents): XlsxCell[] => {
    const values = unallocatedBudgetValues(amount);
    return [values.budget ?? null, values.variance ?? null, values.variancePercent ?? null];
  };
  const total = monthBudgetTotal(result, budgets);
  return {
    columns: [
      { header: 'Budget', kind: 'money' },
      { header: 'Variance', kind: 'money' },
      // Not a sum of the rows' percents: the total row's own variance over its own budget.
      { header: 'Variance %', kind: 'number', total: false, totalValue: total.variancePercent },
    ],
    unbudgeted,
    cells: (id) => {
      if (id === null) return unbudgeted(actualOf(result, null));
      const values = budgetValues(budgets.get(id) ?? cents(0), actualOf(result, id));
      return [values.budget ?? null, values.variance ?? null, values.variancePercent ?? null];
    },
  };
}
