/**
 * Forecast to year end, per cost center and carrier: the run-rate of the last N closed months
 * (one-time charges left out) plus the known changes, each listed as an assumption with its
 * monthly effect. Pure: today's date is a parameter.
 *
 * Decisions:
 * - **Months.** The year is today's. Months before today's month are actual (the chargeback's
 *   allocation, every category); today's month to December are forecast.
 * - **Run-rate** of a cost center × carrier: the allocated charges of the N months before today's
 *   month that have an allocation (months with no bills are left out of the average), without
 *   `one-time` charges, averaged and rounded to the cent (half away from zero).
 * - **Services ordered** (`ordered`, with an expected monthly cost): from their activation date
 *   when it is today or later, else from the first day of next month; the first month is prorated
 *   by days. They go to the cost centers the chargeback would send them to (split rules included).
 * - **Pending disconnects** (`pending-disconnect`): their charges in the run-rate stop after the
 *   disconnect date (`disconnectedOn`; without one, at the end of today's month); the month of the
 *   date is prorated by days.
 * - **Contracts ending** in the forecast months that do not renew by themselves for a real term:
 *   each covered service moves from its contracted rate to the rate card's month-to-month rate the
 *   day after the end date (prorated like the others). A contract that renews, or whose
 *   month-to-month rate is not known, is listed with no effect, saying so.
 */
import { AllocationIndex } from '../allocation/resolve';
import type { AllocationResult } from '../allocation/types';
import { contractedRate } from '../contracts/rates';
import {
  addMonthsToMonth,
  dateParts,
  daysInMonth,
  isoMonth,
  isoMonthOf,
  monthParts,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';
import type {
  Account,
  AllocationRule,
  BudgetLine,
  Contract,
  CostCenter,
  Service,
  Site,
} from '../model';
import { cents, splitByPercent, sumCents, ZERO_CENTS, type Cents } from '../money/cents';
import { monthsOfYear } from './grid';

/** Everything the forecast reads, as plain data. */
export interface ForecastInput {
  today: IsoDate;
  /** How many closed months the run-rate averages (a setting; 3 by default). */
  runRateMonths: number;
  /** The chargeback's allocations of closed months: at least this year's and the run-rate window. */
  history: readonly AllocationResult[];
  services: readonly Service[];
  sites: readonly Site[];
  accounts: readonly Account[];
  costCenters: readonly CostCenter[];
  rules: readonly AllocationRule[];
  contracts: readonly Contract[];
  budgets: readonly BudgetLine[];
}

export const DEFAULT_RUN_RATE_MONTHS = 3;

export type AssumptionKind = 'run-rate' | 'ordered' | 'disconnect' | 'contract-end';

/** One reason the forecast moves, with its effect on one cost center × carrier. */
export interface ForecastAssumption {
  kind: AssumptionKind;
  /** `''` when the chargeback would find no cost center for it (it stays unallocated). */
  costCenterId: string;
  carrierId: string;
  /** What it is about, e.g. `Service 555-010-0001` or `Contract AT&T MPLS 2023`. */
  subject: string;
  /** A sentence for the table, e.g. `Disconnect on 2026-11-15: stops $45.00 a month.` */
  description: string;
  /** First forecast month it changes (null when it changes nothing). */
  from: IsoMonth | null;
  /** Effect in a full month, in cents (negative lowers the forecast). */
  monthlyEffect: Cents;
  /** Effect per forecast month (the first prorated by days). */
  byMonth: { month: IsoMonth; amount: Cents }[];
}

/** One cost center × carrier's year. */
export interface ForecastRow {
  costCenterId: string;
  carrierId: string;
  runRate: Cents;
  months: { month: IsoMonth; actual: Cents | null; forecast: Cents | null }[];
  actualToDate: Cents;
  forecastRest: Cents;
  yearEnd: Cents;
}

/** The whole company's year, month by month, against the budget. */
export interface ForecastTotalMonth {
  month: IsoMonth;
  actual: Cents | null;
  forecast: Cents | null;
  budget: Cents;
}

export interface Forecast {
  year: number;
  months: IsoMonth[];
  firstForecastMonth: IsoMonth;
  /** The months the run-rate averaged (those of the window that had an allocation). */
  runRateWindow: IsoMonth[];
  rows: ForecastRow[];
  assumptions: ForecastAssumption[];
  total: ForecastTotalMonth[];
  yearEnd: Cents;
  yearBudget: Cents;
}

const KEY = (costCenterId: string, carrierId: string) => `${costCenterId}|${carrierId}`;

/** `amount × part / whole`, rounded half away from zero. */
function prorate(amount: number, part: number, whole: number): Cents {
  const magnitude = Math.round((Math.abs(amount) * part) / whole);
  return cents(amount < 0 ? -magnitude : magnitude);
}

/** Average of `total` over `count` months, rounded half away from zero. */
function average(total: number, count: number): Cents {
  return count === 0 ? ZERO_CENTS : prorate(total, 1, count);
}

/**
 * The effect of a change starting on `start` (the first day with the new amount), per forecast
 * month: nothing before, the days from `start` in its month, the full amount after.
 */
function effectFrom(
  start: IsoDate,
  monthly: Cents,
  months: readonly IsoMonth[],
): { month: IsoMonth; amount: Cents }[] {
  const startMonth = isoMonthOf(start);
  const { year, month, day } = dateParts(start);
  const days = daysInMonth(year, month);
  return months
    .filter((m) => m >= startMonth)
    .map((m) => ({
      month: m,
      amount: m === startMonth ? prorate(monthly, days - day + 1, days) : monthly,
    }))
    .filter((cell) => cell.amount !== 0);
}

function dayAfter(date: IsoDate): IsoDate {
  const { year, month, day } = dateParts(date);
  if (day < daysInMonth(year, month))
    return `${date.slice(0, 8)}${String(day + 1).padStart(2, '0')}` as IsoDate;
  return `${addMonthsToMonth(isoMonth(year, month), 1)}-01` as IsoDate;
}

function dollars(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
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
    for (const row of byMonth.get(month)?.rows ?? []) {
      const key = KEY(row.costCenterId, row.carrierId);
      const cells = actual.get(key) ?? new Map<IsoMonth, number>();
      cells.set(month, (cells.get(month) ?? 0) + row.amount);
      actual.set(key, cells);
    }
  }
  for (const month of window) {
    for (const row of byMonth.get(month)?.rows ?? []) {
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

  const index = new AllocationIndex(
    { ...input, glMapping: { byCategory: {}, byCategoryAndServiceType: {} } },
    forecastMonths[0] ?? todayMonth,
  );
  /** A full-month amount of a service split over the cost centers the chargeback would use. */
  const destinations = (service: Service, amount: Cents) => {
    const shares = index.destinationOf(service, undefined).shares;
    const parts = splitByPercent(
      amount,
      shares.map((share) => share.basisPoints),
    );
    return shares.map((share, i) => ({
      costCenterId: share.costCenter?.id ?? '',
      amount: parts[i] ?? ZERO_CENTS,
    }));
  };
  const firstOfNextMonth = `${addMonthsToMonth(todayMonth, 1)}-01` as IsoDate;
  const label = (service: Service) =>
    `Service ${service.serviceIdRaw}${service.description === undefined ? '' : ` (${service.description})`}`;

  for (const service of input.services) {
    if (service.status === 'ordered') {
      const start =
        service.activatedOn !== undefined && service.activatedOn >= input.today
          ? service.activatedOn
          : firstOfNextMonth;
      const expected = service.expectedMonthlyCents;
      if (expected === undefined) {
        assumptions.push({
          kind: 'ordered',
          costCenterId: destinations(service, ZERO_CENTS)[0]?.costCenterId ?? '',
          carrierId: service.carrierId,
          subject: label(service),
          description: `Ordered, but the inventory has no expected monthly cost: not in the forecast.`,
          from: null,
          monthlyEffect: ZERO_CENTS,
          byMonth: [],
        });
        continue;
      }
      for (const part of destinations(service, expected)) {
        const cells = effectFrom(start, part.amount, forecastMonths);
        assumptions.push({
          kind: 'ordered',
          costCenterId: part.costCenterId,
          carrierId: service.carrierId,
          subject: label(service),
          description: `Ordered, expected from ${start} at ${dollars(part.amount)} a month${start.endsWith('-01') ? '' : ' (first month by days)'}.`,
          from: cells[0]?.month ?? null,
          monthlyEffect: part.amount,
          byMonth: cells,
        });
      }
    } else if (service.status === 'pending-disconnect') {
      const stopAfter = service.disconnectedOn;
      const start =
        stopAfter !== undefined && stopAfter >= input.today
          ? dayAfter(stopAfter)
          : firstOfNextMonth;
      const own = serviceWindow.get(service.id);
      if (own === undefined || window.length === 0) {
        assumptions.push({
          kind: 'disconnect',
          costCenterId: destinations(service, ZERO_CENTS)[0]?.costCenterId ?? '',
          carrierId: service.carrierId,
          subject: label(service),
          description: `Pending disconnect: not billed in the run-rate months, so nothing to remove.`,
          from: null,
          monthlyEffect: ZERO_CENTS,
          byMonth: [],
        });
        continue;
      }
      for (const [key, total] of [...own].sort(([a], [b]) => a.localeCompare(b))) {
        const [costCenterId = '', carrierId = ''] = key.split('|');
        const monthly = cents(-average(total, window.length));
        const cells = effectFrom(start, monthly, forecastMonths);
        assumptions.push({
          kind: 'disconnect',
          costCenterId,
          carrierId,
          subject: label(service),
          description: `Pending disconnect${stopAfter === undefined ? ' with no date: assumed from' : ': charges stop from'} ${start}, ${dollars(cents(-monthly))} a month off the run-rate.`,
          from: cells[0]?.month ?? null,
          monthlyEffect: monthly,
          byMonth: cells,
        });
      }
    }
  }

  const servicesById = new Map(input.services.map((service) => [service.id, service]));
  const lastDay = `${year}-12-31` as IsoDate;
  for (const contract of input.contracts) {
    if (!['active', 'in-review', 'negotiating'].includes(contract.status)) continue;
    if (contract.endDate < input.today || contract.endDate >= lastDay) continue;
    const subject = `Contract ${contract.name}`;
    const renews = contract.autoRenew && contract.renewalTermMonths > 0;
    const covered = contract.serviceIds
      .map((id) => servicesById.get(id))
      .filter(
        (service): service is Service => service !== undefined && service.status !== 'disconnected',
      );
    const noEffect = (description: string) =>
      assumptions.push({
        kind: 'contract-end',
        costCenterId: '',
        carrierId: contract.carrierId,
        subject,
        description,
        from: null,
        monthlyEffect: ZERO_CENTS,
        byMonth: [],
      });
    if (renews) {
      noEffect(
        `Ends ${contract.endDate} and renews by itself for ${contract.renewalTermMonths} months at the same rates: no change.`,
      );
      continue;
    }
    let priced = 0;
    for (const service of covered) {
      const rate = contractedRate(contract, service);
      if (rate?.monthToMonthRateCents === undefined) continue;
      priced += 1;
      const change = cents(rate.monthToMonthRateCents - rate.monthlyRateCents);
      const start = dayAfter(contract.endDate);
      for (const part of destinations(service, change)) {
        const cells = effectFrom(start, part.amount, forecastMonths);
        assumptions.push({
          kind: 'contract-end',
          costCenterId: part.costCenterId,
          carrierId: contract.carrierId,
          subject: `${subject}: ${label(service)}`,
          description: `Ends ${contract.endDate}; month-to-month ${dollars(rate.monthToMonthRateCents)} instead of ${dollars(rate.monthlyRateCents)}: ${dollars(part.amount)} a month.`,
          from: cells[0]?.month ?? null,
          monthlyEffect: part.amount,
          byMonth: cells,
        });
      }
    }
    if (priced === 0)
      noEffect(
        `Ends ${contract.endDate} with no renewal; the rate card has no month-to-month rate, so the forecast keeps the contracted rates.`,
      );
  }

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
