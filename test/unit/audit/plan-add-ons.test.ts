/**
 * A plan's rate prices the lines naming the plan: a feature ordered on top of it (device
 * protection, a hotspot add-on) is no overcharge of that rate. Before, every recurring line of the
 * service was added up and compared with the plan's rate.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');

function found(lines: ReturnType<typeof line>[]) {
  const bill = billed(makeInvoice({ month: '2026-05' }), lines);
  return runAudit(snapshotOf({ bills: [bill] }), rules).findings.map((f) => [f.impact, f.message]);
}

it('features beside the plan line are not compared with the plan’s rate', () => {
  expect(
    found([
      line('recurring', 45_00, { description: 'Business Unlimited' }),
      line('recurring', 17_00, { description: 'Verizon Mobile Protect' }),
      line('recurring', 10_00, { description: 'Mobile Hotspot 15GB add-on' }),
    ]),
  ).toEqual([]);
});

it('the plan line above its rate is still found, and the message says what was left out', () => {
  expect(
    found([
      line('recurring', 50_00, { description: 'BUSINESS  UNLIMITED' }),
      line('recurring', 17_00, { description: 'Verizon Mobile Protect' }),
    ]),
  ).toEqual([
    [
      5_00,
      "Line 555-010-0001 billed $50.00 for its plan Business Unlimited (other recurring lines, features the plan's rate does not price, left out) on invoice N-2026-05; contract rate $45.00 — $5.00 over.",
    ],
  ]);
});

it('with no line naming the plan, every recurring line is the plan’s, as before', () => {
  expect(
    found([
      line('recurring', 40_00, { description: 'Monthly access' }),
      line('recurring', 10_00, { description: 'Line charge' }),
    ]).map(([impact]) => impact),
  ).toEqual([5_00]);
});
