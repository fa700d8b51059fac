/**
 * The forecast's known changes to the run-rate, each an assumption with its monthly effect:
 * services ordered, pending disconnects, and contracts ending (see forecast.ts for the decisions).
 */
import { AllocationIndex, type Share } from '../allocation/resolve';
import { successorOf } from '../contracts/in-effect';
import { contractedRate } from '../contracts/rates';
import {
  addMonthsToMonth,
  dateParts,
  daysInMonth,
  isoMonth,
  isoMonthOf,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';
import type { Service } from '../model';
import { cents, splitByPercent, sumCents, ZERO_CENTS, type Cents } from '../money/cents';
import type { ForecastAssumption, ForecastInput } from './forecast-types';

/** `amount × part / whole`, rounded half away from zero. */
export function prorate(amount: number, part: number, whole: number): Cents {
  const magnitude = Math.round((Math.abs(amount) * part) / whole);
  return cents(amount < 0 ? -magnitude : magnitude);
}

/** Average of `total` over `count` months, rounded half away from zero. */
export function average(total: number, count: number): Cents {
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

/** One cost center's part of a change: its full-month amount and its amount per month. */
interface CostCenterPart {
  costCenterId: string;
  /** In a full month, by the split of the last month the cost center gets a part. */
  monthlyEffect: Cents;
  byMonth: { month: IsoMonth; amount: Cents }[];
}

/**
 * A change's amount per month split, month by month, over that month's shares (to the cent, the
 * parts adding up to the month's amount); one part per cost center (`''` for none), in the order
 * they first appear. With no month to split, the first month's shares give the parts.
 */
export function spreadByMonth(
  cells: readonly { month: IsoMonth; amount: Cents }[],
  monthly: Cents,
  sharesIn: (month: IsoMonth) => readonly Share[],
  firstMonth: IsoMonth,
): CostCenterPart[] {
  const parts = new Map<string, CostCenterPart>();
  const add = (month: IsoMonth, amount: Cents | null) => {
    const shares = sharesIn(month);
    const basisPoints = shares.map((share) => share.basisPoints);
    const full = splitByPercent(monthly, basisPoints);
    const split = amount === null ? [] : splitByPercent(amount, basisPoints);
    shares.forEach((share, i) => {
      const costCenterId = share.costCenter?.id ?? '';
      const part = parts.get(costCenterId) ?? {
        costCenterId,
        monthlyEffect: ZERO_CENTS,
        byMonth: [],
      };
      part.monthlyEffect = full[i] ?? ZERO_CENTS;
      const amountHere = split[i] ?? ZERO_CENTS;
      if (amountHere !== 0) part.byMonth.push({ month, amount: amountHere });
      parts.set(costCenterId, part);
    });
  };
  if (cells.length === 0) add(firstMonth, null);
  for (const cell of cells) add(cell.month, cell.amount);
  return [...parts.values()];
}

function dayAfter(date: IsoDate): IsoDate {
  const { year, month, day } = dateParts(date);
  if (day < daysInMonth(year, month))
    return `${date.slice(0, 8)}${String(day + 1).padStart(2, '0')}` as IsoDate;
  return `${addMonthsToMonth(isoMonth(year, month), 1)}-01` as IsoDate;
}

export function dollars(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** What the change assumptions read besides the input. */
export interface ChangeContext {
  input: ForecastInput;
  todayMonth: IsoMonth;
  year: number;
  forecastMonths: readonly IsoMonth[];
  /** The run-rate window's months that had an allocation. */
  window: readonly IsoMonth[];
  /** Per service id, its run-rate window total per `costCenterId|carrierId`. */
  serviceWindow: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The assumptions of services ordered, pending disconnects and contracts ending, in that order. */
export function changeAssumptions(context: ChangeContext): ForecastAssumption[] {
  const { input, todayMonth, year, forecastMonths, window, serviceWindow } = context;
  const assumptions: ForecastAssumption[] = [];
  // The chargeback of each month finds its own split rules (one effective from December
  // included), so each month's amount goes where that month's chargeback would put it.
  const allocationInput = { ...input, glMapping: { byCategory: {}, byCategoryAndServiceType: {} } };
  const indexes = new Map<IsoMonth, AllocationIndex>();
  const sharesIn = (service: Service, month: IsoMonth) => {
    const index = indexes.get(month) ?? new AllocationIndex(allocationInput, month);
    indexes.set(month, index);
    return index.destinationOf(service, undefined).shares;
  };
  /** A service's change split over the cost centers of each month it falls in. */
  const spread = (service: Service, start: IsoDate, monthly: Cents) =>
    spreadByMonth(
      effectFrom(start, monthly, forecastMonths),
      monthly,
      (month) => sharesIn(service, month),
      forecastMonths[0] ?? todayMonth,
    ).map((part) => ({ ...part, from: part.byMonth[0]?.month ?? null }));
  const firstDestination = (service: Service) =>
    sharesIn(service, forecastMonths[0] ?? todayMonth)[0]?.costCenter?.id ?? '';
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
          costCenterId: firstDestination(service),
          carrierId: service.carrierId,
          subject: label(service),
          description: `Ordered, but the inventory has no expected monthly cost: not in the forecast.`,
          from: null,
          monthlyEffect: ZERO_CENTS,
          byMonth: [],
        });
        continue;
      }
      for (const part of spread(service, start, expected)) {
        assumptions.push({
          kind: 'ordered',
          carrierId: service.carrierId,
          subject: label(service),
          description: `Ordered, expected from ${start} at ${dollars(part.monthlyEffect)} a month${start.endsWith('-01') ? '' : ' (first month by days)'}.`,
          ...part,
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
          costCenterId: firstDestination(service),
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
  // A contract that has ended still changes the forecast while the run-rate does not hold its
  // new rate in full: when it ended this month, or in (or after) the run-rate's first month.
  const firstCounted = `${window[0] ?? todayMonth}-01` as IsoDate;
  for (const contract of input.contracts) {
    if (!['active', 'in-review', 'negotiating', 'expired'].includes(contract.status)) continue;
    if (contract.endDate < firstCounted || contract.endDate >= lastDay) continue;
    const subject = `Contract ${contract.name}`;
    const ended = contract.endDate < input.today;
    const ends = `${ended ? 'Ended' : 'Ends'} ${contract.endDate}`;
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
    // A new contract recorded to take over (the renewal signed, or a new agreement) prices the
    // services from its start: not month-to-month rates, nor the old rates rolling over.
    const successor = successorOf(contract, input.contracts);
    if (renews && successor === undefined) {
      noEffect(
        `${ends} and ${ended ? 'renewed' : 'renews'} by itself for ${contract.renewalTermMonths} months at the same rates: no change.`,
      );
      continue;
    }
    let priced = 0;
    for (const service of covered) {
      const rate = contractedRate(contract, service);
      const next = successor === undefined ? undefined : contractedRate(successor, service);
      const newRate = next?.monthlyRateCents ?? rate?.monthToMonthRateCents;
      if (rate === undefined || newRate === undefined) continue;
      priced += 1;
      const change = cents(newRate - rate.monthlyRateCents);
      const start =
        next !== undefined && successor !== undefined
          ? successor.startDate
          : dayAfter(contract.endDate);
      // The run-rate months billed after the end date (by days) already hold the new rate: only
      // the rest of the change is added, so the forecast is the month-to-month rate, not above it.
      const held = average(
        sumCents(effectFrom(start, change, window).map((cell) => cell.amount)),
        window.length,
      );
      const already = held === 0 ? '' : `, ${dollars(held)} a month of it already in the run-rate`;
      for (const part of spread(service, start, cents(change - held))) {
        assumptions.push({
          kind: 'contract-end',
          carrierId: contract.carrierId,
          subject: `${subject}: ${label(service)}`,
          description:
            next !== undefined && successor !== undefined
              ? `${ends}; ${successor.name} takes over from ${successor.startDate} at ${dollars(newRate)} instead of ${dollars(rate.monthlyRateCents)}${already}: ${dollars(part.monthlyEffect)} a month.`
              : `${ends}; month-to-month ${dollars(newRate)} instead of ${dollars(rate.monthlyRateCents)}${already}: ${dollars(part.monthlyEffect)} a month.`,
          ...part,
        });
      }
    }
    if (priced === 0)
      noEffect(
        successor === undefined
          ? `${ends} with no renewal; the rate card has no month-to-month rate, so the forecast keeps the contracted rates.`
          : `${ends}; ${successor.name} takes over from ${successor.startDate}, but neither rate card prices its services with a new or month-to-month rate, so the forecast keeps the contracted rates.`,
      );
  }
  return assumptions;
}
