/**
 * A month that does not reconcile (an invoice whose stored charge lines no longer add up to it,
 * which the screen's reconciliation check reports) still exports to the invoices' total: the
 * difference is a labelled line of its own in the CSV and in the workbook's Summary.
 */
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import {
  BUDGET_VARIANCE_PRESET,
  BUILT_IN_PRESETS,
  chargebackCsv,
  chargebackXlsx,
  NOT_IN_LINES_LABEL,
  notInLines,
  STANDARD_PRESET,
  type ChargebackNames,
} from '../../../shared/export/chargeback';
import { cents } from '../../../shared/money/cents';
import * as csvFile from '../../helpers/chargeback-csv';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { bills, company, line, rule, service } from '../allocation/helpers';

const billed = bills([
  {
    id: 'i1',
    lines: [line('s1', 'recurring', 100_00), line('ghost', 'usage', 3_33), line('', 'tax', 1_01)],
  },
  { id: 'i2', lines: [line('s1', 'credit', -10_00)] },
]);
const input = company({
  services: [service('s1')],
  rules: [
    rule('thirds', { kind: 'service', serviceId: 's1' }, [
      ['a', 3333],
      ['b', 3333],
      ['c', 3334],
    ]),
  ],
  ...billed,
  // i1 is stored at $1.23 more than its lines (a block that no longer reads back).
  invoices: billed.invoices.map((invoice) =>
    invoice.id === 'i1' ? { ...invoice, linesTotal: cents(invoice.linesTotal + 1_23) } : invoice,
  ),
});
const result = allocateMonth(input);
const names: ChargebackNames = {
  costCenters: input.costCenters,
  carriers: input.carriers,
  sites: input.sites,
  budgets: new Map([['a', cents(20_00)]]),
};

describe('a month whose invoices are not all in their charge lines', () => {
  it('is the case here', () => {
    expect(notInLines(result)).toBe(1_23);
  });

  it.each(BUILT_IN_PRESETS)(
    '$name CSV adds up to the invoices, the difference labelled',
    (preset) => {
      const csv = chargebackCsv(result, names, preset, { totalRow: true });
      const columns = preset.columns.some((column) => column.field === 'amount')
        ? { amount: 'Amount' }
        : { debit: 'Debit', credit: 'Credit' };
      expect(csvFile.csvAmountSum(csv, columns)).toBe(result.totals.invoices);
      const rows = csvFile.parseChargebackCsv(csv);
      expect(rows.filter((row) => row['Cost center name'] === NOT_IN_LINES_LABEL)).toHaveLength(1);
      const total = rows.find(csvFile.isTotalRow);
      const read = (column: string) => csvFile.centsOfText(total?.[column] ?? '');
      const amount = 'amount' in columns ? read('Amount') : read('Debit') - read('Credit');
      expect(amount).toBe(result.totals.invoices);
    },
  );

  it('the budget layout’s Variance column adds up to its total row', () => {
    const rows = csvFile.parseChargebackCsv(
      chargebackCsv(result, names, BUDGET_VARIANCE_PRESET, { totalRow: true }),
    );
    const body = rows.filter((row) => !csvFile.isTotalRow(row));
    const variance = body.reduce((sum, row) => sum + csvFile.centsOfText(row.Variance ?? ''), 0);
    expect(variance).toBe(csvFile.centsOfText(rows.find(csvFile.isTotalRow)?.Variance ?? ''));
    expect(variance).toBe(result.totals.invoices - 20_00);
  });

  it('the workbook’s Summary totals the invoices, the difference on its own line', () => {
    const [summary] = inspectXlsx(chargebackXlsx(result, names, STANDARD_PRESET)).sheets;
    const header = summary?.values[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    const body = (summary?.values ?? []).slice(1, -1);
    const totals = summary?.values.at(-1) ?? [];
    expect(body.some((row) => row[1] === NOT_IN_LINES_LABEL)).toBe(true);
    for (const column of ['Total', 'Variance']) {
      const sum = body.reduce((s, row) => s + Math.round(Number(row[at(column)] ?? 0) * 100), 0);
      expect(Math.round(Number(totals[at(column)]) * 100)).toBe(sum);
    }
    expect(Math.round(Number(totals[at('Total')]) * 100)).toBe(result.totals.invoices);
  });

  it('in a layout per charge, its budget fields are blank, as on every row per charge', () => {
    const preset = {
      ...STANDARD_PRESET,
      id: 'per-charge-budget',
      columns: [
        ...STANDARD_PRESET.columns,
        { field: 'budget' as const, header: 'Budget' },
        { field: 'variance' as const, header: 'Variance' },
        { field: 'variancePercent' as const, header: 'Variance %' },
      ],
    };
    const rows = csvFile.parseChargebackCsv(
      chargebackCsv(result, names, preset, { totalRow: true }),
    );
    expect(rows.filter((row) => row['Cost center name'] === NOT_IN_LINES_LABEL)).toHaveLength(1);
    for (const row of rows) {
      expect([row.Budget, row.Variance, row['Variance %']]).toEqual(['', '', '']);
    }
  });

  it('a month that reconciles has no such line', () => {
    const clean = allocateMonth({ ...input, invoices: billed.invoices });
    expect(notInLines(clean)).toBe(0);
    for (const preset of BUILT_IN_PRESETS)
      expect(chargebackCsv(clean, names, preset)).not.toContain(NOT_IN_LINES_LABEL);
  });
});
