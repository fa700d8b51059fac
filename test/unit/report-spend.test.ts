import { describe, expect, it } from 'vitest';
import {
  monthlyReport,
  reportMonths,
  spendByCarrier,
  spendByCostCenter,
} from '../../shared/billing/report';
import { isoMonth, type IsoDate } from '../../shared/dates';
import type { Invoice } from '../../shared/model';
import { NOT_IN_LINES_LABEL, NOT_ITEMISED_LABEL } from '../../shared/export/chargeback';
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

describe('invoices that state more than their lines itemise', () => {
  // A bill stating $1,100.00 whose lines add up to $1,030.00: the chargeback's exports carry the
  // $70.00 on a line of its own ("not itemised") so they add up to the invoices as billed. The
  // report's cost-center table did not, so it disagreed with the chargeback file by $70.00.
  it('the cost-center table has the not-itemised line and adds up to the invoices as stated', () => {
    const input = company({
      services: [service('s1', { costCenterId: 'a' })],
      ...bills([{ id: 'i1', lines: [line('s1', 'recurring', 1_030_00)] }]),
    });
    const stated = {
      ...input,
      invoices: input.invoices.map((i) => ({ ...i, statedTotal: cents(1_100_00) })),
    };
    const result = allocateMonth(stated);
    const rows = spendByCostCenter(result, stated.costCenters);
    expect(rows.map((r) => [r.code, r.name, r.total])).toEqual([
      ['A', 'Cost center a', 1_030_00],
      ['—', NOT_ITEMISED_LABEL, 70_00],
    ]);
    expect(rows.reduce((s, r) => s + r.total, 0)).toBe(1_100_00);
  });

  it('the month’s report says what the invoices state beside what their lines bill', () => {
    const stated = { ...invoice('a', 'vz', '2026-10-05', 1_030_00), statedTotal: cents(1_100_00) };
    const plain = invoice('b', 'att', '2026-10-07', 500_00);
    const report = monthlyReport([stated, plain], isoMonth(2026, 10));
    expect(report.vsPreviousMonth.current).toBe(1_530_00);
    expect(report.notItemised).toBe(70_00);
    expect(report.stated).toBe(1_600_00);
    const agrees = monthlyReport([plain], isoMonth(2026, 10));
    expect([agrees.notItemised, agrees.stated]).toEqual([0, 500_00]);
  });
});
