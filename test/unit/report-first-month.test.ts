/**
 * The report's first month with bills has no month before to compare with: no carrier "changed"
 * and no account "moved" — while in a month that does follow a billed one, a carrier or account
 * new that month is a real increase and stays.
 */
import { describe, expect, it } from 'vitest';
import { monthlyReport, spendByCarrier } from '../../shared/billing/report';
import { isoMonth } from '../../shared/dates';
import { makeInvoice } from './audit/helpers';
import type { Invoice } from '../../shared/model';
import { cents } from '../../shared/money/cents';

function invoice(id: string, carrierId: string, invoiceDate: string, linesTotal: number): Invoice {
  const month = invoiceDate.slice(0, 7);
  const overrides = { id, carrierId, accountNumber: `${carrierId}-1`, invoiceNumber: id };
  return { ...makeInvoice({ month, ...overrides }), linesTotal: cents(linesTotal) };
}

const names = new Map(Object.entries({ vz: 'Verizon Wireless', att: 'AT&T Mobility' }));
// December is the first month with bills; AT&T starts in January.
const bills: [string, string, string, number][] = [
  ['v12', 'vz', '2025-12-05', 58_705_24],
  ['v01', 'vz', '2026-01-05', 60_000_00],
  ['a01', 'att', '2026-01-07', 12_000_00],
];
const invoices = bills.map((bill) => invoice(...bill));

describe('the monthly report against the month before', () => {
  it('has no last month and no change per carrier in the first month, a real one after it', () => {
    expect(spendByCarrier(invoices, isoMonth(2025, 12), names)).toEqual([
      {
        carrierId: 'vz',
        carrier: 'Verizon Wireless',
        current: 58_705_24,
        previous: null,
        change: null,
      },
    ]);
    // January follows a billed month: AT&T, new, is an increase from $0.00.
    expect(spendByCarrier(invoices, isoMonth(2026, 1), names)).toEqual([
      {
        carrierId: 'vz',
        carrier: 'Verizon Wireless',
        current: 60_000_00,
        previous: 58_705_24,
        change: 1_294_76,
      },
      {
        carrierId: 'att',
        carrier: 'AT&T Mobility',
        current: 12_000_00,
        previous: 0,
        change: 12_000_00,
      },
    ]);
  });

  it('lists no account as moved in the first month, and a new account after it', () => {
    const first = monthlyReport(invoices, isoMonth(2025, 12));
    expect(first.previousMonthBilled).toBe(false);
    expect(first.movers).toEqual([]);
    const report = monthlyReport(invoices, isoMonth(2026, 1));
    expect(report.previousMonthBilled).toBe(true);
    expect(
      report.movers.map((mover) => [mover.accountNumber, mover.previous, mover.change]),
    ).toEqual([
      ['att-1', 0, 12_000_00],
      ['vz-1', 58_705_24, 1_294_76],
    ]);
  });
});
