/**
 * The sample company's budget: per cost center per month of the latest billed year, a few percent
 * off what the chargeback allocated (as a budget set in advance would be), rounded to $50, with one
 * cost center — the one with the most spend — budgeted 12% under its spend, so the first run shows
 * a clear overrun. Months not billed yet take the average budget of the billed ones. Built from
 * the chargeback's own actuals (passed in), so it is deterministic for a seed.
 */
import type { MonthActuals } from '../budget/variance';
import { monthsOfYear, budgetLine } from '../budget/grid';
import { monthParts, type IsoMonth } from '../dates/iso-date';
import type { BudgetLine } from '../model';
import { cents } from '../money/cents';
import { deriveSeed, randomInt, seededRandom } from './random';

/** The seed of the sample's budget (the sample company's default seed). */
export const SAMPLE_BUDGET_SEED = 20_261_031;

/** Basis points the over-budget cost center's budget sits under its spend. */
export const SAMPLE_OVERRUN_BASIS_POINTS = 1_200;

/** Cents to $50 steps, half up. */
function roundToFifty(amount: number): number {
  return Math.round(amount / 5_000) * 5_000;
}

/**
 * The budget of the year of `latest` for every cost center with spend in it. `actuals` are the
 * chargeback's months of that year (others are ignored).
 */
export function sampleBudget(
  seed: number,
  latest: IsoMonth,
  actuals: readonly MonthActuals[],
): { lines: BudgetLine[]; overBudgetCostCenterId: string | null } {
  const year = monthParts(latest).year;
  const months = monthsOfYear(year);
  const inYear = actuals.filter((month) => monthParts(month.month).year === year);
  const spend = new Map<string, number>();
  for (const month of inYear) {
    for (const [id, amount] of month.byCostCenter) spend.set(id, (spend.get(id) ?? 0) + amount);
  }
  const ids = [...spend.keys()].filter((id) => (spend.get(id) ?? 0) > 0).sort();
  const over = ids.reduce<string | null>(
    (best, id) => (best === null || (spend.get(id) ?? 0) > (spend.get(best) ?? 0) ? id : best),
    null,
  );
  const random = seededRandom(deriveSeed(seed, 'budget'));
  const lines: BudgetLine[] = [];
  for (const id of ids) {
    const byMonth = new Map<IsoMonth, number>();
    for (const month of inYear) {
      const actual = month.byCostCenter.get(id) ?? 0;
      // −4% to +5% around the actual; the over-budget one 12% under.
      const offset = id === over ? -SAMPLE_OVERRUN_BASIS_POINTS : randomInt(random, -400, 500);
      byMonth.set(month.month, roundToFifty((actual * (10_000 + offset)) / 10_000));
    }
    const billed = [...byMonth.values()];
    const average =
      billed.length === 0 ? 0 : roundToFifty(billed.reduce((a, b) => a + b, 0) / billed.length);
    for (const month of months) {
      lines.push(budgetLine(id, '', month, cents(byMonth.get(month) ?? average)));
    }
  }
  return { lines, overBudgetCostCenterId: over };
}
