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

function costCenterOf(billedOn: string | undefined) {
  const result = allocate(
    company({
      accounts,
      services,
      ...bills([
        {
          id: 'i1',
          accountNumber: 'FAN-1',
          lines: [
            line('k', 'recurring', 100, billedOn === undefined ? {} : { accountNumber: billedOn }),
          ],
        },
      ]),
    }),
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
