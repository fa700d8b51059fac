import { describe, expect, it } from 'vitest';
import { allocateMonth } from '../../../shared/allocation';
import {
  chargebackCsv,
  chargebackXlsx,
  glJournalCsv,
  GL_JOURNAL_PRESET,
  presetProblem,
  STANDARD_PRESET,
  summaryTotal,
  UNALLOCATED_LABEL,
  type ChargebackNames,
  type ExportPreset,
} from '../../../shared/export/chargeback';
import { inspectXlsx } from '../../helpers/xlsx-inspect';
import { bills, company, costCenter, line, month, service, site } from '../allocation/helpers';

const input = company({
  costCenters: [
    costCenter('a', { code: '0045-A', name: 'Stores, East' }),
    costCenter('b', { code: '0045-B', name: 'Head office' }),
    costCenter('c', { code: '0045-C', name: 'IT' }),
  ],
  sites: [site('site-1', { code: 'STORE-0142', name: 'Dallas', costCenterId: 'a' })],
  services: [
    service('s1', { siteId: 'site-1', userName: 'J. Smith' }),
    service('s2', { costCenterId: 'b', type: 'circuit' }),
  ],
  glMapping: {
    byCategory: { recurring: '6400' },
    byCategoryAndServiceType: { recurring: { circuit: '6410' } },
    fallback: '6999',
  },
  markups: { a: 1_000 },
  ...bills([
    {
      id: 'i1',
      lines: [
        line('s1', 'recurring', 45_00),
        line('s2', 'recurring', 300_00),
        line('', 'tax', 12_34),
      ],
    },
    {
      id: 'i2',
      lines: [
        line('s1', 'usage', 9_99, { description: 'Roaming, "Canada"' }),
        line('ghost', 'recurring', 20_00),
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
const invoiceTotal = 45_00 + 300_00 + 12_34 + 9_99 + 20_00;

describe('chargeback workbook', () => {
  const book = inspectXlsx(chargebackXlsx(result, names, STANDARD_PRESET));
  const [summary, detail, exceptions] = book.sheets;

  it('has Summary, Detail and Exceptions sheets with frozen headers', () => {
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Detail', 'Exceptions']);
    expect(book.sheets.every((sheet) => sheet.frozenRows === 1)).toBe(true);
  });

  it("Summary's total equals the month's invoice total, exceptions included", () => {
    expect(result.totals.invoices).toBe(invoiceTotal);
    expect(summaryTotal(result)).toBe(invoiceTotal);
    const header = summary?.values[0] ?? [];
    expect(header).toEqual([
      'Cost center',
      'Name',
      'Recurring',
      'Usage',
      'Taxes',
      'Total',
      'Mark-up',
      'Total with mark-up',
    ]);
    const totals = summary?.values.at(-1) ?? [];
    expect(totals[0]).toBe('Total');
    expect(Math.round(Number(totals[header.indexOf('Total')]) * 100)).toBe(invoiceTotal);
    expect(summary?.values.at(-2)?.slice(0, 2)).toEqual([null, UNALLOCATED_LABEL]);
    expect(summary?.values[1]?.slice(0, 2)).toEqual(['0045-A', 'Stores, East']);
  });

  it('Detail follows the preset, one row per charge (the unallocated ones on the suspense cost center, as in the CSV), money as numbers', () => {
    expect(detail?.values[0]).toEqual(STANDARD_PRESET.columns.map((column) => column.header));
    expect(detail?.values.length).toBe(result.rows.length + result.exceptions.length + 2);
    expect(result.exceptions.length).toBeGreaterThan(0);
    const first = detail?.values[1];
    expect(first).toEqual([
      '2026-10',
      '0045-A',
      'Stores, East',
      '6400',
      'STORE-0142',
      'Verizon Wireless',
      'acct-no',
      'INV-i1',
      'raw-s1',
      'J. Smith',
      'Recurring',
      'recurring s1',
      45,
    ]);
    const amountCell = detail?.rows[1]?.[12];
    expect(amountCell).toMatchObject({ type: 'n', numFmtId: 164 });
    // Its total is the month's invoices, as the Summary's is.
    expect(Math.round(Number(detail?.values.at(-1)?.[12]) * 100)).toBe(result.totals.invoices);
  });

  it('Exceptions lists each unallocated amount with the reason', () => {
    expect(exceptions?.values[1]).toEqual([
      'Service not in inventory',
      'Verizon Wireless',
      'acct-no',
      'INV-i2',
      'raw-ghost',
      'Recurring',
      'recurring ghost',
      20,
      expect.stringContaining('not in the inventory'),
    ]);
  });

  it('uses a custom layout: chosen, ordered and renamed columns', () => {
    const preset: ExportPreset = {
      id: 'mine',
      name: 'Mine',
      grouping: 'charge',
      columns: [
        { field: 'amount', header: 'USD' },
        { field: 'costCenterCode', header: 'CC' },
      ],
    };
    expect(presetProblem(preset)).toBeNull();
    const read = inspectXlsx(chargebackXlsx(result, names, preset)).sheets[1];
    expect(read?.values.slice(0, 2)).toEqual([
      ['USD', 'CC'],
      [45, '0045-A'],
    ]);
  });
});

describe('chargeback CSV', () => {
  it('writes the preset layout with exact decimals, quoting and a BOM', () => {
    const csv = chargebackCsv(result, names, STANDARD_PRESET);
    const records = csv.split('\r\n');
    expect(records[0]).toBe(`\uFEFF${STANDARD_PRESET.columns.map((c) => c.header).join(',')}`);
    expect(records[1]).toBe(
      '2026-10,0045-A,"Stores, East",6400,STORE-0142,Verizon Wireless,acct-no,INV-i1,raw-s1,J. Smith,Recurring,recurring s1,45.00',
    );
    expect(csv).toContain('"Roaming, ""Canada"""');
    expect(records.at(-1)).toBe('');
  });

  it('writes a GL journal: one line per cost center × GL account, with a memo, suspense last', () => {
    const csv = glJournalCsv(result, names, month('2026-10'), { bom: false });
    expect(csv.split('\r\n')).toEqual([
      'Period,Cost center,Cost center name,GL account,Debit,Credit,Mark-up,Memo',
      '2026-10,0045-A,"Stores, East",6400,45.00,,4.50,Telecom chargeback 2026-10 — 1 invoice',
      // Tax 12.34 spread 45 : 300 → 1.61 + 10.73; usage 9.99 → A. Mark-up 10% on A only.
      '2026-10,0045-A,"Stores, East",6999,11.60,,1.16,Telecom chargeback 2026-10 — 2 invoices',
      '2026-10,0045-B,Head office,6410,300.00,,0.00,Telecom chargeback 2026-10 — 1 invoice',
      '2026-10,0045-B,Head office,6999,10.73,,0.00,Telecom chargeback 2026-10 — 1 invoice',
      // The unknown service's 20.00 on the suspense line, so the journal equals the invoices.
      '2026-10,UNALLOCATED,Unallocated (suspense),UNALLOCATED,20.00,,0.00,Unallocated telecom charges 2026-10 — 1 invoice',
      '',
    ]);
  });
});

describe('presetProblem', () => {
  it.each<[string, Partial<ExportPreset>, string | null]>([
    ['the built-in journal', GL_JOURNAL_PRESET, null],
    ['no columns', { columns: [] }, 'Choose at least one column.'],
    ['a blank name', { name: ' ' }, 'Give the layout a name.'],
    [
      'duplicate headers',
      {
        columns: [
          { field: 'amount', header: 'A' },
          { field: 'markup', header: 'a' },
        ],
      },
      'Two columns are called "a".',
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(presetProblem({ ...STANDARD_PRESET, ...overrides })).toBe(expected);
  });
});

describe('charges at a closed site in the workbook', () => {
  const closed = company({
    costCenters: [costCenter('a', { code: '0045-A', name: 'Stores, East' })],
    sites: [site('site-1', { code: 'STORE-0142', costCenterId: 'a', status: 'closed' })],
    services: [service('s1', { siteId: 'site-1' }), service('s2', { costCenterId: 'a' })],
    ...bills([
      { id: 'i1', lines: [line('s1', 'recurring', 80_00), line('s2', 'recurring', 20_00)] },
    ]),
  });
  const allocated = allocateMonth(closed);
  const book = inspectXlsx(chargebackXlsx(allocated, names, STANDARD_PRESET));

  it('are allocated to the site’s cost center and listed on a review sheet whose total is not added again', () => {
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Detail',
      'Exceptions',
      'For review (allocated)',
    ]);
    const review = book.sheets[3]?.values ?? [];
    expect(review[1]?.[0]).toBe('Closed site');
    expect(review.at(-1)).toEqual(
      expect.arrayContaining(['Total for review (already in the allocation)', 80]),
    );
    // The Summary still sums to the invoice, once.
    expect(summaryTotal(allocated)).toBe(100_00);
    expect(allocated.totals).toMatchObject({ allocated: 100_00, unallocated: 0 });
  });

  it('has no review sheet when nothing needs one', () => {
    expect(
      inspectXlsx(chargebackXlsx(result, names, STANDARD_PRESET)).sheets.map((s) => s.name),
    ).not.toContain('For review (allocated)');
  });
});
