/**
 * The Actual vs budget file adds up to the invoices: its total row is what the chargeback
 * allocated (as on the screen), and the charges it could not allocate are a labelled row of their
 * own, never silently left out.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import { monthsOfYear, budgetLine } from '../../../shared/budget/grid';
import {
  budgetVarianceCsv,
  VARIANCE_CARRIERS_LABEL,
  VARIANCE_UNALLOCATED_LABEL,
} from '../../../shared/budget/report';
import { actualsOf, budgetVariance } from '../../../shared/budget/variance';
import { cents } from '../../../shared/money/cents';
import { centsOfText } from '../../helpers/chargeback-csv';
import { company, month, rule, service } from '../allocation/helpers';
import { monthlyBills } from './unallocated-bills';

const input = company({
  services: [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })],
  // s1 split a third each, one third to an inactive cost center: that third is unallocated.
  rules: [
    rule('thirds', { kind: 'service', serviceId: 's1' }, [
      ['a', 3333],
      ['b', 3333],
      ['x', 3334],
    ]),
  ],
  ...monthlyBills(['2026-01', '2026-02']),
});
const results = ['2026-01', '2026-02'].map((m) => allocateMonth({ ...input, month: month(m) }));
const variance = budgetVariance(
  monthsOfYear(2026),
  [budgetLine('a', '', month('2026-01'), cents(90_00))],
  results.map(actualsOf),
  ['a', 'b'],
);
const names = { costCenters: input.costCenters, carriers: input.carriers };

function rowsOf(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

describe('the Actual vs budget CSV', () => {
  it('shows the unallocated charges as their own row, so total + unallocated = the invoices', () => {
    const rows = rowsOf(budgetVarianceCsv(variance, names));
    const total = rows.find((row) => row['Cost Center'] === 'Total');
    const unallocated = rows.find((row) => row['Cost Center'] === VARIANCE_UNALLOCATED_LABEL);
    const invoices = results.reduce((sum, result) => sum + result.totals.invoices, 0);
    expect(variance.ytdUnallocated).toBeGreaterThan(0);
    expect(centsOfText(total?.['Actual YTD'] ?? '')).toBe(variance.total.ytdActual);
    expect(centsOfText(unallocated?.['Actual YTD'] ?? '')).toBe(variance.ytdUnallocated);
    expect(
      centsOfText(total?.['Actual YTD'] ?? '') + centsOfText(unallocated?.['Actual YTD'] ?? ''),
    ).toBe(invoices);
    // The cost center rows add up to the total row.
    const costCenterRows = rows.filter(
      (row) => row['Carrier'] === 'All carriers' && row['Cost Center'] !== 'Total',
    );
    expect(costCenterRows.reduce((sum, row) => sum + centsOfText(row['Actual YTD'] ?? ''), 0)).toBe(
      variance.total.ytdActual,
    );
  });

  it('lists a carrier budgeted within its cost center apart, so every column of the table adds up to its total', () => {
    const carrierId = input.carriers[0]?.id ?? '';
    const withCarrier = budgetVariance(
      monthsOfYear(2026),
      [
        budgetLine('a', '', month('2026-01'), cents(90_00)),
        budgetLine('a', carrierId, month('2026-01'), cents(20_00)),
      ],
      results.map(actualsOf),
      ['a', 'b'],
    );
    const table = Papa.parse<string[]>(
      budgetVarianceCsv(withCarrier, names).replace(/^\uFEFF/, ''),
    ).data;
    const header = table[0] ?? [];
    const totalAt = table.findIndex((row) => row[0] === 'Total');
    const body = table.slice(1, totalAt);
    for (const column of ['Budget YTD', 'Actual YTD', 'Variance', 'Budget year']) {
      const at = header.indexOf(column);
      const sum = body.reduce((acc, row) => acc + centsOfText(row[at] ?? ''), 0);
      expect([column, sum]).toEqual([column, centsOfText(table[totalAt]?.[at] ?? '')]);
    }
    expect(centsOfText(table[totalAt]?.[header.indexOf('Budget year')] ?? '')).toBe(110_00);
    // The carrier's row comes after, under a title saying it is already counted.
    const titleAt = table.findIndex((row) => row[0] === VARIANCE_CARRIERS_LABEL);
    expect(titleAt).toBeGreaterThan(totalAt);
    expect(table.slice(titleAt).some((row) => row[1] === input.carriers[0]?.name)).toBe(true);
  });

  it('writes Variance % as a plain number a spreadsheet reads (as the chargeback does)', () => {
    const rows = rowsOf(budgetVarianceCsv(variance, names));
    const a = rows.find((row) => row['Cost Center']?.startsWith('A ') === true);
    const expected = variance.rows.find((row) => row.costCenterId === 'a');
    expect(expected?.ytdVarianceBasisPoints).toBeLessThan(0);
    expect(a?.['Variance %']).toMatch(/^-?\d+(\.\d+)?$/);
    expect(Number(a?.['Variance %'])).toBe((expected?.ytdVarianceBasisPoints ?? 0) / 100);
  });

  it('has no such row when everything is allocated', () => {
    const clean = budgetVariance(
      monthsOfYear(2026),
      [],
      [{ ...actualsOf(results[0] ?? allocateMonth(input)), unallocated: cents(0) }],
    );
    const text = budgetVarianceCsv(clean, names);
    expect(text).not.toContain(VARIANCE_UNALLOCATED_LABEL);
  });
});
