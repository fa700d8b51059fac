/**
 * `missing-invoice` on an account whose lines move onto a foundation account's invoices (a BAN
 * brought under an AT&T FAN, a sub-account under an EDI 811 master account): the months those
 * invoices bill lines on it are billed months, not missing bills of its own.
 */
import { describe, it } from 'vitest';
import { isoDate } from '../../../shared/dates/iso-date';
import { checkCase, type Case } from './cases';
import { billed, line, makeAccount, makeInvoice, makeService, snapshotOf } from './helpers';

const accounts = [
  makeAccount({ id: 'acct-fan', accountNumber: 'FAN-1' }),
  makeAccount({ id: 'acct-ban1', accountNumber: '88-5590' }),
];

/** BAN 88-5590's own bills, January to March. */
const own = ['2026-01', '2026-02', '2026-03'].map((month) =>
  billed(makeInvoice({ month, accountNumber: '88-5590', invoiceNumber: `B-${month}` }), [
    line('recurring', 40_00),
  ]),
);

/** The FAN's bills of `months`, billing the line on the BAN (printed `8-8-5590`) when `named`. */
const fan = (months: string[], named: boolean) =>
  months.map((month) =>
    billed(makeInvoice({ month, accountNumber: 'FAN-1', invoiceNumber: `F-${month}` }), [
      line('recurring', 40_00, named ? { accountNumber: '8-8-5590' } : {}),
    ]),
  );

function audit(name: string, bills: typeof own, expected: Case['expected']) {
  checkCase({
    name,
    rule: 'missing-invoice',
    snapshot: snapshotOf({
      accounts,
      services: [makeService({ accountId: 'acct-ban1' })],
      bills,
      today: isoDate(2026, 6, 5),
    }),
    expected,
  });
}

describe('missing-invoice on a BAN billed on its FAN’s invoices', () => {
  it('a BAN whose lines moved onto the FAN’s invoices misses no bill', () => {
    audit('moved', [...own, ...fan(['2026-04', '2026-05'], true)], []);
  });

  it('a BAN the FAN’s invoices do not name still misses its own', () => {
    const missing = (month: string) => ({
      id: `missing-invoice|lumen|88-5590||${month}`,
      impact: 0,
      message: `No Lumen invoice for account 88-5590 for ${month}: it was due around ${month}-01, 10 days' grace have passed.`,
    });
    audit(
      'not named',
      [...own, ...fan(['2026-04', '2026-05'], false)],
      [missing('2026-04'), missing('2026-05')],
    );
  });
});
