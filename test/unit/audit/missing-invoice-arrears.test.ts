/**
 * A bill of several months stands for the months until the next one is due, in advance or in
 * arrears: an account billed each quarter in arrears (April's bill for January to March) has no
 * bill due in May or June. A quarter's bill that does not come is still missing.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { addMonths, endOfMonth, isoDate, type IsoDate } from '../../../shared/dates';
import { billed, line, makeAccount, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'missing-invoice');

/** A bill dated the 5th of `dated`, for the `months` months before that month. */
function inArrears(dated: IsoDate, months: number) {
  return billed(
    makeInvoice({
      invoiceNumber: `Q-${dated}`,
      invoiceDate: dated,
      periodStart: addMonths(
        isoDate(Number(dated.slice(0, 4)), Number(dated.slice(5, 7)), 1),
        -months,
      ),
      periodEnd: endOfMonth(addMonths(dated, -1)),
    }),
    [line('recurring', 300_00 * months)],
  );
}

function missing(bills: ReturnType<typeof inArrears>[], today: IsoDate) {
  const snapshot = snapshotOf({ bills, accounts: [makeAccount({ billCycleDay: 5 })], today });
  return runAudit(snapshot, rules).findings.map((finding) => finding.subject.period);
}

it('quarters billed in arrears: no bill is due in the two months after each', () => {
  const bills = [isoDate(2026, 1, 5), isoDate(2026, 4, 5)].map((dated) => inArrears(dated, 3));
  expect(missing(bills, isoDate(2026, 6, 20))).toEqual([]);
});

it('a year billed in arrears: no bill is due until the next year', () => {
  expect(missing([inArrears(isoDate(2026, 1, 5), 12)], isoDate(2026, 12, 20))).toEqual([]);
});

it('the quarter whose bill did not come is missing once, not in each of its months', () => {
  const bills = [isoDate(2026, 1, 5), isoDate(2026, 4, 5)].map((dated) => inArrears(dated, 3));
  expect(missing(bills, isoDate(2026, 11, 20))).toEqual(['2026-07', '2026-10']);
});

it('a monthly account’s catch-up bill of two months leaves the next bills due monthly', () => {
  const bills = [
    inArrears(isoDate(2026, 2, 5), 1),
    inArrears(isoDate(2026, 3, 5), 1),
    inArrears(isoDate(2026, 5, 5), 2),
  ];
  expect(missing(bills, isoDate(2026, 8, 20))).toEqual(['2026-06', '2026-07', '2026-08']);
});

it('a quarter’s bill missing between two that came is missing: the next bills its months', () => {
  // October's bill (July to September) is the bill of August to October, not of July.
  const dates = [isoDate(2026, 1, 5), isoDate(2026, 4, 5), isoDate(2026, 10, 5)];
  expect(
    missing(
      dates.map((dated) => inArrears(dated, 3)),
      isoDate(2026, 11, 20),
    ),
  ).toEqual(['2026-07']);
  const readNewestFirst = [...dates].reverse().map((dated) => inArrears(dated, 3));
  expect(missing(readNewestFirst, isoDate(2026, 11, 20))).toEqual(['2026-07']);
});

it('quarters that all came: nothing missing', () => {
  const bills = [1, 4, 7, 10].map((month) => inArrears(isoDate(2026, month, 5), 3));
  expect(missing(bills, isoDate(2026, 11, 20))).toEqual([]);
});
