import { describe, expect, it } from 'vitest';
import { countOnce } from '../../shared/audit/claims';
import { mergeFindings } from '../../shared/audit/run';
import type { FindingDraft } from '../../shared/audit/rule';
import { isoDate, isoMonth } from '../../shared/dates';
import type { Finding } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import { findingRows } from '../../renderer/features/findings/rows';
import { totalsOf } from '../../renderer/features/findings/totals';
import type { DisputeRecord } from '../../renderer/db/findings';

const OCT = isoMonth(2026, 10);

function draft(id: string, impact: number): FindingDraft {
  return {
    id,
    ruleId: 'rate-mismatch',
    severity: 'warning',
    subject: { carrierId: 'vz', accountNumber: '100', serviceKey: `+1555${id}`, period: OCT },
    impact: cents(impact),
    message: id,
  };
}

const dispute: DisputeRecord = {
  id: 'd1',
  carrierId: 'vz',
  accountNumber: '100',
  findingIds: ['r1', 'r2'],
  claimedAmount: cents(55_00 + 20_00),
  creditedAmount: cents(0),
  status: 'submitted',
  openedOn: isoDate(2026, 11, 1),
  credits: [],
};

/** Two findings disputed at $55.00 and $20.00; the next run finds the first at $110.00. */
function grownAfterFiling(): Finding[] {
  const first = mergeFindings(
    [],
    [draft('r1', 55_00), draft('r2', 20_00), draft('o1', 9_00)],
    '2026-11-01T00:00:00.000Z',
  ).findings.map((f): Finding =>
    f.id === 'o1' ? f : { ...f, status: 'disputed', disputeId: 'd1' },
  );
  return mergeFindings(
    first,
    [draft('r1', 110_00), draft('r2', 20_00), draft('o1', 9_00)],
    '2026-12-01T00:00:00.000Z',
  ).findings;
}

describe('the Findings tab’s claimed-in-disputes tile', () => {
  const lookups = { carriers: [], services: [], sites: [], invoices: [] };

  it('shows what the dispute claimed when filed, not what its finding grew to', () => {
    const findings = grownAfterFiling();
    const rows = findingRows(
      findings,
      { ...lookups, disputes: [dispute] },
      isoDate(2026, 12, 2),
      countOnce(findings),
    );
    const totals = totalsOf(rows);
    expect(totals.disputed).toBe(75_00);
    expect(totals.disputedNow).toBe(130_00);
    // Money at stake is still what the checks find now.
    expect(totals.total).toBe(139_00);
    expect(totals.open).toBe(9_00);
  });

  it('a disputed finding’s share of its claim, shown alone, adds up with the others to the claim', () => {
    const findings = grownAfterFiling();
    const rows = findingRows(findings, { ...lookups, disputes: [dispute] }, isoDate(2026, 12, 2));
    const claimed = rows.filter((r) => r.disputeId === 'd1').map((r) => r.claimed);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(dispute.claimedAmount);
    expect(rows.find((r) => r.id === 'o1')?.claimed).toBe(0);
  });

  it('a finding marked disputed with no dispute recorded counts its money at stake', () => {
    const findings = grownAfterFiling();
    const rows = findingRows(findings, lookups, isoDate(2026, 12, 2));
    expect(totalsOf(rows).disputed).toBe(130_00);
  });

  it('Recovered is the credits received, partial ones too, not the findings’ money at stake', () => {
    const partial: DisputeRecord = {
      ...dispute,
      status: 'partially-credited',
      credits: [{ on: isoDate(2026, 12, 1), amount: cents(30_00) }],
      creditedAmount: cents(30_00),
    };
    const findings = grownAfterFiling();
    const rows = findingRows(findings, { ...lookups, disputes: [partial] }, isoDate(2026, 12, 2));
    expect(totalsOf(rows).recovered).toBe(30_00);
    // Credited in full at $60.00 of the $75.00 claimed (the carrier settled for less).
    const settled: DisputeRecord = {
      ...partial,
      status: 'credited',
      credits: [{ on: isoDate(2026, 12, 1), amount: cents(60_00) }],
      creditedAmount: cents(60_00),
    };
    const credited = findings.map((f): Finding =>
      f.disputeId === 'd1' ? { ...f, status: 'credited' } : f,
    );
    const after = findingRows(credited, { ...lookups, disputes: [settled] }, isoDate(2026, 12, 2));
    expect(totalsOf(after).recovered).toBe(60_00);
  });

  it('a finding marked credited with no dispute recorded counts its money at stake as recovered', () => {
    const findings = grownAfterFiling().map((f): Finding =>
      f.id === 'r2' ? { ...f, status: 'credited', disputeId: undefined } : f,
    );
    const rows = findingRows(findings, lookups, isoDate(2026, 12, 2));
    expect(totalsOf(rows).recovered).toBe(20_00);
  });

  it('a finding disputed again after a denial shows its new dispute’s claim only, once', () => {
    // d1 was denied (its findings went back to open, d1 still lists them); r1 is claimed again.
    const denied: DisputeRecord = { ...dispute, status: 'denied' };
    const again: DisputeRecord = {
      ...dispute,
      id: 'd2',
      findingIds: ['r1'],
      claimedAmount: cents(50_00),
      openedOn: isoDate(2026, 12, 1),
    };
    const findings = grownAfterFiling().map((f): Finding => {
      if (f.id === 'r1') return { ...f, disputeId: 'd2' };
      if (f.id === 'r2') return { ...f, status: 'open', disputeId: undefined };
      return f;
    });
    const rows = findingRows(
      findings,
      { ...lookups, disputes: [denied, again] },
      isoDate(2026, 12, 2),
    );
    expect(rows.find((r) => r.id === 'r1')?.claimed).toBe(50_00);
    expect(totalsOf(rows).disputed).toBe(50_00);
  });
});
