import { useMemo } from 'react';
import { todayIso, type IsoDate } from '../../../shared/dates/iso-date';
import { useRouteContext } from '../../app/RouteContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { Tabs } from '../../components/Tabs';
import type { BudgetWorkspace } from '../../db/budgets';
import { SampleCompanyButton } from '../bills/import/ImportButtons';
import { ImportPanel } from '../bills/import/ImportPanel';
import { BudgetGrid } from './BudgetGrid';
import { ForecastView } from './ForecastView';
import { VarianceView } from './VarianceView';
import { useBudgetWorkspace } from './useBudgets';
import './budgets.css';

type Tab = 'plan' | 'variance' | 'forecast';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'plan', label: 'Budget' },
  { id: 'variance', label: 'Actual vs budget' },
  { id: 'forecast', label: 'Forecast' },
];

function isTab(value: string | undefined): value is Tab {
  return TABS.some((tab) => tab.id === value);
}

/**
 * Budgets (`#/budgets/<tab>/<year>`): the budget grid, actual against budget (the chargeback's
 * allocation), and the forecast to year end. Its own section because a budget is a year's plan
 * across every month, where the chargeback works one month at a time.
 */
export function BudgetsPage() {
  const { route, navigate } = useRouteContext();
  // clock: today, at the UI edge; everything below takes it as a parameter.
  const today = todayIso(new Date());
  const tab: Tab = isTab(route.path[0]) ? route.path[0] : 'plan';
  const asked = Number(route.path[1]);
  const thisYear = Number(today.slice(0, 4));
  // The forecast is always of today's year; the other views show the year in the address.
  const year =
    tab !== 'forecast' && Number.isInteger(asked) && asked >= 1990 && asked <= 2100
      ? asked
      : thisYear;
  const workspace = useBudgetWorkspace(year, today, tab !== 'plan');
  return (
    <>
      <PageHeader title="Budgets" />
      <ImportPanel />
      {workspace.status === 'loading' && <p role="status">Loading budgets…</p>}
      {workspace.status === 'error' && (
        <p role="alert">Budgets could not be loaded: {workspace.error.message}</p>
      )}
      {workspace.status === 'ready' &&
        (workspace.value.costCenters.length === 0 && workspace.value.lines.length === 0 ? (
          <EmptyState
            title="Budgets by cost center"
            actions={<SampleCompanyButton />}
            steps={[
              'Set up your cost centers (Inventory → Cost centers), or import a budget file that creates them.',
              'Enter or import a budget per cost center and month, then compare it with the chargeback’s actuals.',
            ]}
          >
            <p>
              A budget per cost center per month (optionally per carrier), actual against budget
              from the chargeback’s allocation, and a forecast to year end.
            </p>
          </EmptyState>
        ) : (
          <Tabs
            label="Budget views"
            tabs={TABS}
            current={tab}
            onChange={(next) => navigate('budgets', next, String(year))}
          >
            <YearPicker
              year={year}
              workspace={workspace.value}
              today={today}
              onChange={(next) => navigate('budgets', tab, String(next))}
              forecast={tab === 'forecast'}
            />
            {tab === 'plan' && <BudgetGrid workspace={workspace.value} />}
            {tab === 'variance' && <VarianceView workspace={workspace.value} />}
            {tab === 'forecast' && <ForecastView workspace={workspace.value} today={today} />}
          </Tabs>
        ))}
    </>
  );
}

function YearPicker({
  year,
  workspace,
  today,
  onChange,
  forecast,
}: {
  year: number;
  workspace: BudgetWorkspace;
  today: IsoDate;
  onChange: (year: number) => void;
  forecast: boolean;
}) {
  const thisYear = Number(today.slice(0, 4));
  const years = useMemo(() => {
    const set = new Set<number>([thisYear - 1, thisYear, thisYear + 1, year]);
    for (const line of workspace.lines) set.add(Number(line.month.slice(0, 4)));
    for (const month of workspace.billedMonths) set.add(Number(month.slice(0, 4)));
    return [...set].sort((a, b) => a - b);
  }, [workspace, thisYear, year]);
  if (forecast)
    return (
      <p className="budget-note">
        Forecast of {thisYear}, as of {today}.
      </p>
    );
  return (
    <div className="toolbar budgets-year">
      <label className="inline" htmlFor="budget-year">
        Year
      </label>
      <select
        id="budget-year"
        value={year}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {years.map((entry) => (
          <option key={entry} value={entry}>
            {entry}
          </option>
        ))}
      </select>
    </div>
  );
}
