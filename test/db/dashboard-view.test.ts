import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChargeLines } from '../../renderer/db/charges';
import { loadDashboardData, type DashboardData } from '../../renderer/db/dashboard';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  dashboardView,
  latestInvoiceMonth,
  NO_DASHBOARD_FILTER,
  UNASSIGNED,
  type DashboardFilter,
} from '../../shared/billing/dashboard-view';
import { DimensionIndex } from '../../shared/billing/dimensions';
import { monthlySpendByCarrier } from '../../shared/billing/dashboard';
import { isoMonth } from '../../shared/dates';
import { loadSampleIntoDb } from '../helpers/sample-db';

let db: TemDeskDatabase;
let data: DashboardData;
let index: DimensionIndex;

beforeAll(async () => {
  db = new TemDeskDatabase('dashboard-view-test');
  await db.open();
  // An explicit last month: the months below are the sample's, not the calendar's.
  await loadSampleIntoDb(db, { months: 14, scale: 0.3, endMonth: TO });
  data = await loadDashboardData(db);
  index = new DimensionIndex(data);
});
afterAll(async () => {
  await db.delete();
});

const FROM = isoMonth(2025, 9);
const TO = isoMonth(2026, 10);

const view = (filter: Partial<DashboardFilter> = {}) =>
  dashboardView(data.invoices, data.serviceTotals, index, { ...NO_DASHBOARD_FILTER, ...filter });

describe('dashboard aggregates of the sample company', () => {
  it('total, months and carriers equal the invoices of the last 12 months to the cent', () => {
    const v = view();
    const latest = latestInvoiceMonth(data.invoices);
    expect(v.months).toHaveLength(12);
    expect(v.months.at(-1)).toBe(latest);
    const inRange = data.invoices.filter((i) =>
      new Set<string>(v.months).has(i.invoiceDate.slice(0, 7)),
    );
    expect(v.total).toBe(inRange.reduce((sum, i) => sum + i.linesTotal, 0));
    expect(v.invoiceCount).toBe(inRange.length);
    const expected = monthlySpendByCarrier(data.invoices, new Map(), v.months);
    expect(v.monthTotals).toEqual(expected.totals);
    expect(new Map(v.byCarrier.map((s) => [s.carrierId, s.values]))).toEqual(
      new Map(expected.series.map((s) => [s.carrierId, s.values])),
    );
    expect(v.byGroup.reduce((sum, g) => sum + g.total, 0)).toBe(v.total);
    expect(v.byType.reduce((sum, t) => sum + t.total, 0)).toBe(v.total);
  });

  it('splits the total exactly across sites, cost centers and service types', () => {
    const all = view({ from: FROM, to: TO });
    expect(all.months).toHaveLength(14);
    expect(all.bySite.length).toBeLessThanOrEqual(10);
    const sites = new Set(data.sites.map((s) => s.id).concat(UNASSIGNED));
    const siteSum = [...sites].reduce(
      (sum, siteId) => sum + view({ from: FROM, to: TO, siteId }).total,
      0,
    );
    expect(siteSum).toBe(all.total);
    const costCenterSum = [...data.costCenters.map((c) => c.id), UNASSIGNED].reduce(
      (sum, costCenterId) => sum + view({ from: FROM, to: TO, costCenterId }).total,
      0,
    );
    expect(costCenterSum).toBe(all.total);
    for (const type of all.byType)
      expect(view({ from: FROM, to: TO, serviceType: type.id }).total).toBe(type.total);
    // The top site really is the biggest one.
    const top = all.bySite[0];
    expect(top && view({ from: FROM, to: TO, siteId: top.id }).total).toBe(top?.total);
  });

  it("a site's spend equals the sum of its services' charge lines", async () => {
    const v = view();
    const site = v.bySite.find((s) => s.id !== UNASSIGNED);
    if (!site) throw new Error('no site with spend');
    const keys = new Map<string, string>(); // carrierId|key → siteId
    for (const service of data.services) {
      const account = data.accounts.find((a) => a.id === service.accountId);
      const siteId = service.siteId ?? account?.defaultSiteId ?? '';
      for (const key of [service.serviceKey, ...service.aliasKeys])
        if (key) keys.set(`${service.carrierId}|${key}`, siteId);
    }
    let expected = 0;
    for (const invoice of data.invoices) {
      if (!new Set<string>(v.months).has(invoice.invoiceDate.slice(0, 7))) continue;
      const account = data.accounts.find(
        (a) => a.carrierId === invoice.carrierId && a.accountNumber === invoice.accountNumber,
      );
      for (const line of await loadChargeLines(db, invoice.id)) {
        const siteId = line.serviceKey
          ? (keys.get(`${invoice.carrierId}|${line.serviceKey}`) ?? account?.defaultSiteId)
          : account?.defaultSiteId;
        if (siteId === site.id) expected += line.amount;
      }
    }
    expect(site.total).toBe(expected);
  });

  it('filters by carrier and month range, and names the accounts that moved most', () => {
    const carrier = view().byCarrier[0];
    if (!carrier) throw new Error('no carrier');
    const v = view({ carrierId: carrier.carrierId, from: isoMonth(2026, 8), to: TO });
    expect(v.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(v.byCarrier.map((s) => s.carrierId)).toEqual([carrier.carrierId]);
    expect(v.byCarrier[0]?.values).toEqual(carrier.values.slice(-3));
    for (const mover of v.movers) {
      const billed = (month: string) =>
        data.invoices
          .filter(
            (i) =>
              i.carrierId === mover.carrierId &&
              i.accountNumber === mover.accountNumber &&
              i.invoiceDate.startsWith(month),
          )
          .reduce((sum, i) => sum + i.linesTotal, 0);
      expect(mover.current).toBe(billed('2026-10'));
      expect(mover.previous).toBe(billed('2026-09'));
      expect(mover.carrierId).toBe(carrier.carrierId);
    }
    const changes = v.movers.map((m) => Math.abs(m.change));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
  });
});
