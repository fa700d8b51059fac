/**
 * overage nets the usage a bill gives back: roaming charged and credited in full on the same bill
 * costs nothing, so no bigger plan would have saved anything; what is left after a partial credit
 * is judged and claimed. A discount of the plan is a price, not usage given back.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'overage');
const roaming = line('usage', 200_00, { description: 'International roaming' });

function overage(lines: ReturnType<typeof line>[]) {
  const bills = [billed(makeInvoice({ month: '2026-05' }), [line('recurring', 45_00), ...lines])];
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

it.each([
  ['a credit worded as roaming', line('credit', -200_00, { description: 'Roaming credit' })],
  ['a negative usage line', line('usage', -200_00, { description: 'International roaming' })],
  ['a usage adjustment', line('adjustment', -200_00, { description: 'Usage adjustment' })],
])('usage given back in full by %s is no overage', (_, back) => {
  expect(overage([roaming, back])).toEqual([]);
});

it('what is left after a partial credit is the overage', () => {
  expect(overage([roaming, line('credit', -150_00, { description: 'Roaming credit' })])).toEqual([
    [
      50_00,
      '555-010-0001: $50.00 of usage charges (after $150.00 credited back) on invoice N-2026-05 (2026-05); $50.00 is 111.1% of its $45.00 plan rate.',
    ],
  ]);
});

it('a plan discount or an outage credit gives no usage back', () => {
  const credits = [
    line('credit', -5_00, { description: 'Data plan discount' }),
    line('credit', -20_00, { description: 'Outage credit' }),
  ];
  expect(overage([roaming, ...credits]).map(([impact]) => impact)).toEqual([200_00]);
});
