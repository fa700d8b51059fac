import { describe, expect, it } from 'vitest';
import { copyLastMonth, nextMonthDate } from '../../../shared/billing/manual-copy';
import { checkManualInvoice } from '../../../shared/billing/manual-invoice';
import type { IsoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';

const d = (text: string) => text as IsoDate;

describe('nextMonthDate', () => {
  it.each([
    ['2026-10-15', '2026-11-15'],
    ['2026-01-31', '2026-02-28'],
    ['2026-02-28', '2026-03-31'],
    ['2026-04-30', '2026-05-31'],
    ['2026-12-01', '2027-01-01'],
    ['2028-01-30', '2028-02-29'],
  ])('%s → %s', (from, to) => {
    expect(nextMonthDate(d(from))).toBe(to);
  });
});

describe('copyLastMonth', () => {
  const previous = {
    carrierName: 'Lumen',
    invoice: {
      accountNumber: '5-KE4X-001',
      invoiceNumber: 'N-1',
      invoiceDate: d('2026-10-01'),
      dueDate: d('2026-10-25'),
      periodStart: d('2026-10-01'),
      periodEnd: d('2026-10-31'),
    },
    lines: [
      {
        category: 'recurring' as const,
        serviceIdRaw: '555-010-0001',
        serviceKey: '+15550100001',
        description: 'MRC',
        amount: cents(85_00),
      },
      {
        category: 'credit' as const,
        serviceIdRaw: '',
        serviceKey: null,
        description: 'Promo',
        amount: cents(-5_00),
      },
    ],
  };

  it('moves every date a month on, keeps the account and copies the lines', () => {
    const form = copyLastMonth(previous);
    expect(form).toMatchObject({
      carrierName: 'Lumen',
      accountNumber: '5-KE4X-001',
      invoiceNumber: '',
      statedTotal: '',
      invoiceDate: '2026-11-01',
      dueDate: '2026-11-25',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      mode: 'service',
    });
    expect(form.lines).toEqual([
      {
        category: 'recurring',
        serviceIdRaw: '555-010-0001',
        serviceKey: '+15550100001',
        accountLevel: false,
        description: 'MRC',
        amount: '85.00',
      },
      {
        category: 'credit',
        serviceIdRaw: '',
        serviceKey: null,
        accountLevel: true,
        description: 'Promo',
        amount: '5.00',
      },
    ]);
  });

  it('gives a form that reads back to the same amounts once numbered and totalled', () => {
    const form = copyLastMonth({ ...previous, lines: previous.lines.slice(0, 1) });
    const check = checkManualInvoice(
      { ...form, invoiceNumber: 'N-2', statedTotal: '85.00' },
      { storedInvoiceKeys: new Set() },
    );
    expect(check.ok && check.value.lines[0]?.amount).toBe(85_00);
  });

  it('leaves blank the dates the previous invoice did not have; lines by category when no service', () => {
    const form = copyLastMonth({
      carrierName: 'Lumen',
      invoice: { accountNumber: '1', invoiceNumber: 'N-1', invoiceDate: d('2026-01-31') },
      lines: previous.lines.slice(1),
    });
    expect(form).toMatchObject({
      invoiceDate: '2026-02-28',
      dueDate: '',
      periodStart: '',
      periodEnd: '',
      mode: 'category',
    });
  });
});
