/**
 * The dashboard's biggest movers compare the range's last month with the month before it, and
 * only when that month is billed at all: a range starting before the first bill (or of one month)
 * shows no account "moving" from nothing — while after a billed month, a new account is a real
 * increase and stays.
 */
import { describe, expect, it } from 'vitest';
import { dashboardView, NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../shared/billing/dimensions';
import type { Invoice } from '../../shared/model';

const bill = (id: string, accountNumber: string, invoiceDate: string, amount: number) =>
  ({
    id,
    carrierId: 'vz',
    accountNumber,
    invoiceDate,
    categoryTotals: { recurring: amount },
  }) as unknown as Invoice;

const index = new DimensionIndex({ accounts: [], services: [], sites: [] });
const view = (invoices: Invoice[], from: string, to: string) =>
  dashboardView(invoices, new Map(), index, { ...NO_DASHBOARD_FILTER, from, to } as never);

describe('biggest movers', () => {
  const first = [bill('a', '100', '2026-10-05', 500_00), bill('b', '200', '2026-10-07', 300_00)];

  it('none when the month before the last precedes the first bill', () => {
    const shown = view(first, '2026-09', '2026-10');
    expect(shown.movers).toEqual([]);
    expect(shown.moversCompared).toBe(false);
  });

  it('none for a range of one month', () => {
    expect(view(first, '2026-10', '2026-10').movers).toEqual([]);
  });

  it('a new account after a billed month is a real increase', () => {
    const next = [
      ...first,
      bill('c', '100', '2026-11-05', 500_00),
      bill('d', '300', '2026-11-06', 80_00),
    ];
    const shown = view(next, '2026-10', '2026-11');
    expect(shown.moversCompared).toBe(true);
    expect(shown.movers.map((m) => [m.accountNumber, m.change])).toEqual([
      ['200', -300_00],
      ['300', 80_00],
    ]);
  });
});
