import { useMemo } from 'react';
import { forecastYear, type Forecast } from '../../../shared/budget/forecast';
import { actualsOf, budgetVariance, type BudgetVariance } from '../../../shared/budget/variance';
import { monthsOfYear } from '../../../shared/budget/grid';
import type { IsoDate } from '../../../shared/dates/iso-date';
import { useLiveQuery, type QueryState } from '../../app/useLiveQuery';
import { useDatabase } from '../../db/DatabaseContext';
import { loadBudgetWorkspace, type BudgetWorkspace } from '../../db/budgets';

/** A year's budgets (and actuals, when asked), re-read when the data changes. */
export function useBudgetWorkspace(
  year: number,
  today: IsoDate,
  withActuals: boolean,
): QueryState<BudgetWorkspace> {
  const db = useDatabase();
  return useLiveQuery(
    () => loadBudgetWorkspace(db, year, today, withActuals),
    [db, year, today, withActuals],
  );
}

/** Budget against the chargeback's actuals for the workspace's year. */
export function useVariance(workspace: BudgetWorkspace): BudgetVariance {
  return useMemo(
    () =>
      budgetVariance(
        monthsOfYear(workspace.year),
        workspace.lines,
        workspace.allocations.map(actualsOf),
        workspace.costCenters.map((costCenter) => costCenter.id),
      ),
    [workspace],
  );
}

/** The forecast to the end of today's year. */
export function useForecast(workspace: BudgetWorkspace, today: IsoDate): Forecast {
  return useMemo(
    () =>
      forecastYear({
        today,
        runRateMonths: workspace.runRateMonths,
        history: workspace.allocations,
        services: workspace.services,
        sites: workspace.sites,
        accounts: workspace.accounts,
        costCenters: workspace.costCenters,
        rules: workspace.rules,
        contracts: workspace.contracts,
        budgets: workspace.lines,
      }),
    [workspace, today],
  );
}
