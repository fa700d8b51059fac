import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dashboardView,
  UNASSIGNED,
  type DashboardFilter,
} from '../../shared/billing/dashboard-view';
import { DimensionIndex, SPEND_TYPES } from '../../shared/billing/dimensions';
import { CHARGE_CATEGORIES, SERVICE_TYPES, type Invoice } from '../../shared/model';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import { referenceDashboardView } from '../helpers/reference-dashboard-view';
import { ReferenceDimensionIndex } from '../helpers/reference-dimensions';

const CARRIERS = ['carrier-1', 'carrier-2'];
const ACCOUNT_NUMBERS = ['100', '200', '300'];
const SITES = ['site-1', 'site-2', 'site-3'];
const COST_CENTERS = ['cc-1', 'cc-2'];
/** A small pool, so keys repeat within and across invoices, in and out of step. */
const KEYS = ['', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'unknown-1', 'unknown-2'];
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const inventoryArb = fc.record({
  accounts: fc.uniqueArray(
    fc.record({
      carrierId: fc.constantFrom(...CARRIERS),
      accountNumber: fc.constantFrom(...ACCOUNT_NUMBERS),
      defaultSiteId: maybe(fc.constantFrom(...SITES)),
      defaultCostCenterId: maybe(fc.constantFrom(...COST_CENTERS)),
    }),
    { selector: (a) => `${a.carrierId}|${a.accountNumber}`, maxLength: 5 },
  ),
  services: fc.array(
    fc.record({
      carrierId: fc.constantFrom(...CARRIERS),
      accountIndex: fc.nat(5),
      siteId: maybe(fc.constantFrom(...SITES)),
      costCenterId: maybe(fc.constantFrom(...COST_CENTERS)),
      type: fc.constantFrom(...SERVICE_TYPES),
      serviceKey: fc.option(fc.constantFrom(...KEYS.slice(1, 7)), { nil: null }),
      aliasKeys: fc.array(fc.constantFrom(...KEYS.slice(1, 7)), { maxLength: 2 }),
    }),
    { maxLength: 10 },
  ),
  siteCostCenters: fc.array(maybe(fc.constantFrom(...COST_CENTERS)), {
    minLength: SITES.length,
    maxLength: SITES.length,
  }),
});

const entriesArb = fc.array(
  fc.record({
    key: fc.constantFrom(...KEYS),
    category: fc.nat(CHARGE_CATEGORIES.length - 1),
    amount: fc.integer({ min: -50_000, max: 500_000 }),
    // How many categories the key's run has (a service's categories sit side by side).
    run: fc.integer({ min: 1, max: 3 }),
  }),
  { maxLength: 14 },
);

const invoicesArb = fc.array(
  fc.record({
    carrierId: fc.constantFrom(...CARRIERS),
    accountNumber: fc.constantFrom(...ACCOUNT_NUMBERS),
    month: fc.constantFrom(...MONTHS),
    day: fc.integer({ min: 1, max: 28 }),
    // An invoice without stored totals counts its category totals as account-level spend.
    entries: fc.option(entriesArb, { nil: undefined, freq: 5 }),
    categoryTotals: fc.array(fc.integer({ min: -1_000, max: 100_000 }), {
      minLength: CHARGE_CATEGORIES.length,
      maxLength: CHARGE_CATEGORIES.length,
    }),
  }),
  { maxLength: 14 },
);

const filterArb: fc.Arbitrary<DashboardFilter> = fc.record({
  from: fc.constantFrom('', ...MONTHS),
  to: fc.constantFrom('', ...MONTHS),
  carrierId: fc.constantFrom('', ...CARRIERS),
  siteId: fc.constantFrom('', UNASSIGNED, ...SITES),
  costCenterId: fc.constantFrom('', UNASSIGNED, ...COST_CENTERS),
  serviceType: fc.constantFrom('', ...SPEND_TYPES),
}) as fc.Arbitrary<DashboardFilter>;

/** The index's input from a generated inventory. */
function inventoryOf(inventory: typeof inventoryArb extends fc.Arbitrary<infer T> ? T : never) {
  return {
    accounts: inventory.accounts.map((a, i) => ({ id: `account-${i}`, ...a })),
    services: inventory.services.map((s, i) => ({
      id: `service-${i}`,
      carrierId: s.carrierId,
      // Sometimes an account the inventory does not hold (its defaults are then the invoice's).
      accountId: `account-${s.accountIndex}`,
      siteId: s.siteId,
      costCenterId: s.costCenterId,
      type: s.type,
      serviceKey: s.serviceKey,
      aliasKeys: s.aliasKeys,
    })),
    sites: SITES.map((id, i) => ({ id, costCenterId: inventory.siteCostCenters[i] })),
  };
}

describe('dashboardView', () => {
  it('equals the reference summing for random invoices, totals, inventory and filters', () => {
    fc.assert(
      fc.property(inventoryArb, invoicesArb, filterArb, (inventory, drafts, filter) => {
        const invoices: Invoice[] = [];
        const totals = new Map<string, ServiceTotals>();
        drafts.forEach((draft, i) => {
          const id = `invoice-${i}`;
          const categoryTotals: Invoice['categoryTotals'] = {};
          CHARGE_CATEGORIES.forEach((category, c) => {
            const amount = draft.categoryTotals[c] ?? 0;
            if (amount !== 0) categoryTotals[category] = amount as Invoice['linesTotal'];
          });
          invoices.push({
            id,
            carrierId: draft.carrierId,
            accountNumber: draft.accountNumber,
            invoiceDate: `${draft.month}-${String(draft.day).padStart(2, '0')}`,
            categoryTotals,
          } as Invoice);
          if (draft.entries === undefined) return;
          const keys: string[] = [];
          const categories: number[] = [];
          const amounts: number[] = [];
          for (const entry of draft.entries)
            for (let r = 0; r < entry.run; r++) {
              keys.push(entry.key);
              categories.push((entry.category + r) % CHARGE_CATEGORIES.length);
              amounts.push(entry.amount + r * 101);
            }
          totals.set(id, {
            invoiceId: id,
            keys,
            categories: Uint8Array.from(categories),
            amounts: Float64Array.from(amounts),
          });
        });
        const input = inventoryOf(inventory);
        expect(dashboardView(invoices, totals, new DimensionIndex(input), filter)).toEqual(
          referenceDashboardView(invoices, totals, new DimensionIndex(input), filter),
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('DimensionIndex', () => {
  it('answers as the reference index for random inventories and charges, in the same order', () => {
    const queryArb = fc.array(
      fc.record({
        carrierId: fc.constantFrom(...CARRIERS),
        accountNumber: fc.constantFrom(...ACCOUNT_NUMBERS, '999'),
        key: fc.constantFrom(...KEYS),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(inventoryArb, queryArb, (inventory, queries) => {
        const input = inventoryOf(inventory);
        const index = new DimensionIndex(input);
        const reference = new ReferenceDimensionIndex(input);
        for (const { carrierId, accountNumber, key } of queries)
          expect(index.resolve(carrierId, accountNumber, key)).toEqual(
            reference.resolve(carrierId, accountNumber, key),
          );
        expect(index.distinct).toEqual(reference.distinct);
      }),
      { numRuns: 2_000 },
    );
  });
});
