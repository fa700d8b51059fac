/**
 * out-of-contract judges a bill by the days of its period after the contract's end, not by the
 * period's first day alone: a quarterly bill that starts inside the term and runs past its end
 * still bills months out of contract.
 */
import { describe, expect, it } from 'vitest';
import { isoDate, type IsoDate } from '../../../shared/dates';
import { ALL_RULES } from '../../../shared/audit/rules';
import { runAudit } from '../../../shared/audit/run';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const only = ALL_RULES.filter((rule) => rule.id === 'out-of-contract');

// July–September 2026 (92 days), billed quarterly: three months at a $45.00 card rate.
const quarter = makeInvoice({
  month: '2026-09',
  invoiceNumber: 'Q3',
  periodStart: isoDate(2026, 7, 1),
  periodEnd: isoDate(2026, 9, 30),
});

function findingsFor(endDate: IsoDate, amount: number) {
  return runAudit(
    snapshotOf({
      bills: [billed(quarter, [line('recurring', amount)])],
      contracts: [makeContract({ endDate, status: 'expired' })],
      services: [makeService()],
    }),
    only,
  ).findings;
}

describe('out-of-contract on a bill that runs past the contract end', () => {
  it('finds the days after the end of a quarter that started inside the term', () => {
    // Ended 31 August: September's 30 of 92 days are out of contract.
    const [finding] = findingsFor(isoDate(2026, 8, 31), 150_00);
    expect(finding).toBeDefined();
    // $150.00 billed against 3 × $45.00 = $135.00: $15.00 over, 30/92 of it after the end.
    expect(finding?.impact).toBe(Math.round((150_00 * 30) / 92) - Math.round((135_00 * 30) / 92));
    expect(finding?.message).toContain('counted for its days after it');
  });

  it('still stands at the old rate, for the share billed after the end', () => {
    const [finding] = findingsFor(isoDate(2026, 8, 31), 135_00);
    expect(finding?.impact).toBe(0);
    expect(finding?.message).toContain(`billed $${((135_00 * 30) / 92 / 100).toFixed(2)}`);
  });

  it('finds nothing when the contract covers the whole period', () => {
    expect(findingsFor(isoDate(2026, 9, 30), 150_00)).toEqual([]);
  });

  it('leaves rate-mismatch the days inside the term, so the two never claim the same cents', () => {
    const both = ALL_RULES.filter((r) => r.id === 'out-of-contract' || r.id === 'rate-mismatch');
    const findings = runAudit(
      snapshotOf({
        bills: [billed(quarter, [line('recurring', 150_00)])],
        contracts: [makeContract({ endDate: isoDate(2026, 8, 31), status: 'expired' })],
        services: [makeService()],
      }),
      both,
    ).findings;
    const impact = (id: string) => findings.find((f) => f.ruleId === id)?.impact;
    const after = Math.round((150_00 * 30) / 92) - Math.round((135_00 * 30) / 92);
    expect(impact('out-of-contract')).toBe(after);
    expect(impact('rate-mismatch')).toBe(15_00 - after);
    expect(findings.find((f) => f.ruleId === 'rate-mismatch')?.message).toContain(
      'in its out-of-contract finding',
    );
  });

  it('counts the whole bill when its period starts after the end', () => {
    const [finding] = findingsFor(isoDate(2026, 6, 30), 150_00);
    expect(finding?.impact).toBe(15_00);
    expect(finding?.message).not.toContain('counted for its days');
  });
});
