import { describe, expect, it } from 'vitest';
import { dueState, invoiceRow, NEXT_STATUSES } from '../../shared/billing/invoice-rows';
import { isIsoDate, isoDate, type IsoDate } from '../../shared/dates';
import type { Invoice } from '../../shared/model';
import { cents } from '../../shared/money/cents';

function isoDateFrom(text: string): IsoDate {
  if (!isIsoDate(text)) throw new Error(`not a date: ${text}`);
  return text;
}

const invoice: Invoice = {
  id: 'i1',
  carrierId: 'c1',
  accountNumber: '842012345-00001',
  invoiceNumber: '9812345678',
  invoiceDate: isoDate(2026, 10, 16),
  dueDate: isoDate(2026, 11, 8),
  periodStart: isoDate(2026, 9, 17),
  periodEnd: isoDate(2026, 10, 16),
  statedTotal: cents(1000_00),
  linesTotal: cents(998_50),
  lineCount: 12,
  categoryTotals: {},
  status: 'received',
  importBatchId: 'b1',
};

describe('invoice rows', () => {
  it.each([
    ['2026-10-20', 'received', 'not-due'],
    ['2026-11-01', 'received', 'due-soon'],
    ['2026-11-08', 'approved', 'due-soon'],
    ['2026-11-09', 'received', 'overdue'],
    ['2026-12-30', 'paid', 'paid'],
  ] as const)('on %s an invoice %s is %s', (today, status, expected) => {
    expect(dueState({ ...invoice, status }, isoDateFrom(today))).toBe(expected);
  });

  it('has no due state without a due date', () => {
    expect(dueState({ status: 'received', dueDate: undefined }, isoDate(2026, 1, 1))).toBe(
      'no-due-date',
    );
  });

  it('shows as billed the stated total the carrier asks for, else the sum of the lines', () => {
    const today = isoDate(2026, 10, 20);
    expect(invoiceRow(invoice, 'X', today)).toMatchObject({ billed: 1000_00, linesTotal: 998_50 });
    expect(invoiceRow({ ...invoice, statedTotal: null }, 'X', today).billed).toBe(998_50);
  });

  it('shows the difference between stated total and lines to the cent', () => {
    const row = invoiceRow(invoice, 'Verizon Wireless', isoDate(2026, 10, 20));
    expect(row).toMatchObject({
      findings: 0,
      carrier: 'Verizon Wireless',
      difference: 1_50,
      period: '2026-09-17 – 2026-10-16',
    });
    expect(
      invoiceRow({ ...invoice, statedTotal: null }, 'X', isoDate(2026, 10, 20)).difference,
    ).toBeNull();
  });

  it('offers no step after paid (no lone Approve), and lets anything be put on hold before payment', () => {
    expect(NEXT_STATUSES.paid).toEqual([]);
    for (const status of ['received', 'reviewed', 'approved'] as const) {
      expect(NEXT_STATUSES[status]).toContain('on-hold');
    }
  });
});
