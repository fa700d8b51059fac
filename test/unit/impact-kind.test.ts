import { describe, expect, it } from 'vitest';
import { impactKindOf, type FindingStatus } from '../../shared/model';
import { cents } from '../../shared/money/cents';
import { countOnce } from '../../shared/audit/claims';
import type { FindingRow } from '../../renderer/features/findings/rows';
import { totalsOf } from '../../renderer/features/findings/totals';

describe('money at risk is kept apart from money at stake', () => {
  it.each([
    ['unknown-service', 'at-risk'],
    ['rate-mismatch', 'at-stake'],
    ['out-of-contract', 'at-stake'],
    ['late-fee', 'at-stake'],
    ['spike', 'at-stake'],
    ['missing-cost-center', 'unallocated'],
  ])('%s → %s', (ruleId, kind) => {
    expect(impactKindOf(ruleId)).toBe(kind);
  });

  const row = (ruleId: string, status: FindingStatus, impact: number) =>
    ({
      ruleId,
      status,
      impact: cents(impact),
      counted: cents(impactKindOf(ruleId) === 'at-stake' ? impact : 0),
      // Marked disputed with no dispute recorded: its claim is its money at stake.
      claimed: cents(status === 'disputed' && impactKindOf(ruleId) === 'at-stake' ? impact : 0),
      drafted: cents(0),
      recovered: cents(0),
    }) as FindingRow;

  it.each([
    {
      name: 'only money at stake',
      rows: [row('rate-mismatch', 'open', 40_00), row('late-fee', 'disputed', 5_00)],
      total: 45_00,
      open: 40_00,
      atRisk: 0,
    },
    {
      name: 'an unknown service is at risk, not at stake',
      rows: [row('rate-mismatch', 'open', 40_00), row('unknown-service', 'open', 30_00)],
      total: 40_00,
      open: 40_00,
      atRisk: 30_00,
    },
    {
      name: 'a service with no cost center is an allocation gap, not money at stake',
      rows: [row('rate-mismatch', 'open', 40_00), row('missing-cost-center', 'open', 282_00)],
      total: 40_00,
      open: 40_00,
      atRisk: 0,
    },
    {
      name: 'a dismissed unknown service is neither',
      rows: [row('unknown-service', 'dismissed', 30_00)],
      total: 0,
      open: 0,
      atRisk: 0,
    },
  ])('findings page totals: $name', ({ rows, total, open, atRisk }) => {
    // `gross` too: the page says "the findings shown state $gross, of which … claimed twice".
    expect(totalsOf(rows)).toMatchObject({ count: rows.length, total, gross: total, open, atRisk });
  });

  it('the headline (each dollar once) leaves an unallocated amount out', () => {
    const finding = (id: string, ruleId: string, impact: number) => ({
      id,
      ruleId,
      impact: cents(impact),
      status: 'open' as const,
    });
    const once = countOnce([
      finding('a', 'rate-mismatch', 15_00),
      finding('b', 'missing-cost-center', 282_00),
    ]);
    expect(once.net).toBe(15_00);
    expect(once.gross).toBe(15_00);
  });
});
