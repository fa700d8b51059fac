/**
 * Spike compares a bill with the account's usual level per month: a bill of two months (a
 * catch-up after a missed one) or a quarter is judged against that many months at the average,
 * and joins the average as a level per month.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/dates/iso-date';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'spike');
const monthly = ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) =>
  billed(makeInvoice({ month }), [line('recurring', 500_00)]),
);
const bill = (month: string, start: IsoDate, end: IsoDate, amount: number) =>
  billed(makeInvoice({ month, periodStart: start, periodEnd: end }), [line('recurring', amount)]);

function spikes(bills: ReturnType<typeof billed>[]) {
  const snapshot = snapshotOf({ bills });
  return runAudit(snapshot, rules).findings.map((f) => [f.impact, f.message]);
}

it('a catch-up bill of two months at the usual level is no spike', () => {
  expect(
    spikes([...monthly, bill('2026-06', isoDate(2026, 5, 1), isoDate(2026, 6, 30), 1000_00)]),
  ).toEqual([]);
});

it('above its months at the average, the excess is found and said so', () => {
  expect(
    spikes([...monthly, bill('2026-06', isoDate(2026, 5, 1), isoDate(2026, 6, 30), 1200_00)]),
  ).toEqual([
    [
      200_00,
      'Invoice N-2026-06 totals $1,200.00, $200.00 above $1,000.00, its 2 months at the average of $500.00 a month over the previous 4 invoices.',
    ],
  ]);
});

it('a quarterly bill joins the average as a level per month: the next monthly bill at it is no spike', () => {
  const quarter = bill('2026-05', isoDate(2026, 5, 1), isoDate(2026, 7, 31), 1500_00);
  const august = billed(makeInvoice({ month: '2026-08' }), [line('recurring', 500_00)]);
  expect(spikes([...monthly, quarter, august])).toEqual([]);
});
