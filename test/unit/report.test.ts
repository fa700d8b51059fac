import { describe, expect, it } from 'vitest';
import { monthlyReport } from '../../shared/billing/report';
import { isoMonth } from '../../shared/dates';
import { generateBillingVolume } from '../fixtures/generate/billing-volume';

describe('monthly report', () => {
  const invoices = generateBillingVolume({
    totalLines: 30_000,
    carriers: 2,
    accountsPerCarrier: 2,
    months: 14,
  }).map((g) => g.invoice);

  it('compares the month with the previous one and the same month last year, to the cent', () => {
    const report = monthlyReport(invoices, isoMonth(2026, 10));
    const total = (prefix: string) =>
      invoices
        .filter((i) => i.invoiceDate.startsWith(prefix))
        .reduce((s, i) => s + i.linesTotal, 0);
    expect(report.invoiceCount).toBe(4);
    expect(report.vsPreviousMonth).toMatchObject({
      current: total('2026-10'),
      previous: total('2026-09'),
      change: total('2026-10') - total('2026-09'),
    });
    expect(report.vsSameMonthLastYear.previous).toBe(total('2025-10'));
    expect(report.movers.length).toBeLessThanOrEqual(5);
    const changes = report.movers.map((m) => Math.abs(m.change));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    expect(report.movers.reduce((s, m) => s + m.change, 0)).toBe(report.vsPreviousMonth.change);
  });

  it('has no ratio when there is nothing to compare with', () => {
    expect(monthlyReport(invoices, isoMonth(2025, 1)).vsSameMonthLastYear.ratio).toBeNull();
  });
});
