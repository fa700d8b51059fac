/**
 * `underused-plan`: firing and quiet cases — the share and the months at their thresholds, a month
 * without usage figures ending the run (missing usage is not zero), allowances not known,
 * unlimited plans, the cheapest plan that covers the highest use, and idle lines left to
 * `zero-usage`.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { DEFAULT_AUDIT_SETTINGS } from '../../../shared/audit/settings';
import type { ContractRate, UsageRecord } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { checkCase, type Case } from './cases';
import { makeContract, makeService, makeUsage, snapshotOf } from './helpers';

const GB = 1024 * 1024;
const RULE = 'underused-plan';

const business10: ContractRate = {
  planOrServiceType: 'Business 10GB',
  monthlyRateCents: cents(45_00),
  dataAllowanceGb: 10,
  voiceMinutesAllowance: 'unlimited',
  messagesAllowance: 'unlimited',
};
const flex2: ContractRate = {
  planOrServiceType: 'Flex 2GB',
  monthlyRateCents: cents(20_00),
  dataAllowanceGb: 2,
  voiceMinutesAllowance: 'unlimited',
  messagesAllowance: 'unlimited',
};
const flex5: ContractRate = {
  planOrServiceType: 'Flex 5GB',
  monthlyRateCents: cents(30_00),
  dataAllowanceGb: 5,
  voiceMinutesAllowance: 'unlimited',
  messagesAllowance: 'unlimited',
};

/** One month of use: data in GB, minutes, messages. */
function use(month: string, gb: number, minutes = 100, messages = 40): UsageRecord {
  return makeUsage(month, minutes, { dataKb: gb * GB, messages });
}

function snapshot(usage: UsageRecord[], rateCard: ContractRate[] = [business10, flex2, flex5]) {
  return snapshotOf({
    services: [makeService({ plan: 'Business 10GB' })],
    contracts: [makeContract({ rateCard })],
    usage,
  });
}

const quarter = [use('2026-03', 0.5), use('2026-04', 1.5), use('2026-05', 1)];

const cases: Case[] = [
  {
    name: 'three months under 25 % of 10 GB; Flex 2GB covers the highest month',
    rule: RULE,
    snapshot: snapshot([use('2026-02', 6), ...quarter]),
    expected: [
      {
        id: 'underused-plan|lumen|A-1|+15550100001|2026-03',
        impact: 75_00,
        message:
          '555-010-0001 used under 25% of its Business 10GB plan ($45.00 a month; 10 GB data, unlimited minutes, unlimited messages) for 3 months, 2026-03 to 2026-05 (0.50, 1.50, 1.00 GB of data). Flex 2GB (2 GB data, unlimited minutes, unlimited messages) at $20.00 a month covers its highest use (1.50 GB, 100 minutes, 40 messages): $25.00 a month less, $75.00 over the 3 months.',
      },
    ],
  },
  {
    name: 'four months: the impact counts each month seen',
    rule: RULE,
    snapshot: snapshot([use('2026-02', 2), ...quarter]),
    expected: [
      {
        id: 'underused-plan|lumen|A-1|+15550100001|2026-02',
        impact: 100_00,
        message:
          '555-010-0001 used under 25% of its Business 10GB plan ($45.00 a month; 10 GB data, unlimited minutes, unlimited messages) for 4 months, 2026-02 to 2026-05 (2.00, 0.50, 1.50, 1.00 GB of data). Flex 2GB (2 GB data, unlimited minutes, unlimited messages) at $20.00 a month covers its highest use (2.00 GB, 100 minutes, 40 messages): $25.00 a month less, $100.00 over the 4 months.',
      },
    ],
  },
  {
    name: 'the highest month needs 2.4 GB: the cheapest plan that covers it is Flex 5GB',
    rule: RULE,
    snapshot: snapshot([use('2026-03', 0.5), use('2026-04', 2.4), use('2026-05', 1)]),
    expected: [
      {
        id: 'underused-plan|lumen|A-1|+15550100001|2026-03',
        impact: 45_00,
        message:
          '555-010-0001 used under 25% of its Business 10GB plan ($45.00 a month; 10 GB data, unlimited minutes, unlimited messages) for 3 months, 2026-03 to 2026-05 (0.50, 2.40, 1.00 GB of data). Flex 5GB (5 GB data, unlimited minutes, unlimited messages) at $30.00 a month covers its highest use (2.40 GB, 100 minutes, 40 messages): $15.00 a month less, $45.00 over the 3 months.',
      },
    ],
  },
  {
    name: 'missing usage is not zero: a month without figures ends the run',
    rule: RULE,
    snapshot: snapshot([
      use('2026-01', 0.5),
      use('2026-02', 0.5),
      use('2026-03', 0.5),
      use('2026-05', 1),
    ]),
    expected: [],
  },
  {
    name: 'missing usage is not zero: no figures at all, no finding',
    rule: RULE,
    snapshot: snapshot([]),
    expected: [],
  },
  {
    name: 'two months under the share are not enough',
    rule: RULE,
    snapshot: snapshot([use('2026-03', 4), use('2026-04', 1), use('2026-05', 1)]),
    expected: [],
  },
  {
    name: 'exactly 25 % (2.5 GB of 10) is not under the share',
    rule: RULE,
    snapshot: snapshot([use('2026-03', 0.5), use('2026-04', 2.5), use('2026-05', 1)]),
    expected: [],
  },
  {
    name: 'no cheaper plan covers the highest month',
    rule: RULE,
    snapshot: snapshot(
      [use('2026-03', 0.5), use('2026-04', 2.4), use('2026-05', 1)],
      [business10, flex2],
    ),
    expected: [],
  },
  {
    name: 'the plan’s allowances are not known: nothing to be under',
    rule: RULE,
    snapshot: snapshot(quarter, [
      { planOrServiceType: 'Business 10GB', monthlyRateCents: cents(45_00) },
      flex2,
    ]),
    expected: [],
  },
  {
    name: 'an unlimited plan has no share to fall below',
    rule: RULE,
    snapshot: snapshot(quarter, [{ ...business10, dataAllowanceGb: 'unlimited' }, flex2]),
    expected: [],
  },
  {
    name: 'a cheaper plan whose voice allowance is not known does not cover a line that calls',
    rule: RULE,
    snapshot: snapshot(quarter, [
      business10,
      { planOrServiceType: 'Flex 2GB', monthlyRateCents: cents(20_00), dataAllowanceGb: 2 },
    ]),
    expected: [],
  },
  {
    name: 'every allowance that is a number must be under the share: data and minutes',
    rule: RULE,
    snapshot: snapshot(
      [use('2026-03', 0.5, 120), use('2026-04', 1.5, 90), use('2026-05', 1, 200.5)],
      [{ ...business10, voiceMinutesAllowance: 1000 }, flex2],
    ),
    expected: [
      {
        id: 'underused-plan|lumen|A-1|+15550100001|2026-03',
        impact: 75_00,
        message:
          '555-010-0001 used under 25% of its Business 10GB plan ($45.00 a month; 10 GB data, 1000 minutes, unlimited messages) for 3 months, 2026-03 to 2026-05 (0.50, 1.50, 1.00 GB of data; 120, 90, 200.5 minutes). Flex 2GB (2 GB data, unlimited minutes, unlimited messages) at $20.00 a month covers its highest use (1.50 GB, 200.5 minutes, 40 messages): $25.00 a month less, $75.00 over the 3 months.',
      },
    ],
  },
  {
    name: 'data under the share but minutes over it (300 of 1000): not under-used',
    rule: RULE,
    snapshot: snapshot(
      [use('2026-03', 0.5, 300), use('2026-04', 1.5, 90), use('2026-05', 1, 200)],
      [{ ...business10, voiceMinutesAllowance: 1000 }, flex2],
    ),
    expected: [],
  },
  {
    name: 'a month over the share in the middle ends the run',
    rule: RULE,
    snapshot: snapshot([
      use('2026-02', 0.5),
      use('2026-03', 3),
      use('2026-04', 1),
      use('2026-05', 1),
    ]),
    expected: [],
  },
  {
    name: 'no use at all is zero-usage’s finding, not this one',
    rule: RULE,
    snapshot: snapshot([use('2026-03', 0, 0, 0), use('2026-04', 0, 0, 0), use('2026-05', 0, 0, 0)]),
    expected: [],
  },
];

describe('underused-plan', () => {
  it.each(cases)('$name', checkCase);

  it('is registered with its catalogue defaults: 25 % and 3 months', () => {
    expect(ALL_RULES.map((rule) => rule.id)).toContain(RULE);
    expect(DEFAULT_AUDIT_SETTINGS[RULE]).toEqual({ percent: 25, months: 3 });
  });

  it('follows its settings: under 10 % for 3 months is stricter', () => {
    const only = ALL_RULES.filter((rule) => rule.id === RULE);
    const strict = { ...snapshot(quarter), settings: { [RULE]: { percent: 10, months: 3 } } };
    expect(runAudit(strict, only).findings).toEqual([]);
    const twoMonths = {
      ...snapshot(quarter.slice(1)),
      settings: { [RULE]: { percent: 25, months: 2 } },
    };
    expect(runAudit(twoMonths, only).findings.map((finding) => finding.impact)).toEqual([50_00]);
  });

  it('reads two records of one month (summary and detail) as one month, the larger use', () => {
    const only = ALL_RULES.filter((rule) => rule.id === RULE);
    const twice = snapshot([...quarter, use('2026-04', 3, 100, 40)]);
    expect(runAudit(twice, only).findings).toEqual([]);
  });
});
