import { describe, expect, it } from 'vitest';
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
