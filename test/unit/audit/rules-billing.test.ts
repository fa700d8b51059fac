import { describe, expect, it } from 'vitest';
import { checkCase, type Case } from './cases';
import { endOfMonth, isoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/dates/iso-date';
import { cents } from '../../../shared/money/cents';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import {
  billed,
  line,
  makeContract,
  makeInvoice,
  makeService,
  makeUsage,
  snapshotOf,
} from './helpers';

const may = makeInvoice({ month: '2026-05' });
const april = makeInvoice({ month: '2026-04' });
const other = { serviceIdRaw: '555-010-0002' };

/** Rules about duplicates, arithmetic, fees, trends and renewals. */
const cases: Case[] = [
  {
    name: 'same account, period and total under another number',
    rule: 'duplicate-invoice',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ statedTotal: cents(45_00) }), [line('recurring', 45_00)]),
        billed(makeInvoice({ invoiceNumber: 'N-COPY', statedTotal: cents(45_00) }), [
          line('recurring', 45_00),
        ]),
      ],
    }),
    expected: [
      {
        id: 'duplicate-invoice|lumen|A-1|N-COPY|2026-05',
        impact: 45_00,
        message:
          'Invoice N-COPY ($45.00) repeats invoice N-2026-05: same account, period 2026-05-01 to 2026-05-31, total and charges.',
      },
    ],
  },
  {
    name: 'same period, different totals',
    rule: 'duplicate-invoice',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice(), [line('recurring', 45_00)]),
        billed(makeInvoice({ invoiceNumber: 'N-2' }), [line('recurring', 46_00)]),
      ],
    }),
    expected: [],
  },
  {
    name: 'the same charge twice on one invoice',
    rule: 'duplicate-charge',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00), line('tax', 3_00), line('recurring', 45_00)])],
    }),
    expected: [
      {
        id: 'duplicate-charge|lumen|A-1|+15550100001|2026-05',
        impact: 45_00,
        message:
          '555-010-0001: 1 charge line billed a second time on invoice N-2026-05 (2026-05) — $45.00 extra.',
      },
    ],
  },
  {
    name: 'a later invoice bills an earlier month again, stating that month as the line period',
    rule: 'duplicate-charge',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-04' }), [line('recurring', 800_00)]),
        billed(may, [
          line('recurring', 800_00),
          line('recurring', 800_00, {
            periodStart: isoDate(2026, 4, 1),
            periodEnd: isoDate(2026, 4, 30),
          }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'duplicate-charge|lumen|A-1|+15550100001|2026-05',
        impact: 800_00,
        message:
          '555-010-0001: 1 charge line billed a second time on invoice N-2026-05 (2026-05) — $800.00 extra.',
      },
    ],
  },
  {
    name: 'a month first billed late, on the next invoice, is no copy',
    rule: 'duplicate-charge',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-04' }), [line('usage', 5_00)]),
        billed(may, [
          line('recurring', 800_00),
          line('recurring', 800_00, {
            periodStart: isoDate(2026, 4, 1),
            periodEnd: isoDate(2026, 4, 30),
          }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'same description, different amounts',
    rule: 'duplicate-charge',
    snapshot: snapshotOf({ bills: [billed(may, [line('usage', 4_00), line('usage', 7_00)])] }),
    expected: [],
  },
  {
    name: 'two periods overlapping by 11 days',
    rule: 'period-overlap',
    snapshot: snapshotOf({
      bills: [
        billed(may, [line('recurring', 45_00)]),
        billed(
          makeInvoice({
            invoiceNumber: 'N-2',
            invoiceDate: isoDate(2026, 6, 20),
            periodStart: isoDate(2026, 5, 21),
            periodEnd: isoDate(2026, 6, 20),
          }),
          [line('recurring', 31_00)],
        ),
      ],
    }),
    expected: [
      {
        id: 'period-overlap|lumen|A-1|N-2|2026-06',
        impact: 11_00,
        message:
          'Invoice N-2 (2026-05-21 to 2026-06-20) overlaps invoice N-2026-05 (2026-05-01 to 2026-05-31) by 11 days: $11.00 of its $31.00 covers days already billed.',
      },
    ],
  },
  {
    name: 'back-to-back periods',
    rule: 'period-overlap',
    snapshot: snapshotOf({
      bills: [billed(april, [line('recurring', 45_00)]), billed(may, [line('recurring', 45_00)])],
    }),
    expected: [],
  },
  {
    name: 'stated total $25 above the lines',
    rule: 'invoice-math',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ statedTotal: cents(100_00) }), [line('recurring', 75_00)])],
    }),
    expected: [
      {
        id: 'invoice-math|lumen|A-1|N-2026-05|2026-05',
        impact: 25_00,
        message:
          'Invoice N-2026-05 states a total of $100.00 but its lines add up to $75.00: $25.00 more than itemised.',
      },
    ],
  },
  {
    name: 'stated total $45 below the lines: reported, with no money at stake',
    rule: 'invoice-math',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ statedTotal: cents(945_00) }), [
          line('recurring', 900_00),
          line('tax', 45_00),
          line('tax', 45_00),
        ]),
      ],
    }),
    expected: [
      {
        id: 'invoice-math|lumen|A-1|N-2026-05|2026-05',
        impact: 0,
        message:
          'Invoice N-2026-05 states a total of $945.00 but its lines add up to $990.00: $45.00 less than itemised — no money at stake, as the bill asks for less than its lines.',
      },
    ],
  },
  {
    name: 'lines add up',
    rule: 'invoice-math',
    snapshot: snapshotOf({
      bills: [billed(makeInvoice({ statedTotal: cents(75_00) }), [line('recurring', 75_00)])],
    }),
    expected: [],
  },
  {
    name: 'a late fee category and a finance charge by its wording',
    rule: 'late-fee',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('late-fee', 12_50, { serviceIdRaw: '', description: 'Late Fee' }),
          line('adjustment', 2_00, { serviceIdRaw: '', description: 'Finance Charge' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'late-fee|lumen|A-1|N-2026-05|2026-05',
        impact: 14_50,
        message: 'Invoice N-2026-05 charges $14.50 in late fees (Late Fee, Finance Charge).',
      },
    ],
  },
  {
    name: 'late fees as carriers word them under other categories',
    rule: 'late-fee',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('adjustment', 12_00, { serviceIdRaw: '', description: 'Late-Payment Charge' }),
          line('one-time', 5_00, { serviceIdRaw: '', description: 'Late Pmt Charge' }),
          line('surcharge', 8_00, { serviceIdRaw: '', description: 'Past Due Fee' }),
          line('adjustment', 3_00, {
            serviceIdRaw: '',
            description: 'Interest on Past Due Balance',
          }),
          line('one-time', 25_00, { serviceIdRaw: '', description: 'Late Night Calling Pack' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'late-fee|lumen|A-1|N-2026-05|2026-05',
        impact: 28_00,
        message:
          'Invoice N-2026-05 charges $28.00 in late fees (Late-Payment Charge, Late Pmt Charge, Past Due Fee, Interest on Past Due Balance).',
      },
    ],
  },
  {
    name: 'a late fee reversed on the same invoice is netted',
    rule: 'late-fee',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('surcharge', 10_00, { serviceIdRaw: '', description: 'Administrative Late Fee' }),
          line('late-fee', 20_00, { serviceIdRaw: '', description: 'Late Fee' }),
          line('late-fee', -20_00, { serviceIdRaw: '', description: 'Late Fee Reversal' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'late-fee|lumen|A-1|N-2026-05|2026-05',
        impact: 10_00,
        message:
          'Invoice N-2026-05 charges $10.00 in late fees (Administrative Late Fee, Late Fee, $30.00 less $20.00 given back).',
      },
    ],
  },
  {
    name: 'a late fee credited back in full (a credit worded as one) is no finding',
    rule: 'late-fee',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('late-fee', 15_00, { serviceIdRaw: '', description: 'Late Fee' }),
          line('credit', -15_00, { serviceIdRaw: '', description: 'Late fee waived' }),
        ]),
      ],
    }),
    expected: [],
  },
  {
    name: 'no late charge',
    rule: 'late-fee',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 45_00)])] }),
    expected: [],
  },
  {
    name: 'premium content filed as usage, found by its wording',
    rule: 'third-party',
    snapshot: snapshotOf({
      bills: [
        billed(may, [
          line('recurring', 45_00),
          line('usage', 9_99, { description: 'Premium SMS - Games Club' }),
          line('usage', 1_50, { description: 'Text messages' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'third-party|lumen|A-1|+15550100001|2026-05',
        impact: 9_99,
        message:
          '555-010-0001 carries third-party charges of $9.99 on invoice N-2026-05 (2026-05).',
      },
    ],
  },
  {
    name: 'a third-party charge refunded on the same bill is no finding; one refunded later is netted',
    rule: 'third-party',
    snapshot: snapshotOf({
      bills: [
        billed(april, [
          line('third-party', 9_99, { description: 'Premium SMS - Games Club' }),
          line('third-party', -9_99, { description: 'Third party charge refund' }),
          line('third-party', 4_99, other),
        ]),
        billed(may, [
          line('third-party', 4_99, other),
          line('credit', -4_99, { ...other, description: 'Refund of 3rd party charge' }),
        ]),
      ],
    }),
    expected: [
      {
        id: 'third-party|lumen|A-1|+15550100002|2026-04',
        impact: 4_99,
        message:
          '555-010-0002 carries third-party charges of $4.99 ($9.98 billed, $4.99 credited back) on 2026-04 to 2026-05 (2 invoices).',
      },
    ],
  },
  {
    name: 'a premium subscription over two months',
    rule: 'third-party',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('third-party', 9_99)]),
        billed(may, [line('recurring', 45_00), line('third-party', 9_99)]),
      ],
    }),
    expected: [
      {
        id: 'third-party|lumen|A-1|+15550100001|2026-04',
        impact: 19_98,
        message:
          '555-010-0001 carries third-party charges of $19.98 on 2026-04 to 2026-05 (2 invoices).',
      },
    ],
  },
  {
    name: 'a total 20 % above the trailing average',
    rule: 'spike',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-03' }), [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1000_01)]),
        billed(may, [line('recurring', 1200_00)]),
      ],
    }),
    expected: [
      {
        id: 'spike|lumen|A-1|N-2026-05|2026-05',
        impact: 200_00, // 1,200.00 − 1,000.005 = 199.995, rounded half up
        message:
          'Invoice N-2026-05 totals $1,200.00, $200.00 above the average of $1,000.01 over the previous 2 invoices.',
      },
    ],
  },
  {
    name: 'a prorated first bill (11 days) is no baseline: the first full month is',
    rule: 'spike',
    snapshot: snapshotOf({
      bills: [
        billed(
          makeInvoice({
            month: '2026-03',
            periodStart: isoDate(2026, 3, 21),
            periodEnd: isoDate(2026, 3, 31),
          }),
          [line('recurring', 355_00)],
        ),
        billed(april, [line('recurring', 1000_00)]),
        billed(may, [line('recurring', 1000_00)]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a short bill is still judged against the full months before it',
    rule: 'spike',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-03' }), [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1000_00)]),
        billed(
          makeInvoice({
            month: '2026-05',
            periodStart: isoDate(2026, 5, 1),
            periodEnd: isoDate(2026, 5, 14),
          }),
          [line('recurring', 1500_00)],
        ),
        billed(makeInvoice({ month: '2026-06' }), [line('recurring', 1000_00)]),
      ],
    }),
    expected: [
      {
        id: 'spike|lumen|A-1|N-2026-05|2026-05',
        impact: 500_00,
        message:
          'Invoice N-2026-05 totals $1,500.00, $500.00 above the average of $1,000.00 over the previous 2 invoices.',
      },
    ],
  },
  {
    name: 'the first invoice is the baseline, and 8 % is within the threshold',
    rule: 'spike',
    snapshot: snapshotOf({
      bills: [
        billed(april, [line('recurring', 1000_00)]),
        billed(may, [line('recurring', 1080_00)]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a month with no invoice after the grace period (June is still within it)',
    rule: 'missing-invoice',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-03' }), [line('recurring', 45_00)]),
        billed(may, [line('recurring', 45_00)]),
      ],
      today: isoDate(2026, 6, 5),
    }),
    expected: [
      {
        id: 'missing-invoice|lumen|A-1||2026-04',
        impact: 0,
        message:
          "No Lumen invoice for account A-1 for 2026-04: it was due around 2026-04-01, 10 days' grace have passed.",
      },
    ],
  },
  {
    name: 'an account billed by the quarter: every month of a bill’s period is billed',
    rule: 'missing-invoice',
    snapshot: snapshotOf({
      bills: [1, 4, 7, 10].map((first) =>
        billed(
          makeInvoice({
            month: `2026-${String(first).padStart(2, '0')}`,
            periodStart: isoDate(2026, first, 1),
            periodEnd: endOfMonth(isoDate(2026, first + 2, 1)),
          }),
          [line('recurring', 900_00)],
        ),
      ),
      today: isoDate(2026, 11, 20),
    }),
    expected: [],
  },
  {
    name: 'no bill is due after the account’s last service was disconnected',
    rule: 'missing-invoice',
    snapshot: snapshotOf({
      bills: ['2026-04', '2026-05', '2026-06'].map((month) =>
        billed(makeInvoice({ month }), [line('recurring', 45_00)]),
      ),
      services: [
        makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 6, 15) }),
        makeService({
          id: 'svc-2',
          serviceIdRaw: '555-010-0002',
          serviceKey: '+15550100002',
          status: 'disconnected',
          disconnectedOn: isoDate(2026, 5, 31),
        }),
      ],
      today: isoDate(2026, 11, 20),
    }),
    expected: [],
  },
  {
    name: 'a bill for September dated August 31 bills September, not August twice',
    rule: 'missing-invoice',
    snapshot: snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-07' }), [line('recurring', 45_00)]),
        billed(makeInvoice({ month: '2026-08' }), [line('recurring', 45_00)]),
        billed(
          makeInvoice({
            month: '2026-09',
            invoiceNumber: 'N-EARLY',
            invoiceDate: isoDate(2026, 8, 31),
          }),
          [line('recurring', 45_00)],
        ),
        billed(makeInvoice({ month: '2026-10' }), [line('recurring', 45_00)]),
      ],
      today: isoDate(2026, 10, 20),
    }),
    expected: [],
  },
  {
    name: 'bills dated mid-month for the month just ending: a real gap is still found, no other',
    rule: 'missing-invoice',
    snapshot: snapshotOf({
      bills: ['2026-06', '2026-07', '2026-09'].map((month) => {
        const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
        return billed(
          makeInvoice({
            month,
            invoiceDate: isoDate(year, number, 16),
            periodStart: isoDate(year, number - 1, 17),
            periodEnd: isoDate(year, number, 16),
          }),
          [line('recurring', 45_00)],
        );
      }),
      today: isoDate(2026, 9, 30),
    }),
    expected: [
      {
        id: 'missing-invoice|lumen|A-1||2026-08',
        impact: 0,
        message:
          "No Lumen invoice for account A-1 for 2026-08: it was due around 2026-08-01, 10 days' grace have passed.",
      },
    ],
  },
  {
    name: 'a grace of one day reads in the singular',
    rule: 'missing-invoice',
    snapshot: {
      ...snapshotOf({
        bills: [
          billed(makeInvoice({ month: '2026-03' }), [line('recurring', 45_00)]),
          billed(may, [line('recurring', 45_00)]),
        ],
        today: isoDate(2026, 6, 1),
      }),
      settings: { 'missing-invoice': { graceDays: 1 } },
    },
    expected: [
      {
        id: 'missing-invoice|lumen|A-1||2026-04',
        impact: 0,
        message:
          "No Lumen invoice for account A-1 for 2026-04: it was due around 2026-04-01, 1 day's grace has passed.",
      },
    ],
  },
  {
    name: 'one idle month when the setting asks for one reads "1 month"',
    rule: 'zero-usage',
    snapshot: {
      ...snapshotOf({
        bills: [billed(may, [line('recurring', 45_00)])],
        usage: [makeUsage('2026-04', 12), makeUsage('2026-05', 0)],
      }),
      settings: { 'zero-usage': { months: 1 } },
    },
    expected: [
      {
        id: 'zero-usage|lumen|A-1|+15550100001|2026-05',
        impact: 45_00,
        message:
          '555-010-0001 had no calls, messages or data for 1 month (2026-05) yet costs $45.00 a month.',
      },
    ],
  },
  {
    name: 'three idle months in a row',
    rule: 'zero-usage',
    snapshot: snapshotOf({
      bills: ['2026-03', '2026-04', '2026-05'].map((month) =>
        billed(makeInvoice({ month }), [line('recurring', 45_00)]),
      ),
      usage: [
        makeUsage('2026-02', 12),
        makeUsage('2026-03', 0),
        makeUsage('2026-04', 0),
        makeUsage('2026-05', 0),
      ],
    }),
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
    name: 'two idle months are not enough',
    rule: 'zero-usage',
    snapshot: snapshotOf({
      bills: [billed(may, [line('recurring', 45_00)])],
      usage: [makeUsage('2026-03', 5), makeUsage('2026-04', 0), makeUsage('2026-05', 0)],
    }),
    expected: [],
  },
  {
    name: 'notice deadline in 47 days (90-day window)',
    rule: 'renewal-due',
    snapshot: snapshotOf({ today: isoDate(2026, 9, 15) }),
    expected: [
      {
        id: 'renewal-due|lumen|A-1|ctr-1@90|2026-11',
        impact: 0,
        message:
          'Lumen MSA ends 2026-12-31 and goes month-to-month unless notice reaches the carrier by 2026-11-01 (60 days before): 47 days left.',
      },
    ],
  },
  {
    name: 'auto-renewed past its first term, 1 day of notice: the current term deadline',
    rule: 'renewal-due',
    snapshot: snapshotOf({
      today: isoDate(2026, 11, 30),
      contracts: [
        makeContract({
          endDate: isoDate(2026, 1, 31),
          autoRenew: true,
          renewalTermMonths: 12,
          noticeDays: 1,
        }),
      ],
    }),
    expected: [
      {
        id: 'renewal-due|lumen|A-1|ctr-1@90|2027-01',
        impact: 0,
        message:
          'Lumen MSA renewed automatically on 2026-02-01; its term ends 2027-01-31 and renews automatically for 12 months unless notice reaches the carrier by 2027-01-30 (1 day before): 61 days left.',
      },
    ],
  },
  {
    name: 'auto-renewed past its first term, 60 days of notice: 2 days left on the current term',
    rule: 'renewal-due',
    snapshot: snapshotOf({
      today: isoDate(2026, 11, 30),
      contracts: [
        makeContract({ endDate: isoDate(2026, 1, 31), autoRenew: true, renewalTermMonths: 12 }),
      ],
    }),
    expected: [
      {
        id: 'renewal-due|lumen|A-1|ctr-1@30|2026-12',
        impact: 0,
        message:
          'Lumen MSA renewed automatically on 2026-02-01; its term ends 2027-01-31 and renews automatically for 12 months unless notice reaches the carrier by 2026-12-02 (60 days before): 2 days left.',
      },
    ],
  },
  {
    name: 'one day left reads "1 day left"',
    rule: 'renewal-due',
    snapshot: snapshotOf({ today: isoDate(2026, 10, 31) }),
    expected: [
      {
        id: 'renewal-due|lumen|A-1|ctr-1@30|2026-11',
        impact: 0,
        message:
          'Lumen MSA ends 2026-12-31 and goes month-to-month unless notice reaches the carrier by 2026-11-01 (60 days before): 1 day left.',
      },
    ],
  },
  {
    name: 'auto-renewing with no renewal term: it renews month-to-month, not "for 0 months"',
    rule: 'renewal-due',
    snapshot: snapshotOf({
      today: isoDate(2026, 11, 10),
      contracts: [
        makeContract({
          endDate: isoDate(2026, 12, 20),
          autoRenew: true,
          renewalTermMonths: 0,
          noticeDays: 30,
        }),
      ],
    }),
    expected: [
      {
        id: 'renewal-due|lumen|A-1|ctr-1@30|2026-11',
        impact: 0,
        message:
          'Lumen MSA ends 2026-12-20 and renews automatically month-to-month unless notice reaches the carrier by 2026-11-20 (30 days before): 10 days left.',
      },
    ],
  },
  {
    name: 'past its term and not renewing: out-of-contract watches it, not a renewal alert',
    rule: 'renewal-due',
    snapshot: snapshotOf({
      today: isoDate(2026, 11, 30),
      contracts: [makeContract({ endDate: isoDate(2026, 1, 31) })],
    }),
    expected: [],
  },
  {
    name: 'notice deadline more than 120 days away',
    rule: 'renewal-due',
    snapshot: snapshotOf({ today: isoDate(2026, 5, 1) }),
    expected: [],
  },
];

describe('audit rules: billing, trends and renewals', () => {
  it.each(cases)('$rule: $name', checkCase);
});

/** renewal-due's severity per the catalogue: error only for an auto-renewing contract at or past its deadline. */
describe('renewal-due severity', () => {
  // The contract ends 2026-12-31 with 60 days' notice: the deadline is 2026-11-01.
  const rows: { name: string; autoRenew: boolean; today: IsoDate; severity: string }[] = [
    {
      name: 'auto-renewing, past the deadline',
      autoRenew: true,
      today: isoDate(2026, 11, 10),
      severity: 'error',
    },
    {
      name: 'auto-renewing, on the deadline',
      autoRenew: true,
      today: isoDate(2026, 11, 1),
      severity: 'error',
    },
    {
      name: 'auto-renewing, 10 days left',
      autoRenew: true,
      today: isoDate(2026, 10, 22),
      severity: 'warning',
    },
    {
      name: 'auto-renewing, 47 days left',
      autoRenew: true,
      today: isoDate(2026, 9, 15),
      severity: 'warning',
    },
    {
      name: 'not auto-renewing, past the deadline',
      autoRenew: false,
      today: isoDate(2026, 11, 10),
      severity: 'info',
    },
    {
      name: 'not auto-renewing, 10 days left',
      autoRenew: false,
      today: isoDate(2026, 10, 22),
      severity: 'info',
    },
  ];
  it.each(rows)('$name → $severity', ({ autoRenew, today, severity }) => {
    const rule = ALL_RULES.filter((candidate) => candidate.id === 'renewal-due');
    const snapshot = snapshotOf({
      today,
      contracts: [makeContract({ autoRenew, renewalTermMonths: autoRenew ? 12 : 0 })],
    });
    const { findings } = runAudit(snapshot, rule);
    expect(findings.map((finding) => finding.severity)).toEqual([severity]);
  });
});
