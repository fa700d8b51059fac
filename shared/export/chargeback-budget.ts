/**
 * The chargeback export's budget columns: Budget, Variance (actual − budget) and Variance % per
 * cost center for the month, from the budget the caller passes in `ChargebackNames.budgets` and the
 * allocation's own cost center totals (so they agree with the Budgets section to the cent).
 */
import type { AllocationResult } from '../allocation/types';
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

function actualOf(result: AllocationResult, costCenterId: string): Cents {
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
  const costCenters = new Map(names.costCenters.map((entry) => [entry.id, entry]));
  const unbilled = [...budgets.keys()].filter((id) => !seen.has(id));
  for (const id of unbilled) {
    const costCenter = costCenters.get(id) ?? { code: id, name: id };
    out.push({
      month,
      costCenterId: id,
      costCenterCode: costCenter.code,
      costCenterName: costCenter.name,
      amount: 0,
      ...budgetValues(budgets.get(id) ?? cents(0), cents(0)),
    });
  }
  return out;
}

/** The Summary sheet's budget columns (none without a budget), per cost center (null: unallocated). */
export function budgetSummaryColumns(
  result: AllocationResult,
  names: BudgetNames,
): { columns: XlsxColumn[]; cells: (id: string | null) => XlsxCell[]; unbilled: string[] } {
  const budgets = names.budgets;
  if (budgets === undefined || budgets.size === 0)
    return { columns: [], cells: () => [], unbilled: [] };
  const billed = new Set(result.byCostCenter.map((entry) => entry.costCenterId));
  return {
    columns: [
      { header: 'Budget', kind: 'money' },
      { header: 'Variance', kind: 'money' },
      { header: 'Variance %', kind: 'number', total: false },
    ],
    cells: (id) => {
      if (id === null) return [null, null, null];
      const values = budgetValues(budgets.get(id) ?? cents(0), actualOf(result, id));
      return [values.budget ?? null, values.variance ?? null, values.variancePercent ?? null];
    },
    unbilled: [...budgets.keys()].filter((id) => !billed.has(id)),
  };
}
