import { describe, expect, it } from 'vitest';
import { monthsOf, NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import { isoMonth } from '../../shared/dates';
import {
  lastMonths,
  monthlySpendByCarrier,
  spendByCategoryGroup,
} from '../../shared/billing/dashboard';
import { generateBillingVolume } from '../fixtures/generate/billing-volume';

describe('dashboard aggregates', () => {
  const invoices = generateBillingVolume({
    totalLines: 20_000,
    carriers: 3,
    accountsPerCarrier: 2,
    months: 14,
  }).map((g) => g.invoice);
  const names = new Map([
    ['carrier-1', 'Verizon Wireless'],
    ['carrier-2', 'Lumen'],
    ['carrier-3', 'Comcast Business'],
  ]);

  it('takes the last N months that have bills', () => {
    expect(lastMonths(invoices, 12)).toHaveLength(12);
    expect(lastMonths(invoices, 12).at(-1)).toBe('2026-10');
    expect(lastMonths([], 12)).toEqual([]);
  });

  it('splits monthly spend by carrier and reconciles to the invoices, to the cent', () => {
    const months = lastMonths(invoices, 12);
    const spend = monthlySpendByCarrier(invoices, names, months);
    const inRange = invoices.filter((i) =>
      (months as readonly string[]).includes(i.invoiceDate.slice(0, 7)),
    );
    const expected = inRange.reduce((sum, i) => sum + i.linesTotal, 0);
    expect(spend.totals.reduce((a, b) => a + b, 0)).toBe(expected);
    expect(spend.series.map((s) => s.carrier).sort()).toEqual([
      'Comcast Business',
      'Lumen',
      'Verizon Wireless',
    ]);
    expect(spendByCategoryGroup(invoices, months).reduce((sum, g) => sum + g.total, 0)).toBe(
      expected,
    );
  });
});

describe('dashboard month range', () => {
  const billed = { first: isoMonth(2026, 8), latest: isoMonth(2026, 10) };
  it('defaults to the last 12 months with bills, never before the first bill', () => {
    expect(monthsOf(NO_DASHBOARD_FILTER, billed)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(
      monthsOf(NO_DASHBOARD_FILTER, { first: isoMonth(2020, 1), latest: isoMonth(2026, 10) }),
    ).toHaveLength(12);
    expect(monthsOf(NO_DASHBOARD_FILTER, { first: '', latest: '' })).toEqual([]);
  });

  it('honours a chosen range, even beyond the bills, and gives nothing for a backwards one', () => {
    expect(monthsOf({ ...NO_DASHBOARD_FILTER, from: isoMonth(2026, 6) }, billed)).toHaveLength(5);
    expect(monthsOf({ ...NO_DASHBOARD_FILTER, to: isoMonth(2026, 9) }, billed)).toEqual([
      '2026-08',
      '2026-09',
    ]);
    expect(
      monthsOf({ ...NO_DASHBOARD_FILTER, from: isoMonth(2026, 10), to: isoMonth(2026, 9) }, billed),
    ).toEqual([]);
  });
});
