import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contractSpendByMonth,
  latestContractSpend,
  latestMonthlySpend,
  type SpendContract,
  type SpendInvoice,
} from '../../../shared/contracts/spend';
import { TERM } from './all-bills-term';
import { isoDate } from '../../../shared/dates';

const ACCOUNTS = ['a1', 'a2', 'a3'];
const INVENTORY_ACCOUNTS = ACCOUNTS.map((id) => ({
  id,
  carrierId: 'lumen',
  accountNumber: id.toUpperCase(),
}));
const KEYS = ['', 'K1', 'K2', 'K3', 'K4', 'UNKNOWN'];

/** A small random workspace: services on three accounts, contracts naming and listing them. */
const workspace = fc
  .record({
    services: fc.array(
      fc.record({
        account: fc.constantFrom(...ACCOUNTS),
        key: fc.constantFrom('K1', 'K2', 'K3', 'K4'),
        alias: fc.option(fc.constantFrom('K1', 'K2', 'K3', 'K4'), { nil: undefined }),
        // The inventory's Contract ID: one of the contracts, or one no contract has.
        contract: fc.option(fc.nat(4), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    contracts: fc.array(
      fc.record({
        accounts: fc.subarray(ACCOUNTS, { maxLength: 2 }),
        services: fc.array(fc.nat(5), { maxLength: 3 }),
      }),
      { maxLength: 4 },
    ),
    invoices: fc.array(
      fc.record({
        account: fc.constantFrom(...ACCOUNTS, 'a4'),
        month: fc.integer({ min: 1, max: 6 }),
        totals: fc.option(
          fc.array(
            fc.record({
              key: fc.constantFrom(...KEYS),
              amount: fc.integer({ min: -50_000, max: 500_000 }),
            }),
            { maxLength: 8 },
          ),
          { nil: undefined },
        ),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ services, contracts, invoices }) => {
    const inventory = services.map((s, i) => ({
      id: `s${i}`,
      accountId: s.account,
      serviceKey: s.key,
      aliasKeys: s.alias === undefined ? [] : [s.alias],
      contractId: s.contract === undefined ? undefined : `c${s.contract}`,
    }));
    const agreements: SpendContract[] = contracts.map((c, i) => ({
      id: `c${i}`,
      accountIds: c.accounts,
      serviceIds: c.services.map((n) => `s${n}`),
      ...TERM,
    }));
    const bills: SpendInvoice[] = invoices.map((inv, i) => ({
      id: `i${i}`,
      carrierId: 'lumen',
      accountId: inv.account,
      invoiceDate: isoDate(2026, inv.month, 1 + (i % 28)),
    }));
    const totals = new Map<string, { keys: string[]; amounts: Float64Array }>(
      invoices.flatMap((inv, i) =>
        inv.totals === undefined
          ? []
          : [
              [
                `i${i}`,
                {
                  keys: inv.totals.map((t) => t.key),
                  amounts: Float64Array.from(inv.totals.map((t) => t.amount)),
                },
              ] as [string, { keys: string[]; amounts: Float64Array }],
            ],
      ),
    );
    return { inventory, agreements, bills, totals };
  });

describe("a contract's latest month of spend", () => {
  it('equals the latest month of the full month-by-month spend, for any workspace', () => {
    fc.assert(
      fc.property(workspace, ({ inventory, agreements, bills, totals }) => {
        const totalsOf = (id: string) => totals.get(id);
        const full = latestMonthlySpend(
          contractSpendByMonth(agreements, inventory, INVENTORY_ACCOUNTS, bills, totalsOf),
        );
        const latest = latestContractSpend(
          agreements,
          inventory,
          INVENTORY_ACCOUNTS,
          bills,
          totalsOf,
        );
        expect(new Map([...latest].sort())).toEqual(new Map([...full].sort()));
      }),
      { numRuns: 500 },
    );
  });

  it('reads only the newest month when every contract is billed in it', () => {
    const read: string[] = [];
    const spend = latestContractSpend(
      [{ id: 'c', accountIds: ['a1'], serviceIds: [], ...TERM }],
      [],
      INVENTORY_ACCOUNTS,
      [
        { id: 'old', carrierId: 'lumen', accountId: 'a1', invoiceDate: isoDate(2026, 1, 5) },
        { id: 'new', carrierId: 'lumen', accountId: 'a1', invoiceDate: isoDate(2026, 2, 5) },
      ],
      (id) => {
        read.push(id);
        return { keys: ['X'], amounts: Float64Array.from([id === 'new' ? 2_00 : 1_00]) };
      },
    );
    expect(spend.get('c')).toBe(2_00);
    expect(read).toEqual(['new']);
  });
});
