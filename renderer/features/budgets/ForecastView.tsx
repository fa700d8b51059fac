import { useMemo, useState } from 'react';
import {
  assumptionKindLabel,
  budgetLabels,
  forecastCsv,
  forecastXlsx,
} from '../../../shared/budget/report';
import type { IsoDate } from '../../../shared/dates/iso-date';
import { cents, formatCents } from '../../../shared/money/cents';
import { MoneyBarChart } from '../../components/charts/MoneyBarChart';
import { useDatabase } from '../../db/DatabaseContext';
import { saveRunRateMonths, type BudgetWorkspace } from '../../db/budgets';
import { platform } from '../../platform';
import { shortMonth } from '../dashboard/filter';
import { useForecast } from './useBudgets';
import { varianceText } from './VarianceView';

/**
 * The forecast to year end: actual months, then forecast months (run-rate plus known changes),
 * against the budget; the rows by cost center × carrier and every assumption with its effect.
 */
export function ForecastView({ workspace, today }: { workspace: BudgetWorkspace; today: IsoDate }) {
  const db = useDatabase();
  const forecast = useForecast(workspace, today);
  const labels = useMemo(() => budgetLabels(workspace), [workspace]);
  const [message, setMessage] = useState('');
  const monthLabels = useMemo(() => forecast.months.map(shortMonth), [forecast]);
  const series = useMemo(
    () => [
      { label: 'Budget', values: forecast.total.map((m) => m.budget), color: '#5d6d7e' },
      {
        label: 'Actual',
        values: forecast.total.map((m) => m.actual ?? cents(0)),
        color: '#1f5fbf',
      },
      {
        label: 'Forecast',
        values: forecast.total.map((m) => m.forecast ?? cents(0)),
        color: '#e07b00',
      },
    ],
    [forecast],
  );
  const save = async (format: 'csv' | 'xlsx') => {
    const name = `forecast-${forecast.year}-as-of-${today}.${format}`;
    const bytes =
      format === 'csv'
        ? new TextEncoder().encode(forecastCsv(forecast, workspace))
        : forecastXlsx(forecast, workspace);
    const outcome = await platform().saveFile(name, bytes, format);
    setMessage(outcome.saved ? `Saved ${name}.` : 'Export cancelled.');
  };
  const gap = forecast.yearEnd - forecast.yearBudget;
  // The run-rate of each row is in the table above; the known changes are listed one by one.
  const changes = forecast.assumptions.filter((assumption) => assumption.kind !== 'run-rate');
  return (
    <section aria-label="Forecast" className="budget-forecast">
      <div className="tiles" role="group" aria-label="Forecast to year end">
        <dl className="tile">
          <dt>Forecast {forecast.year} (year end)</dt>
          <dd>{formatCents(forecast.yearEnd)}</dd>
        </dl>
        <dl className="tile">
          <dt>Budget {forecast.year}</dt>
          <dd>{formatCents(forecast.yearBudget)}</dd>
          <dd className="tile__meta">Forecast {varianceText(gap)}</dd>
        </dl>
      </div>
      <div className="toolbar">
        <label className="inline" htmlFor="run-rate-months">
          Run-rate of the last
        </label>
        <select
          id="run-rate-months"
          value={workspace.runRateMonths}
          onChange={(event) => void saveRunRateMonths(db, Number(event.target.value))}
        >
          {[1, 2, 3, 4, 5, 6, 9, 12].map((months) => (
            <option key={months} value={months}>
              {months} {months === 1 ? 'month' : 'months'}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={() => void save('csv')}>
          Export forecast CSV
        </button>
        <button type="button" className="secondary" onClick={() => void save('xlsx')}>
          Export forecast XLSX
        </button>
        <span role="status">{message}</span>
      </div>
      <MoneyBarChart
        title={`Actual, then forecast, against budget, ${forecast.year}`}
        labels={monthLabels}
        series={series}
        stacked={false}
      />
      <p className="budget-note">
        Months before {shortMonth(forecast.firstForecastMonth)} are actual (the chargeback’s
        allocation); from {shortMonth(forecast.firstForecastMonth)} on, the run-rate of{' '}
        {forecast.runRateWindow.length === 0
          ? 'no closed month'
          : forecast.runRateWindow.map(shortMonth).join(', ')}{' '}
        (one-time charges left out; the Run-rate column) plus the known changes listed below. A
        change in the middle of a month counts by days in that month. Exports list every run-rate
        too.
      </p>
      <table className="data-table budget-table">
        <caption>Forecast by cost center and carrier</caption>
        <thead>
          <tr>
            <th scope="col">Cost center</th>
            <th scope="col">Carrier</th>
            <th scope="col" className="numeric">
              Run-rate
            </th>
            <th scope="col" className="numeric">
              Actual to date
            </th>
            <th scope="col" className="numeric">
              Forecast rest of year
            </th>
            <th scope="col" className="numeric">
              Year end
            </th>
          </tr>
        </thead>
        <tbody>
          {forecast.rows.map((row) => (
            <tr key={`${row.costCenterId}|${row.carrierId}`}>
              <th scope="row">{labels.costCenter(row.costCenterId)}</th>
              <td>{labels.carrier(row.carrierId)}</td>
              <td className="numeric">{formatCents(row.runRate)}</td>
              <td className="numeric">{formatCents(row.actualToDate)}</td>
              <td className="numeric">{formatCents(row.forecastRest)}</td>
              <td className="numeric">{formatCents(row.yearEnd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table budget-table">
        <caption>Assumptions: known changes</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Cost center</th>
            <th scope="col">Carrier</th>
            <th scope="col">What</th>
            <th scope="col">From</th>
            <th scope="col" className="numeric">
              Monthly effect
            </th>
            <th scope="col">Assumption</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 && (
            <tr>
              <td colSpan={7}>
                No services ordered, pending disconnects or contracts ending before December 31.
              </td>
            </tr>
          )}
          {changes.map((assumption, index) => (
            <tr key={index}>
              <td>{assumptionKindLabel(assumption.kind)}</td>
              <td>{labels.costCenter(assumption.costCenterId)}</td>
              <td>{labels.carrier(assumption.carrierId)}</td>
              <td>{assumption.subject}</td>
              <td>{assumption.from === null ? '—' : shortMonth(assumption.from)}</td>
              <td className="numeric">{formatCents(assumption.monthlyEffect)}</td>
              <td>{assumption.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
