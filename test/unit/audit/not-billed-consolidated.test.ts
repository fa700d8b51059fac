/**
 * `not-billed` on consolidated bills: a foundation account's invoice (AT&T FAN, an EDI 811 master
 * account) bills each line on its own billing account (BAN, sub-account). A service the inventory
 * keeps on a billing account is expected on the invoices that bill lines on that account, as on
 * its own account's; an invoice that does not name the account says nothing of its services.
 */
import { describe, it } from 'vitest';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { checkCase, type Case } from './cases';
import { billed, line, makeAccount, makeInvoice, makeService, snapshotOf } from './helpers';

const accounts = [
  makeAccount({ id: 'acct-fan', accountNumber: 'FAN-1' }),
  makeAccount({ id: 'acct-ban1', accountNumber: '88-5590' }),
  makeAccount({ id: 'acct-ban2', accountNumber: 'BAN-2' }),
  makeAccount({ id: 'acct-ban3', accountNumber: 'BAN-3' }),
];

const MONTHS = ['2026-03', '2026-04', '2026-05'];

/** A line of the inventory on `accountId`. */
function service(id: string, accountId: string, number: string) {
  return makeService({
    id,
    accountId,
    serviceIdRaw: number,
    serviceKey: `+1${number.replace(/\D/g, '')}`,
  });
}

/** The FAN's invoice of `month` with these lines. */
function fanBill(month: string, lines: PackableLine[]) {
  return billed(makeInvoice({ month, accountNumber: 'FAN-1', invoiceNumber: `F-${month}` }), lines);
}

/** A line billed on the BAN the FAN's file prints as `8-8-5590` (the inventory's `88-5590`). */
const onBan1 = (number: string): PackableLine =>
  line('recurring', 40_00, { serviceIdRaw: number, accountNumber: '8-8-5590' });

/**
 * Runs not-billed with 555-010-0001 on BAN 88-5590 (billed on every FAN invoice below) and one
 * more service, `accountId`'s `number`.
 */
function audit(
  name: string,
  bills: ReturnType<typeof fanBill>[],
  [accountId, number]: [string, string],
  expected: Case['expected'],
) {
  const services = [
    service('svc-1', 'acct-ban1', '555-010-0001'),
    service('svc-x', accountId, number),
  ];
  checkCase({
    name,
    rule: 'not-billed',
    snapshot: snapshotOf({ accounts, services, bills }),
    expected,
  });
}

/** The finding of `number` on `account` left off the FAN's invoices of `span`. */
function gap(account: string, number: string, span: string): Case['expected'][number] {
  return {
    id: `not-billed|lumen|${account}|+1${number.replace(/\D/g, '')}|2026-03`,
    impact: 0,
    message: `${number} (Business Unlimited) is active in the inventory but on no invoice of account ${account} (billed on account FAN-1's invoices) on ${span}.`,
  };
}

/** The FAN's invoices of March to May, each billing 555-010-0001 on its BAN and `more`. */
const fanBills = (more: (month: string) => PackableLine[] = () => []) =>
  MONTHS.map((month) => fanBill(month, [onBan1('555-010-0001'), ...more(month)]));

describe('not-billed on a foundation account’s invoices', () => {
  it('a service of a BAN the FAN’s invoices bill, on none of them, is not billed', () => {
    audit(
      'left out',
      fanBills(),
      ['acct-ban1', '555-010-0003'],
      [gap('88-5590', '555-010-0003', '2026-03 to 2026-05 (3 invoices)')],
    );
  });

  it('a service billed on the FAN’s invoices under its BAN is billed', () => {
    audit(
      'billed',
      fanBills(() => [onBan1('555-010-0003')]),
      ['acct-ban1', '555-010-0003'],
      [],
    );
  });

  it('a BAN the FAN’s invoice does not name is not judged on it (it may be billed elsewhere)', () => {
    audit('BAN-2 never named', fanBills(), ['acct-ban2', '555-010-0002'], []);
    // Named in March and May only: April's invoice says nothing of BAN-2.
    const otherLine = line('recurring', 30_00, {
      serviceIdRaw: '555-010-0009',
      accountNumber: 'BAN-2',
    });
    audit(
      'BAN-2 named some months',
      fanBills((month) => (month === '2026-04' ? [] : [otherLine])),
      ['acct-ban2', '555-010-0002'],
      [gap('BAN-2', '555-010-0002', '2026-03 to 2026-05 (2 invoices)')],
    );
  });

  it('a BAN named only by charges of nothing recurring is not judged (as a bill of its own would not be)', () => {
    const fee = line('surcharge', 2_00, { serviceIdRaw: '', accountNumber: 'BAN-3' });
    audit(
      'BAN-3 named by a fee',
      fanBills(() => [fee]),
      ['acct-ban3', '555-010-0004'],
      [],
    );
  });

  it('months of the BAN’s own invoices and of the FAN’s are one series', () => {
    // The BAN billed on its own in March, on the FAN from April: the service is on neither.
    const own = billed(
      makeInvoice({ month: '2026-03', accountNumber: '88-5590', invoiceNumber: 'B-2026-03' }),
      [line('recurring', 40_00, { serviceIdRaw: '555-010-0001' })],
    );
    audit(
      'own then FAN',
      [own, ...fanBills().slice(1)],
      ['acct-ban1', '555-010-0003'],
      [gap('88-5590', '555-010-0003', '2026-03 to 2026-05 (3 invoices)')],
    );
  });
});

describe('a BAN the inventory holds without the leading zeros its FAN’s lines write', () => {
  it('is the account those lines are billed on (a spreadsheet saved 0012345 as 12345)', () => {
    const zeros = [
      makeAccount({ id: 'acct-fan', accountNumber: 'FAN-1' }),
      makeAccount({ id: 'acct-z', accountNumber: '12345' }),
    ];
    const bills = MONTHS.map((month) =>
      fanBill(month, [
        line('recurring', 40_00, { serviceIdRaw: '555-010-0001', accountNumber: '0012345' }),
      ]),
    );
    checkCase({
      name: 'zeros',
      rule: 'not-billed',
      snapshot: snapshotOf({
        accounts: zeros,
        services: [
          service('svc-1', 'acct-z', '555-010-0001'),
          service('svc-x', 'acct-z', '555-010-0009'),
        ],
        bills,
      }),
      expected: [gap('12345', '555-010-0009', '2026-03 to 2026-05 (3 invoices)')],
    });
  });
});
