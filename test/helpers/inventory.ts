import type { Service, Site } from '../../shared/model';
import { cents } from '../../shared/money/cents';

/** A mobile line on account `account-1` at site `site-1`: `makeService({ serviceIdRaw: '555-010-0002' })`. */
export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'service-1',
    type: 'mobile-line',
    status: 'active',
    carrierId: 'carrier-1',
    accountId: 'account-1',
    siteId: 'site-1',
    serviceIdRaw: '555-010-0001',
    serviceKey: '+15550100001',
    aliasKeys: [],
    plan: 'Business Unlimited',
    expectedMonthlyCents: cents(45_00),
    ...overrides,
  };
}

export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    id: 'site-1',
    code: 'STR-0142',
    name: 'Store 142',
    country: 'US',
    status: 'active',
    ...overrides,
  };
}
