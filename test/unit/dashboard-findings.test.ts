import { describe, expect, it } from 'vitest';
import { findingsView, recoveriesIn } from '../../shared/audit/dashboard-findings';
import { NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import { ACCOUNT_LEVEL, DimensionIndex, NOT_IN_INVENTORY } from '../../shared/billing/dimensions';
import type { ClaimingFinding } from '../../shared/audit/claims';
import type { SavingsDispute } from '../../shared/audit/savings';
import type { Dispute, Finding } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import { isoDate, isoMonth } from '../../shared/dates';

const SEP = isoMonth(2026, 9);
const OCT = isoMonth(2026, 10);
const NOV = isoMonth(2026, 11);

function dispute(
  id: string,
  findingIds: string[],
  claimed: number,
  filed: string,
  credits: [on: string, amount: number][],
): SavingsDispute {
  return {
    id,
    carrierId: 'vz',
    findingIds,
    claimedAmount: cents(claimed),
    creditedAmount: cents(credits.reduce((sum, [, amount]) => sum + amount, 0)),
    openedOn: isoDate(2026, 9, 1),
    submittedOn: filed as SavingsDispute['openedOn'],
    credits: credits.map(([on, amount]) => ({ on, amount: cents(amount) })),
  };
}

const index = new DimensionIndex({
  accounts: [
    {
      id: 'acc-1',
      carrierId: 'vz',
      accountNumber: '100',
      defaultSiteId: 'hq',
      defaultCostCenterId: 'cc-it',
    },
    { id: 'acc-2', carrierId: 'vz', accountNumber: '200' },
  ],
  services: [
    {
      id: 's-1',
      carrierId: 'vz',
      accountId: 'acc-1',
      siteId: 'store-7',
      type: 'mobile-line',
      serviceKey: '+15550001',
      aliasKeys: ['+15550009'],
    },
    // The same number, reassigned: the one on the invoice's account wins.
    {
      id: 's-2',
      carrierId: 'vz',
      accountId: 'acc-2',
      costCenterId: 'cc-sales',
      type: 'ucaas-seat',
      serviceKey: '+15550001',
      aliasKeys: [],
    },
  ],
  sites: [{ id: 'store-7', costCenterId: 'cc-retail' }, { id: 'hq' }],
});

describe('where a charge belongs', () => {
  it("follows the service, its site's cost center, then the account's defaults", () => {
    expect(index.resolve('vz', '100', '+15550001')).toMatchObject({
      siteId: 'store-7',
      costCenterId: 'cc-retail',
      type: 'mobile-line',
    });
    expect(index.resolve('vz', '100', '+15550009')).toMatchObject({ siteId: 'store-7' });
    expect(index.resolve('vz', '200', '+15550001')).toMatchObject({
      siteId: '',
      costCenterId: 'cc-sales',
      type: 'ucaas-seat',
    });
    expect(index.resolve('vz', '100', '')).toMatchObject({
      siteId: 'hq',
      costCenterId: 'cc-it',
      type: ACCOUNT_LEVEL,
    });
    expect(index.resolve('vz', '100', '+19999')).toMatchObject({ type: NOT_IN_INVENTORY });
    // Equal answers are one object, numbered in the order first given.
    expect(index.resolve('vz', '100', '+15550009')).toBe(index.resolve('vz', '100', '+15550001'));
    expect(index.distinct.map((d) => d.ordinal)).toEqual(index.distinct.map((_, i) => i));
    expect(index.resolve('att', '100', '+15550001')).toMatchObject({ type: NOT_IN_INVENTORY });
  });
});

function finding(
  id: string,
  patch: Partial<Finding> & { evidence?: ClaimingFinding['evidence'] },
): Finding & { evidence?: ClaimingFinding['evidence'] } {
  return {
    id,
    ruleId: 'rate-above-contract',
    severity: 'error',
    subject: { carrierId: 'vz', accountNumber: '100', serviceKey: '+15550001', period: SEP },
    impact: cents(100_00),
    message: '',
    status: 'open',
    statusHistory: [],
    firstSeenAt: '2026-11-01T00:00:00.000Z',
    lastSeenAt: '2026-11-01T00:00:00.000Z',
    ...patch,
  };
}

describe('findings on the dashboard', () => {
  const findings = [
    finding('f1', {}),
    finding('f2', { status: 'disputed', disputeId: 'd1', impact: cents(300_00) }),
    finding('f3', { status: 'credited', disputeId: 'd1', impact: cents(100_00) }),
    finding('f4', {
      ruleId: 'late-fee',
      impact: cents(25_00),
      subject: { carrierId: 'vz', accountNumber: '100', period: OCT },
    }),
    finding('f5', { status: 'dismissed', impact: cents(999_00) }),
    finding('f6', { subject: { carrierId: 'vz', period: isoMonth(2025, 1) } }),
  ];
  // Filed in October about September's bills; the credit came on November's bill.
  const disputes: SavingsDispute[] = [
    dispute('d1', ['f2', 'f3'], 400_00, '2026-10-05', [['2026-11-03', 333_33]]),
  ];
  const months = [SEP, OCT, NOV];

  it('sums money at stake per rule (open and disputed only) and savings on their three bases', () => {
    const v = findingsView(findings, disputes, index, NO_DASHBOARD_FILTER, months);
    expect(v.byRule).toEqual([
      { ruleId: 'rate-above-contract', count: 2, atStake: 400_00, atRisk: 0 },
      { ruleId: 'late-fee', count: 1, atStake: 25_00, atRisk: 0 },
    ]);
    expect(v.atStake).toBe(425_00);
    expect(v.atRisk).toBe(0);
    expect(v.savings).toEqual([
      { month: SEP, identified: 500_00, disputed: 0, recovered: 0 },
      { month: OCT, identified: 25_00, disputed: 400_00, recovered: 0 },
      { month: NOV, identified: 0, disputed: 0, recovered: 333_33 },
    ]);
    // The credit is shared by amount (3:1) and adds up to the cent.
    expect(v.recovered).toBe(333_33);
  });

  it('keeps money at risk (unknown-service) beside money at stake, never inside it', () => {
    const withUnknown = [
      ...findings,
      finding('u1', { ruleId: 'unknown-service', impact: cents(70_00) }),
      finding('u2', { ruleId: 'unknown-service', impact: cents(5_00), status: 'dismissed' }),
    ];
    const v = findingsView(withUnknown, disputes, index, NO_DASHBOARD_FILTER, months);
    expect(v.atStake).toBe(425_00);
    expect(v.atRisk).toBe(70_00);
    expect(v.openCount).toBe(4);
    expect(v.byRule.find((r) => r.ruleId === 'unknown-service')).toEqual({
      ruleId: 'unknown-service',
      count: 1,
      atStake: 0,
      atRisk: 70_00,
    });
    // Overbilling identified per month leaves money at risk out too.
    expect(v.savings[0]?.identified).toBe(500_00);
  });

  it('never loses a cent of credit, even when a disputed finding was dismissed or claims nothing', () => {
    const mixed = [
      finding('a', { disputeId: 'd2', status: 'disputed', impact: cents(10_00) }),
      finding('b', { disputeId: 'd2', status: 'disputed', impact: cents(20_00) }),
      finding('c', { disputeId: 'd2', status: 'dismissed', impact: cents(0) }),
      finding('e', { disputeId: 'd3', status: 'dismissed', impact: cents(5_00) }),
    ];
    const credits = [
      dispute('d2', ['a', 'b', 'c'], 30_00, '2026-09-10', [['2026-10-01', 10_00]]),
      dispute('d3', ['e'], 5_00, '2026-09-10', [['2026-10-01', 1_01]]),
    ];
    const v = findingsView(mixed, credits, index, NO_DASHBOARD_FILTER, months);
    expect(v.recovered).toBe(11_01);
    expect(v.identified).toBe(30_00);
  });

  it('applies the site, cost center and service type filters through the inventory', () => {
    const atStore = findingsView(
      findings,
      disputes,
      index,
      { ...NO_DASHBOARD_FILTER, siteId: 'store-7' },
      months,
    );
    expect(atStore.byRule.map((r) => r.ruleId)).toEqual(['rate-above-contract']);
    const accountLevel = findingsView(
      findings,
      disputes,
      index,
      { ...NO_DASHBOARD_FILTER, serviceType: ACCOUNT_LEVEL },
      months,
    );
    expect(accountLevel.byRule).toEqual([
      { ruleId: 'late-fee', count: 1, atStake: 25_00, atRisk: 0 },
    ]);
    const otherCarrier = findingsView(
      findings,
      disputes,
      index,
      { ...NO_DASHBOARD_FILTER, carrierId: 'att' },
      months,
    );
    expect(otherCarrier.identified).toBe(0);
  });

  it('says how many open findings fall outside the months shown, and what they put at stake', () => {
    const v = findingsView(findings, disputes, index, NO_DASHBOARD_FILTER, months);
    // f6 was billed in January 2025: on the Findings page, not in these months.
    expect(v.openCount).toBe(3);
    expect(v.outside).toEqual({ count: 1, atStake: 100_00 });
  });

  it('counts each dollar once where two findings claim the same charge lines', () => {
    const claims = (cents: number) => ({
      claims: { invoiceIds: ['inv-1'], lines: [0, 0, 4, cents] },
    });
    const overlapping = [
      finding('closed', { ruleId: 'closed-site', impact: cents(90_00), evidence: claims(90_00) }),
      finding('expired', {
        ruleId: 'out-of-contract',
        impact: cents(20_00),
        evidence: claims(20_00),
      }),
    ];
    const v = findingsView(overlapping, [], index, NO_DASHBOARD_FILTER, months);
    expect(v.atStake).toBe(90_00);
    expect(v.identified).toBe(90_00);
    expect(v.byRule.find((r) => r.ruleId === 'out-of-contract')?.atStake).toBe(0);
  });
});

describe('the monthly report’s recoveries', () => {
  const dispute = (status: Dispute['status'], claimed: number, credits: [string, number][]) => ({
    status,
    claimedAmount: cents(claimed),
    creditedAmount: cents(credits.reduce((sum, [, amount]) => sum + amount, 0)),
    credits: credits.map(([on, amount]) => ({ on, amount: cents(amount) })),
  });

  it('counts a credit recorded after the month as recovered to date, as "still claimed" does', () => {
    const disputes = [dispute('partially-credited', 7_790_65, [['2026-11-18', 1_928_50]])];
    expect(recoveriesIn(disputes, isoMonth(2026, 10), isoDate(2026, 11, 20))).toEqual({
      thisMonth: 0,
      toDate: 1_928_50,
      openDisputes: 1,
      stillClaimed: 5_862_15,
    });
    expect(recoveriesIn(disputes, isoMonth(2026, 11), isoDate(2026, 11, 20)).thisMonth).toBe(
      1_928_50,
    );
  });
});
