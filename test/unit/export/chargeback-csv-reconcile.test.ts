/**
 * Every chargeback CSV layout adds up to the month's invoices in the file itself: the unallocated
 * charges are rows booked to the suspense cost center and GL account.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import {
  BUILT_IN_PRESETS,
  chargebackCsv,
  CSV_TOTAL_LABEL,
  glJournalCsv,
  STANDARD_PRESET,
  type ChargebackNames,
  type ExportPreset,
} from '../../../shared/export/chargeback';
import {
  centsOfText,
  csvAmountSum,
  isTotalRow,
  parseChargebackCsv,
} from '../../helpers/chargeback-csv';
import { bills, company, costCenter, line, month, service, site } from '../allocation/helpers';
import { inputFor, MONTHS, worldArb } from '../allocation/world';

const CUSTOM_CHARGE: ExportPreset = {
  id: 'custom-charge',
  name: 'Custom per charge',
  grouping: 'charge',
  columns: [
    { field: 'amount', header: 'USD' },
    { field: 'costCenterCode', header: 'CC' },
    { field: 'glAccount', header: 'GL' },
  ],
};
const CUSTOM_JOURNAL: ExportPreset = {
  id: 'custom-journal',
  name: 'Custom journal',
  grouping: 'cost-center-gl',
  columns: [
    { field: 'costCenterCode', header: 'CC' },
    { field: 'glAccount', header: 'GL' },
    { field: 'amount', header: 'Net' },
  ],
};

/** Every layout with the column(s) its amounts are read from. */
const LAYOUTS: [ExportPreset, { amount: string } | { debit: string; credit: string }][] = [
  ...BUILT_IN_PRESETS.map(
    (preset): [ExportPreset, { amount: string } | { debit: string; credit: string }] => [
      preset,
      preset.columns.some((column) => column.field === 'amount')
        ? { amount: 'Amount' }
        : { debit: 'Debit', credit: 'Credit' },
    ],
  ),
  [CUSTOM_CHARGE, { amount: 'USD' }],
  [CUSTOM_JOURNAL, { amount: 'Net' }],
];

const input = company({
  costCenters: [
    costCenter('a', { code: '0045-A', name: 'Stores' }),
    costCenter('b', { code: '0045-B', name: 'Head office', active: false }),
  ],
  sites: [site('site-1', { code: 'STORE-0142', costCenterId: 'a' })],
  services: [service('s1', { siteId: 'site-1' }), service('s2', { costCenterId: 'b' })],
  markups: { a: 500 },
  ...bills([
    {
      id: 'i1',
      lines: [
        line('s1', 'recurring', 45_00),
        line('s2', 'recurring', 30_00),
        line('ghost', 'credit', -5_25, { description: '-5.25 credit' }),
        line('', 'tax', 12_34),
      ],
    },
  ]),
});
const result = allocateMonth(input);
const names: ChargebackNames = {
  costCenters: input.costCenters,
  carriers: [{ id: 'vz', name: 'Verizon Wireless' }],
  sites: input.sites,
};

describe('chargeback CSV carries the unallocated charges', () => {
  it('has unallocated charges to carry', () => {
    expect(result.exceptions.length).toBeGreaterThan(0);
    expect(result.totals.invoices).toBe(45_00 + 30_00 - 5_25 + 12_34);
  });

  it.each(LAYOUTS)('%s sums to the month’s invoices', (preset, columns) => {
    const csv = chargebackCsv(result, names, preset);
    expect(csvAmountSum(csv, columns)).toBe(result.totals.invoices);
  });

  it('books the unallocated rows to UNALLOCATED by default, keeping negative amounts numbers', () => {
    const rows = parseChargebackCsv(chargebackCsv(result, names, STANDARD_PRESET));
    const suspense = rows.filter((row) => row['Cost center'] === 'UNALLOCATED');
    // And the share of the $12.34 tax of those two ($24.75 of the $69.75 of service charges).
    expect(suspense.map((row) => [row['GL account'], row.Amount])).toEqual([
      ['UNALLOCATED', '30.00'],
      ['UNALLOCATED', '-5.25'],
      ['UNALLOCATED', '4.38'],
    ]);
  });

  it('keeps the site and user of an unallocated charge whose service is in the inventory', () => {
    const closed = company({
      costCenters: [costCenter('b', { code: '0045-B', name: 'Head office', active: false })],
      sites: [site('site-9', { code: 'STORE-0900', name: 'Store 900', costCenterId: 'b' })],
      services: [service('s9', { siteId: 'site-9', userName: 'Ana Ruiz' })],
      ...bills([{ id: 'i9', lines: [line('s9', 'recurring', 40_00)] }]),
    });
    const rows = parseChargebackCsv(
      chargebackCsv(allocateMonth(closed), { ...names, sites: closed.sites }, STANDARD_PRESET),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        'Cost center': 'UNALLOCATED',
        Site: 'STORE-0900',
        User: 'Ana Ruiz',
        Amount: '40.00',
      }),
    ]);
  });

  it('uses the configured suspense cost center and GL account', () => {
    const options = { suspenseCostCenter: '9999', suspenseGlAccount: '1990' };
    const detail = parseChargebackCsv(chargebackCsv(result, names, CUSTOM_CHARGE, options));
    expect(detail.filter((row) => row.CC === '9999').every((row) => row.GL === '1990')).toBe(true);
    expect(detail.filter((row) => row.CC === '9999')).toHaveLength(3);
    const journal = parseChargebackCsv(glJournalCsv(result, names, month('2026-10'), options));
    expect(journal.filter((row) => row['Cost center'] === '9999')).toEqual([
      expect.objectContaining({ 'GL account': '1990', Debit: '29.13', Credit: '' }),
    ]);
  });

  it.each(LAYOUTS)('%s can end with a total row holding the invoice total', (preset, columns) => {
    const csv = chargebackCsv(result, names, preset, { totalRow: true });
    const rows = parseChargebackCsv(csv);
    const last = rows.at(-1) ?? {};
    expect(isTotalRow(last)).toBe(true);
    const total =
      'amount' in columns
        ? centsOfText(last[columns.amount] ?? '')
        : centsOfText(last[columns.debit] ?? '') - centsOfText(last[columns.credit] ?? '');
    expect(total).toBe(result.totals.invoices);
    expect(csvAmountSum(csv, columns)).toBe(result.totals.invoices);
    expect(chargebackCsv(result, names, preset)).not.toContain(CSV_TOTAL_LABEL);
  });
});

describe('chargeback CSV reconciles (property)', () => {
  it.each(LAYOUTS)('%s: the file sums to totals.invoices for any month', (preset, columns) => {
    fc.assert(
      fc.property(worldArb, fc.constantFrom(...MONTHS), fc.boolean(), (world, target, totalRow) => {
        const worldInput = { ...inputFor(world), month: target };
        const monthResult = allocateMonth(worldInput);
        const csv = chargebackCsv(
          monthResult,
          { costCenters: worldInput.costCenters, carriers: [], sites: worldInput.sites },
          preset,
          { bom: true, totalRow },
        );
        expect(csvAmountSum(csv, columns)).toBe(monthResult.totals.invoices);
      }),
      { numRuns: 80 },
    );
  });
});
