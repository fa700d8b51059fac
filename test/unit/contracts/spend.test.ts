import { describe, expect, it } from 'vitest';
import {
  accountsTouched,
  contractSpendByMonth,
  latestMonthlySpend,
} from '../../../shared/contracts/spend';
import { TERM } from './all-bills-term';
import { isoDate, isoMonth } from '../../../shared/dates';

const OCT = isoMonth(2026, 10);

const services = [
  { id: 'mpls-1', accountId: 'acc', serviceKey: 'MPLS1', aliasKeys: [] },
  { id: 'mpls-2', accountId: 'acc', serviceKey: 'MPLS2', aliasKeys: [] },
  { id: 'pri-1', accountId: 'acc', serviceKey: '+15550001', aliasKeys: ['PRI1'] },
];
const accounts = [{ id: 'acc', carrierId: 'lumen', accountNumber: 'ACC-1' }];
const invoice = (id: string, month: number) => ({
  id,
  carrierId: 'lumen',
  accountId: 'acc',
  invoiceDate: isoDate(2026, month, 5),
});
/** One account, two MPLS ports ($600 + $400), a PRI ($300), $130 of taxes on the account. */
const totals = {
  keys: ['MPLS1', 'MPLS2', 'PRI1', ''],
  amounts: Float64Array.from([600_00, 400_00, 300_00, 130_00]),
};

describe("a contract's spend", () => {
  it('is its own services, the account’s unclaimed ones, and a pro-rata share of account-level charges', () => {
    // The data contract names the account; the voice contract lists the PRI.
    const spend = contractSpendByMonth(
      [
        { id: 'data', accountIds: ['acc'], serviceIds: [], ...TERM },
        { id: 'voice', accountIds: [], serviceIds: ['pri-1'], ...TERM },
      ],
      services,
      accounts,
      [invoice('i-10', 10)],
      () => totals,
    );
    // Taxes shared 1,000 : 300 between the contracts.
    expect(spend.get('data')?.get(OCT)).toBe(1_000_00 + 100_00);
    expect(spend.get('voice')?.get(OCT)).toBe(300_00 + 30_00);
    // Together exactly the bill, never twice.
    expect((spend.get('data')?.get(OCT) ?? 0) + (spend.get('voice')?.get(OCT) ?? 0)).toBe(1_430_00);
  });

  it('leaves the account-level share of services no contract holds unassigned', () => {
    const spend = contractSpendByMonth(
      [{ id: 'voice', accountIds: [], serviceIds: ['pri-1'], ...TERM }],
      services,
      accounts,
      [invoice('i-10', 10)],
      () => totals,
    );
    expect(spend.get('voice')?.get(OCT)).toBe(300_00 + 30_00);
  });

  it('shares an account two contracts name, and a service both list, equally to the cent', () => {
    const spend = contractSpendByMonth(
      [
        { id: 'a', accountIds: ['acc'], serviceIds: [], ...TERM },
        { id: 'b', accountIds: ['acc'], serviceIds: [], ...TERM },
      ],
      services,
      accounts,
      [invoice('i-10', 10)],
      () => ({ keys: ['UNKNOWN-CIRCUIT'], amounts: Float64Array.from([100_01]) }),
    );
    expect([spend.get('a')?.get(OCT), spend.get('b')?.get(OCT)].sort()).toEqual([50_00, 50_01]);
  });

  it.each([
    {
      name: 'a contract naming the account beside one claiming a service by the inventory',
      contracts: [
        { id: 'data', accountIds: ['acc'], serviceIds: [], ...TERM },
        { id: 'voice', accountIds: [], serviceIds: [], ...TERM },
      ],
      voiceOf: 'pri-1',
      // The PRI ($300) is voice's alone; taxes shared 1,000 : 300.
      expected: { data: 1_000_00 + 100_00, voice: 300_00 + 30_00 },
    },
    {
      name: 'two contracts naming the account, one claiming a service by the inventory',
      contracts: [
        { id: 'data', accountIds: ['acc'], serviceIds: [], ...TERM },
        { id: 'voice', accountIds: ['acc'], serviceIds: [], ...TERM },
      ],
      voiceOf: 'pri-1',
      // The MPLS ports are unclaimed and shared ($500 each); the PRI is voice's: 500 : 800.
      expected: { data: 500_00 + 50_00, voice: 800_00 + 80_00 },
    },
    {
      name: 'an inventory contract id no contract has',
      contracts: [{ id: 'data', accountIds: ['acc'], serviceIds: [], ...TERM }],
      voiceOf: 'pri-1',
      expected: { data: 1_430_00 },
    },
  ])('counts a service whose inventory Contract ID names the contract: $name', (example) => {
    const inventory = services.map((service) =>
      service.id === example.voiceOf ? { ...service, contractId: 'voice' } : service,
    );
    const spend = contractSpendByMonth(
      example.contracts,
      inventory,
      accounts,
      [invoice('i-10', 10)],
      () => totals,
    );
    const held = Object.fromEntries([...spend].map(([id, months]) => [id, months.get(OCT)]));
    expect(held).toEqual(example.expected);
    expect(accountsTouched(example.contracts.slice(1), inventory, accounts)).toEqual(
      new Set(example.contracts.length > 1 ? ['acc'] : []),
    );
  });

  it('is by invoice month, oldest first, and the renewals list takes the latest month', () => {
    const spend = contractSpendByMonth(
      [{ id: 'data', accountIds: ['acc'], serviceIds: ['mpls-1'], ...TERM }],
      services,
      accounts,
      [invoice('i-10', 10), invoice('i-9', 9)],
      (id) => (id === 'i-9' ? { keys: ['MPLS1'], amounts: Float64Array.from([1]) } : totals),
    );
    expect([...(spend.get('data')?.keys() ?? [])]).toEqual(['2026-09', '2026-10']);
    expect(latestMonthlySpend(spend).get('data')).toBe(1_430_00);
  });
});
