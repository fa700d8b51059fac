/**
 * A month with a one-off credit (a promotional credit, a refund of an earlier error) joins the
 * spike rule's baseline without it: the average is the account's usual level, so the next
 * ordinary bill is no spike. A spike after it is still found, its message saying so.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'spike');
const august = makeInvoice({ month: '2026-08' });
const september = makeInvoice({ month: '2026-09' });
const october = makeInvoice({ month: '2026-10' });
const promo = (amount: number) =>
  line('credit', amount, { serviceIdRaw: '', description: 'Promotional credit' });

function spikes(octoberLines: ReturnType<typeof line>[]) {
  const snapshot = snapshotOf({
    bills: [
      billed(august, [line('recurring', 112_18)]),
      billed(september, [line('recurring', 112_18), promo(-329_45)]),
      billed(october, octoberLines),
    ],
  });
  return runAudit(snapshot, rules).findings.filter((finding) => finding.ruleId === 'spike');
}

it('an ordinary bill after a month with a large credit is no spike', () => {
  expect(spikes([line('recurring', 112_18)])).toEqual([]);
});

it('a real spike after it is measured against the months without their credits', () => {
  const found = spikes([line('recurring', 112_18), line('one-time', 200_00)]);
  expect(found.map((f) => [f.impact, f.message])).toEqual([
    [
      200_00,
      'Invoice N-2026-10 totals $312.18, $200.00 above the average of $112.18 over the previous 2 invoices (without their one-off credits).',
    ],
  ]);
});

it('keeps a discount billed every month in the average: a real spike after it is found', () => {
  const discount = line('credit', -200_00, {
    serviceIdRaw: '',
    description: 'Corporate discount 20%',
  });
  const months = ['2026-01', '2026-02', '2026-03'].map((month) =>
    billed(makeInvoice({ month }), [line('recurring', 1000_00), discount]),
  );
  const april = billed(makeInvoice({ month: '2026-04' }), [line('recurring', 1300_00), discount]);
  const found = runAudit(snapshotOf({ bills: [...months, april] }), rules).findings;
  expect(found.map((f) => f.impact)).toEqual([300_00]);
});

it('leaves a discount met once out of the average, whatever it is called', () => {
  const snapshot = snapshotOf({
    bills: [
      billed(august, [line('recurring', 112_18)]),
      billed(september, [
        line('recurring', 112_18),
        line('credit', -329_45, { serviceIdRaw: '', description: 'One-time promotional discount' }),
      ]),
      billed(october, [line('recurring', 112_18)]),
    ],
  });
  expect(runAudit(snapshot, rules).findings).toEqual([]);
});

it('a one-off credit under the words of a standing one (AT&T’s "Total adjustments") is one-off', () => {
  // $10.00 a month of promotion under "Total adjustments", and a $948.03 device credit under the
  // same words in September: October at the usual level was a false $922.28 spike over it.
  const adjustments = (amount: number) =>
    line('adjustment', amount, { description: 'Total adjustments' });
  const snapshot = snapshotOf({
    bills: [
      billed(september, [line('recurring', 6_834_77), adjustments(-10_00), adjustments(-948_03)]),
      billed(october, [line('recurring', 6_809_02), adjustments(-10_00)]),
    ],
  });
  expect(runAudit(snapshot, rules).findings.filter((f) => f.ruleId === 'spike')).toEqual([]);
});
