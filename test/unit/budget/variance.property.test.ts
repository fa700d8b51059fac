/**
 * Property: for any company (inventory, split rules, policies, bills) and any budget, the budget
 * report's actuals are the chargeback's figures to the cent — per cost center, per cost center ×
 * carrier, in total — and the variances are the differences of those figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import { budgetLine } from '../../../shared/budget/grid';
import { actualsOf, budgetVariance } from '../../../shared/budget/variance';
import { summaryTotal } from '../../../shared/export/chargeback';
import { cents, type Cents } from '../../../shared/money/cents';
import { COST_CENTERS, inputFor, MONTHS, worldArb } from '../allocation/world';

const budgetArb = fc.array(
  fc.record({
    costCenterId: fc.constantFrom(...COST_CENTERS, 'cc-unused'),
    carrierId: fc.constantFrom('', 'vz', 'other'),
    month: fc.constantFrom(...MONTHS),
    amount: fc.integer({ min: 0, max: 5_000_000 }),
  }),
  { maxLength: 12 },
);

describe('budget variance agrees with the chargeback', () => {
  it('actuals are the allocation’s cost center totals, carrier rows and allocated total', () => {
    fc.assert(
      fc.property(
        worldArb,
        budgetArb,
        fc.integer({ min: 1, max: MONTHS.length }),
        (world, cells, closedCount) => {
          const input = inputFor(world);
          const closed = MONTHS.slice(0, closedCount);
          const results = closed.map((month) => allocateMonth({ ...input, month }));
          // One cell per key, as the table's primary key makes it.
          const byId = new Map(
            cells.map((cell) => {
              const line = budgetLine(
                cell.costCenterId,
                cell.carrierId,
                cell.month,
                cents(cell.amount),
              );
              return [line.id, line];
            }),
          );
          const budgets = [...byId.values()];
          const report = budgetVariance(MONTHS, budgets, results.map(actualsOf), COST_CENTERS);

          for (const result of results) {
            const i = MONTHS.indexOf(result.month);
            // Total: the chargeback's allocated total (and with unallocated, its invoices).
            expect(report.total.months[i]?.actual).toBe(result.totals.allocated);
            expect(summaryTotal(result)).toBe(result.totals.invoices);
            for (const entry of result.byCostCenter) {
              if (entry.costCenterId === null) continue;
              const row = report.rows.find(
                (r) => r.costCenterId === entry.costCenterId && r.carrierId === '',
              );
              expect(row?.months[i]?.actual ?? 0).toBe(entry.total);
            }
            for (const row of report.rows.filter((r) => r.carrierId !== '')) {
              const expected = result.rows
                .filter((r) => r.costCenterId === row.costCenterId && r.carrierId === row.carrierId)
                .reduce((sum, r) => sum + r.amount, 0);
              expect(row.months[i]?.actual).toBe(expected);
            }
          }
          // Months not closed have no actual; year to date covers exactly the closed ones.
          for (const row of [...report.rows, report.total]) {
            expect(row.months.slice(closedCount).every((m) => m.actual === null)).toBe(true);
            const ytdBudget = row.months.slice(0, closedCount).reduce((s, m) => s + m.budget, 0);
            const ytdActual = row.months
              .slice(0, closedCount)
              .reduce((s, m) => s + (m.actual ?? 0), 0);
            expect(row.ytdBudget).toBe(ytdBudget);
            expect(row.ytdActual).toBe(ytdActual);
            expect(row.ytdVariance).toBe(ytdActual - ytdBudget);
            expect(Number.isSafeInteger(row.ytdActual)).toBe(true);
          }
          // Every budget cell is counted once in its cost center and once in the total.
          const totalBudget = budgets.reduce((sum, line) => sum + line.amount, 0);
          expect(report.total.yearBudget).toBe(totalBudget);
          expect(
            report.rows.filter((r) => r.carrierId === '').reduce((s, r) => s + r.yearBudget, 0),
          ).toBe(totalBudget);
          expect(report.total.ytdActual).toBe(
            results.reduce((sum, result) => sum + result.totals.allocated, 0),
          );
          expect(report.ytdUnallocated).toBe(
            results.reduce((sum, result) => sum + result.totals.unallocated, 0),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('variance % is of the budget, rounded to the basis point, and absent without a budget', () => {
    const month = MONTHS[0];
    if (month === undefined) throw new Error('no month');
    const actuals = {
      month,
      byCostCenter: new Map<string, Cents>(),
      byCostCenterCarrier: new Map<string, Cents>(),
      allocated: cents(4_00),
      unallocated: cents(0),
    };
    const report = budgetVariance(
      [month],
      [budgetLine('cc-x', '', month, cents(3_00))],
      [{ ...actuals, byCostCenter: new Map([['cc-x', cents(4_00)]]) }],
    );
    const row = report.rows.find((r) => r.costCenterId === 'cc-x');
    expect(row).toMatchObject({ ytdVariance: 100, ytdVarianceBasisPoints: 3_333 });
    const unbudgeted = budgetVariance(
      [month],
      [],
      [{ ...actuals, byCostCenter: new Map([['cc-y', cents(4_00)]]) }],
    ).rows.find((r) => r.costCenterId === 'cc-y');
    expect(unbudgeted).toMatchObject({
      ytdBudget: 0,
      ytdActual: 400,
      ytdVarianceBasisPoints: null,
    });
  });
});
