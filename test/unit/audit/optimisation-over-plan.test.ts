/**
 * A line whose highest month uses more than its own plan allows, with no cheaper plan covering
 * it, is "Over its plan" in the optimisation table — never "Plan fits", which its overage
 * finding (a bigger plan would cost less than the usage charges) would contradict.
 */
import { expect, it } from 'vitest';
import { ADVICE_LABELS, optimisationReport } from '../../../shared/audit/optimisation';
import { isoDate } from '../../../shared/dates/iso-date';
import type { ContractRate } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { makeContract, makeService, makeUsage, snapshotOf } from './helpers';

const GB = 1024 * 1024;
const rate = (name: string, monthly: number, data: number | 'unlimited'): ContractRate => ({
  planOrServiceType: name,
  monthlyRateCents: cents(monthly),
  dataAllowanceGb: data,
  voiceMinutesAllowance: 'unlimited',
  messagesAllowance: 'unlimited',
});

function adviceFor(gb: number) {
  const snapshot = snapshotOf({
    services: [makeService({ plan: 'Data 2GB' })],
    contracts: [
      makeContract({
        rateCard: [rate('Data 2GB', 40_00, 2), rate('Unlimited Plus', 45_00, 'unlimited')],
      }),
    ],
    usage: ['2026-03', '2026-04', '2026-05'].map((month) =>
      makeUsage(month, 100, { dataKb: gb * GB, messages: 10 }),
    ),
  });
  const [line] = optimisationReport(snapshot, isoDate(2026, 6, 5)).lines;
  return line === undefined ? undefined : ADVICE_LABELS[line.advice];
}

it('a line over its plan every month, nothing cheaper covering it, is over its plan', () => {
  expect(adviceFor(3)).toBe('Over its plan');
});

it('a line within its plan, nothing cheaper covering it, fits', () => {
  expect(adviceFor(1.5)).toBe('Plan fits');
});
