import { describe, expect, it } from 'vitest';
import { account, allocate, bills, company, line, service } from './helpers';

/** A FAN invoice (`FAN-1`) over two BANs, each with a service of the number `k`. */
const accounts = [
  account('fan', { accountNumber: 'FAN-1' }),
  account('ban1', { accountNumber: 'BAN-1' }),
  account('ban2', { accountNumber: 'BAN-2' }),
];
const services = [
  service('old', { serviceKey: 'k', accountId: 'ban1', costCenterId: 'a', status: 'disconnected' }),
  service('new', { serviceKey: 'k', accountId: 'ban2', costCenterId: 'b' }),
];

/** The allocation of invoice `i1` of account FAN-1 billing `lines`. */
function allocateFan(
  lines: ReturnType<typeof line>[],
  inventory: Pick<Parameters<typeof company>[0] & object, 'accounts' | 'services'>,
) {
  return allocate(
    company({ ...inventory, ...bills([{ id: 'i1', accountNumber: 'FAN-1', lines }]) }),
  );
}

function costCenterOf(billedOn: string | undefined) {
  const result = allocateFan(
    [line('k', 'recurring', 100, billedOn === undefined ? {} : { accountNumber: billedOn })],
    { accounts, services },
  );
  return result.rows.map((row) => [row.serviceId, row.costCenterId]);
}

describe('a line billed on its own account (a BAN on a FAN invoice)', () => {
  it.each([
    ['BAN-2', 'new', 'b'],
    ['ban 2', 'new', 'b'],
    ['BAN-1', 'old', 'a'],
  ])('on %j goes to the service of that account (%s)', (billedOn, serviceId, costCenterId) => {
    expect(costCenterOf(billedOn)).toEqual([[serviceId, costCenterId]]);
  });

  it('with no account of its own, goes to the live service of the number, as the audit matches it', () => {
    expect(costCenterOf(undefined)).toEqual([['new', 'b']]);
  });
});

describe('an account-level charge on an invoice over several billing accounts', () => {
  // FAN-1 pays for BAN-1 (s1 → cost center a, $30.00; s3 → c, $10.00) and BAN-2 (s2 → b, $10.00);
  // BAN-3 is in the inventory but bills no service on the invoice.
  const fanAccounts = [
    account('fan', { accountNumber: 'FAN-1' }),
    account('ban1', { accountNumber: 'BAN-1' }),
    account('ban2', { accountNumber: 'BAN-2' }),
    account('ban3', { accountNumber: 'BAN-3' }),
  ];
  const fanServices = [
    service('s1', { accountId: 'ban1', costCenterId: 'a' }),
    service('s3', { accountId: 'ban1', costCenterId: 'c' }),
    service('s2', { accountId: 'ban2', costCenterId: 'b' }),
  ];
  const serviceLines = [
    line('s1', 'recurring', 3000, { accountNumber: 'BAN-1' }),
    line('s3', 'recurring', 1000, { accountNumber: 'BAN-1' }),
    line('s2', 'recurring', 1000, { accountNumber: 'BAN-2' }),
  ];

  /** The account-level rows of invoice `i1` of FAN-1 billing `lines`. */
  function accountLevelRows(lines: ReturnType<typeof line>[]) {
    const result = allocate(
      company({
        accounts: fanAccounts,
        services: fanServices,
        ...bills([{ id: 'i1', accountNumber: 'FAN-1', lines }]),
      }),
    );
    expect(result.exceptions).toEqual([]);
    return result.rows
      .filter((row) => row.serviceId === null)
      .map((row) => [row.description, row.costCenterId, row.amount, row.origin]);
  }

  /** The same, beside the three service lines. */
  const spread = (...accountLevel: ReturnType<typeof line>[]) =>
    accountLevelRows([...serviceLines, ...accountLevel]);

  it('of one account is spread over that account’s services only', () => {
    expect(
      spread(line('', 'surcharge', 1000, { accountNumber: 'BAN-2', description: 'fee 2' })),
    ).toEqual([['fee 2', 'b', 1000, 'account-pro-rata']]);
    // BAN-1's $1.01 over its own $30.00 (a) and $10.00 (c), by largest remainder: 75.75 → 76, 25.25 → 25.
    expect(spread(line('', 'tax', 101, { accountNumber: 'BAN-1', description: 'tax 1' }))).toEqual([
      ['tax 1', 'a', 76, 'account-pro-rata'],
      ['tax 1', 'c', 25, 'account-pro-rata'],
    ]);
  });

  it('finds its account however the number is written', () => {
    expect(
      spread(line('', 'surcharge', 1000, { accountNumber: 'ban 2', description: 'fee' })),
    ).toEqual([['fee', 'b', 1000, 'account-pro-rata']]);
  });

  it('with no account of its own is spread over every service of the invoice', () => {
    // $10.00 over a $30.00, b $10.00, c $10.00.
    expect(spread(line('', 'tax', 1000, { description: 'fan tax' }))).toEqual([
      ['fan tax', 'a', 600, 'account-pro-rata'],
      ['fan tax', 'b', 200, 'account-pro-rata'],
      ['fan tax', 'c', 200, 'account-pro-rata'],
    ]);
  });

  it('of an account with no service charges on the invoice falls back to the whole invoice', () => {
    for (const accountNumber of ['BAN-3', 'BAN-9'])
      expect(spread(line('', 'tax', 1000, { accountNumber, description: 'tax' }))).toEqual([
        ['tax', 'a', 600, 'account-pro-rata'],
        ['tax', 'b', 200, 'account-pro-rata'],
        ['tax', 'c', 200, 'account-pro-rata'],
      ]);
  });

  it('of an account whose service charges net to zero falls back to the whole invoice', () => {
    const credit = line('s2', 'credit', -1000, { accountNumber: 'BAN-2' });
    expect(
      spread(credit, line('', 'surcharge', 400, { accountNumber: 'BAN-2', description: 'fee' })),
    ).toEqual([
      ['fee', 'a', 300, 'account-pro-rata'],
      ['fee', 'c', 100, 'account-pro-rata'],
    ]);
  });

  it('of an account whose services are all credited follows those credits', () => {
    expect(
      accountLevelRows([
        line('s1', 'recurring', 3000, { accountNumber: 'BAN-1' }),
        line('s2', 'credit', -1000, { accountNumber: 'BAN-2' }),
        line('', 'tax', -80, { accountNumber: 'BAN-2', description: 'tax credit' }),
      ]),
    ).toEqual([['tax credit', 'b', -80, 'account-pro-rata']]);
  });
});

describe('account-level charges beside service charges that reach no cost center', () => {
  // FAN-1 pays for BAN-1 (s1 → cost center a, $30.00) and BAN-2, whose one line, `s9`, is not in
  // the inventory ($10.00).
  const accounts = [
    account('fan', { accountNumber: 'FAN-1' }),
    account('ban1', { accountNumber: 'BAN-1' }),
    account('ban2', { accountNumber: 'BAN-2' }),
  ];
  const services = [service('s1', { accountId: 'ban1', costCenterId: 'a' })];

  function allocated(...accountLevel: ReturnType<typeof line>[]) {
    const result = allocateFan(
      [
        line('s1', 'recurring', 3000, { accountNumber: 'BAN-1' }),
        line('s9', 'recurring', 1000, { accountNumber: 'BAN-2' }),
        ...accountLevel,
      ],
      { accounts, services },
    );
    return {
      booked: result.rows
        .filter((row) => row.serviceId === null)
        .map((row) => [row.description, row.costCenterId, row.amount]),
      unallocated: result.exceptions
        .filter((exception) => exception.serviceIdRaw === '')
        .map((exception) => [exception.description, exception.amount, exception.kind]),
    };
  }

  it('a fee of a billing account whose services are all unallocated stays unallocated, never on another account’s cost centers', () => {
    expect(
      allocated(line('', 'surcharge', 300, { accountNumber: 'BAN-2', description: 'fee 2' })),
    ).toEqual({ booked: [], unallocated: [['fee 2', 300, 'no-cost-center']] });
  });

  it('an invoice-wide tax leaves the share of the unallocated services unallocated with them', () => {
    // $4.00 over a $30.00 (allocated) and $10.00 (not in the inventory): $3.00 and $1.00.
    expect(allocated(line('', 'tax', 400, { description: 'fan tax' }))).toEqual({
      booked: [['fan tax', 'a', 300]],
      unallocated: [['fan tax', 100, 'no-cost-center']],
    });
  });
});
