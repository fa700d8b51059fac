/**
 * The budget grid: one row per cost center (× carrier), one column per month of a year, and the
 * two shortcuts finance uses to fill it — fill right (a month's amount across the rest of the
 * year) and copy last year (optionally with a % uplift).
 */
import { isoMonth, monthParts, type IsoMonth } from '../dates/iso-date';
import { budgetLineId, type BudgetLine } from '../model';
import { cents, type Cents } from '../money/cents';

/** One row of the grid: a cost center, a carrier (`''` = all) and its twelve months. */
export interface BudgetGridRow {
  costCenterId: string;
  carrierId: string;
  /** January to December; null where no budget is set. */
  amounts: (Cents | null)[];
}

/** The twelve months of a year. */
export function monthsOfYear(year: number): IsoMonth[] {
  return Array.from({ length: 12 }, (_, index) => isoMonth(year, index + 1));
}

/** Budget lines of `year` as grid rows, in the order of first appearance of each row's key. */
export function budgetGridRows(lines: readonly BudgetLine[], year: number): BudgetGridRow[] {
  const rows = new Map<string, BudgetGridRow>();
  for (const line of lines) {
    const { year: lineYear, month } = monthParts(line.month);
    if (lineYear !== year) continue;
    const key = `${line.costCenterId}|${line.carrierId}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        costCenterId: line.costCenterId,
        carrierId: line.carrierId,
        amounts: Array.from({ length: 12 }, () => null),
      };
      rows.set(key, row);
    }
    row.amounts[month - 1] = line.amount;
  }
  return [...rows.values()];
}

/** A budget cell. */
export function budgetLine(
  costCenterId: string,
  carrierId: string,
  month: IsoMonth,
  amount: Cents,
): BudgetLine {
  return {
    id: budgetLineId(costCenterId, carrierId, month),
    costCenterId,
    carrierId,
    month,
    amount,
  };
}

/**
 * Fill right: the lines that copy `from`'s amount to every later month of its year, for one row.
 * Empty when `from` has no budget. The caller writes them (replacing what those months had).
 */
export function fillRight(
  lines: readonly BudgetLine[],
  costCenterId: string,
  carrierId: string,
  from: IsoMonth,
): BudgetLine[] {
  const source = lines.find((line) => line.id === budgetLineId(costCenterId, carrierId, from));
  if (source === undefined) return [];
  const { year, month } = monthParts(from);
  return monthsOfYear(year)
    .slice(month)
    .map((target) => budgetLine(costCenterId, carrierId, target, source.amount));
}

/**
 * `amount` raised by `upliftBasisPoints` (250 = 2.5%; negative lowers it), rounded to the cent
 * half away from zero. Integer arithmetic: no float of dollars.
 */
export function withUplift(amount: Cents, upliftBasisPoints: number): Cents {
  if (!Number.isInteger(upliftBasisPoints))
    throw new RangeError(`Uplift must be whole basis points, got ${upliftBasisPoints}.`);
  const scaled = amount * (10_000 + upliftBasisPoints);
  const sign = scaled < 0 ? -1 : 1;
  const magnitude = Math.abs(scaled);
  const whole = Math.floor(magnitude / 10_000);
  const rest = magnitude - whole * 10_000;
  return cents(sign * (rest * 2 >= 10_000 ? whole + 1 : whole));
}

/**
 * Copy last year: every line of `year − 1` moved to the same month of `year`, with the uplift.
 * The caller writes them (replacing cells of `year` that last year also had; others stay).
 */
export function copyLastYear(
  lines: readonly BudgetLine[],
  year: number,
  upliftBasisPoints = 0,
): BudgetLine[] {
  return lines
    .filter((line) => monthParts(line.month).year === year - 1)
    .map((line) =>
      budgetLine(
        line.costCenterId,
        line.carrierId,
        isoMonth(year, monthParts(line.month).month),
        withUplift(line.amount, upliftBasisPoints),
      ),
    );
}

/**
 * A percentage typed by a user (`2.5`, `-3`, `2.5%`) as basis points; null when it is not one
 * (at most two decimals, between −100% and +1000%).
 */
export function upliftFromText(text: string): number | null {
  const match = /^\s*([+-]?)(\d{1,4})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (match === null) return null;
  const basisPoints =
    (Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'))) *
    (match[1] === '-' ? -1 : 1);
  return basisPoints < -10_000 || basisPoints > 100_000 ? null : basisPoints;
}
