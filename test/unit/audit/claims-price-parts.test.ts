/**
 * Money at stake takes each charge line once, but the parts above a rate that rate-mismatch and
 * out-of-contract claim of one line are different cents (the days inside the contract's term, the
 * days after its end), so both count. Findings that claim the same cents of a line (a charge billed
 * twice after its disconnect, a closed store's charge above an old rate) still count it once.
 */
import { describe, expect, it } from 'vitest';
import {
  claimParts,
  countOnce,
  heldClaims,
  type ClaimingFinding,
} from '../../../shared/audit/claims';
import { ALL_RULES } from '../../../shared/audit/rules';
import { runAudit } from '../../../shared/audit/run';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

/** A finding claiming `claim` cents of row 0 of invoice inv-1, and `impact` in all. */
function onLine(id: string, ruleId: string, claim: number, impact = claim): ClaimingFinding {
  return {
    id,
    ruleId,
    impact: cents(impact),
    status: 'open',
    evidence: { claims: { invoiceIds: ['inv-1'], lines: [0, 0, 0, claim] } },
  };
}

describe('a bill running past the contract end, billed above the rate', () => {
  // $900 billed for June against an $800 rate; the contract ends 14 June, so 14 of June's 30 days
  // are in its term (rate-mismatch's $46.67) and 16 after it (out-of-contract's $53.33).
  const snapshot = snapshotOf({
    bills: [billed(makeInvoice({ month: '2026-06' }), [line('recurring', 900_00)])],
    contracts: [
      makeContract({
        endDate: isoDate(2026, 6, 14),
        rateCard: [{ planOrServiceType: 'Business Unlimited', monthlyRateCents: cents(800_00) }],
      }),
    ],
    services: [makeService()],
    today: isoDate(2026, 6, 20),
  });
  const rules = ALL_RULES.filter((r) => r.id === 'rate-mismatch' || r.id === 'out-of-contract');
  const findings = runAudit(snapshot, rules).findings.map((f) => ({
    ...f,
    status: 'open' as const,
  }));

  it('counts both parts of the line: $100.00 at stake, not the larger part alone', () => {
    expect(findings.map((f) => [f.ruleId, f.impact]).sort()).toEqual([
      ['out-of-contract', 53_33],
      ['rate-mismatch', 46_67],
    ]);
    const once = countOnce(findings);
    expect(once.gross).toBe(100_00);
    expect(once.net).toBe(100_00);
    expect(once.overlaps).toEqual([]);
    for (const finding of findings) expect(once.counted.get(finding.id)).toBe(finding.impact);
  });

  it('gives each finding its own part of the line for its dispute letter', () => {
    const once = countOnce(findings);
    for (const finding of findings) {
      expect(heldClaims(once, finding).map((held) => held.claim)).toEqual([finding.impact]);
      expect(claimParts(once, finding)).toMatchObject({ notOnLines: 0, exact: true });
    }
  });
});

describe('claims on one line', () => {
  const inTerm = onLine('a-rate', 'rate-mismatch', 46_67);
  const afterEnd = onLine('b-expired', 'out-of-contract', 53_33);

  it('adds the parts above a rate up, whatever the order of the findings', () => {
    expect(countOnce([inTerm, afterEnd]).net).toBe(100_00);
    expect(countOnce([afterEnd, inTerm]).counted).toEqual(countOnce([inTerm, afterEnd]).counted);
  });

  it('a closed store claiming the whole line holds it: the parts above the rate are in it', () => {
    const closed = onLine('c-closed', 'closed-site', 900_00);
    const once = countOnce([inTerm, afterEnd, closed]);
    expect(once.net).toBe(900_00);
    expect(once.counted.get('c-closed')).toBe(900_00);
    expect(once.overlaps).toEqual([
      { keptBy: 'closed-site', alsoClaimedBy: 'out-of-contract', lines: 1, cents: 53_33 },
      { keptBy: 'closed-site', alsoClaimedBy: 'rate-mismatch', lines: 1, cents: 46_67 },
    ]);
    expect(once.holders.get('inv-1|0|0')).toEqual(['c-closed']);
  });

  it('a charge billed twice after its disconnect counts once: the two claim the same cents', () => {
    const copy = onLine('d-copy', 'duplicate-charge', 900_00);
    const disconnected = onLine('e-disconnected', 'billed-after-disconnect', 900_00);
    const once = countOnce([copy, disconnected]);
    expect(once.net).toBe(900_00);
    expect(once.gross).toBe(1800_00);
  });

  it('days billed twice take the line by the larger of their claim and the parts above the rate', () => {
    // period-overlap's days hold the part above the rate billed on them too: never added to it.
    const overlap = onLine('f-overlap', 'period-overlap', 60_00);
    expect(countOnce([inTerm, afterEnd, overlap]).net).toBe(100_00);
    const longer = onLine('f-overlap', 'period-overlap', 450_00);
    const once = countOnce([inTerm, afterEnd, longer]);
    expect(once.net).toBe(450_00);
    expect(once.holders.get('inv-1|0|0')).toEqual(['f-overlap']);
  });

  it('a part given up still counts its money on other lines', () => {
    const closed = onLine('c-closed', 'closed-site', 900_00);
    const wider = onLine('b-expired', 'out-of-contract', 53_33, 80_00);
    expect(countOnce([inTerm, wider, closed]).counted.get('b-expired')).toBe(26_67);
  });
});
