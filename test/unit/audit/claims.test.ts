import { describe, expect, it } from 'vitest';
import { countOnce, type ClaimingFinding } from '../../../shared/audit/claims';
import { MAX_CHARGE_REFS } from '../../../shared/audit/rule';
import { runAudit } from '../../../shared/audit/run';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import type { IsoMonth } from '../../../shared/dates';
import type { FindingStatus } from '../../../shared/model';
import { findingRows } from '../../../renderer/features/findings/rows';
import { totalsOf } from '../../../renderer/features/findings/totals';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { sampleSnapshot } from './sample-snapshot';

function finding(
  id: string,
  ruleId: string,
  impact: number,
  lines: [row: number, claim: number][],
  status: FindingStatus = 'open',
): ClaimingFinding {
  return {
    id,
    ruleId,
    impact: cents(impact),
    status,
    evidence: {
      claims: { invoiceIds: ['inv-1'], lines: lines.flatMap(([row, claim]) => [0, 0, row, claim]) },
    },
  };
}

describe('money at stake counts each dollar once', () => {
  // A circuit at a closed store, billed $100 a month after its contract expired: closed-site claims
  // both months' charges, out-of-contract the $20 above the old rate on the same lines.
  const closed = finding('closed', 'closed-site', 20_000, [
    [1, 10_000],
    [2, 10_000],
  ]);
  const expired = finding('expired', 'out-of-contract', 4_000, [
    [1, 2_000],
    [2, 2_000],
  ]);
  const fee = finding('fee', 'late-fee', 1_500, [[7, 1_500]]);

  it('takes the shared lines once, from the finding that claims the most of them', () => {
    const result = countOnce([closed, expired, fee]);
    expect(result.gross).toBe(25_500);
    expect(result.net).toBe(21_500);
    expect(result.counted.get('closed')).toBe(20_000);
    expect(result.counted.get('expired')).toBe(0);
    expect(result.counted.get('fee')).toBe(1_500);
    expect(result.overlaps).toEqual([
      { keptBy: 'closed-site', alsoClaimedBy: 'out-of-contract', lines: 2, cents: 4_000 },
    ]);
  });

  it('gives the lines back when the holder is dismissed, and ignores the order of the findings', () => {
    const dismissed = { ...closed, status: 'dismissed' as const };
    const result = countOnce([expired, dismissed, fee]);
    expect(result.counted.get('expired')).toBe(4_000);
    expect(result.net).toBe(5_500);
    expect(countOnce([fee, expired, closed]).counted).toEqual(
      countOnce([closed, expired, fee]).counted,
    );
  });

  it('keeps impact on no line (an invoice total, lines beyond the evidence cap) whole', () => {
    const partly = finding('partly', 'rate-mismatch', 9_000, [[1, 3_000]]);
    const result = countOnce([closed, partly]);
    expect(result.counted.get('partly')).toBe(6_000);
    expect(result.net).toBe(26_000);
  });

  it('leaves money at risk out', () => {
    const risk = finding('risk', 'unknown-service', 10_000, [[1, 10_000]]);
    const result = countOnce([risk, expired]);
    expect(result.counted.has('risk')).toBe(false);
    expect(result.counted.get('expired')).toBe(4_000);
  });

  it('on the sample company, the closed store billed out of contract is counted once', () => {
    const company = generateSampleCompany();
    const { findings } = runAudit(sampleSnapshot(company, isoDate(2026, 10, 31)));
    for (const draft of findings) {
      expect(draft.evidence?.chargeRefs?.length ?? 0).toBeLessThanOrEqual(MAX_CHARGE_REFS);
      const lines = draft.evidence?.claims?.lines ?? [];
      const claimed = lines.filter((_, i) => i % 4 === 3).reduce((sum, claim) => sum + claim, 0);
      // Whole-line rules claim what was billed; the others never claim more than their impact.
      if (!['closed-site', 'billed-after-disconnect'].includes(draft.ruleId))
        expect(claimed, draft.id).toBeLessThanOrEqual(draft.impact);
    }
    const outOfContract = findings.find((f) => f.ruleId === 'out-of-contract');
    // More lines than a finding keeps for display, all of them claimed.
    expect((outOfContract?.evidence?.claims?.lines.length ?? 0) / 4).toBeGreaterThan(
      MAX_CHARGE_REFS,
    );
    const result = countOnce(findings.map((draft) => ({ ...draft, status: 'open' as const })));
    const pairs = result.overlaps.map((o) => `${o.keptBy} ⊃ ${o.alsoClaimedBy}`);
    expect(pairs).toContain('closed-site ⊃ out-of-contract');
    expect(result.net).toBeLessThan(result.gross);
    expect(result.gross - result.net).toBe(result.overlaps.reduce((sum, o) => sum + o.cents, 0));
  });
});

describe('the findings page counts each dollar once', () => {
  const record = (f: ClaimingFinding, period: string) => ({
    ...f,
    severity: 'warning' as const,
    subject: { carrierId: 'comcast', accountNumber: 'A1', period: period as IsoMonth },
    message: '',
    statusHistory: [],
    firstSeenAt: '2026-11-01T00:00:00.000Z',
    lastSeenAt: '2026-11-01T00:00:00.000Z',
  });
  const lookups = { carriers: [], services: [], sites: [], invoices: [] };
  const findings = [
    record(
      finding('closed', 'closed-site', 20_000, [
        [1, 10_000],
        [2, 10_000],
      ]),
      '2026-09',
    ),
    record(
      finding('expired', 'out-of-contract', 4_000, [
        [1, 2_000],
        [2, 2_000],
      ]),
      '2026-08',
    ),
  ];

  it('totals the rows by what each counts, and says what overlaps', () => {
    const rows = findingRows(findings, lookups, isoDate(2026, 11, 16));
    expect(rows.map((r) => [r.id, r.impact, r.counted])).toEqual([
      ['closed', 20_000, 20_000],
      ['expired', 4_000, 0],
    ]);
    expect(totalsOf(rows)).toMatchObject({ total: 20_000, gross: 24_000, open: 20_000 });
  });

  it('a line held by a credited finding is not at stake again in an open one', () => {
    const [closedRecord, expiredRecord] = findings;
    if (closedRecord === undefined || expiredRecord === undefined) throw new Error('two findings');
    const credited = [{ ...closedRecord, status: 'credited' as const }, expiredRecord];
    const rows = findingRows(credited, lookups, isoDate(2026, 11, 16));
    // Credited is recovered, no longer at stake (open or disputed, as the dashboard counts it);
    // credited with no dispute recorded, its money at stake is what it recovered.
    expect(totalsOf(rows)).toMatchObject({ open: 0, recovered: 20_000, total: 0 });
  });
});
