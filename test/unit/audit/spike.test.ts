import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { AuditSnapshot } from '../../../shared/audit/snapshot';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const march = makeInvoice({ month: '2026-03' });
const april = makeInvoice({ month: '2026-04' });
const may = makeInvoice({ month: '2026-05' });
const june = makeInvoice({ month: '2026-06' });
/** April's $1,500 against March's $1,000. */
const APRIL_STEP = {
  id: 'spike|lumen|A-1|N-2026-04|2026-04',
  impact: 500_00,
  message:
    'Invoice N-2026-04 totals $1,500.00, $500.00 above the average of $1,000.00 over the previous 1 invoice.',
};
const other = { serviceIdRaw: '555-010-0002' };
const fee = (amount: number) =>
  line('late-fee', amount, { serviceIdRaw: '', description: 'Late payment fee' });

/** spike with the rules that explain money on an invoice (listed before or after it). */
const rules = ALL_RULES.filter((rule) =>
  ['spike', 'late-fee', 'duplicate-charge', 'third-party'].includes(rule.id),
);
const third = { serviceIdRaw: '555-010-0003' };

const rows: {
  name: string;
  snapshot: AuditSnapshot;
  expected: { id: string; impact: number; message: string }[];
}[] = [
  {
    name: 'a late fee explains the whole excess: no spike',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1000_00)]),
        billed(may, [line('recurring', 1000_00), fee(200_00)]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a duplicated charge explains the whole excess: no spike',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1000_00)]),
        billed(may, [line('recurring', 1000_00), line('recurring', 1000_00)]),
      ],
    }),
    expected: [],
  },
  {
    name: 'a late fee explains part: the rest is the spike',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1000_00)]),
        billed(may, [line('recurring', 1000_00), line('recurring', 150_00, other), fee(100_00)]),
      ],
    }),
    expected: [
      {
        id: 'spike|lumen|A-1|N-2026-05|2026-05',
        impact: 150_00,
        message:
          'Invoice N-2026-05 totals $1,250.00; less $100.00 other findings explain (late-fee), $150.00 above the average of $1,000.00 over the previous 2 invoices.',
      },
    ],
  },
  {
    name: 'a flagged month leaves the baseline of the next',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1500_00)]),
        billed(may, [line('recurring', 1000_00)]),
        billed(june, [line('recurring', 1500_00)]),
      ],
    }),
    expected: [
      APRIL_STEP,
      {
        id: 'spike|lumen|A-1|N-2026-06|2026-06',
        impact: 500_00,
        message:
          'Invoice N-2026-06 totals $1,500.00, $500.00 above the average of $1,000.00 over the previous 2 invoices.',
      },
    ],
  },
  {
    name: 'a step up (a new circuit) is one spike, on the month it came, not one every month after',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1500_00)]),
        billed(may, [line('recurring', 1500_00)]),
        billed(june, [line('recurring', 1520_00)]),
      ],
    }),
    expected: [APRIL_STEP],
  },
  {
    name: 'money findings explain every month (a third-party charge) leaves the average too, and it says so',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00), line('third-party', 95_00, other)]),
        billed(april, [line('recurring', 1000_00), line('third-party', 95_00, other)]),
        billed(may, [
          line('recurring', 1000_00),
          line('third-party', 95_00, other),
          line('recurring', 300_00, third),
        ]),
      ],
    }),
    expected: [
      {
        id: 'spike|lumen|A-1|N-2026-05|2026-05',
        impact: 300_00,
        message:
          'Invoice N-2026-05 totals $1,395.00; less $95.00 other findings explain (third-party), $300.00 above the average of $1,000.00 over the previous 2 invoices (less what findings explain in them).',
      },
    ],
  },
  {
    name: 'a second step on top of the first is a new spike',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00)]),
        billed(april, [line('recurring', 1500_00)]),
        billed(may, [line('recurring', 2200_00)]),
      ],
    }),
    expected: [
      APRIL_STEP,
      {
        id: 'spike|lumen|A-1|N-2026-05|2026-05',
        impact: 1200_00,
        message:
          'Invoice N-2026-05 totals $2,200.00, $1,200.00 above the average of $1,000.00 over the previous 1 invoice.',
      },
    ],
  },
  {
    name: 'a line two findings explain (a late fee filed as third-party) counts once',
    snapshot: snapshotOf({
      bills: [
        billed(march, [line('recurring', 1000_00, other)]),
        billed(april, [line('recurring', 1000_00, other)]),
        billed(may, [
          line('recurring', 1000_00, other),
          line('third-party', 300_00, { description: 'Late payment fee' }),
          line('recurring', 200_00, third),
        ]),
      ],
    }),
    expected: [
      {
        id: 'spike|lumen|A-1|N-2026-05|2026-05',
        impact: 200_00,
        message:
          'Invoice N-2026-05 totals $1,500.00; less $300.00 other findings explain (late-fee), $200.00 above the average of $1,000.00 over the previous 2 invoices.',
      },
    ],
  },
  {
    name: 'the first invoice is the baseline, never flagged',
    snapshot: snapshotOf({ bills: [billed(may, [line('recurring', 5000_00), fee(10_00)])] }),
    expected: [],
  },
];

describe('spike: the excess less what same-invoice findings explain', () => {
  it.each(rows)('$name', ({ snapshot, expected }) => {
    for (const order of [rules, [...rules].reverse()]) {
      const { findings } = runAudit(snapshot, order);
      expect(
        findings
          .filter((finding) => finding.ruleId === 'spike')
          .map(({ id, impact, message }) => ({ id, impact, message })),
      ).toEqual(expected);
    }
  });
});
