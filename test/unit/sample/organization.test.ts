import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfMonth } from '../../../shared/dates';
import { serviceMatchKey } from '../../../shared/ids/identifiers';
import { defaultSample } from './sample-files';

const company = defaultSample();
const endMonth = company.months[company.months.length - 1];
if (endMonth === undefined) throw new Error('The sample company has no months.');

describe('sample company organization and inventory', () => {
  it('has 12 months ending 2026-10, about 40 sites, 12 cost centers and 6 carriers', () => {
    expect(company.months).toHaveLength(12);
    expect(company.months[0]).toBe('2025-11');
    expect(endMonth).toBe('2026-10');
    expect(company.sites.length).toBeGreaterThanOrEqual(36);
    expect(company.sites.length).toBeLessThanOrEqual(44);
    expect(company.costCenters).toHaveLength(12);
    expect(company.carriers.map((c) => c.name)).toEqual([
      'Verizon Wireless',
      'AT&T Mobility',
      'T-Mobile for Business',
      'Lumen',
      'Comcast Business',
      'RingCentral',
    ]);
  });

  it.each([
    ['verizon', 850, 950, 2],
    ['att', 420, 480, 1],
    ['tmobile', 140, 160, 1],
    ['lumen', 70, 90, 2],
    ['comcast', 90, 110, 1],
    ['ringcentral', 18, 22, 1],
  ])('%s has %i–%i services on %i account(s)', (carrier, min, max, accounts) => {
    const services = company.services.filter((s) => s.carrierId === carrier);
    expect(services.length).toBeGreaterThanOrEqual(min);
    expect(services.length).toBeLessThanOrEqual(max);
    expect(company.accounts.filter((a) => a.carrierId === carrier)).toHaveLength(accounts);
  });

  it('has ~1,500 mobile lines and ~200 circuits and voice services of every wireline type', () => {
    const mobile = company.services.filter((s) => s.type === 'mobile-line');
    expect(mobile.length).toBeGreaterThanOrEqual(1_400);
    expect(mobile.length).toBeLessThanOrEqual(1_600);
    const wireline = company.services.filter((s) => s.type !== 'mobile-line');
    expect(wireline.length).toBeGreaterThanOrEqual(180);
    expect(wireline.length).toBeLessThanOrEqual(220);
    for (const type of [
      'circuit',
      'internet',
      'mpls-sdwan',
      'pots-line',
      'trunk',
      'toll-free',
      'ucaas-seat',
    ]) {
      expect(wireline.some((s) => s.type === type)).toBe(true);
    }
    expect(mobile.every((s) => s.userName !== undefined && s.department !== undefined)).toBe(true);
  });

  it('writes identifiers in mixed real-world formats whose match keys are right', () => {
    const raws = company.services.map((s) => s.serviceIdRaw);
    expect(raws).toContain('555-010-0001');
    expect(raws.some((raw) => /^\(555\) \d{3}-\d{4}$/.test(raw))).toBe(true);
    expect(raws.some((raw) => /^555\d{7}$/.test(raw))).toBe(true);
    expect(raws.some((raw) => /^\d{2}\.HCGS\.\d{6}\.\.LEC$/.test(raw))).toBe(true);
    expect(raws.some((raw) => /^BBEC\.\d{6}\.\.LUMN$/.test(raw))).toBe(true);
    for (const service of company.services)
      expect(service.serviceKey).toBe(serviceMatchKey(service.serviceIdRaw));
    expect(new Set(company.services.map((s) => s.serviceKey)).size).toBe(company.services.length);
  });

  it('has disconnected, pending and ordered services, and two closed sites with closing dates', () => {
    const statuses = new Set(company.services.map((s) => s.status));
    expect([...statuses].sort()).toEqual([
      'active',
      'disconnected',
      'ordered',
      'pending-disconnect',
    ]);
    for (const service of company.services.filter((s) => s.status === 'disconnected')) {
      expect(service.disconnectedOn).toBeDefined();
    }
    const closed = company.sites.filter((site) => site.status === 'closed');
    expect(closed).toHaveLength(2);
    expect(closed.every((site) => site.closedOn !== undefined)).toBe(true);
    expect(company.sites.some((site) => site.code === 'HQ')).toBe(true);
    expect(company.sites.some((site) => /^STR-\d{4}$/.test(site.code))).toBe(true);
  });

  it('ties every service to an existing account, site, carrier and contract rate', () => {
    const accounts = new Map(company.accounts.map((a) => [a.id, a]));
    const sites = new Set(company.sites.map((s) => s.id));
    const contracts = new Map(company.contracts.map((c) => [c.id, c]));
    for (const service of company.services) {
      expect(accounts.get(service.accountId)?.carrierId).toBe(service.carrierId);
      expect(sites.has(service.siteId ?? '')).toBe(true);
      const contract = contracts.get(service.contractId ?? '');
      const rate = contract?.rateCard.find((entry) => entry.planOrServiceType === service.plan);
      expect((rate?.monthlyRateCents ?? Number.NaN) * service.quantity).toBe(
        service.expectedMonthlyCents,
      );
    }
  });

  it('has a contract whose notice deadline falls within 60 days of the end month, and an expired one', () => {
    const lastDay = endOfMonth(endMonth);
    const due = company.contracts.filter((c) => {
      const days = daysBetween(lastDay, addDays(c.endDate, -c.noticeDays));
      return days >= 0 && days <= 60;
    });
    expect(due.map((c) => c.carrierId)).toEqual(['verizon']);
    const expired = company.contracts.filter((c) => c.status === 'expired');
    expect(expired.map((c) => c.carrierId)).toEqual(['comcast']);
    expect(expired[0]?.autoRenew).toBe(false);
    expect(company.contracts.some((c) => c.marcCents > 0)).toBe(true);
    for (const carrier of company.carriers) {
      const count = company.contracts.filter((c) => c.carrierId === carrier.id).length;
      expect(count === 1 || count === 2).toBe(true);
    }
  });
});
