/**
 * The month's total against its budget: the total row's variance is its own amount (equal to the
 * invoices, the unallocated charges included) minus its budget, on every export, and the Variance
 * column adds up to it because the unallocated charges carry their own variance (no budget).
 */
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import {
  BUDGET_VARIANCE_PRESET,
  GL_JOURNAL_PRESET,
  STANDARD_PRESET,
  chargebackCsv,
  chargebackXlsx,
  type ChargebackNames,
} from '../../../shared/export/chargeback';
import { cents } from '../../../shared/money/cents';
import { centsOfText, isTotalRow, parseChargebackCsv } from '../../helpers/chargeback-csv';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { bills, company, costCenter, line, service } from '../allocation/helpers';

// a: $45 + b: $30 allocated; $25 billed for a service nobody knows (unallocated). Budget $90: allocated $75 is $15 under it, but the month's $100 is $10 (11.11%) over.
const charges = [line('s1', 'recurring', 45_00), line('s2', 'recurring', 30_00)];
const input = company({
  costCenters: ['a', 'b'].map((id) => costCenter(id, { code: id.toUpperCase() })),
  services: ['a', 'b'].map((id) => service(`s${id === 'a' ? 1 : 2}`, { costCenterId: id })),
  ...bills([{ id: 'i1', lines: [...charges, line('unknown-9', 'recurring', 25_00)] }]),
});
const result = allocateMonth(input);
const budgets = new Map([
  ['a', cents(50_00)],
  ['b', cents(40_00)],
]);
const names: ChargebackNames = { ...input, budgets };

describe('the month’s total against its budget', () => {
  it('reads across in the XLSX Summary: total − budget, Variance % filled, column adds up', () => {
    const [summary] = inspectXlsx(chargebackXlsx(result, names, BUDGET_VARIANCE_PRESET)).sheets;
    const values = summary?.values ?? [];
    const header = values[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    const unallocated = values.find((row) => String(row[1]).startsWith('Unallocated'));
    expect([unallocated?.[at('Budget')], unallocated?.[at('Variance')]]).toEqual([null, 25]);
    const total = values[values.length - 1] ?? [];
    expect([
      total[at('Total')],
      total[at('Budget')],
      total[at('Variance')],
      total[at('Variance %')],
    ]).toEqual([100, 90, 10, 11.11]);
  });

  it('the workbook’s layout sheet holds the CSV’s rows: its totals are the month’s, as the Summary’s', () => {
    const sheets = inspectXlsx(
      chargebackXlsx(result, names, BUDGET_VARIANCE_PRESET, { suspenseCostCenter: 'SUSP' }),
    ).sheets;
    const layout = sheets.find((sheet) => sheet.name === BUDGET_VARIANCE_PRESET.name);
    const values = layout?.values ?? [];
    const header = values[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    expect(values.some((row) => row[at('Cost center')] === 'SUSP')).toBe(true);
    const total = values[values.length - 1] ?? [];
    expect([total[at('Amount')], total[at('Budget')], total[at('Variance')]]).toEqual([
      100, 90, 10,
    ]);
    // Per charge: the Detail adds up to the invoices, the unknown service's $25.00 on the suspense.
    const detail = inspectXlsx(chargebackXlsx(result, names, STANDARD_PRESET)).sheets.find(
      (sheet) => sheet.name === 'Detail',
    )?.values;
    const detailHeader = detail?.[0] ?? [];
    expect(detail?.at(-1)?.[detailHeader.indexOf('Amount')]).toBe(100);
  });

  it('reads across in the “Cost centers vs budget” CSV, total row included', () => {
    const rows = parseChargebackCsv(
      chargebackCsv(result, names, BUDGET_VARIANCE_PRESET, { bom: true, totalRow: true }),
    );
    const body = rows.filter((row) => !isTotalRow(row));
    const sum = (field: string) => body.reduce((s, row) => s + centsOfText(row[field] ?? ''), 0);
    expect([sum('Amount'), sum('Budget'), sum('Variance')]).toEqual([100_00, 90_00, 10_00]);
    const total = rows.find(isTotalRow);
    expect([total?.Amount, total?.Budget, total?.Variance, total?.['Variance %']]).toEqual([
      '100.00',
      '90.00',
      '10.00',
      '11.11',
    ]);
  });

  it('a journal’s total row holds its Debit and Credit columns’ sums, as the workbook’s', () => {
    // b's $30.00 is outweighed by a $50.00 credit: its journal line is a $20.00 credit.
    const credited = company({
      costCenters: ['a', 'b'].map((id) => costCenter(id, { code: id.toUpperCase() })),
      services: ['a', 'b'].map((id) => service(`s${id === 'a' ? 1 : 2}`, { costCenterId: id })),
      ...bills([{ id: 'i1', lines: [...charges, line('s2', 'credit', -50_00)] }]),
    });
    const month = allocateMonth(credited);
    expect(month.totals.invoices).toBe(25_00);
    const csv = chargebackCsv(month, credited, GL_JOURNAL_PRESET, { totalRow: true });
    const rows = parseChargebackCsv(csv);
    const body = rows.filter((row) => !isTotalRow(row));
    const sum = (field: string) => body.reduce((s, row) => s + centsOfText(row[field] ?? ''), 0);
    const total = rows.find(isTotalRow);
    expect([total?.Debit, total?.Credit]).toEqual(['45.00', '20.00']);
    expect([sum('Debit'), sum('Credit')]).toEqual([45_00, 20_00]);
    const journal = inspectXlsx(chargebackXlsx(month, credited, GL_JOURNAL_PRESET)).sheets.find(
      (sheet) => sheet.name === GL_JOURNAL_PRESET.name,
    )?.values;
    const header = journal?.[0] ?? [];
    const last = journal?.at(-1) ?? [];
    expect([last[header.indexOf('Debit')], last[header.indexOf('Credit')]]).toEqual([45, 20]);
  });
});
