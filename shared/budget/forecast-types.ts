/** The forecast's input and result types (see forecast.ts for how it is worked out). */
import type { AllocationResult } from '../allocation/types';
import type { IsoDate, IsoMonth } from '../dates/iso-date';
import type {
  Account,
  AllocationRule,
  BudgetLine,
  Contract,
  CostCenter,
  Service,
  Site,
} from '../model';
import type { Cents } from '../money/cents';

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
