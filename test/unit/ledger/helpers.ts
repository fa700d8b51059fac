/** Builders that read like the domain, for the ledger plan tests. */
import type { ContractDraft, ContractRateDraft } from '../../../shared/contracts/csv';
import { serviceMatchKey } from '../../../shared/ids/identifiers';
import type { InventoryDraft } from '../../../shared/inventory/import';
import type { SiteDraft } from '../../../shared/inventory/sites-file';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';
import type { NewRecordId } from '../../../shared/ledger/records';
import type { Account, Carrier } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { day } from '../contracts/helpers';

/** The stored organisation of the tests: Verizon Wireless with account 5-KE4X-001. */
export const VERIZON: Carrier = { id: 'carrier-vz', name: 'Verizon Wireless' };
export const VERIZON_ACCOUNT: Account = {
  id: 'account-vz',
  carrierId: VERIZON.id,
  accountNumber: '5-KE4X-001',
  status: 'open',
};

/** Sequential ids (`site-1`, `service-1`…) and a resolver over the stored organisation. */
export function makeDoor(): { newId: NewRecordId; org: OrgResolver } {
  const newId = sequentialIds();
  return { newId, org: new OrgResolver([VERIZON], [VERIZON_ACCOUNT], newId) };
}

/** An inventory row: a Verizon line at STR-0142, `makeInventoryDraft({ plan: '' })`. */
export function makeInventoryDraft(overrides: Partial<InventoryDraft> = {}): InventoryDraft {
  const serviceIdRaw = overrides.serviceIdRaw ?? '555-010-0001';
  return {
    row: 2,
    siteCode: 'STR-0142',
    siteName: 'Store 142',
    costCenterCode: '',
    carrierName: 'Verizon Wireless',
    accountNumber: '5-KE4X-001',
    type: 'mobile-line',
    serviceIdRaw,
    serviceKey: serviceMatchKey(serviceIdRaw),
    description: '',
    plan: 'Business Unlimited',
    monthly: cents(45_00),
    status: 'active',
    installDate: undefined,
    disconnectDate: undefined,
    contractId: '',
    userName: '',
    department: '',
    ...overrides,
  };
}

/** A sites file row: Store 142 in Austin, open. */
export function makeSiteDraft(overrides: Partial<SiteDraft> = {}): SiteDraft {
  return {
    row: 2,
    code: 'STR-0142',
    name: 'Store 142',
    street: '',
    city: 'Austin',
    state: 'TX',
    postalCode: '',
    country: 'US',
    costCenterCode: '',
    status: 'active',
    openedOn: undefined,
    closedOn: undefined,
    ...overrides,
  };
}

/** A contracts file row: VZ-1 with Verizon Wireless on account 5-KE4X-001. */
export function makeContractDraft(overrides: Partial<ContractDraft> = {}): ContractDraft {
  return {
    line: 2,
    id: 'VZ-1',
    name: 'Verizon 2024',
    carrierName: 'Verizon Wireless',
    accountNumbers: ['5-KE4X-001'],
    startDate: day('2024-01-01'),
    termMonths: 36,
    endDate: day('2026-12-31'),
    endDateComputed: true,
    autoRenew: true,
    renewalTermMonths: 12,
    noticeDays: 60,
    marcCents: cents(0),
    status: 'active',
    ...overrides,
  };
}

/** A rates file row for VZ-1. */
export function makeRateDraft(overrides: Partial<ContractRateDraft> = {}): ContractRateDraft {
  return {
    line: 2,
    contractId: 'VZ-1',
    planOrServiceType: 'Business Unlimited',
    monthlyRateCents: cents(40_00),
    ...overrides,
  };
}
