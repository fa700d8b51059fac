/** The budget grid's shortcuts: fill right and copy last year with an uplift. */
import { describe, expect, it } from 'vitest';
import {
  budgetGridRows,
  budgetLine,
  copyLastYear,
  fillRight,
  upliftFromText,
  withUplift,
} from '../../../shared/budget/grid';
import { isoMonth } from '../../../shared/dates/iso-date';
import { cents } from '../../../shared/money/cents';

const lines = [
  budgetLine('cc-1', '', isoMonth(2026, 3), cents(1_000_00)),
  budgetLine('cc-1', 'car-vz', isoMonth(2026, 11), cents(50_00)),
  budgetLine('cc-2', '', isoMonth(2025, 12), cents(333_33)),
  budgetLine('cc-2', '', isoMonth(2025, 1), cents(100_01)),
];

describe('fill right', () => {
  it('copies a month to every later month of its year, for that row only', () => {
    const filled = fillRight(lines, 'cc-1', '', isoMonth(2026, 3));
    expect(filled.map((line) => line.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(
      new Set(filled.map((line) => `${line.costCenterId}|${line.carrierId}|${line.amount}`)),
    ).toEqual(new Set(['cc-1||100000']));
    expect(filled[0]?.id).toBe('cc-1||2026-04');
  });

  it('does nothing from December or from an empty cell', () => {
    expect(fillRight(lines, 'cc-2', '', isoMonth(2025, 12))).toEqual([]);
    expect(fillRight(lines, 'cc-1', '', isoMonth(2026, 4))).toEqual([]);
  });
});

describe('copy last year', () => {
  it('moves every line of the year before to the same month, unchanged without uplift', () => {
    expect(copyLastYear(lines, 2026)).toEqual([
      budgetLine('cc-2', '', isoMonth(2026, 12), cents(333_33)),
      budgetLine('cc-2', '', isoMonth(2026, 1), cents(100_01)),
    ]);
  });

  it('applies the uplift to the cent, rounding half away from zero', () => {
    expect(copyLastYear(lines, 2026, 250).map((line) => line.amount)).toEqual([341_66, 102_51]);
    expect(withUplift(cents(2), 2_500)).toBe(3); // 2.5 cents → 3
    expect(withUplift(cents(-2), 2_500)).toBe(-3);
    expect(withUplift(cents(100_00), -10_000)).toBe(0);
  });

  it('copies nothing into a year whose previous year has no budget', () => {
    expect(copyLastYear(lines, 2028)).toEqual([]);
  });
});

describe('grid rows and the uplift field', () => {
  it('lays out a year as one row per cost center × carrier with twelve months', () => {
    const rows = budgetGridRows(lines, 2026);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.amounts[2]).toBe(1_000_00);
    expect(rows[0]?.amounts.filter((amount) => amount !== null)).toHaveLength(1);
    expect(rows[1]).toMatchObject({ costCenterId: 'cc-1', carrierId: 'car-vz' });
  });

  it.each([
    ['2.5', 250],
    ['2.5 %', 250],
    ['-3', -300],
    ['0', 0],
    ['10.05%', 1_005],
    ['abc', null],
    ['1.234', null],
    ['-150', null],
  ])('reads %s as %s basis points', (text, basisPoints) => {
    expect(upliftFromText(text)).toBe(basisPoints);
  });
});
