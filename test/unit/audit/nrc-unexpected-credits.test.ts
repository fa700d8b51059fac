/**
 * nrc-unexpected nets a one-time charge given back on its bill, whichever way the bill writes it:
 * a negative one-time line, or a credit or adjustment naming it (`Upgrade Fee waived`, filed as a
 * credit by most importers). A credit naming another charge gives nothing back.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'nrc-unexpected');
const fee = line('one-time', 35_00, { description: 'Upgrade Fee' });

function found(lines: ReturnType<typeof line>[]) {
  const snapshot = snapshotOf({
    services: [makeService({ activatedOn: isoDate(2025, 3, 10) })],
    bills: [billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00), fee, ...lines])],
  });
  return runAudit(snapshot, rules).findings.map((f) => [f.impact, f.message]);
}

it.each([
  ['a credit naming it', line('credit', -35_00, { description: 'Upgrade Fee waived' })],
  ['an adjustment naming it', line('adjustment', -35_00, { description: 'Credit: upgrade fee' })],
])('a charge waived in full by %s is no finding', (_, back) => {
  expect(found([back])).toEqual([]);
});

it('a partial waiver leaves the rest; a credit of something else leaves it all', () => {
  expect(found([line('credit', -20_00, { description: 'Upgrade fee credit' })])).toEqual([
    [
      15_00,
      '555-010-0001: $15.00 of one-time charges (Upgrade Fee, $35.00 less $20.00 waived or credited) on invoice N-2026-04 (2026-04), with no order or change in the inventory within 60 days (installed 2025-03-10).',
    ],
  ]);
  expect(found([line('credit', -35_00, { description: 'Outage credit' })]).map(([i]) => i)).toEqual(
    [35_00],
  );
});

it('a charge refunded on a later bill of the account is netted; a credit before it is not', () => {
  const bills = (refundMonth: string) => [
    billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00), fee]),
    billed(makeInvoice({ month: refundMonth, invoiceNumber: `R-${refundMonth}` }), [
      line('recurring', 45_00),
      line('credit', -35_00, { description: 'Upgrade Fee refund' }),
    ]),
  ];
  const run = (refundMonth: string) =>
    runAudit(
      snapshotOf({
        services: [makeService({ activatedOn: isoDate(2025, 3, 10) })],
        bills: bills(refundMonth),
      }),
      rules,
    ).findings.map((f) => f.impact);
  expect(run('2026-05')).toEqual([]);
  expect(run('2026-03')).toEqual([35_00]);
});
