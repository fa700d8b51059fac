import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../shared/audit/context';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { contractSpendByMonth, spendInvoicesOf } from '../../../shared/contracts/spend';
import { isoDate } from '../../../shared/dates';
import type { Contract } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../../shared/storage/service-totals';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
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
import { sampleSnapshot } from './sample-snapshot';

/** One invoice of account A-1 for `month` with `lines`. */
const bill = (month: string, lines: readonly PackableLine[]) =>
  billed(makeInvoice({ month }), lines);

const withPlans = (...plans: [string, number][]): Contract[] => [
  makeContract({
    rateCard: plans.map(([plan, rate]) => ({
      planOrServiceType: plan,
      monthlyRateCents: cents(rate),
    })),
  }),
];

/** A $40 plan with unlimited voice and messages and `dataGb` of data. */
const verizonPlan = (dataGb: number | 'unlimited'): Contract[] => [
  makeContract({
    rateCard: [
      {
        planOrServiceType: 'Business Unlimited',
        monthlyRateCents: cents(40_00),
        dataAllowanceGb: dataGb,
        voiceMinutesAllowance: 'unlimited',
        messagesAllowance: 'unlimited',
      },
    ],
  }),
];

/** May's bill of a $40 plan with Verizon's usage-and-purchase figure of `amount`. */
const withPurchases = (amount: number) =>
  bill('2026-05', [
    line('recurring', 40_00),
    line('usage', amount, { description: 'Usage and Purchase Charges' }),
  ]);

/** Twelve monthly bills of `year`, each of `amount` recurring. */
const yearOfBills = (year: number, amount: number) =>
  Array.from({ length: 12 }, (_, i) =>
    bill(`${year}-${String(i + 1).padStart(2, '0')}`, [line('recurring', amount)]),
  );

/**
 * A $1,200.00 commitment from 2025-01: twelve monthly bills of `firstYear` each in its first
 * contract year, three of `secondYear` each in its second.
 */
const twoContractYears = (firstYear: number, secondYear: number) =>
  snapshotOf({
    contracts: committed(1_200_00, { startDate: isoDate(2025, 1, 1) }),
    bills: [
      ...yearOfBills(2025, firstYear),
      ...['2026-01', '2026-02', '2026-03'].map((month) =>
        bill(month, [line('recurring', secondYear)]),
      ),
    ],
  });

const committed = (marc: number, more: Partial<Contract> = {}): Contract[] => [
  makeContract({ marcCents: cents(marc), ...more }),
];

const cases: Case[] = [
  // overage
  {
    name: 'usage charges 20.02 % of a $45.00 plan, a $50.00 plan above it',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: withPlans(
        ['Business Unlimited', 45_00],
        ['Business Unlimited Plus', 50_00],
        ['Business Unlimited Max', 60_00],
      ),
      bills: [
        bill('2026-05', [
          line('recurring', 45_00),
          line('usage', 9_01, { description: 'Roaming' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'overage|lumen|A-1|+15550100001|2026-05',
        impact: 9_01,
        message:
          "555-010-0001: $9.01 of usage charges on invoice N-2026-05 (2026-05); $9.01 is 20.0% of its $45.00 plan rate. The next plan up on the contract's rate card, Business Unlimited Plus at $50.00 a month, would have cost $4.01 less that month if it covers this usage.",
      },
    ],
  },
  // The "My Business" export spells the column in sentence case: the same column.
  ...['Usage and Purchase Charges', 'Usage and purchase charges'].map((description) => ({
    name: `Verizon’s “${description}” on a line whose use stayed within its unlimited plan is purchases, not overage`,
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: verizonPlan('unlimited'),
      bills: [bill('2026-05', [line('recurring', 40_00), line('usage', 25_00, { description })])],
      usage: [makeUsage('2026-05', 300, { invoiceId: 'inv-2026-05', messages: 200 })],
    }),
    expected: [],
  })),
  {
    name: 'Verizon’s usage-and-purchase charge past a 5 GB allowance is judged as usage',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: verizonPlan(5),
      bills: [withPurchases(15_00)],
      usage: [makeUsage('2026-05', 300, { invoiceId: 'inv-2026-05', dataKb: 7 * 1024 * 1024 })],
    }),
    expected: [
      {
        id: 'overage|lumen|A-1|+15550100001|2026-05',
        impact: 15_00,
        message:
          '555-010-0001: $15.00 of usage charges on invoice N-2026-05 (2026-05); $15.00 is 37.5% of its $40.00 plan rate.',
      },
    ],
  },
  {
    name: 'bills read newest first: the message gives the latest month’s figure',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: withPlans(['Other Plan', 10_00]),
      bills: [
        bill('2026-05', [line('recurring', 30_00), line('usage', 6_01)]),
        bill('2026-04', [line('recurring', 30_00), line('usage', 7_00)]),
      ],
    }),
    expected: [
      {
        id: 'overage|lumen|A-1|+15550100001|2026-04',
        impact: 13_01,
        message:
          '555-010-0001: $13.01 of usage charges on 2026-04 to 2026-05 (2 invoices) (latest $6.01); $6.01 is 20.0% of its $30.00 plan rate.',
      },
    ],
  },
  {
    name: 'Verizon’s usage-and-purchase charge on a line whose use is not known is not judged',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: verizonPlan(5),
      bills: [withPurchases(20_00)],
    }),
    expected: [],
  },
  {
    name: 'the next plan up is one whose allowance the month’s use did not go past',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: [
        makeContract({
          rateCard: [
            { planOrServiceType: 'Pro 10GB', monthlyRateCents: cents(60_00), dataAllowanceGb: 10 },
            { planOrServiceType: 'Max 30GB', monthlyRateCents: cents(90_00), dataAllowanceGb: 30 },
            {
              planOrServiceType: 'Unlimited Ultra',
              monthlyRateCents: cents(100_00),
              dataAllowanceGb: 'unlimited',
            },
          ],
        }),
      ],
      services: [makeService({ plan: 'Pro 10GB' })],
      bills: [bill('2026-05', [line('recurring', 60_00), line('usage', 45_00)])],
      usage: [makeUsage('2026-05', 300, { invoiceId: 'inv-2026-05', dataKb: 40 * 1024 * 1024 })],
    }),
    expected: [
      {
        id: 'overage|lumen|A-1|+15550100001|2026-05',
        impact: 45_00,
        message:
          "555-010-0001: $45.00 of usage charges on invoice N-2026-05 (2026-05); $45.00 is 75.0% of its $60.00 plan rate. The next plan up on the contract's rate card, Unlimited Ultra at $100.00 a month, would have cost $5.00 less that month if it covers this usage.",
      },
    ],
  },
  {
    name: 'exactly 20 % of the plan',
    rule: 'overage',
    snapshot: snapshotOf({
      bills: [bill('2026-05', [line('recurring', 45_00), line('usage', 9_00)])],
    }),
    expected: [],
  },
  {
    name: 'two months over, no plan above; the rate billed when the contract has none',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: withPlans(['Other Plan', 10_00]),
      bills: [
        bill('2026-04', [line('recurring', 30_00), line('usage', 7_00)]),
        bill('2026-05', [line('recurring', 30_00), line('usage', 6_01)]),
      ],
    }),
    expected: [
      {
        id: 'overage|lumen|A-1|+15550100001|2026-04',
        impact: 13_01,
        message:
          '555-010-0001: $13.01 of usage charges on 2026-04 to 2026-05 (2 invoices) (latest $6.01); $6.01 is 20.0% of its $30.00 plan rate.',
      },
    ],
  },
  {
    name: 'no rate known; a trunk is no plan; AT&T’s activity mixes usage with purchases',
    rule: 'overage',
    snapshot: snapshotOf({
      contracts: withPlans(),
      services: [
        makeService(),
        makeService({
          id: 'svc-2',
          type: 'trunk',
          serviceIdRaw: '555-010-0002',
          serviceKey: '+15550100002',
        }),
        makeService({ id: 'svc-3', serviceIdRaw: '555-010-0003', serviceKey: '+15550100003' }),
        makeService({ id: 'svc-4', serviceIdRaw: '555-010-0004', serviceKey: '+15550100004' }),
      ],
      bills: [
        bill('2026-05', [
          line('usage', 50_00),
          line('recurring', 30_00, { serviceIdRaw: '555-010-0002' }),
          line('usage', 50_00, { serviceIdRaw: '555-010-0002' }),
          line('recurring', 30_00, { serviceIdRaw: '555-010-0003' }),
          line('usage', 50_00, {
            serviceIdRaw: '555-010-0003',
            description: 'Total activity since last bill',
          }),
          line('recurring', 30_00, { serviceIdRaw: '555-010-0004' }),
          line('usage', 50_00, {
            serviceIdRaw: '555-010-0004',
            description: 'TOTAL ACTIVITY SINCE LAST BILL',
          }),
        ]),
      ],
    }),
    expected: [],
  },

  // marc-shortfall
  {
    name: 'three months of $100.00 against a $1,300.00 commitment',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({
      contracts: committed(1_300_00),
      bills: [
        bill('2026-03', [line('recurring', 100_00)]),
        bill('2026-04', [line('recurring', 90_00), line('tax', 10_00, { serviceIdRaw: '' })]),
        bill('2026-05', [line('recurring', 100_00)]),
      ],
    }),
    expected: [
      {
        id: 'marc-shortfall|lumen|A-1|ctr-1|2026-01',
        impact: 100_00,
        message:
          'Lumen MSA commits to $1,300.00 a year; its spend over 3 billed months (2026-03 to 2026-05) is $300.00, $1,200.00 annualised: $100.00 short.',
      },
    ],
  },
  {
    name: 'months without an invoice are not zero spend',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({
      contracts: committed(1_300_00),
      bills: [
        bill('2026-01', [line('recurring', 100_00)]),
        bill('2026-03', [line('recurring', 100_00)]),
        bill('2026-05', [line('recurring', 100_01)]),
      ],
    }),
    expected: [
      {
        id: 'marc-shortfall|lumen|A-1|ctr-1|2026-01',
        impact: 99_96,
        message:
          'Lumen MSA commits to $1,300.00 a year; its spend over 3 billed months (2026-01 to 2026-05) is $300.01, $1,200.04 annualised: $99.96 short.',
      },
    ],
  },
  {
    name: 'annualised spend equal to the commitment',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({
      contracts: committed(1_200_00),
      bills: ['2026-03', '2026-04', '2026-05'].map((month) =>
        bill(month, [line('recurring', 100_00)]),
      ),
    }),
    expected: [],
  },
  {
    name: 'two billed months are too few; months before the term do not count',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({
      contracts: committed(5_000_00, { startDate: isoDate(2026, 4, 1) }),
      bills: ['2026-03', '2026-04', '2026-05'].map((month) =>
        bill(month, [line('recurring', 100_00)]),
      ),
    }),
    expected: [],
  },
  {
    name: 'three quarterly bills bill nine months, not three',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({
      contracts: committed(4_000_00),
      bills: ['2026-04', '2026-07', '2026-10'].map((month) =>
        billed(
          makeInvoice({
            month,
            periodStart: isoDate(2026, Number(month.slice(5)) - 3, 1),
            periodEnd: isoDate(2026, Number(month.slice(5)) - 1, 28),
          }),
          [line('recurring', 300_00)],
        ),
      ),
    }),
    expected: [
      {
        id: 'marc-shortfall|lumen|A-1|ctr-1|2026-01',
        impact: 2_800_00,
        message:
          'Lumen MSA commits to $4,000.00 a year; its spend over 9 billed months (3 bills, 2026-04 to 2026-10) is $900.00, $1,200.00 annualised: $2,800.00 short.',
      },
    ],
  },
  {
    name: 'a short first contract year is its own finding; a strong second year does not hide it',
    rule: 'marc-shortfall',
    snapshot: twoContractYears(50_00, 120_00),
    expected: [
      {
        id: 'marc-shortfall|lumen|A-1|ctr-1|2025-01',
        impact: 600_00,
        message:
          'Lumen MSA commits to $1,200.00 a year; its spend over 12 billed months (2025-01 to 2025-12) is $600.00, $600.00 annualised: $600.00 short.',
      },
    ],
  },
  {
    name: 'a weak second contract year is short though the first year’s surplus would cover it',
    rule: 'marc-shortfall',
    snapshot: twoContractYears(120_00, 50_00),
    expected: [
      {
        id: 'marc-shortfall|lumen|A-1|ctr-1|2026-01',
        impact: 600_00,
        message:
          'Lumen MSA commits to $1,200.00 a year; its spend over 3 billed months (2026-01 to 2026-03) is $150.00, $600.00 annualised: $600.00 short.',
      },
    ],
  },
  {
    name: 'no commitment; an expired contract',
    rule: 'marc-shortfall',
    snapshot: snapshotOf({
      contracts: [
        makeContract(),
        makeContract({
          id: 'ctr-2',
          marcCents: cents(9_000_00),
          status: 'expired',
          serviceIds: ['svc-1'],
        }),
      ],
      bills: ['2026-03', '2026-04', '2026-05'].map((month) =>
        bill(month, [line('recurring', 100_00)]),
      ),
    }),
    expected: [],
  },
];

describe('rules of usage and commitments: overage, MARC shortfall', () => {
  it.each(cases)('$rule: $name', checkCase);

  it('every rule of this round declares its settings with the catalogue defaults', () => {
    const defaults = Object.fromEntries(
      ALL_RULES.filter((rule) =>
        ['tax-drift', 'nrc-unexpected', 'nrc-recurring', 'overage', 'marc-shortfall'].includes(
          rule.id,
        ),
      ).map((rule) => [rule.id, Object.fromEntries(rule.settings.map((s) => [s.key, s.default]))]),
    );
    expect(defaults).toEqual({
      'tax-drift': { points: 3, trailingInvoices: 6 },
      'nrc-unexpected': { windowDays: 60 },
      'nrc-recurring': { months: 12 },
      overage: { percent: 20 },
      'marc-shortfall': { months: 12, minimumMonths: 3 },
    });
  });

  it('a threshold the user set is used: overage at 10 %', () => {
    const snapshot = snapshotOf({
      bills: [bill('2026-05', [line('recurring', 45_00), line('usage', 5_00)])],
    });
    const overage = ALL_RULES.filter((rule) => rule.id === 'overage');
    expect(runAudit(snapshot, overage).findings).toHaveLength(0);
    const lower = { ...snapshot, settings: { ...snapshot.settings, overage: { percent: 10 } } };
    expect(runAudit(lower, overage).findings.map((f) => f.impact)).toEqual([5_00]);
  });

  it('contract spend in the audit is the app’s: the spend of shared/contracts/spend.ts over the stored service totals', () => {
    const company = generateSampleCompany({ months: 6, scale: 0.2 });
    const snapshot = sampleSnapshot(company, isoDate(2026, 10, 31));
    const blocksOf = new Map<string, typeof snapshot.chargeBlocks>();
    for (const block of snapshot.chargeBlocks)
      blocksOf.set(block.invoiceId, [...(blocksOf.get(block.invoiceId) ?? []), block]);
    const stored = contractSpendByMonth(
      snapshot.contracts,
      snapshot.services,
      snapshot.accounts,
      spendInvoicesOf(snapshot.invoices, snapshot.accounts),
      (id) => serviceTotalsOfBlocks(id, blocksOf.get(id) ?? []),
    );
    const context = buildContext(snapshot);
    const spend = context.contractSpend(new Set(snapshot.contracts.map((c) => c.id)));
    expect(spend).toEqual(stored);
    expect([...(spend.get('ctr-lumen-data')?.values() ?? [])]).toHaveLength(6);
    // One contract's spend alone is the same figure, read from its own account's invoices.
    const lumen = context.contractSpend(new Set(['ctr-lumen-data']));
    expect([...lumen.keys()]).toEqual(['ctr-lumen-data']);
    expect(lumen.get('ctr-lumen-data')).toEqual(stored.get('ctr-lumen-data'));
  });
});
