/**
 * Budgets: what finance plans to spend per cost center per month, optionally per carrier.
 */
import type { IsoMonth } from '../dates/iso-date';
import type { Cents } from '../money/cents';

/** One budget cell: a cost center's (or a cost center × carrier's) planned spend for a month. */
export interface BudgetLine {
  /** `budgetLineId(costCenterId, carrierId, month)`: one line per cell, so a re-import replaces it. */
  id: string;
  costCenterId: string;
  /** The carrier the amount is for; `''` = all carriers of the cost center. */
  carrierId: string;
  month: IsoMonth;
  /** Planned spend in cents (before mark-up, as the chargeback allocates it). */
  amount: Cents;
}

/** The id of the budget cell of a cost center, carrier (`''` = all) and month. */
export function budgetLineId(costCenterId: string, carrierId: string, month: IsoMonth): string {
  return `${costCenterId}|${carrierId}|${month}`;
}
