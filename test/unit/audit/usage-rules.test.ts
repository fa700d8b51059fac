/**
 * The usage checks read usage as the bills give it: `zero-usage`, `underused-plan` and `overage`
 * fire on their cases and stay quiet when figures are missing. Missing usage is not zero usage:
 * a month without figures, or a figure not known (null), never counts as no use.
 */
import { describe, it } from 'vitest';
import type { ContractRate, UsageRecord } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { checkCase, type Case } from './cases';
import {
  billed,
  line,
  makeContract,
  makeInvoice,
  makeService,
  makeUsage,
  snapshotOf,
} from './helpers';

const GB = 1024 * 1024;

const bills = (months: readonly string[], usage = 0) =>
  months.map((month) =>
    billed(makeInvoice({ month }), [
      line('recurring', 45_00),
      ...(usage > 0 ? [line('usage', usage, { description: 'Data overage' })] : []),
    ]),
  );

/** A month with every figure not known: the bill named the line but gave no usage. */
const unknown = (month: string): UsageRecord =>
  makeUsage(month, 0, { minutes: null, messages: null, dataKb: null });

const plans: ContractRate[] = [
  {
    planOrServiceType: 'Business 10GB',
    monthlyRateCents: cents(45_00),
    dataAllowanceGb: 10,
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
  {
    planOrServiceType: 'Flex 2GB',
    monthlyRateCents: cents(20_00),
    dataAllowanceGb: 2,
    voiceMinutesAllowance: 'unlimited',
    messagesAllowance: 'unlimited',
  },
];
const onPlans = {
  services: [makeService({ plan: 'Business 10GB' })],
  contracts: [makeContract({ rateCard: plans })],
};
const light = (month: string, overrides: Partial<UsageRecord> = {}) =>
  makeUsage(month, 30, { dataKb: GB, messages: 10, ...overrides });

const MONTHS = ['2026-03', '2026-04', '2026-05'];

const cases: Case[] = [
  {
    name: 'zero-usage fires: three months known to be idle',
    rule: 'zero-usage',
    snapshot: snapshotOf({ bills: bills(MONTHS), usage: MONTHS.map((m) => makeUsage(m, 0)) }),
    expected: [
      {
        id: 'zero-usage|lumen|A-1|+15550100001|2026-03',
        impact: 45_00,
        message:
          '555-010-0001 had no calls, messages or data for 3 months (2026-03 to 2026-05) yet costs $45.00 a month.',
      },
    ],
  },
  {
    name: 'zero-usage quiet: two idle months, then a month with no figures (not a third idle one)',
    rule: 'zero-usage',
    snapshot: snapshotOf({
      bills: bills(MONTHS),
      usage: [makeUsage('2026-03', 0), makeUsage('2026-04', 0), unknown('2026-05')],
    }),
    expected: [],
  },
  {
    name: 'zero-usage counts only the months known idle: three, not the unknown fourth',
    rule: 'zero-usage',
    snapshot: snapshotOf({
      bills: bills(MONTHS),
      usage: [
        makeUsage('2026-02', 0),
        makeUsage('2026-03', 0),
        makeUsage('2026-04', 0),
        unknown('2026-05'),
      ],
    }),
    expected: [
      {
        id: 'zero-usage|lumen|A-1|+15550100001|2026-02',
        impact: 45_00,
        message:
          '555-010-0001 had no calls, messages or data for 3 months (2026-02 to 2026-04) yet costs $45.00 a month.',
      },
    ],
  },
  {
    name: 'zero-usage quiet: zero minutes and messages but data not known',
    rule: 'zero-usage',
    snapshot: snapshotOf({
      bills: bills(MONTHS),
      usage: MONTHS.map((m) => makeUsage(m, 0, { dataKb: null })),
    }),
    expected: [],
  },
  {
    name: 'zero-usage quiet: a month missing between idle months breaks the streak',
    rule: 'zero-usage',
    snapshot: snapshotOf({
      bills: bills(MONTHS),
      usage: [makeUsage('2026-02', 0), makeUsage('2026-03', 0), makeUsage('2026-05', 0)],
    }),
    expected: [],
  },
  {
    name: 'underused-plan fires: 1 GB a month of a 10 GB plan',
    rule: 'underused-plan',
    snapshot: snapshotOf({ ...onPlans, usage: MONTHS.map((m) => light(m)) }),
    expected: [
      {
        id: 'underused-plan|lumen|A-1|+15550100001|2026-03',
        impact: 75_00,
        message:
          '555-010-0001 used under 25% of its Business 10GB plan ($45.00 a month; 10 GB data, unlimited minutes, unlimited messages) for 3 months, 2026-03 to 2026-05 (1.00, 1.00, 1.00 GB of data). Flex 2GB (2 GB data, unlimited minutes, unlimited messages) at $20.00 a month covers its highest use (1.00 GB, 30 minutes, 10 messages): $25.00 a month less, $75.00 over the 3 months.',
      },
    ],
  },
  {
    name: 'underused-plan quiet: data not known in the latest month ends the run',
    rule: 'underused-plan',
    snapshot: snapshotOf({
      ...onPlans,
      usage: [
        light('2026-02'),
        light('2026-03'),
        light('2026-04'),
        light('2026-05', { dataKb: null }),
      ],
    }),
    expected: [],
  },
  {
    name: 'underused-plan quiet: figures for only two of three months',
    rule: 'underused-plan',
    snapshot: snapshotOf({
      ...onPlans,
      usage: [light('2026-04'), unknown('2026-03'), light('2026-05')],
    }),
    expected: [],
  },
  {
    name: 'overage fires: $12.00 of usage on a $45.00 plan',
    rule: 'overage',
    snapshot: snapshotOf({ bills: bills(['2026-05'], 12_00) }),
    expected: [
      {
        id: 'overage|lumen|A-1|+15550100001|2026-05',
        impact: 12_00,
        message:
          '555-010-0001: $12.00 of usage charges on invoice N-2026-05 (2026-05); $12.00 is 26.7% of its $45.00 plan rate.',
      },
    ],
  },
  {
    name: 'overage quiet: $5.00 of usage is under 20 % of $45.00',
    rule: 'overage',
    snapshot: snapshotOf({ bills: bills(['2026-05'], 5_00) }),
    expected: [],
  },
  {
    name: 'overage quiet: usage figures without usage charges are not overage',
    rule: 'overage',
    snapshot: snapshotOf({ bills: bills(MONTHS), usage: MONTHS.map((m) => makeUsage(m, 5000)) }),
    expected: [],
  },
];

describe('usage checks: firing and quiet, missing usage is not zero', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    checkCase(testCase);
  });
});
