/**
 * An invoice stating more than its charge lines add up to ($1,100.00 stated, $1,030.00 in lines):
 * the chargeback allocates what the lines itemise, and every export says the difference on a line
 * of its own (on the suspense cost center in the CSV), so each file adds up to the invoices as
 * billed and names what no cost center was charged.
 */
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import {
  BUDGET_VARIANCE_PRESET,
  BUILT_IN_PRESETS,
  chargebackCsv,
  chargebackXlsx,
  NOT_ITEMISED_LABEL,
  notItemisedNote,
  STANDARD_PRESET,
  statedInvoicesTotal,
  type ChargebackNames,
} from '../../../shared/export/chargeback';
import { cents } from '../../../shared/money/cents';
import * as csvFile from '../../helpers/chargeback-csv';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { bills, company, line, service } from '../allocation/helpers';

const billed = bills([
  { id: 'i1', lines: [line('s1', 'recurring', 1000_00), line('', 'tax', 30_00)] },
]);
const input = company({
  services: [service('s1')],
  ...billed,
  invoices: billed.invoices.map((invoice) => ({ ...invoice, statedTotal: cents(1100_00) })),
});
const result = allocateMonth(input);
const names: ChargebackNames = {
  costCenters: input.costCenters,
  carriers: input.carriers,
  sites: input.sites,
  budgets: new Map([['a', cents(500_00)]]),
};
const STATED = 1100_00;

describe('a month whose invoices state more than their charge lines', () => {
  it('allocates the lines and keeps the difference beside them', () => {
    expect(result.totals.invoices).toBe(1030_00);
    expect(result.totals.allocated + result.totals.unallocated).toBe(1030_00);
    expect(statedInvoicesTotal(result)).toBe(STATED);
    const number = input.invoices[0]?.invoiceNumber ?? '';
    expect(notItemisedNote(result)).toBe(
      `The month's invoices state $1,100.00 in all, $70.00 more than their charge lines ($1,030.00): invoice ${number} $70.00. No charge line names a cost center for it, so it is not allocated; it stands on a line of its own so the total is the invoices as billed.`,
    );
  });

  it.each(BUILT_IN_PRESETS)('$name CSV adds up to the invoices as stated', (preset) => {
    const csv = chargebackCsv(result, names, preset, { totalRow: true });
    const columns = preset.columns.some((column) => column.field === 'amount')
      ? { amount: 'Amount' }
      : { debit: 'Debit', credit: 'Credit' };
    expect(csvFile.csvAmountSum(csv, columns)).toBe(STATED);
    const rows = csvFile.parseChargebackCsv(csv);
    const own = rows.filter((row) => row['Cost center name'] === NOT_ITEMISED_LABEL);
    expect(own).toHaveLength(1);
    expect(own[0]?.['Cost center']).toBe('UNALLOCATED');
    const total = rows.find(csvFile.isTotalRow);
    const read = (column: string) => csvFile.centsOfText(total?.[column] ?? '');
    const amount = 'amount' in columns ? read('Amount') : read('Debit') - read('Credit');
    expect(amount).toBe(STATED);
  });

  it('the budget layout’s Variance column adds up to its total row', () => {
    const rows = csvFile.parseChargebackCsv(
      chargebackCsv(result, names, BUDGET_VARIANCE_PRESET, { totalRow: true }),
    );
    const body = rows.filter((row) => !csvFile.isTotalRow(row));
    const variance = body.reduce((sum, row) => sum + csvFile.centsOfText(row.Variance ?? ''), 0);
    expect(variance).toBe(csvFile.centsOfText(rows.find(csvFile.isTotalRow)?.Variance ?? ''));
    expect(variance).toBe(STATED - 500_00);
  });

  it('the workbook’s Summary and Detail total the invoices as stated', () => {
    const [summary, detail] = inspectXlsx(chargebackXlsx(result, names, STANDARD_PRESET)).sheets;
    const header = summary?.values[0] ?? [];
    const body = (summary?.values ?? []).slice(1, -1);
    expect(body.some((row) => row[1] === NOT_ITEMISED_LABEL)).toBe(true);
    const totals = summary?.values.at(-1) ?? [];
    expect(Math.round(Number(totals[header.indexOf('Total')]) * 100)).toBe(STATED);
    const detailHeader = detail?.values[0] ?? [];
    const detailTotals = detail?.values.at(-1) ?? [];
    expect(detail?.values.some((row) => row.includes(NOT_ITEMISED_LABEL))).toBe(true);
    expect(Math.round(Number(detailTotals[detailHeader.indexOf('Amount')]) * 100)).toBe(STATED);
  });

  it('a month whose invoices add up has no such line', () => {
    const clean = allocateMonth({ ...input, invoices: billed.invoices });
    expect(statedInvoicesTotal(clean)).toBe(clean.totals.invoices);
    for (const preset of BUILT_IN_PRESETS)
      expect(chargebackCsv(clean, names, preset)).not.toContain(NOT_ITEMISED_LABEL);
  });
});
