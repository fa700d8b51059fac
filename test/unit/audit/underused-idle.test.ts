/**
 * A line idle in its latest months is zero-usage's finding (cancel it, all of its charge saved),
 * not also underused-plan's (move it to a cheaper plan): both claimed its idle months, so money at
 * stake counted them twice. A line idle for fewer months than zero-usage asks is still under-used.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { ContractRate } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { makeContract, makeService, makeUsage, snapshotOf } from './helpers';

const GB = 1024 * 1024;
const rules = ALL_RULES.filter((rule) => ['zero-usage', 'underused-plan'].includes(rule.id));
const plan = (name: string, rate: number, gb: number): ContractRate => ({
  planOrServiceType: name,
  monthlyRateCents: cents(rate),
  dataAllowanceGb: gb,
  voiceMinutesAllowance: 'unlimited',
  messagesAllowance: 'unlimited',
});

/** Half a gigabyte and 30 minutes a month, then `idle` months of no use at all, to May. */
function audit(idle: number) {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
  const usage = months.map((month, i) =>
    i < months.length - idle
      ? makeUsage(month, 30, { dataKb: GB / 2 })
      : makeUsage(month, 0, { dataKb: 0 }),
  );
  const snapshot = snapshotOf({
    services: [makeService({ plan: 'Business 10GB' })],
    contracts: [
      makeContract({ rateCard: [plan('Business 10GB', 45_00, 10), plan('Flex 2GB', 20_00, 2)] }),
    ],
    usage,
  });
  return runAudit(snapshot, rules).findings.map((f) => [f.ruleId, f.impact]);
}

it('idle for its last three months: zero-usage only', () => {
  expect(audit(3)).toEqual([['zero-usage', 45_00]]);
});

it('idle for two months, fewer than zero-usage asks: still a plan bigger than it needs', () => {
  expect(audit(2)).toEqual([['underused-plan', 125_00]]);
});
