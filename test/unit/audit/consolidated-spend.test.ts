/**
 * A contract's spend on consolidated bills: a foundation account's invoice (AT&T FAN, an EDI 811
 * master account) bills each line on its own billing account (BAN, sub-account). A contract naming
 * those accounts, or listing services the inventory keeps on them, spends what the lines billed on
 * them cost, not nothing because the invoice is addressed to the account that pays.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../shared/model';
import { isoDate } from '../../../shared/dates/iso-date';
import { cents } from '../../../shared/money/cents';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { checkCase, type Case } from './cases';
import {
  billed,
  line,
  makeAccount,
  makeContract,
  makeInvoice,
  makeService,
  snapshotOf,
} from './helpers';

const accounts = [
  makeAccount({ id: 'acct-1', accountNumber: 'A-1' }),
  makeAccount({ id: 'acct-fan', accountNumber: 'FAN-1' }),
  makeAccount({ id: 'acct-ban1', accountNumber: 'BAN-1' }),
  makeAccount({ id: 'acct-ban2', accountNumber: 'BAN-2' }),
];

/** BAN-1: $100.00 of a line and $10.00 of its own fee; BAN-2 (printed `ban 2`): $50.00 of another. */
function fanLines(): PackableLine[] {
  return [
    line('recurring', 100_00, { serviceIdRaw: '555-010-0001', accountNumber: 'BAN-1' }),
    line('surcharge', 10_00, { serviceIdRaw: '', accountNumber: 'BAN-1' }),
    line('recurring', 50_00, { serviceIdRaw: '555-010-0002', accountNumber: 'ban 2' }),
  ];
}

const MONTHS = ['2026-03', '2026-04', '2026-05'];

/** Each month: the FAN's invoice, and A-1's own invoice of $50.00 for its line. */
const bills = MONTHS.flatMap((month) => [
  billed(makeInvoice({ month, accountNumber: 'FAN-1', invoiceNumber: `F-${month}` }), fanLines()),
  billed(makeInvoice({ month }), [line('recurring', 50_00, { serviceIdRaw: '555-010-0003' })]),
]);

/** A line of the inventory on `accountId`, linked to no contract by its Contract ID. */
function service(id: string, accountId: string, number: string): Service {
  const made = makeService({
    id,
    accountId,
    serviceIdRaw: number,
    serviceKey: `+1${number.replace(/\D/g, '')}`,
  });
  delete made.contractId;
  return made;
}

const services = [
  service('svc-1', 'acct-ban1', '555-010-0001'),
  service('svc-2', 'acct-ban2', '555-010-0002'),
  service('svc-a', 'acct-1', '555-010-0003'),
];

function audit(contract: Parameters<typeof makeContract>[0], expected: Case['expected']) {
  checkCase({
    name: 'consolidated',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({ accounts, services, contracts: [makeContract(contract)], bills }),
    expected,
  });
}

describe('marc-shortfall on invoices of a foundation account', () => {
  it('a contract naming a billing account spends its lines and fees there: $110.00 + $50.00 a month meets $1,920.00 a year', () => {
    audit({ accountIds: ['acct-ban1', 'acct-1'], marcCents: cents(1_920_00) }, []);
  });

  it('short by what its accounts lack, not by all the foundation account pays for them', () => {
    audit({ accountIds: ['acct-ban1', 'acct-1'], marcCents: cents(2_040_00) }, [
      {
        id: 'marc-shortfall|lumen|BAN-1|ctr-1|2026-01',
        impact: 120_00,
        message:
          'Lumen MSA commits to $2,040.00 a year; its spend over 3 billed months (2026-03 to 2026-05) is $480.00, $1,920.00 annualised: $120.00 short.',
      },
    ]);
  });

  it('a contract listing a service kept on a billing account spends that service', () => {
    audit({ accountIds: [], serviceIds: ['svc-2', 'svc-a'], marcCents: cents(1_200_00) }, []);
    audit({ accountIds: [], serviceIds: ['svc-2', 'svc-a'], marcCents: cents(1_212_00) }, [
      {
        id: 'marc-shortfall|lumen||ctr-1|2026-01',
        impact: 12_00,
        message:
          'Lumen MSA commits to $1,212.00 a year; its spend over 3 billed months (2026-03 to 2026-05) is $300.00, $1,200.00 annualised: $12.00 short.',
      },
    ]);
  });

  it('the foundation account named: every line of its invoices', () => {
    expect(fanLines().reduce((sum, charge) => sum + charge.amount, 0)).toBe(160_00);
    audit({ accountIds: ['acct-fan'], marcCents: cents(1_920_00) }, []);
    audit({ accountIds: ['acct-fan'], marcCents: cents(1_932_00) }, [
      {
        id: 'marc-shortfall|lumen|FAN-1|ctr-1|2026-01',
        impact: 12_00,
        message:
          'Lumen MSA commits to $1,932.00 a year; its spend over 3 billed months (2026-03 to 2026-05) is $480.00, $1,920.00 annualised: $12.00 short.',
      },
    ]);
  });

  it('a quarterly foundation account invoice bills three months of the billing account it names', () => {
    // $300.00 a quarter on BAN-1 ($100.00 a month): two quarters are six billed months, not two.
    const quarterly = ['2026-04', '2026-07'].map((month, i) => {
      const end = i === 0 ? isoDate(2026, 3, 31) : isoDate(2026, 6, 30);
      const start = i === 0 ? isoDate(2026, 1, 1) : isoDate(2026, 4, 1);
      return billed(
        makeInvoice({
          month,
          accountNumber: 'FAN-1',
          invoiceNumber: `Q-${month}`,
          periodStart: start,
          periodEnd: end,
        }),
        [line('recurring', 300_00, { serviceIdRaw: '555-010-0001', accountNumber: 'BAN-1' })],
      );
    });
    const snapshot = (marcCents: number) =>
      snapshotOf({
        accounts,
        services,
        contracts: [makeContract({ accountIds: ['acct-ban1'], marcCents: cents(marcCents) })],
        bills: quarterly,
        today: isoDate(2026, 7, 15),
      });
    checkCase({ name: 'met', rule: 'marc-shortfall', snapshot: snapshot(1_200_00), expected: [] });
    checkCase({
      name: 'short',
      rule: 'marc-shortfall',
      snapshot: snapshot(1_300_00),
      expected: [
        {
          id: 'marc-shortfall|lumen|BAN-1|ctr-1|2026-01',
          impact: 100_00,
          message:
            'Lumen MSA commits to $1,300.00 a year; its spend over 6 billed months (2 bills, 2026-04 to 2026-07) is $600.00, $1,200.00 annualised: $100.00 short.',
        },
      ],
    });
  });
});

describe('a BAN the inventory holds without the leading zeros the FAN’s lines write', () => {
  it('spends the lines billed on it (0012345 on the bill, 12345 in the inventory)', () => {
    const zeros = [
      makeAccount({ id: 'acct-fan', accountNumber: 'FAN-1' }),
      makeAccount({ id: 'acct-z', accountNumber: '12345' }),
    ];
    const zeroBills = MONTHS.map((month) =>
      billed(makeInvoice({ month, accountNumber: 'FAN-1', invoiceNumber: `F-${month}` }), [
        line('recurring', 110_00, { serviceIdRaw: '555-010-0001', accountNumber: '0012345' }),
      ]),
    );
    const run = (marc: number) =>
      checkCase({
        name: 'zeros',
        rule: 'marc-shortfall',
        snapshot: snapshotOf({
          accounts: zeros,
          services: [service('svc-z', 'acct-z', '555-010-0001')],
          contracts: [makeContract({ accountIds: ['acct-z'], marcCents: cents(marc) })],
          bills: zeroBills,
        }),
        expected:
          marc === 1_320_00
            ? []
            : [
                {
                  id: 'marc-shortfall|lumen|12345|ctr-1|2026-01',
                  impact: 12_00,
                  message:
                    'Lumen MSA commits to $1,332.00 a year; its spend over 3 billed months (2026-03 to 2026-05) is $330.00, $1,320.00 annualised: $12.00 short.',
                },
              ],
      });
    run(1_320_00);
    run(1_332_00);
  });
});

describe('the paying account’s own fees on an invoice over several billing accounts', () => {
  it('are shared pro rata to the service charges each contract holds, not to the accounts’ fees it holds too', () => {
    // BAN-1: $100.00 of a line and $50.00 of its own fees, its contract's; BAN-2: $100.00 of a
    // line no contract holds; the FAN's own $30.00 fee: half of it follows BAN-1's line.
    const bills = MONTHS.map((month) =>
      billed(makeInvoice({ month, accountNumber: 'FAN-1', invoiceNumber: `F-${month}` }), [
        line('recurring', 100_00, { serviceIdRaw: '555-010-0001', accountNumber: 'BAN-1' }),
        line('surcharge', 50_00, { serviceIdRaw: '', accountNumber: 'BAN-1' }),
        line('recurring', 100_00, { serviceIdRaw: '555-010-0002', accountNumber: 'BAN-2' }),
        line('surcharge', 30_00, { serviceIdRaw: '' }),
      ]),
    );
    const run = (marc: number, expected: Case['expected']) =>
      checkCase({
        name: 'FAN fee',
        rule: 'marc-shortfall',
        snapshot: snapshotOf({
          accounts,
          services,
          contracts: [makeContract({ accountIds: ['acct-ban1'], marcCents: cents(marc) })],
          bills,
        }),
        expected,
      });
    // $165.00 a month: $1,980.00 a year.
    run(1_980_00, []);
    run(1_992_00, [
      {
        id: 'marc-shortfall|lumen|BAN-1|ctr-1|2026-01',
        impact: 12_00,
        message:
          'Lumen MSA commits to $1,992.00 a year; its spend over 3 billed months (2026-03 to 2026-05) is $495.00, $1,980.00 annualised: $12.00 short.',
      },
    ]);
  });
});
