/**
 * The chargeback export's budget columns: Budget, Variance and Variance % per cost center, from
 * the allocation's own totals, once per cost center, in CSV, in the XLSX detail and in its Summary.
 */
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import {
  BUDGET_VARIANCE_PRESET,
  chargebackCsv,
  chargebackXlsx,
  type ChargebackNames,
} from '../../../shared/export/chargeback';
import { costCenterTotalsWithBudgets } from '../../../shared/export/chargeback-budget';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { cents } from '../../../shared/money/cents';
import { parseChargebackCsv } from '../../helpers/chargeback-csv';
import { bills, company, costCenter, line, service } from '../allocation/helpers';

// a: two GL accounts ($45 recurring on 6410, $10 tax on 6490); b: $30; c budgeted, not billed.
const input = company({
  costCenters: [
    costCenter('a', { code: 'A' }),
    costCenter('b', { code: 'B' }),
    costCenter('c', { code: 'C' }),
  ],
  services: [service('s1', { costCenterId: 'a' }), service('s2', { costCenterId: 'b' })],
  accountPolicies: { acct: { accountLevel: { costCenterId: 'a' } } },
  glMapping: { byCategory: { tax: '6490' }, byCategoryAndServiceType: {}, fallback: '6410' },
  ...bills([
    {
      id: 'i1',
      lines: [
        line('s1', 'recurring', 45_00),
        line('s2', 'recurring', 30_00),
        line('', 'tax', 10_00),
      ],
    },
  ]),
});
const result = allocateMonth(input);
const names: ChargebackNames = {
  costCenters: input.costCenters,
  carriers: input.carriers,
  sites: input.sites,
  budgets: new Map([
    ['a', cents(50_00)],
    ['b', cents(40_00)],
    ['c', cents(20_00)],
  ]),
};

describe('budget columns of the chargeback export', () => {
  it('puts each cost center’s budget and variance on its first row, and budgets unbilled ones', () => {
    const rows = parseChargebackCsv(chargebackCsv(result, names, BUDGET_VARIANCE_PRESET));
    expect(
      rows.map((row) => [
        row['Cost center'],
        row['GL account'],
        row.Amount,
        row.Budget,
        row.Variance,
        row['Variance %'],
      ]),
    ).toEqual([
      ['A', '6410', '45.00', '50.00', '5.00', '10'],
      ['A', '6490', '10.00', '', '', ''],
      ['B', '6410', '30.00', '40.00', '-10.00', '-25'],
      ['C', '', '0.00', '20.00', '-20.00', '-100'],
    ]);
  });

  it('adds Budget, Variance and Variance % to the XLSX Summary, totals included', () => {
    const [summary, detail] = inspectXlsx(
      chargebackXlsx(result, names, BUDGET_VARIANCE_PRESET),
    ).sheets;
    const header = summary?.values[0] ?? [];
    expect(header.slice(-3)).toEqual(['Budget', 'Variance', 'Variance %']);
    const budgetColumn = header.indexOf('Budget');
    expect(summary?.values.map((row) => row[budgetColumn])).toEqual(['Budget', 50, 40, 20, 110]);
    expect(detail?.values[0]).toContain('Variance %');
  });

  it('leaves the Summary as it was without a budget', () => {
    const { budgets: _unused, ...without } = names;
    void _unused;
    const [summary] = inspectXlsx(chargebackXlsx(result, without, BUDGET_VARIANCE_PRESET)).sheets;
    expect(summary?.values[0]).not.toContain('Budget');
  });
});

describe('a cost center budgeted for the month with no charge', () => {
  // a: $45 billed; y and z budgeted, not billed (z first in the budget); $25 nobody knows.
  const month = company({
    costCenters: [
      costCenter('a', { code: 'A' }),
      costCenter('y', { code: 'Y' }),
      costCenter('z', { code: 'Z' }),
    ],
    services: [service('s1', { costCenterId: 'a' })],
    ...bills([
      { id: 'i1', lines: [line('s1', 'recurring', 45_00), line('unknown-9', 'recurring', 25_00)] },
    ]),
  });
  const allocated = allocateMonth(month);
  const budgeted: ChargebackNames = {
    ...month,
    budgets: new Map([
      ['z', cents(20_00)],
      ['a', cents(50_00)],
      ['y', cents(30_00)],
    ]),
  };

  it('is a $0.00 row on the screen, by code after those with charges, before the unallocated', () => {
    expect(
      costCenterTotalsWithBudgets(allocated, budgeted).map((entry) => [
        entry.costCenterId,
        entry.total,
        entry.markup,
      ]),
    ).toEqual([
      ['a', 45_00, 0],
      ['y', 0, 0],
      ['z', 0, 0],
      [null, 25_00, 0],
    ]);
    // Without a budget the screen lists what the allocation has, nothing more.
    const { budgets: _none, ...unbudgeted } = budgeted;
    void _none;
    expect(costCenterTotalsWithBudgets(allocated, unbudgeted)).toEqual(allocated.byCostCenter);
  });

  it('is the same row in the XLSX Summary; every column still reconciles to the invoices', () => {
    const [summary] = inspectXlsx(
      chargebackXlsx(allocated, budgeted, BUDGET_VARIANCE_PRESET),
    ).sheets;
    const values = summary?.values ?? [];
    const header = values[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    expect(
      values.map((row) => [row[0], row[at('Total')], row[at('Budget')], row[at('Variance')]]),
    ).toEqual([
      ['Cost center', 'Total', 'Budget', 'Variance'],
      ['A', 45, 50, -5],
      ['Y', 0, 30, -30],
      ['Z', 0, 20, -20],
      [null, 25, null, 25],
      ['Total', 70, 100, -30],
    ]);
    expect(allocated.totals.invoices).toBe(70_00);
  });

  it('is a row of the CSV in the same order, its budget counted once', () => {
    const rows = parseChargebackCsv(chargebackCsv(allocated, budgeted, BUDGET_VARIANCE_PRESET));
    expect(rows.map((row) => [row['Cost center'], row.Amount, row.Budget, row.Variance])).toEqual([
      ['A', '45.00', '50.00', '-5.00'],
      ['Y', '0.00', '30.00', '-30.00'],
      ['Z', '0.00', '20.00', '-20.00'],
      ['UNALLOCATED', '25.00', '', '25.00'],
    ]);
  });
});
