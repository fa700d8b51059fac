/**
 * Year to date runs from January to the last month with bills: a month inside that span with no
 * bills is an actual of $0.00 against its budget, not a month left out.
 */
import { describe, expect, it } from 'vitest';
import { budgetLine, monthsOfYear } from '../../../shared/budget/grid';
import { budgetVariance, type MonthActuals } from '../../../shared/budget/variance';
import { isoMonth, type IsoMonth } from '../../../shared/dates/iso-date';
import { cents, type Cents } from '../../../shared/money/cents';

/** One month's actuals: cost center cc1 charged `amount`, all on carrier car1. */
function billed(month: IsoMonth, amount: Cents): MonthActuals {
  return {
    month,
    byCostCenter: new Map([['cc1', amount]]),
    byCostCenterCarrier: new Map([['cc1|car1', amount]]),
    allocated: amount,
    unallocated: cents(0),
  };
}

const months = monthsOfYear(2026);
const quarter = months.slice(0, 3);
/** $100 a month from January to March, for all carriers (`''`) or one. */
const budgetOn = (carrierId: string) =>
  quarter.map((month) => budgetLine('cc1', carrierId, month, cents(100_00)));
// January $90, February no bills, March $120.
const actuals = [billed(isoMonth(2026, 1), cents(90_00)), billed(isoMonth(2026, 3), cents(120_00))];
const report = budgetVariance(months, budgetOn(''), actuals, ['cc1']);
const byCarrier = budgetVariance(months, budgetOn('car1'), actuals, ['cc1']);

describe('year to date with a month that had no bills', () => {
  it.each([
    ['cost center', report.rows.find((row) => row.carrierId === '')],
    ['total', report.total],
    ['cost center × carrier', byCarrier.rows.find((row) => row.carrierId === 'car1')],
  ])('counts that month as $0.00 actual against its budget (%s row)', (_, row) => {
    expect(report.through).toBe('2026-03');
    expect(row?.ytdBudget).toBe(300_00);
    expect(row?.ytdActual).toBe(210_00);
    expect(row?.ytdVariance).toBe(-90_00);
    expect(row?.ytdVarianceBasisPoints).toBe(-3000);
    expect(row?.months[1]).toEqual({ month: '2026-02', budget: 100_00, actual: 0 });
    expect(row?.months[3]?.actual).toBeNull();
  });

  it('leaves out the months before the year’s first bills (none were kept for them)', () => {
    const fromMarch = budgetVariance(months, budgetOn(''), actuals.slice(1), ['cc1']);
    expect(fromMarch.total.months.map((month) => month.actual)).toEqual([
      null,
      null,
      120_00,
      ...Array(9).fill(null),
    ]);
    expect(fromMarch.total.ytdBudget).toBe(100_00);
  });

  it('has no year to date before the first bills', () => {
    const empty = budgetVariance(months, budgetOn(''), [], ['cc1']);
    expect(empty.through).toBeNull();
    expect(empty.total.ytdBudget).toBe(0);
    expect(empty.total.months.every((month) => month.actual === null)).toBe(true);
  });
});
