/**
 * `wrong-account` and an inventory account a spreadsheet saved as a number: the inventory's
 * `12345` is the bills' `0012345` (its leading zeros lost in the file), so a line billed on
 * `0012345` is on its own account — unless `0012345` is another account the carrier has, which
 * is then the wrong one. Also for a line's own billing account under the invoice's (AT&T's BAN
 * under a FAN), which no import renumbers.
 */
import { describe, it } from 'vitest';
import { checkCase, type Case } from './cases';
import { billed, line, makeAccount, makeInvoice, snapshotOf } from './helpers';

/** The inventory's account of the line, its zeros lost. */
const cut = makeAccount({ accountNumber: '12345' });

const cases: Case[] = [
  {
    name: 'billed on 0012345, the inventory’s 12345 with its zeros: on its own account',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ accountNumber: '0012345' }), [line('recurring', 45_00)])],
      accounts: [cut],
    }),
    expected: [],
  },
  {
    name: 'a line’s own account 0012345 under the invoice’s FAN: on its own account',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ accountNumber: 'FAN-9' }), [
          line('recurring', 45_00, { accountNumber: '0012345' }),
        ]),
      ],
      accounts: [cut],
    }),
    expected: [],
  },
  {
    name: 'billed on 0012345 when the carrier has an account 0012345 too: the wrong account',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ accountNumber: '0012345' }), [line('recurring', 45_00)])],
      accounts: [cut, makeAccount({ id: 'acct-2', accountNumber: '0012345' })],
    }),
    expected: [
      {
        id: 'wrong-account|lumen|0012345|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 belongs to account 12345 in the inventory but is billed on 0012345: $45.00 on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'billed on 012345 when 0012345 is an account too: which one is not known, so not its own',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ accountNumber: '012345' }), [line('recurring', 45_00)])],
      accounts: [cut, makeAccount({ id: 'acct-2', accountNumber: '0012345' })],
    }),
    expected: [
      {
        id: 'wrong-account|lumen|012345|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 belongs to account 12345 in the inventory but is billed on 012345: $45.00 on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'billed on 123450: another number, not zeros',
    rule: 'wrong-account',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ accountNumber: '123450' }), [line('recurring', 45_00)])],
      accounts: [cut],
    }),
    expected: [
      {
        id: 'wrong-account|lumen|123450|+15550100001|2026-05',
        impact: 0,
        message:
          '555-010-0001 belongs to account 12345 in the inventory but is billed on 123450: $45.00 on invoice N-2026-05 (2026-05).',
      },
    ],
  },
];

describe('wrong-account and leading zeros', () => {
  it.each(cases)('$name', checkCase);
});
