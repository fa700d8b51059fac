import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');
const p = (from: [number, number], to: [number, number]) => ({
  periodStart: isoDate(2026, from[0], from[1]),
  periodEnd: isoDate(2026, to[0], to[1]),
});

function run(lines: ReturnType<typeof line>[]) {
  const nov = makeInvoice({ month: '2026-11' });
  const snapshot = snapshotOf({ services: [makeService()], bills: [billed(nov, lines)] });
  return runAudit(snapshot, rules).findings.map((f) => [f.ruleId, f.impact, f.message]);
}

it('baseline: plan 60 alone on a Nov bill', () => {
  console.log('A', run([line('recurring', 60_00, p([11, 1], [11, 30]))]));
});
it('plan 60 in advance + feature 5 in arrears (other period)', () => {
  const r = run([
    line('recurring', 60_00, p([11, 1], [11, 30])),
    line('recurring', 5_00, { ...p([10, 1], [10, 31]), description: 'Voicemail' }),
  ]);
  console.log('B', r);
  expect(r.length).toBe(1);
});
it('two whole months billed at $60 each (catch-up of a missed month), same description', () => {
  const r = run([
    line('recurring', 60_00, p([10, 1], [10, 31])),
    line('recurring', 60_00, p([11, 1], [11, 30])),
  ]);
  console.log('C', r);
});
