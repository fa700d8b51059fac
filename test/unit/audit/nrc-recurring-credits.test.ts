/**
 * A one-time charge reversed or credited on its own bill was never billed: a repeat given back on
 * the same invoice is no repeat, and a first charge reversed in full and billed right the next
 * month is billed once. What the bill still charges after a partial credit is the repeat.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'nrc-recurring');
const fee = (
  amount: number,
  category: 'one-time' | 'credit' | 'adjustment' = 'one-time',
  description = 'Activation Fee',
) => line(category, amount, { description });

function found(march: ReturnType<typeof line>[], april: ReturnType<typeof line>[]) {
  const snapshot = snapshotOf({
    services: [makeService({ activatedOn: isoDate(2026, 3, 10) })],
    bills: [
      billed(makeInvoice({ month: '2026-03' }), [line('recurring', 45_00), ...march]),
      billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00), ...april]),
    ],
  });
  return runAudit(snapshot, rules).findings.map((f) => [f.impact, f.message]);
}

it.each([
  ['a negative one-time line', fee(-35_00)],
  ['a credit naming it', fee(-35_00, 'credit', 'Activation Fee credit')],
  ['an adjustment naming it', fee(-35_00, 'adjustment', 'Reversal - activation fee')],
])('a repeat given back on its own bill by %s is no repeat', (_, back) => {
  expect(found([fee(35_00)], [fee(35_00), back])).toEqual([]);
});

it('a first charge reversed in full and billed right the next month is billed once', () => {
  expect(found([fee(35_00), fee(-35_00)], [fee(35_00)])).toEqual([]);
});

it('a credit of another charge does not hide the repeat; a partial one leaves what is charged', () => {
  expect(found([fee(35_00)], [fee(35_00), fee(-35_00, 'credit', 'Outage credit')])).toEqual([
    [
      35_00,
      '555-010-0001: one-time charges billed again on invoice N-2026-04 (2026-04): $35.00, first billed as Activation Fee ($35.00) on invoice N-2026-03 (2026-03).',
    ],
  ]);
  expect(found([fee(35_00)], [fee(35_00), fee(-15_00, 'credit', 'Activation fee credit')])).toEqual(
    [
      [
        20_00,
        '555-010-0001: one-time charges billed again on invoice N-2026-04 (2026-04): $20.00, first billed as Activation Fee ($35.00) on invoice N-2026-03 (2026-03).',
      ],
    ],
  );
});

it('a repeat refunded on a later bill is no longer claimed; a partial refund leaves the rest', () => {
  const snapshot = (refund: number) =>
    snapshotOf({
      services: [makeService({ activatedOn: isoDate(2026, 3, 10) })],
      bills: [
        billed(makeInvoice({ month: '2026-03' }), [line('recurring', 45_00), fee(35_00)]),
        billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00), fee(35_00)]),
        billed(makeInvoice({ month: '2026-05' }), [
          line('recurring', 45_00),
          fee(-refund, 'credit', 'Activation Fee credit'),
        ]),
      ],
    });
  const found = (refund: number) =>
    runAudit(snapshot(refund), rules).findings.map((f) => [f.impact, f.message]);
  expect(found(35_00)).toEqual([]);
  expect(found(20_00)).toEqual([
    [
      15_00,
      '555-010-0001: one-time charges billed again on invoice N-2026-04 (2026-04): $15.00 (after $20.00 refunded later), first billed as Activation Fee ($35.00) on invoice N-2026-03 (2026-03).',
    ],
  ]);
});
