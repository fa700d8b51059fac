import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { creditNotAppliedRule } from '../../../shared/audit/rules/credit-not-applied';
import type { AuditDispute, AuditSnapshot } from '../../../shared/audit/snapshot';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { checkCase, type Case } from './cases';
import { ACCOUNT, CARRIER, billed, line, makeInvoice, snapshotOf } from './helpers';

const RULE = 'credit-not-applied';
const ID = 'credit-not-applied|lumen|A-1|dsp-1|2026-07';

/** A dispute of account A-1 filed 2026-07-02 for a $425.00 credit, nothing received yet. */
function dispute(overrides: Partial<AuditDispute> = {}): AuditDispute {
  return {
    id: 'dsp-1',
    carrierId: CARRIER,
    accountNumber: ACCOUNT,
    filedOn: isoDate(2026, 7, 2),
    expectedCredit: cents(425_00),
    creditedAmount: cents(0),
    status: 'submitted',
    reference: 'TKT-123',
    ...overrides,
  };
}

/** Monthly bills of A-1, one $45.00 line each plus `extra` lines by month. */
function bills(months: readonly string[], extra: Record<string, ReturnType<typeof line>[]> = {}) {
  return months.map((month) =>
    billed(makeInvoice({ month }), [line('recurring', 45_00), ...(extra[month] ?? [])]),
  );
}

function withDisputes(
  snapshot: AuditSnapshot,
  disputes: AuditDispute[],
  settings?: Record<string, number>,
): AuditSnapshot {
  return {
    ...snapshot,
    disputes,
    ...(settings === undefined ? {} : { settings: { ...snapshot.settings, [RULE]: settings } }),
  };
}

const JULY_TO_SEPT = ['2026-07', '2026-08', '2026-09'];
const NONE_MESSAGE =
  'Dispute TKT-123 with Lumen (account A-1) filed 2026-07-02 expects a $425.00 credit; the next 2 invoices (N-2026-08, N-2026-09) show none — $425.00 outstanding.';
const accountCredit = (category: 'credit' | 'adjustment', amount: number, description: string) =>
  line(category, amount, { serviceIdRaw: '', serviceKey: null, description });

const cases: Case[] = [
  {
    name: 'no credit on the next two invoices',
    rule: RULE,
    snapshot: withDisputes(snapshotOf({ bills: bills(JULY_TO_SEPT) }), [dispute()]),
    expected: [{ id: ID, impact: 425_00, message: NONE_MESSAGE }],
  },
  {
    name: 'only one invoice since filing: too early to tell',
    rule: RULE,
    snapshot: withDisputes(snapshotOf({ bills: bills(['2026-07', '2026-08']) }), [dispute()]),
    expected: [],
  },
  {
    name: 'an invoice dated on the filed day is not after it',
    rule: RULE,
    snapshot: withDisputes(snapshotOf({ bills: bills(['2026-08', '2026-09']) }), [
      dispute({ filedOn: isoDate(2026, 8, 1) }),
    ]),
    expected: [],
  },
  {
    name: 'the credit arrives on the second invoice',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: bills(JULY_TO_SEPT, {
          '2026-09': [accountCredit('credit', -425_00, 'Dispute credit TKT-123')],
        }),
      }),
      [dispute()],
    ),
    expected: [],
  },
  {
    name: 'a negative adjustment within the tolerance counts',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: bills(JULY_TO_SEPT, {
          '2026-08': [accountCredit('adjustment', -424_50, 'Billing adjustment')],
        }),
      }),
      [dispute()],
    ),
    expected: [],
  },
  {
    name: 'a credit taken back on the next bill is no credit',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: bills(JULY_TO_SEPT, {
          '2026-08': [accountCredit('credit', -425_00, 'Dispute credit TKT-123')],
          '2026-09': [accountCredit('adjustment', 425_00, 'Reversal of dispute credit TKT-123')],
        }),
      }),
      [dispute()],
    ),
    expected: [
      {
        id: ID,
        impact: 425_00,
        message: NONE_MESSAGE,
      },
    ],
  },
  {
    name: 'a credit after the window does not count',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: bills([...JULY_TO_SEPT, '2026-10'], {
          '2026-10': [accountCredit('credit', -425_00, 'Dispute credit TKT-123')],
        }),
      }),
      [dispute()],
    ),
    expected: [{ id: ID, impact: 425_00, message: NONE_MESSAGE }],
  },
  {
    name: 'partial credit on the bills and some already recorded',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: bills(JULY_TO_SEPT, {
          '2026-09': [
            accountCredit('credit', -100_00, 'Dispute credit TKT-123'),
            // A positive adjustment is a charge, not a credit.
            accountCredit('adjustment', 20_00, 'Billing adjustment'),
          ],
        }),
      }),
      [dispute({ creditedAmount: cents(50_00) })],
    ),
    expected: [
      {
        id: ID,
        impact: 275_00,
        message:
          'Dispute TKT-123 with Lumen (account A-1) filed 2026-07-02 expects a $425.00 credit ($50.00 received so far); the next 2 invoices (N-2026-08, N-2026-09) show only $100.00 of credit — $275.00 outstanding.',
      },
    ],
  },
  {
    name: 'a recurring promotional credit already billed before filing is not the dispute credit',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: bills(JULY_TO_SEPT, {
          '2026-07': [line('credit', -425_00, { description: 'Promotional Credit' })],
          '2026-08': [line('credit', -425_00, { description: 'Promotional Credit' })],
          '2026-09': [line('credit', -425_00, { description: 'Promotional Credit' })],
        }),
      }),
      [dispute()],
    ),
    expected: [{ id: ID, impact: 425_00, message: NONE_MESSAGE }],
  },
  {
    name: "another account's credit does not count",
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({
        bills: [
          ...bills(JULY_TO_SEPT),
          billed(makeInvoice({ month: '2026-08', accountNumber: 'B-2', id: 'inv-b2' }), [
            accountCredit('credit', -425_00, 'Dispute credit TKT-123'),
          ]),
        ],
      }),
      [dispute()],
    ),
    expected: [{ id: ID, impact: 425_00, message: NONE_MESSAGE }],
  },
  {
    name: 'not filed, fully credited, denied or closed: nothing to wait for',
    rule: RULE,
    snapshot: withDisputes(snapshotOf({ bills: bills(JULY_TO_SEPT) }), [
      dispute({ id: 'draft', filedOn: undefined, status: 'draft' }),
      // Given a filed date but kept a draft (the user chose Draft): still not sent to the carrier.
      dispute({ id: 'dated-draft', status: 'draft' }),
      dispute({ id: 'credited', status: 'credited', creditedAmount: cents(425_00) }),
      dispute({ id: 'recorded', creditedAmount: cents(424_50) }),
      dispute({ id: 'denied', status: 'denied' }),
      dispute({ id: 'closed', status: 'closed' }),
    ]),
    expected: [],
  },
  {
    name: 'the number of invoices is a setting; no ticket number names the dispute by id',
    rule: RULE,
    snapshot: withDisputes(
      snapshotOf({ bills: bills(['2026-07', '2026-08']) }),
      [dispute({ reference: undefined, expectedCredit: cents(30_00) })],
      { invoices: 1 },
    ),
    expected: [
      {
        id: ID,
        impact: 30_00,
        message:
          'Dispute dsp-1 with Lumen (account A-1) filed 2026-07-02 expects a $30.00 credit; the next 1 invoice (N-2026-08) shows none — $30.00 outstanding.',
      },
    ],
  },
];

describe('credit-not-applied', () => {
  it.each(cases)('$name', (testCase) => checkCase(testCase));

  it('stays quiet on a snapshot without disputes (older snapshots)', () => {
    const snapshot = snapshotOf({ bills: bills(JULY_TO_SEPT) });
    expect('disputes' in snapshot).toBe(false);
    expect(runAudit(snapshot, [creditNotAppliedRule]).findings).toEqual([]);
  });

  it('points at the last invoice checked and keeps its id as more invoices arrive', () => {
    const early = runAudit(withDisputes(snapshotOf({ bills: bills(JULY_TO_SEPT) }), [dispute()]), [
      creditNotAppliedRule,
    ]).findings;
    const later = runAudit(
      withDisputes(snapshotOf({ bills: bills([...JULY_TO_SEPT, '2026-10', '2026-11']) }), [
        dispute(),
      ]),
      [creditNotAppliedRule],
    ).findings;
    expect(early.map((finding) => finding.id)).toEqual([ID]);
    expect(later.map((finding) => finding.id)).toEqual([ID]);
    expect(early[0]?.subject).toEqual({
      carrierId: CARRIER,
      accountNumber: ACCOUNT,
      invoiceNumber: 'N-2026-09',
      period: '2026-07',
    });
    expect(early[0]?.evidence).toEqual({ invoiceId: 'inv-2026-09', disputeId: 'dsp-1' });
  });

  it('lists the credit lines it found as evidence', () => {
    const [finding] = runAudit(
      withDisputes(
        snapshotOf({
          bills: bills(JULY_TO_SEPT, {
            '2026-09': [accountCredit('credit', -100_00, 'Dispute credit TKT-123')],
          }),
        }),
        [dispute()],
      ),
      [creditNotAppliedRule],
    ).findings;
    // Blocks of 3 lines in the helpers: the credit is row 1 of the September invoice's block 0.
    expect(finding?.evidence?.chargeRefs).toEqual([
      { invoiceId: 'inv-2026-09', blockIndex: 0, row: 1 },
    ]);
  });
});
