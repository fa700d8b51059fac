import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { Service } from '../../../shared/model';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { checkCase, type Case } from './cases';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

/** One invoice of account A-1 for `month` with `lines`. */
const bill = (month: string, lines: readonly PackableLine[]) =>
  billed(makeInvoice({ month }), lines);

/** An invoice whose taxes are `taxCents` on $100.00 of recurring charges. */
const taxed = (month: string, taxCents: number) =>
  bill(month, [
    line('recurring', 100_00),
    line('tax', taxCents, { serviceIdRaw: '', description: 'Sales Tax' }),
  ]);

const installed = (activatedOn: string, more: Partial<Service> = {}) => [
  makeService({
    activatedOn: isoDate(
      +activatedOn.slice(0, 4),
      +activatedOn.slice(5, 7),
      +activatedOn.slice(8, 10),
    ),
    ...more,
  }),
];

const installation = (amount = 450_00, more: Partial<PackableLine> = {}) =>
  line('one-time', amount, { description: 'Installation Charge', ...more });
const cases: Case[] = [
  // tax-drift
  {
    name: 'taxes 13.01 % of the charges against a usual 10 %',
    rule: 'tax-drift',
    snapshot: snapshotOf({
      bills: [
        taxed('2026-01', 10_00),
        taxed('2026-02', 10_00),
        taxed('2026-03', 10_00),
        taxed('2026-04', 13_01),
      ],
    }),
    expected: [
      {
        id: 'tax-drift|lumen|A-1|N-2026-04|2026-04',
        impact: 3_01,
        message:
          'Invoice N-2026-04 bills $13.01 in taxes and surcharges, 13.01% of its $100.00 charges before taxes, against 10.00% over the previous 3 invoices ($10.00): $3.01 excess.',
      },
    ],
  },
  {
    name: 'exactly 3 points above the usual share',
    rule: 'tax-drift',
    snapshot: snapshotOf({ bills: [taxed('2026-03', 10_00), taxed('2026-04', 13_00)] }),
    expected: [],
  },
  {
    name: 'a bill of a one-off fee alone, taxed by its own rules, has no share',
    rule: 'tax-drift',
    snapshot: snapshotOf({
      bills: [
        taxed('2026-02', 10_00),
        taxed('2026-03', 10_00),
        bill('2026-04', [
          line('one-time', 200_00, { description: 'Line move fee' }),
          line('tax', 30_00, { serviceIdRaw: '' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a share below the usual one is not money overbilled',
    rule: 'tax-drift',
    snapshot: snapshotOf({ bills: [taxed('2026-03', 10_00), taxed('2026-04', 2_00)] }),
    expected: [],
  },
  {
    name: 'the first invoice is the baseline; an invoice with no recurring or usage charges has no share',
    rule: 'tax-drift',
    snapshot: snapshotOf({
      bills: [
        taxed('2026-02', 30_00),
        bill('2026-03', [line('tax', 5_00, { serviceIdRaw: '' })]),
        taxed('2026-04', 31_00),
      ],
    }),
    expected: [],
  },
  {
    name: 'surcharges count, usage is in the base, and a flagged month leaves the baseline',
    rule: 'tax-drift',
    snapshot: snapshotOf({
      bills: [
        bill('2026-02', [line('recurring', 80_00), line('usage', 20_00), line('surcharge', 10_00)]),
        taxed('2026-03', 20_00),
        taxed('2026-04', 20_00),
      ],
    }),
    expected: [
      {
        id: 'tax-drift|lumen|A-1|N-2026-03|2026-03',
        impact: 10_00,
        message:
          'Invoice N-2026-03 bills $20.00 in taxes and surcharges, 20.00% of its $100.00 charges before taxes, against 10.00% over the previous 1 invoice ($10.00): $10.00 excess.',
      },
      {
        id: 'tax-drift|lumen|A-1|N-2026-04|2026-04',
        impact: 10_00,
        message:
          'Invoice N-2026-04 bills $20.00 in taxes and surcharges, 20.00% of its $100.00 charges before taxes, against 10.00% over the previous 1 invoice ($10.00): $10.00 excess.',
      },
    ],
  },
  {
    name: 'a device bought with its sales tax is in the base: 8.25 % of $800 is not a drift',
    rule: 'tax-drift',
    snapshot: snapshotOf({
      bills: [
        taxed('2026-02', 17_50),
        taxed('2026-03', 17_50),
        bill('2026-04', [
          line('recurring', 100_00),
          line('equipment', 800_00, { description: 'Smartphone' }),
          line('tax', 17_50 + 66_00, { serviceIdRaw: '' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'one-time charges are in the base too, and a drift on them is still found',
    rule: 'tax-drift',
    snapshot: snapshotOf({
      bills: [
        taxed('2026-03', 10_00),
        bill('2026-04', [
          line('recurring', 100_00),
          line('one-time', 100_00),
          line('tax', 30_00, { serviceIdRaw: '' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'tax-drift|lumen|A-1|N-2026-04|2026-04',
        impact: 10_00,
        message:
          'Invoice N-2026-04 bills $30.00 in taxes and surcharges, 15.00% of its $200.00 charges before taxes, against 10.00% over the previous 1 invoice ($20.00): $10.00 excess.',
      },
    ],
  },

  // nrc-unexpected
  {
    name: 'an installation charge on a circuit installed years ago',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: installed('2022-07-19'),
      bills: [bill('2026-05', [line('recurring', 45_00), installation()])],
    }),
    expected: [
      {
        id: 'nrc-unexpected|lumen|A-1|+15550100001|2026-05',
        impact: 450_00,
        message:
          '555-010-0001: $450.00 of one-time charges (Installation Charge) on invoice N-2026-05 (2026-05), with no order or change in the inventory within 60 days (installed 2022-07-19).',
      },
    ],
  },
  {
    name: 'installed 61 days before the period: outside the window',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: installed('2026-03-01'),
      bills: [bill('2026-05', [installation()])],
    }),
    expected: [
      {
        id: 'nrc-unexpected|lumen|A-1|+15550100001|2026-05',
        impact: 450_00,
        message:
          '555-010-0001: $450.00 of one-time charges (Installation Charge) on invoice N-2026-05 (2026-05), with no order or change in the inventory within 60 days (installed 2026-03-01).',
      },
    ],
  },
  {
    name: 'installed 60 days before the period: the order explains it',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: installed('2026-03-02'),
      bills: [bill('2026-05', [installation()])],
    }),
    expected: [],
  },
  {
    name: 'a termination charge 30 days after the disconnect; a service still on order',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: [
        ...installed('2020-01-01', {
          disconnectedOn: isoDate(2026, 6, 30),
          status: 'disconnected',
        }),
        ...installed('2020-01-01', {
          id: 'svc-2',
          serviceIdRaw: '555-010-0002',
          serviceKey: '+15550100002',
          status: 'ordered',
        }),
      ],
      bills: [
        bill('2026-05', [
          installation(200_00, { description: 'Early Termination Fee' }),
          installation(100_00, { serviceIdRaw: '555-010-0002' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'missing data is not "no order": no installation date; an unknown identifier; a credit',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: [makeService({ activatedOn: undefined })],
      bills: [
        bill('2026-05', [installation(), installation(99_00, { serviceIdRaw: '555-999-0000' })]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a credit is not a charge',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: installed('2020-01-01'),
      bills: [bill('2026-05', [installation(-450_00)])],
    }),
    expected: [],
  },

  {
    name: 'an activation fee waived on the same bill is no finding; half waived leaves half',
    rule: 'nrc-unexpected',
    snapshot: snapshotOf({
      services: [
        ...installed('2020-01-01'),
        ...installed('2020-01-01', {
          id: 'svc-2',
          serviceIdRaw: '555-010-0002',
          serviceKey: '+15550100002',
        }),
      ],
      bills: [
        bill('2026-05', [
          installation(35_00, { description: 'Activation Fee' }),
          installation(-35_00, { description: 'Activation Fee Waived' }),
          installation(40_00, { serviceIdRaw: '555-010-0002', description: 'Activation Fee' }),
          installation(-20_00, { serviceIdRaw: '555-010-0002', description: 'Promo credit' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'nrc-unexpected|lumen|A-1|+15550100002|2026-05',
        impact: 20_00,
        message:
          '555-010-0002: $20.00 of one-time charges (Activation Fee, $40.00 less $20.00 waived or credited) on invoice N-2026-05 (2026-05), with no order or change in the inventory within 60 days (installed 2020-01-01).',
      },
    ],
  },

  // nrc-recurring
  {
    name: 'an activation fee billed again the month after the install',
    rule: 'nrc-recurring',
    snapshot: snapshotOf({
      services: installed('2026-04-03'),
      bills: [
        bill('2026-04', [installation(49_99, { description: 'Activation Fee' })]),
        bill('2026-05', [installation(49_99, { description: 'ACTIVATION  FEE.' })]),
      ],
    }),
    expected: [
      {
        id: 'nrc-recurring|lumen|A-1|+15550100001|2026-05',
        impact: 49_99,
        message:
          '555-010-0001: one-time charges billed again on invoice N-2026-05 (2026-05): $49.99, first billed as Activation Fee ($49.99) on invoice N-2026-04 (2026-04).',
      },
    ],
  },
  {
    name: 'exactly 12 months later is still a repeat',
    rule: 'nrc-recurring',
    snapshot: snapshotOf({
      bills: [
        bill('2025-05', [installation(30_00, { description: 'Port-In Fee' })]),
        bill('2026-05', [installation(30_00, { description: 'Port-In Fee' })]),
      ],
    }),
    expected: [
      {
        id: 'nrc-recurring|lumen|A-1|+15550100001|2026-05',
        impact: 30_00,
        message:
          '555-010-0001: one-time charges billed again on invoice N-2026-05 (2026-05): $30.00, first billed as Port-In Fee ($30.00) on invoice N-2025-05 (2025-05).',
      },
    ],
  },
  {
    name: '13 months later; another description; the same month twice (duplicate-charge’s)',
    rule: 'nrc-recurring',
    snapshot: snapshotOf({
      bills: [
        bill('2025-04', [installation(30_00, { description: 'Port-In Fee' })]),
        bill('2026-05', [
          installation(30_00, { description: 'Port-In Fee' }),
          installation(30_00, { description: 'Port-In Fee' }),
          installation(49_99, { description: 'Activation Fee' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'billed in months 1, 8 and 15: each repeat is judged from the time before',
    rule: 'nrc-recurring',
    snapshot: snapshotOf({
      bills: [
        bill('2025-01', [installation(35_00, { description: 'Activation Fee' })]),
        bill('2025-08', [installation(35_00, { description: 'Activation Fee' })]),
        bill('2026-03', [installation(35_00, { description: 'Activation Fee' })]),
      ],
    }),
    expected: [
      {
        id: 'nrc-recurring|lumen|A-1|+15550100001|2025-08',
        impact: 70_00,
        message:
          '555-010-0001: one-time charges billed again on 2025-08 to 2026-03 (2 invoices): $70.00, first billed as Activation Fee ($35.00) on invoice N-2025-01 (2025-01).',
      },
    ],
  },
  {
    name: 'a reinstall recorded between the two explains the second',
    rule: 'nrc-recurring',
    snapshot: snapshotOf({
      services: installed('2026-05-10'),
      bills: [
        bill('2026-04', [installation(49_99, { description: 'Activation Fee' })]),
        bill('2026-05', [installation(49_99, { description: 'Activation Fee' })]),
      ],
    }),
    expected: [],
  },
];

describe('rules of fees: tax drift, one-time charges', () => {
  it.each(cases)('$rule: $name', checkCase);

  it('whole-line findings claim their lines, so money at stake and spike count them once', () => {
    const snapshot = snapshotOf({
      services: installed('2020-01-01'),
      bills: [bill('2026-05', [line('recurring', 45_00), installation(), line('usage', 20_00)])],
    });
    const rules = ALL_RULES.filter((rule) => ['nrc-unexpected', 'overage'].includes(rule.id));
    const { findings } = runAudit(snapshot, rules);
    expect(findings.map((f) => [f.ruleId, f.evidence?.claims?.lines])).toEqual([
      ['nrc-unexpected', [0, 0, 1, 450_00]],
      ['overage', [0, 0, 2, 20_00]],
    ]);
  });
});
