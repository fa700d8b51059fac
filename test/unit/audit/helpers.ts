/**
 * Small hand-built audit snapshots: `makeInvoice({ invoiceNumber: '123' })`,
 * `makeService({ plan: 'Business Unlimited' })`, `line('recurring', 85_00)`, `snapshotOf({...})`.
 * Defaults: carrier `lumen`, account `A-1`, monthly invoices dated the 1st covering that month.
 */
import { isoDate, isoMonth, type IsoDate } from '../../../shared/dates';
import type {
  Account,
  ChargeCategory,
  Contract,
  Invoice,
  Service,
  Site,
  UsageRecord,
} from '../../../shared/model';
import { cents, ZERO_CENTS } from '../../../shared/money/cents';
import { packChargeLines, type PackableLine } from '../../../shared/storage/charge-blocks';
import { DEFAULT_AUDIT_SETTINGS } from '../../../shared/audit/settings';
import type { AuditSnapshot } from '../../../shared/audit/snapshot';
import { endOfMonth } from '../../../shared/dates';

export const CARRIER = 'lumen';
export const ACCOUNT = 'A-1';

/** An invoice of account A-1 for `month` (`2026-05`): dated the 1st, covering that month. */
export function makeInvoice(overrides: Partial<Invoice> & { month?: string } = {}): Invoice {
  const { month = '2026-05', ...rest } = overrides;
  const start = isoDate(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1);
  return {
    id: `inv-${rest.invoiceNumber ?? month}`,
    carrierId: CARRIER,
    accountNumber: ACCOUNT,
    invoiceNumber: `N-${month}`,
    invoiceDate: start,
    periodStart: start,
    periodEnd: endOfMonth(start),
    statedTotal: null,
    linesTotal: ZERO_CENTS,
    lineCount: 0,
    categoryTotals: {},
    status: 'received',
    importBatchId: 'test',
    ...rest,
  };
}

/** A charge line for `blocksFor`: `line('recurring', 85_00, { serviceIdRaw: '555-010-0001' })`. */
export function line(
  category: ChargeCategory,
  amount: number,
  overrides: Partial<PackableLine> = {},
): PackableLine {
  const serviceIdRaw = overrides.serviceIdRaw ?? '555-010-0001';
  return {
    serviceIdRaw,
    serviceKey: serviceIdRaw === '' ? null : `+1${serviceIdRaw.replace(/\D/g, '')}`,
    description: category === 'recurring' ? 'Business Line' : category,
    category,
    quantity: null,
    amount: cents(amount),
    sourceRow: 2,
    ...overrides,
  };
}

/** An invoice and its lines, packed like storage packs them (small blocks, to cross a boundary). */
export function billed(invoice: Invoice, lines: readonly PackableLine[]) {
  return { invoice, blocks: packChargeLines(invoice.id, lines, 3) };
}

/** Alias used by tests that only need the blocks. */
export function blocksFor(invoiceId: string, lines: readonly PackableLine[]) {
  return packChargeLines(invoiceId, lines, 3);
}

export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'svc-1',
    type: 'mobile-line',
    status: 'active',
    carrierId: CARRIER,
    accountId: 'acct-1',
    serviceIdRaw: '555-010-0001',
    serviceKey: '+15550100001',
    aliasKeys: [],
    plan: 'Business Unlimited',
    contractId: 'ctr-1',
    activatedOn: isoDate(2024, 1, 1),
    ...overrides,
  };
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 'acct-1',
    carrierId: CARRIER,
    accountNumber: ACCOUNT,
    billCycleDay: 1,
    status: 'open',
    ...overrides,
  };
}

export function makeContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'ctr-1',
    carrierId: CARRIER,
    name: 'Lumen MSA',
    accountIds: ['acct-1'],
    serviceIds: [],
    startDate: isoDate(2024, 1, 1),
    termMonths: 36,
    endDate: isoDate(2026, 12, 31),
    autoRenew: false,
    renewalTermMonths: 0,
    noticeDays: 60,
    marcCents: ZERO_CENTS,
    status: 'active',
    rateCard: [{ planOrServiceType: 'Business Unlimited', monthlyRateCents: cents(45_00) }],
    ...overrides,
  };
}

export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    id: 'site-1',
    code: 'STR-1',
    name: 'Store 1',
    country: 'US',
    status: 'active',
    ...overrides,
  };
}

export function makeUsage(
  month: string,
  minutes: number,
  overrides: Partial<UsageRecord> = {},
): UsageRecord {
  return {
    serviceKey: '+15550100001',
    serviceIdRaw: '555-010-0001',
    month: isoMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))),
    invoiceId: `inv-N-${month}`,
    minutes,
    messages: 0,
    dataKb: 0,
    roamingMinutes: 0,
    roamingDataKb: 0,
    usageCharges: ZERO_CENTS,
    ...overrides,
  };
}

/** A snapshot with one account, one service, one contract unless told otherwise. */
export function snapshotOf(parts: {
  bills?: readonly { invoice: Invoice; blocks: ReturnType<typeof blocksFor> }[];
  services?: Service[];
  accounts?: Account[];
  contracts?: Contract[];
  sites?: Site[];
  usage?: UsageRecord[];
  today?: IsoDate;
}): AuditSnapshot {
  const bills = parts.bills ?? [];
  return {
    invoices: bills.map((bill) => bill.invoice),
    chargeBlocks: bills.flatMap((bill) => bill.blocks),
    usage: parts.usage ?? [],
    services: parts.services ?? [makeService()],
    sites: parts.sites ?? [],
    costCenters: [],
    accounts: parts.accounts ?? [makeAccount()],
    carriers: [{ id: CARRIER, name: 'Lumen' }],
    contracts: parts.contracts ?? [makeContract()],
    settings: DEFAULT_AUDIT_SETTINGS,
    today: parts.today ?? isoDate(2026, 6, 5),
  };
}
