/**
 * An earlier month of the same problem imported later moves a finding's first month back, and
 * with it its id. The stored finding carries on under its id, status and history: a dismissed
 * finding's money never comes back as a new open finding, nor when its first month's bill is
 * deleted. Findings that stand one per month (a missing invoice per cycle) and a problem starting
 * after the stored one's bills are still new findings.
 */
import { describe, expect, it } from 'vitest';
import { mergeFindings, runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { FindingDraft } from '../../../shared/audit/rule';
import { isoMonth } from '../../../shared/dates';
import type { Finding } from '../../../shared/model';
import { cents, ZERO_CENTS } from '../../../shared/money/cents';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const T1 = '2026-07-01T10:00:00.000Z';
const T2 = '2026-07-02T10:00:00.000Z';
const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');

/** The line billed $50 against its $45 rate in each of `months`, $45 in the others. */
function run(months: string[], over: string[] = months): FindingDraft[] {
  const bills = months.map((month) =>
    billed(makeInvoice({ month }), [line('recurring', over.includes(month) ? 50_00 : 45_00)]),
  );
  return runAudit(snapshotOf({ bills }), rules).findings;
}

function dismissAll(findings: Finding[]): Finding[] {
  return findings.map((finding) => ({
    ...finding,
    status: 'dismissed' as const,
    statusHistory: [
      ...finding.statusHistory,
      { status: 'dismissed' as const, at: T1, note: 'Agreed price' },
    ],
  }));
}

describe('a finding whose first month moves back carries on', () => {
  const dismissed = dismissAll(mergeFindings([], run(['2026-05', '2026-06']), T1).findings);
  const mayId = 'rate-mismatch|lumen|A-1|+15550100001|2026-05';

  it('April imported after May and June were dismissed: no new open finding', () => {
    expect(dismissed.map((f) => f.id)).toEqual([mayId]);
    const again = mergeFindings(dismissed, run(['2026-04', '2026-05', '2026-06']), T2);
    expect(again.added).toBe(0);
    expect(again.findings).toHaveLength(1);
    expect(again.findings[0]).toMatchObject({
      id: mayId,
      status: 'dismissed',
      impact: cents(15_00),
      subject: { period: '2026-04', invoiceNumbers: ['N-2026-04', 'N-2026-05', 'N-2026-06'] },
      firstSeenAt: T1,
    });
    // Never silently: the decided finding's history says it was found again with other money.
    expect(again.findings[0]?.statusHistory.at(-1)?.note).toContain(
      'Found again at $15.00 (was $10.00)',
    );
    expect(again.continued).toEqual(
      new Map([['rate-mismatch|lumen|A-1|+15550100001|2026-04', mayId]]),
    );
    // The next run finds it under the same id again.
    const next = mergeFindings(again.findings, run(['2026-04', '2026-05', '2026-06']), T2);
    expect(next.added).toBe(0);
    expect(next.findings.map((f) => [f.id, f.status])).toEqual([[mayId, 'dismissed']]);
  });

  it('its first month’s bill deleted: the rest of the dismissed money stays dismissed', () => {
    const again = mergeFindings(dismissed, run(['2026-06']), T2);
    expect(again.added).toBe(0);
    expect(again.findings.map((f) => [f.id, f.status, f.impact])).toEqual([
      [mayId, 'dismissed', 5_00],
    ]);
  });

  it('a problem starting after the stored one is a new finding', () => {
    const later = mergeFindings(
      dismissed,
      run(['2026-05', '2026-06', '2026-07', '2026-08'], ['2026-08']),
      T2,
    );
    expect(later.added).toBe(1);
    expect(later.findings.map((f) => [f.id, f.status])).toEqual([
      [mayId, 'dismissed'],
      ['rate-mismatch|lumen|A-1|+15550100001|2026-08', 'open'],
    ]);
  });

  it('a missing invoice of an earlier cycle is not the later cycle’s dismissed finding', () => {
    const missing = (month: number): FindingDraft => ({
      id: `missing-invoice|lumen|A-1||2026-0${month}`,
      ruleId: 'missing-invoice',
      severity: 'warning',
      subject: { carrierId: 'lumen', accountNumber: 'A-1', period: isoMonth(2026, month) },
      impact: ZERO_CENTS,
      message: `No invoice for 2026-0${month}.`,
    });
    const june = dismissAll(mergeFindings([], [missing(6)], T1).findings);
    const april = mergeFindings(june, [missing(4)], T2);
    expect(april.added).toBe(1);
    expect(april.findings.map((f) => [f.id, f.status])).toEqual([
      ['missing-invoice|lumen|A-1||2026-06', 'dismissed'],
      ['missing-invoice|lumen|A-1||2026-04', 'open'],
    ]);
  });
});
