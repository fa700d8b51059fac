import { describe, expect, it } from 'vitest';
import { reportMonths, spendByCarrier, spendByCostCenter } from '../../shared/billing/report';
import { isoMonth, type IsoDate } from '../../shared/dates';
import type { Invoice } from '../../shared/model';
import { NOT_IN_LINES_LABEL } from '../../shared/export/chargeback';
import { cents } from '../../shared/money/cents';
import { allocateMonth } from '../../shared/allocation';
import { allocate, bills, company, line, service } from './allocation/helpers';

function invoice(id: string, carrierId: string, invoiceDate: string, linesTotal: number): Invoice {
  return {
    id,
    carrierId,
    accountNumber: `${carrierId}-1`,
    invoiceNumber: id,
    invoiceDate: invoiceDate as IsoDate,
    statedTotal: null,
    linesTotal: cents(linesTotal),
    lineCount: 1,
    categoryTotals: {},
    status: 'received',
    importBatchId: 'batch-1',
  };
}

describe('the monthly report’s months', () => {
  it('start at the first month with an invoice and end at the latest', () => {
    const invoices = [
      invoice('a', 'vz', '2026-03-05', 100),
      invoice('b', 'vz', '2026-06-05', 100),
      invoice('c', 'att', '2026-04-20', 100),
    ];
    expect(reportMonths(invoices)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('are none without invoices', () => {
    expect(reportMonths([])).toEqual([]);
  });
});

describe('spend by carrier', () => {
  const names = new Map([
    ['vz', 'Verizon Wireless'],
    ['att', 'AT&T Mobility'],
    ['lumen', 'Lumen'],
  ]);
  const invoices = [
    invoice('v10a', 'vz', '2026-10-01', 50_000),
    invoice('v10b', 'vz', '2026-10-20', 25_000),
    invoice('v09', 'vz', '2026-09-01', 70_000),
    invoice('a10', 'att', '2026-10-03', 90_000),
    invoice('l09', 'lumen', '2026-09-03', 10_000),
    invoice('l08', 'lumen', '2026-08-03', 99_999),
  ];

  it('sums each carrier’s invoices of the month beside the month before, largest first', () => {
    expect(spendByCarrier(invoices, isoMonth(2026, 10), names)).toEqual([
      { carrierId: 'att', carrier: 'AT&T Mobility', current: 90_000, previous: 0, change: 90_000 },
      {
        carrierId: 'vz',
        carrier: 'Verizon Wireless',
        current: 75_000,
        previous: 70_000,
        change: 5_000,
      },
      { carrierId: 'lumen', carrier: 'Lumen', current: 0, previous: 10_000, change: -10_000 },
    ]);
  });

  it('adds up to the month’s billed total', () => {
    const rows = spendByCarrier(invoices, isoMonth(2026, 10), names);
    expect(rows.reduce((s, r) => s + r.current, 0)).toBe(165_000);
  });
});

describe('spend by cost center', () => {
  it('is the chargeback’s allocation, largest first, the unallocated part last', () => {
    const input = company({
      services: [
        service('s1', { costCenterId: 'a' }),
        service('s2', { siteId: 'site-1' }),
        service('s3', { costCenterId: 'x' }),
      ],
      ...bills([
        {
          id: 'i1',
          lines: [
            line('s1', 'recurring', 4_500),
            line('s2', 'recurring', 12_000),
            line('s3', 'recurring', 700),
          ],
        },
      ]),
    });
    const result = allocate(input);
    const rows = spendByCostCenter(result, input.costCenters);
    expect(rows.map((r) => [r.code, r.total])).toEqual([
      ['B', 12_000],
      ['A', 4_500],
      ['Unallocated', 700],
    ]);
    // Figures agree with the chargeback to the cent.
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(result.totals.invoices);
    expect(rows.find((r) => r.code === 'B')?.name).toBe('Cost center b');
    // A month that does not reconcile (an invoice stored at $1.23 more than its lines): the
    // difference is a line of its own, as on the chargeback's screen, so the rows still total the
    // invoices.
    const short = allocateMonth({
      ...input,
      invoices: input.invoices.map((i) => ({ ...i, linesTotal: cents(i.linesTotal + 1_23) })),
    });
    const shortRows = spendByCostCenter(short, input.costCenters);
    expect(shortRows.at(-1)).toEqual({
      costCenterId: '',
      code: '—',
      name: NOT_IN_LINES_LABEL,
      total: 1_23,
    });
    expect(shortRows.reduce((s, r) => s + r.total, 0)).toBe(short.totals.invoices);
  });
});
