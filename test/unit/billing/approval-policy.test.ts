/**
 * The approval policy: each rule firing and not firing, and a person's decision never overridden.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_APPROVAL_POLICY,
  evaluateApprovals,
  runApprovalPolicy,
  type ApprovalPolicyInput,
} from '../../../shared/billing/approval-policy';
import type { IsoDate } from '../../../shared/dates/iso-date';
import type { Finding, Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { makeService } from '../../helpers/inventory';

const TODAY = '2026-12-02' as IsoDate;
const AT = '2026-12-02T08:00:00.000Z';

/** An invoice whose charges are all recurring unless `categoryTotals` says otherwise. */
function invoice(overrides: Partial<Invoice> = {}): Invoice {
  const billed = overrides.statedTotal ?? overrides.linesTotal ?? cents(1000_00);
  return {
    id: 'inv-1',
    carrierId: 'carrier-1',
    accountNumber: 'A-1',
    invoiceNumber: 'N-1',
    invoiceDate: '2026-11-05' as IsoDate,
    dueDate: '2026-12-01' as IsoDate,
    statedTotal: cents(1000_00),
    linesTotal: cents(1000_00),
    lineCount: 1,
    categoryTotals: { recurring: billed },
    status: 'received',
    importBatchId: 'batch-1',
    ...overrides,
  };
}

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f-1',
    ruleId: 'rate-mismatch',
    severity: 'error',
    subject: { carrierId: 'carrier-1', accountNumber: 'A-1', invoiceNumber: 'N-1' },
    impact: cents(40_00),
    message: 'Billed more than the contract rate.',
    status: 'open',
    statusHistory: [],
    firstSeenAt: AT,
    lastSeenAt: AT,
    ...overrides,
  };
}

/** One account `A-1` whose single service is expected to cost `expected` cents a month. */
function world(
  invoices: Invoice[],
  expected: number | null = 1000_00,
  overrides: Partial<ApprovalPolicyInput> = {},
): ApprovalPolicyInput {
  return {
    invoices,
    services:
      expected === null
        ? []
        : [makeService({ accountId: 'account-1', expectedMonthlyCents: cents(expected) })],
    accounts: [{ id: 'account-1', carrierId: 'carrier-1', accountNumber: 'A-1' }],
    carriers: [{ id: 'carrier-1', name: 'AT&T' }],
    findings: [],
    settings: DEFAULT_APPROVAL_POLICY,
    ...overrides,
  };
}

function only(input: ApprovalPolicyInput) {
  const [evaluation] = evaluateApprovals(input);
  if (evaluation === undefined) throw new Error('no evaluation');
  return evaluation;
}

describe('tolerance: X % or Y dollars, whichever is larger', () => {
  it.each([
    // expected $1,000: 5 % = $50 beats $25
    [1000_00, 1050_00, 'approve', 'within 5 % of expected $1,000.00 (inventory)'],
    [1000_00, 950_00, 'approve', 'within 5 % of expected $1,000.00 (inventory)'],
    [1000_00, 1050_01, 'review', '$50.01 above expected $1,000.00 (inventory): more than 5 %'],
    // expected $100: $25 beats 5 % ($5)
    [100_00, 125_00, 'approve', 'within $25.00 of expected $100.00 (inventory)'],
    [100_00, 125_01, 'review', '$25.01 above expected $100.00 (inventory): more than $25.00'],
    [100_00, 74_99, 'review', '$25.01 below expected $100.00 (inventory): more than $25.00'],
  ])('expected %i, billed %i → %s', (expected, billed, outcome, reason) => {
    const evaluation = only(world([invoice({ statedTotal: cents(billed) })], expected));
    expect(evaluation.outcome).toBe(outcome);
    expect(evaluation.reason).toBe(`Recurring charges ${reason}`);
    expect(evaluation.rule).toBe(outcome === 'approve' ? 'within-tolerance' : 'outside-tolerance');
  });

  it('compares the inventory’s cost with the recurring charges: taxes and usage are not in it', () => {
    const taxed = invoice({
      statedTotal: cents(1300_00),
      categoryTotals: { recurring: cents(1000_00), tax: cents(180_00), usage: cents(120_00) },
    });
    expect(only(world([taxed])).outcome).toBe('approve');
    const overRecurring = { ...taxed, categoryTotals: { recurring: cents(1100_00) } };
    expect(only(world([overRecurring])).reason).toBe(
      'Recurring charges $100.00 above expected $1,000.00 (inventory): more than 5 %',
    );
  });

  it('compares the billed total (the lines when the bill states none) with the other sources', () => {
    const evaluation = only(
      world([invoice({ statedTotal: null, linesTotal: cents(1200_00) })], null, {
        accounts: [
          {
            id: 'account-1',
            carrierId: 'carrier-1',
            accountNumber: 'A-1',
            expectedMonthlyCents: cents(1000_00),
          },
        ],
      }),
    );
    expect(evaluation.reason).toBe(
      'Billed amount $200.00 above expected $1,000.00 (account): more than 5 %',
    );
  });

  it('the user’s tolerance applies', () => {
    const settings = { ...DEFAULT_APPROVAL_POLICY, toleranceBasisPoints: 2_500 };
    const evaluation = only(
      world([invoice({ statedTotal: cents(1200_00) })], 1000_00, { settings }),
    );
    expect(evaluation.reason).toBe(
      'Recurring charges within 25 % of expected $1,000.00 (inventory)',
    );
  });
});

describe('open error findings', () => {
  it('an open error finding on the invoice routes it to review', () => {
    const evaluation = only(world([invoice()], 1000_00, { findings: [finding()] }));
    expect(evaluation).toMatchObject({
      outcome: 'review',
      rule: 'open-finding',
      reason: 'Open finding: Billed above the contract rate',
    });
  });

  it.each([
    ['a warning', finding({ severity: 'warning' })],
    ['a dismissed error', finding({ status: 'dismissed' })],
    ['a resolved error', finding({ status: 'resolved' })],
    [
      'an error on another invoice',
      finding({ subject: { carrierId: 'carrier-1', accountNumber: 'A-1', invoiceNumber: 'N-2' } }),
    ],
  ])('%s does not stop approval', (_label, other) => {
    expect(only(world([invoice()], 1000_00, { findings: [other] })).outcome).toBe('approve');
  });

  it('a disputed error still needs review, and several rules are named, the disputed ones said', () => {
    const findings = [finding({ status: 'disputed' }), finding({ id: 'f-2', ruleId: 'late-fee' })];
    expect(only(world([invoice()], 1000_00, { findings })).reason).toBe(
      'Open or disputed findings: Billed above the contract rate (disputed), Late fee',
    );
    const disputed = [finding({ status: 'disputed' })];
    expect(only(world([invoice()], 1000_00, { findings: disputed })).reason).toBe(
      'Disputed finding: Billed above the contract rate',
    );
  });
});

describe('amount limits', () => {
  const carrierLimit = { carrierId: 'carrier-1', limitCents: cents(999_99) };
  it('above the carrier’s limit needs review even within tolerance', () => {
    const settings = { ...DEFAULT_APPROVAL_POLICY, limits: [carrierLimit] };
    expect(only(world([invoice()], 1000_00, { settings }))).toMatchObject({
      outcome: 'review',
      rule: 'amount-limit',
      reason: 'Above the $999.99 limit for AT&T',
    });
  });

  it('at the limit is not above it', () => {
    const settings = {
      ...DEFAULT_APPROVAL_POLICY,
      limits: [{ ...carrierLimit, limitCents: cents(1000_00) }],
    };
    expect(only(world([invoice()], 1000_00, { settings })).outcome).toBe('approve');
  });

  it('an account’s own limit wins over its carrier’s', () => {
    const settings = {
      ...DEFAULT_APPROVAL_POLICY,
      limits: [
        carrierLimit,
        { carrierId: 'carrier-1', accountNumber: 'A-1', limitCents: cents(5000_00) },
      ],
    };
    expect(only(world([invoice()], 1000_00, { settings })).outcome).toBe('approve');
    const tight = {
      ...DEFAULT_APPROVAL_POLICY,
      limits: [{ carrierId: 'carrier-1', accountNumber: 'A-1', limitCents: cents(500_00) }],
    };
    expect(only(world([invoice()], 1000_00, { settings: tight })).reason).toBe(
      'Above the $500.00 limit for account A-1',
    );
  });

  it('another carrier’s limit does not apply', () => {
    const settings = {
      ...DEFAULT_APPROVAL_POLICY,
      limits: [{ carrierId: 'carrier-2', limitCents: cents(1_00) }],
    };
    expect(only(world([invoice()], 1000_00, { settings })).outcome).toBe('approve');
  });
});

describe('expected amount', () => {
  it('services disconnected before the bill, or not yet active, are not expected', () => {
    const input = world(
      [invoice({ periodStart: '2026-10-06' as IsoDate, periodEnd: '2026-11-05' as IsoDate })],
      1000_00,
    );
    input.services = [
      ...input.services,
      makeService({
        id: 's2',
        expectedMonthlyCents: cents(500_00),
        disconnectedOn: '2026-09-30' as IsoDate,
      }),
      makeService({
        id: 's3',
        expectedMonthlyCents: cents(500_00),
        activatedOn: '2026-11-20' as IsoDate,
      }),
      makeService({ id: 's4', expectedMonthlyCents: cents(500_00), status: 'ordered' }),
    ];
    expect(only(input)).toMatchObject({
      outcome: 'approve',
      expected: { amount: 1000_00, source: 'inventory' },
    });
  });

  it('falls back to the account’s expected monthly cost', () => {
    const input = world([invoice()], null);
    input.accounts = [
      {
        id: 'account-1',
        carrierId: 'carrier-1',
        accountNumber: 'A-1',
        expectedMonthlyCents: cents(990_00),
      },
    ];
    expect(only(input).reason).toBe('Billed amount within 5 % of expected $990.00 (account)');
  });

  it('falls back to the trailing average of the last N earlier invoices', () => {
    const earlier = [
      invoice({
        id: 'o1',
        invoiceNumber: 'O1',
        invoiceDate: '2026-07-05' as IsoDate,
        statedTotal: cents(5000_00),
      }),
      invoice({
        id: 'o2',
        invoiceNumber: 'O2',
        invoiceDate: '2026-08-05' as IsoDate,
        statedTotal: cents(900_00),
      }),
      invoice({
        id: 'o3',
        invoiceNumber: 'O3',
        invoiceDate: '2026-09-05' as IsoDate,
        statedTotal: cents(1000_00),
      }),
      invoice({
        id: 'o4',
        invoiceNumber: 'O4',
        invoiceDate: '2026-10-05' as IsoDate,
        statedTotal: cents(1100_00),
      }),
      // a later bill never counts
      invoice({
        id: 'o5',
        invoiceNumber: 'O5',
        invoiceDate: '2026-12-05' as IsoDate,
        statedTotal: cents(9000_00),
      }),
    ];
    const target = invoice({ statedTotal: cents(1040_00) });
    const evaluations = evaluateApprovals(world([target, ...earlier], null));
    expect(evaluations[0]).toMatchObject({
      outcome: 'approve',
      expected: { amount: 1000_00, source: 'trailing-average', invoiceCount: 3 },
      reason: 'Billed amount within 5 % of expected $1,000.00 (average of the last 3 invoices)',
    });
    // With N = 4 the $5,000 month counts and the bill is far below the average.
    const settings = { ...DEFAULT_APPROVAL_POLICY, trailingInvoices: 4 };
    expect(evaluateApprovals(world([target, ...earlier], null, { settings }))[0]?.outcome).toBe(
      'review',
    );
  });

  it('no inventory cost, no account cost, no earlier bill: no expected amount', () => {
    expect(only(world([invoice()], null))).toMatchObject({
      outcome: 'review',
      rule: 'no-expected-amount',
      reason: 'No expected amount',
      expected: null,
    });
  });
});

describe('recording decisions', () => {
  it('approves an undecided invoice, stamped with the rule and the date', () => {
    const [changed] = runApprovalPolicy(world([invoice()]), TODAY, AT);
    expect(changed?.status).toBe('approved');
    expect(changed?.approval).toEqual({
      decidedBy: 'policy',
      outcome: 'approve',
      rule: 'within-tolerance',
      reason: 'Recurring charges within 5 % of expected $1,000.00 (inventory)',
      decidedOn: TODAY,
    });
    expect(changed?.history?.at(-1)).toEqual({
      status: 'approved',
      at: AT,
      note: 'Approval policy: Recurring charges within 5 % of expected $1,000.00 (inventory)',
    });
  });

  it('re-decides its own approval when a finding appears, and changes nothing when nothing changed', () => {
    const [approved] = runApprovalPolicy(world([invoice()]), TODAY, AT);
    if (approved === undefined) throw new Error('not approved');
    expect(runApprovalPolicy(world([approved]), TODAY, AT)).toEqual([]);
    const [again] = runApprovalPolicy(
      world([approved], 1000_00, { findings: [finding()] }),
      TODAY,
      AT,
    );
    expect(again?.status).toBe('received');
    expect(again?.approval?.reason).toBe('Open finding: Billed above the contract rate');
  });

  it.each([
    ['on hold', 'on-hold', 'review'],
    ['approved', 'approved', 'approve'],
    ['paid', 'paid', 'approve'],
  ] as const)('never overrides a person’s decision (%s)', (_label, status, outcome) => {
    const decided = invoice({
      status,
      statedTotal: cents(9999_00),
      approval: {
        decidedBy: 'person',
        outcome,
        rule: 'person',
        reason: 'By a person',
        decidedOn: TODAY,
      },
    });
    expect(
      runApprovalPolicy(world([decided], 1000_00, { findings: [finding()] }), TODAY, AT),
    ).toEqual([]);
  });

  it('leaves alone an invoice a person moved before decisions were recorded, and one already exported', () => {
    expect(runApprovalPolicy(world([invoice({ status: 'reviewed' })]), TODAY, AT)).toEqual([]);
    const exported = invoice({
      status: 'approved',
      approval: {
        decidedBy: 'policy',
        outcome: 'approve',
        rule: 'within-tolerance',
        reason: 'x',
        decidedOn: TODAY,
      },
      exportedForPaymentAt: AT,
    });
    expect(
      runApprovalPolicy(world([exported], 1000_00, { findings: [finding()] }), TODAY, AT),
    ).toEqual([]);
  });

  it('decides nothing when switched off', () => {
    const settings = { ...DEFAULT_APPROVAL_POLICY, enabled: false };
    expect(runApprovalPolicy(world([invoice()], 1000_00, { settings }), TODAY, AT)).toEqual([]);
  });
});

describe('an invoice of a foundation account over its billing accounts (AT&T FAN, EDI 811 master)', () => {
  // FAN-1 pays for BAN-1 ($60.00 of service) and BAN-2 ($40.00), the inventory's expected costs.
  const accounts = [
    { id: 'fan', carrierId: 'carrier-1', accountNumber: 'FAN-1' },
    { id: 'ban-1', carrierId: 'carrier-1', accountNumber: 'BAN-1' },
    { id: 'ban-2', carrierId: 'carrier-1', accountNumber: 'BAN-2' },
    { id: 'ban-3', carrierId: 'carrier-1', accountNumber: 'BAN-3' },
  ];
  const services = [
    makeService({ id: 's1', accountId: 'ban-1', expectedMonthlyCents: cents(60_00) }),
    makeService({ id: 's2', accountId: 'ban-2', expectedMonthlyCents: cents(40_00) }),
    // A BAN the invoice does not bill: not expected on it.
    makeService({ id: 's3', accountId: 'ban-3', expectedMonthlyCents: cents(500_00) }),
  ];
  const fan = (lineAccounts: string[] | undefined, recurring: number) =>
    invoice({
      accountNumber: 'FAN-1',
      statedTotal: cents(recurring + 8_00),
      linesTotal: cents(recurring + 8_00),
      categoryTotals: { recurring: cents(recurring), tax: cents(8_00) },
      ...(lineAccounts === undefined ? {} : { lineAccounts }),
    });

  it('expects the services of the BANs its lines are billed on (printed as the bill prints them)', () => {
    const evaluation = only(world([fan(['BAN-1', 'ban 2'], 100_00)], null, { accounts, services }));
    expect(evaluation).toMatchObject({
      outcome: 'approve',
      rule: 'within-tolerance',
      expected: { amount: 100_00, source: 'inventory' },
    });
  });

  it('is held when its BANs’ services cost more than their expected amount', () => {
    const evaluation = only(world([fan(['BAN-1', 'BAN-2'], 150_00)], null, { accounts, services }));
    expect(evaluation).toMatchObject({ outcome: 'review', rule: 'outside-tolerance' });
  });

  it('with no line naming a BAN, has only its own account’s services to expect', () => {
    const evaluation = only(world([fan(undefined, 100_00)], null, { accounts, services }));
    expect(evaluation).toMatchObject({ outcome: 'review', rule: 'no-expected-amount' });
  });
});

describe('a BAN the inventory holds without the leading zeros the bill writes', () => {
  it('is the account the FAN invoice’s lines name (0012345 on the bill, 12345 in the inventory)', () => {
    const accounts = [
      { id: 'fan', carrierId: 'carrier-1', accountNumber: 'FAN-1' },
      { id: 'ban', carrierId: 'carrier-1', accountNumber: '12345' },
    ];
    const services = [
      makeService({ id: 's1', accountId: 'ban', expectedMonthlyCents: cents(100_00) }),
    ];
    const fan = invoice({
      accountNumber: 'FAN-1',
      categoryTotals: { recurring: cents(100_00) },
      statedTotal: cents(100_00),
      linesTotal: cents(100_00),
      lineAccounts: ['0012345'],
    });
    expect(only(world([fan], null, { accounts, services }))).toMatchObject({
      outcome: 'approve',
      expected: { amount: 100_00, source: 'inventory' },
    });
  });
});
