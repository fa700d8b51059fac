/**
 * A late fee given back on a later bill of the account (`Late Fee Reversal` on the next month's
 * invoice) is no longer a fee to claim: netted from the latest earlier fee, as a same-bill
 * reversal is. A reversal never gives back a fee billed after it.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'late-fee');
const fee = (amount: number, description = 'Late Fee') =>
  line(amount > 0 ? 'late-fee' : 'credit', amount, { serviceIdRaw: '', description });
const month = (name: string, lines: ReturnType<typeof line>[]) =>
  billed(makeInvoice({ month: name }), [line('recurring', 45_00), ...lines]);

function fees(bills: ReturnType<typeof billed>[]) {
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => [f.impact, f.message]);
}

it('a fee reversed in full on the next bill is no finding', () => {
  expect(
    fees([month('2026-03', [fee(5_00)]), month('2026-04', [fee(-5_00, 'Late Fee Reversal')])]),
  ).toEqual([]);
});

it('a partial reversal leaves the rest, and says where the money came back', () => {
  expect(
    fees([month('2026-03', [fee(12_00)]), month('2026-04', [fee(-5_00, 'Late fee credit')])]),
  ).toEqual([
    [
      7_00,
      'Invoice N-2026-03 charges $7.00 in late fees (Late Fee), after $5.00 given back on invoice N-2026-04.',
    ],
  ]);
});

it('a reversal gives back nothing billed after it; the later bill’s own fee is netted first', () => {
  expect(
    fees([month('2026-03', [fee(-5_00, 'Late Fee Reversal')]), month('2026-04', [fee(5_00)])]).map(
      ([impact]) => impact,
    ),
  ).toEqual([5_00]);
  expect(
    fees([
      month('2026-03', [fee(5_00)]),
      month('2026-04', [fee(5_00), fee(-5_00, 'Late Fee Reversal')]),
    ]).map(([impact]) => impact),
  ).toEqual([5_00]);
});
