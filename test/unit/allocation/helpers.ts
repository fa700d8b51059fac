/** Test helpers that read like the domain: a small company, its bills, and one month's allocation. */
import {
  allocateMonth,
  type AllocationInput,
  type AllocationResult,
} from '../../../shared/allocation';
import type { IsoDate, IsoMonth } from '../../../shared/dates/iso-date';
import { cents, sumCents, type Cents } from '../../../shared/money/cents';
import type {
  Account,
  AllocationRule,
  ChargeCategory,
  CostCenter,
  Invoice,
  Service,
  Site,
} from '../../../shared/model';
import { packChargeLines, type PackableLine } from '../../../shared/storage/charge-blocks';

export const month = (text: string) => text as IsoMonth;
export const day = (text: string) => text as IsoDate;

export function costCenter(id: string, overrides: Partial<CostCenter> = {}): CostCenter {
  return { id, code: id.toUpperCase(), name: `Cost center ${id}`, active: true, ...overrides };
}

export function site(id: string, overrides: Partial<Site> = {}): Site {
  return {
    id,
    code: id.toUpperCase(),
    name: `Site ${id}`,
    country: 'US',
    status: 'active',
    ...overrides,
  };
}

export function account(id: string, overrides: Partial<Account> = {}): Account {
  return { id, carrierId: 'vz', accountNumber: `${id}-no`, status: 'open', ...overrides };
}

/** A mobile line whose match key is its id. */
export function service(id: string, overrides: Partial<Service> = {}): Service {
  return {
    id,
    type: 'mobile-line',
    status: 'active',
    carrierId: 'vz',
    accountId: 'acct',
    serviceIdRaw: `raw-${id}`,
    serviceKey: id,
    aliasKeys: [],
    ...overrides,
  };
}

export function rule(
  id: string,
  target: AllocationRule['target'],
  splits: [string, number][],
  overrides: Partial<AllocationRule> = {},
): AllocationRule {
  return {
    id,
    name: id,
    target,
    splits: splits.map(([costCenterId, basisPoints]) => ({ costCenterId, basisPoints })),
    effectiveFrom: month('2020-01'),
    ...overrides,
  };
}

/** A charge line on a service (key) or on the account (`''`), amount in cents. */
export function line(
  serviceKey: string,
  category: ChargeCategory,
  amount: number,
  overrides: Partial<PackableLine> = {},
): PackableLine {
  return {
    serviceIdRaw: serviceKey === '' ? '' : `raw-${serviceKey}`,
    serviceKey: serviceKey === '' ? null : serviceKey,
    description: `${category} ${serviceKey}`,
    category,
    quantity: null,
    amount: cents(amount),
    ...overrides,
    sourceRow: overrides.sourceRow ?? 0,
  };
}

/** An invoice with its lines (totals computed from them), numbered by `id`. */
export interface BillSpec {
  id: string;
  accountNumber?: string;
  invoiceDate?: string;
  periodStart?: string;
  periodEnd?: string;
  lines: PackableLine[];
}

export function bills(specs: BillSpec[]): Pick<AllocationInput, 'invoices' | 'blocks'> {
  const invoices: Invoice[] = [];
  const blocks = [];
  for (const spec of specs) {
    const lines = spec.lines.map((l, index) => ({ ...l, sourceRow: l.sourceRow || index + 2 }));
    const categoryTotals: Partial<Record<ChargeCategory, Cents>> = {};
    for (const l of lines)
      categoryTotals[l.category] = cents((categoryTotals[l.category] ?? 0) + l.amount);
    invoices.push({
      id: spec.id,
      carrierId: 'vz',
      accountNumber: spec.accountNumber ?? 'acct-no',
      invoiceNumber: `INV-${spec.id}`,
      invoiceDate: day(spec.invoiceDate ?? '2026-10-05'),
      periodStart: spec.periodStart === undefined ? undefined : day(spec.periodStart),
      periodEnd: spec.periodEnd === undefined ? undefined : day(spec.periodEnd),
      statedTotal: null,
      linesTotal: sumCents(lines.map((l) => l.amount)),
      lineCount: lines.length,
      categoryTotals,
      status: 'received',
      importBatchId: 'batch',
    });
    blocks.push(...packChargeLines(spec.id, lines, 3));
  }
  return { invoices, blocks };
}

/** The default company: account `acct` (number `acct-no`), cost centers a, b, c (active), x (inactive). */
export function company(overrides: Partial<AllocationInput> = {}): AllocationInput {
  return {
    month: month('2026-10'),
    basis: 'invoice-date',
    invoices: [],
    blocks: [],
    services: [],
    sites: [site('site-1', { costCenterId: 'b' })],
    accounts: [account('acct', { defaultCostCenterId: 'c' })],
    costCenters: ['a', 'b', 'c']
      .map((id) => costCenter(id))
      .concat(costCenter('x', { active: false })),
    carriers: [{ id: 'vz', name: 'Verizon Wireless' }],
    rules: [],
    accountPolicies: {},
    glMapping: { byCategory: {}, byCategoryAndServiceType: {} },
    markups: {},
    ...overrides,
  };
}

/** Allocates and checks the reconciliation invariant every result must hold. */
export function allocate(input: AllocationInput): AllocationResult {
  const result = allocateMonth(input);
  const { invoices, allocated, unallocated } = result.totals;
  if (allocated + unallocated !== invoices) {
    throw new Error(`Does not reconcile: ${allocated} + ${unallocated} !== ${invoices}`);
  }
  return result;
}

/** Amount per cost center, for short expectations. */
export function amountsByCostCenter(result: AllocationResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of result.rows) out[row.costCenterId] = (out[row.costCenterId] ?? 0) + row.amount;
  return out;
}
