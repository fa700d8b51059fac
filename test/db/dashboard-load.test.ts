import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MONTHS, loadDashboardData, type DashboardData } from '../../renderer/db/dashboard';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  dashboardView,
  NO_DASHBOARD_FILTER,
  type DashboardFilter,
} from '../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../shared/billing/dimensions';
import {
  contractSpendByMonth,
  latestMonthlySpend,
  spendInvoicesOf,
} from '../../shared/contracts/spend';
import { isoMonth } from '../../shared/dates';
import { loadSampleIntoDb } from '../helpers/sample-db';

const TO = isoMonth(2026, 10);

let db: TemDeskDatabase;
let full: DashboardData;

beforeAll(async () => {
  db = new TemDeskDatabase('dashboard-load-test');
  await db.open();
  await loadSampleIntoDb(db, { months: 26, scale: 0.2, endMonth: TO });
  full = await loadDashboardData(db);
});
afterAll(async () => {
  await db.delete();
});

const viewOf = (data: DashboardData, filter: Partial<DashboardFilter>) =>
  dashboardView(data.invoices, data.serviceTotals, new DimensionIndex(data), {
    ...NO_DASHBOARD_FILTER,
    ...filter,
  });

describe('the dashboard reads only the totals of its months', () => {
  it('reads every invoice’s totals without a range', () => {
    expect(full.range).toBe('all');
    expect(full.serviceTotals.size).toBe(full.invoices.length);
  });

  it.each([
    ['the default (last 12 months)', ALL_MONTHS],
    ['three months', { from: isoMonth(2025, 3), to: isoMonth(2025, 5) }],
    ['to a month before the last', { from: '' as const, to: isoMonth(2026, 2) }],
  ])('%s: fewer totals read, the same figures to the cent', async (_, range) => {
    const data = await loadDashboardData(db, range);
    expect(data.range).toEqual(range);
    expect(data.serviceTotals.size).toBeLessThan(full.serviceTotals.size);
    for (const filter of [{}, { siteId: full.sites[0]?.id ?? '' }, { serviceType: 'mobile-line' }])
      expect(viewOf(data, { ...range, ...filter })).toEqual(viewOf(full, { ...range, ...filter }));
  });

  it('shows nothing for a backwards range, as with every total read', async () => {
    const range = { from: isoMonth(2026, 5), to: isoMonth(2026, 1) };
    const data = await loadDashboardData(db, range);
    expect(viewOf(data, range).months).toEqual([]);
    for (const filter of [{}, { siteId: full.sites[0]?.id ?? '' }, { serviceType: 'mobile-line' }])
      expect(viewOf(data, { ...range, ...filter })).toEqual(viewOf(full, { ...range, ...filter }));
  });

  it('gives each contract’s latest month of spend exactly, whatever the range', async () => {
    const expected = latestMonthlySpend(
      contractSpendByMonth(
        full.contracts,
        full.services,
        full.accounts,
        spendInvoicesOf(full.invoices, full.accounts),
        (id) => full.serviceTotals.get(id),
      ),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(full.contractSpend).toEqual(expected);
    const old = await loadDashboardData(db, { from: isoMonth(2024, 10), to: isoMonth(2024, 12) });
    expect(old.contractSpend).toEqual(expected);
  });
});
