/**
 * Forecast to year end, per cost center and carrier: the run-rate of the last N closed months
 * (one-time charges left out) plus the known changes, each listed as an assumption with its
 * monthly effect. Pure: today's date is a parameter.
 *
 * Decisions:
 * - **Months.** The year is today's. Months before today's month are actual (the chargeback's
 *   allocation, every category, its unallocated charges in a row with no cost center, so a
 *   month's actual is its invoices); today's month to December are forecast.
 * - **Run-rate** of a cost center × carrier: the charges (unallocated ones under no cost center)
 *   of the N months before today's month that have an allocation (months with no bills are left
 *   out of the average), without `one-time` charges, averaged and rounded to the cent (half away
 *   from zero).
 * - **Services ordered** (`ordered`, with an expected monthly cost): from their activation date
 *   when it is today or later, else from the first day of next month; the first month is prorated
 *   by days. Each month's amount goes to the cost centers that month's chargeback would send it to
 *   (split rules included, one effective from a later month too); so do the contracts' changes.
 * - **Pending disconnects** (`pending-disconnect`): their charges in the run-rate stop after the
 *   disconnect date (`disconnectedOn`; without one, at the end of today's month); the month of the
 *   date is prorated by days.
 * - **Contracts ending** in the forecast months that do not renew by themselves for a real term:
 *   each covered service moves from its contracted rate to the rate card's month-to-month rate the
 *   day after the end date (prorated like the others). A contract that renews, or whose
 *   month-to-month rate is not known, is listed with no effect, saying so. One that has already
 *   ended counts while the run-rate does not hold its new rate in full: the run-rate months' days
 *   after the end date (billed at the new rate) are taken off the change, so a month already
 *   billed month-to-month is not raised twice.
 */
import type { AllocatedCharge, AllocationResult } from '../allocation/types';
import { addMonthsToMonth, isoMonthOf, monthParts, type IsoMonth } from '../dates/iso-date';
import { cents, sumCents, ZERO_CENTS, type Cents } from '../money/cents';
import { average, changeAssumptions, dollars } from './forecast-changes';
import type { Forecast, ForecastAssumption, ForecastInput, ForecastRow } from './forecast-types';
import { monthsOfYear } from './grid';

export type * from './forecast-types';

export const DEFAULT_RUN_RATE_MONTHS = 3;

const KEY = (costCenterId: string, carrierId: string) => `${costCenterId}|${carrierId}`;

/** What the forecast reads of an allocated or unallocated charge. */
interface MonthCharge {
  /** `''` for a charge the chargeback could not allocate. */
  costCenterId: string;
  carrierId: string;
  category: AllocatedCharge['category'];
  amount: number;
  serviceId: string | null;
}

/**
 * Every charge of a month's allocation: the allocated rows, and the unallocated charges (its
 * exceptions) under no cost center (`''`, the "No cost center (unallocated)" row). Leaving the
 * latter out would make the actual months fall short of the month's invoices, and drop a service
 * with no cost center from the forecast the moment it is billed (while ordered, it is in it).
 */
function chargesOf(result: AllocationResult | undefined): MonthCharge[] {
  if (result === undefined) return [];
  return [
    ...result.rows,
    ...result.exceptions.map((exception) => ({
      ...exception,
      costCenterId: '',
      serviceId: exception.serviceId ?? null,
    })),
  ];
}

/** Runs the forecast. */
export function forecastYear(input: ForecastInput): Forecast {
  if (!Number.isInteger(input.runRateMonths) || input.runRateMonths < 1)
    throw new RangeError(`The run-rate needs at least one month, got ${input.runRateMonths}.`);
  const todayMonth = isoMonthOf(input.today);
  const year = monthParts(todayMonth).year;
  const months = monthsOfYear(year);
  const forecastMonths = months.filter((month) => month >= todayMonth);
  const byMonth = new Map(input.history.map((result) => [result.month, result]));
  const window = Array.from({ length: input.runRateMonths }, (_, index) =>
    addMonthsToMonth(todayMonth, index - input.runRateMonths),
  ).filter((month) => byMonth.has(month));

  // Actuals of the year's closed months, and the run-rate window's recurring charges.
  const actual = new Map<string, Map<IsoMonth, number>>();
  const windowTotals = new Map<string, number>();
  const serviceWindow = new Map<string, Map<string, number>>();
  for (const month of months.filter((m) => m < todayMonth)) {
    for (const row of chargesOf(byMonth.get(month))) {
      const key = KEY(row.costCenterId, row.carrierId);
      const cells = actual.get(key) ?? new Map<IsoMonth, number>();
      cells.set(month, (cells.get(month) ?? 0) + row.amount);
      actual.set(key, cells);
    }
  }
  for (const month of window) {
    for (const row of chargesOf(byMonth.get(month))) {
      if (row.category === 'one-time') continue;
      const key = KEY(row.costCenterId, row.carrierId);
      windowTotals.set(key, (windowTotals.get(key) ?? 0) + row.amount);
      if (row.serviceId !== null) {
        const own = serviceWindow.get(row.serviceId) ?? new Map<string, number>();
        own.set(key, (own.get(key) ?? 0) + row.amount);
        serviceWindow.set(row.serviceId, own);
      }
    }
  }

  const assumptions: ForecastAssumption[] = [];
  const runRates = new Map<string, Cents>();
  const windowText =
    window.length === 0
      ? 'no closed month'
      : window.length === 1
        ? window[0]
        : `${window[0]} to ${window.at(-1)}`;
  for (const [key, total] of [...windowTotals].sort(([a], [b]) => a.localeCompare(b))) {
    const [costCenterId = '', carrierId = ''] = key.split('|');
    const rate = average(total, window.length);
    runRates.set(key, rate);
    assumptions.push({
      kind: 'run-rate',
      costCenterId,
      carrierId,
      subject: 'Run-rate',
      description: `Average of ${windowText} without one-time charges: ${dollars(rate)} a month.`,
      from: forecastMonths[0] ?? null,
      monthlyEffect: rate,
      byMonth: forecastMonths.map((month) => ({ month, amount: rate })),
    });
  }
  assumptions.push(
    ...changeAssumptions({ input, todayMonth, year, forecastMonths, window, serviceWindow }),
  );

  // Rows: every cost center × carrier with an actual, a run-rate or an assumption.
  const effects = new Map<string, Map<IsoMonth, number>>();
  for (const assumption of assumptions) {
    if (assumption.kind === 'run-rate') continue;
    const key = KEY(assumption.costCenterId, assumption.carrierId);
    const cells = effects.get(key) ?? new Map<IsoMonth, number>();
    for (const cell of assumption.byMonth)
      cells.set(cell.month, (cells.get(cell.month) ?? 0) + cell.amount);
    effects.set(key, cells);
  }
  const keys = [...new Set([...actual.keys(), ...runRates.keys(), ...effects.keys()])].sort();
  const rows: ForecastRow[] = keys.map((key) => {
    const [costCenterId = '', carrierId = ''] = key.split('|');
    const runRate = runRates.get(key) ?? ZERO_CENTS;
    const cells = months.map((month) =>
      month < todayMonth
        ? { month, actual: cents(actual.get(key)?.get(month) ?? 0), forecast: null }
        : {
            month,
            actual: null,
            forecast: cents(runRate + (effects.get(key)?.get(month) ?? 0)),
          },
    );
    const actualToDate = sumCents(cells.map((cell) => cell.actual ?? ZERO_CENTS));
    const forecastRest = sumCents(cells.map((cell) => cell.forecast ?? ZERO_CENTS));
    return {
      costCenterId,
      carrierId,
      runRate,
      months: cells,
      actualToDate,
      forecastRest,
      yearEnd: cents(actualToDate + forecastRest),
    };
  });
  const budgetByMonth = new Map<IsoMonth, number>();
  for (const line of input.budgets)
    budgetByMonth.set(line.month, (budgetByMonth.get(line.month) ?? 0) + line.amount);
  const total = months.map((month, i) => ({
    month,
    actual:
      month < todayMonth ? sumCents(rows.map((row) => row.months[i]?.actual ?? ZERO_CENTS)) : null,
    forecast:
      month >= todayMonth
        ? sumCents(rows.map((row) => row.months[i]?.forecast ?? ZERO_CENTS))
        : null,
    budget: cents(budgetByMonth.get(month) ?? 0),
  }));
  return {
    year,
    months,
    firstForecastMonth: todayMonth,
    runRateWindow: window,
    rows,
    assumptions,
    total,
    yearEnd: sumCents(rows.map((row) => row.yearEnd)),
    yearBudget: sumCents(total.map((month) => month.budget)),
  };
}
