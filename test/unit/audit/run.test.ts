import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/model';
import {
  mergeFindings,
  RESOLVED_BY_AUDIT_NOTE,
  REOPENED_BY_AUDIT_NOTE,
  runAudit,
} from '../../../shared/audit/run';
import { DEFAULT_AUDIT_SETTINGS } from '../../../shared/audit/settings';
import { ALL_RULES } from '../../../shared/audit/rules';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const T1 = '2026-06-01T10:00:00.000Z';
const T2 = '2026-06-02T10:00:00.000Z';

function overbilled(amount: number) {
  return snapshotOf({
    bills: [billed(makeInvoice(), [line('recurring', amount), line('late-fee', 5_00)])],
  });
}

describe('runAudit', () => {
  it('gives the same ids for the same input, and a summary per rule', () => {
    const first = runAudit(overbilled(85_00));
    const second = runAudit(overbilled(85_00));
    expect(second.findings).toEqual(first.findings);
    expect(first.findings.map((f) => f.id)).toContain(
      'rate-mismatch|lumen|A-1|+15550100001|2026-05',
    );
    expect(first.byRule['rate-mismatch']).toMatchObject({ count: 1, impact: 40_00 });
    expect(first.byRule['late-fee']).toMatchObject({ count: 1, impact: 5_00 });
    expect(Object.keys(first.byRule)).toEqual(ALL_RULES.map((rule) => rule.id));
  });

  it('reads changed thresholds from the settings, defaults for the rest', () => {
    const snapshot = {
      ...overbilled(85_00),
      settings: { ...DEFAULT_AUDIT_SETTINGS, 'rate-mismatch': { toleranceCents: 50_00 } },
    };
    expect(runAudit(snapshot).byRule['rate-mismatch']?.count).toBe(0);
    expect(DEFAULT_AUDIT_SETTINGS['spike']).toEqual({
      percent: 10,
      minimumCents: 5_000,
      trailingInvoices: 6,
    });
  });
});

describe('mergeFindings', () => {
  const firstRun = mergeFindings([], runAudit(overbilled(85_00)).findings, T1);
  const rateId = 'rate-mismatch|lumen|A-1|+15550100001|2026-05';
  const lateId = 'late-fee|lumen|A-1|N-2026-05|2026-05';
  const withStatus = (findings: Finding[], id: string, status: Finding['status']) =>
    findings.map((finding) =>
      finding.id === id
        ? {
            ...finding,
            status,
            statusHistory: [...finding.statusHistory, { status, at: T1, note: 'by user' }],
          }
        : finding,
    );

  it('adds new findings as open', () => {
    expect(firstRun.added).toBe(firstRun.findings.length);
    expect(firstRun.findings.find((f) => f.id === rateId)).toMatchObject({
      status: 'open',
      firstSeenAt: T1,
      lastSeenAt: T1,
      statusHistory: [{ status: 'open', at: T1 }],
    });
  });

  it('re-running never duplicates; it refreshes message, impact and last seen of an open finding', () => {
    const again = mergeFindings(firstRun.findings, runAudit(overbilled(95_00)).findings, T2);
    expect(again.added).toBe(0);
    expect(again.findings).toHaveLength(firstRun.findings.length);
    expect(again.findings.find((f) => f.id === rateId)).toMatchObject({
      status: 'open',
      impact: cents(50_00),
      firstSeenAt: T1,
      lastSeenAt: T2,
      message: expect.stringContaining('$50.00 over'),
    });
  });

  it('never stretches a decision over money found since: the new money is open on its own', () => {
    const previous = withStatus(firstRun.findings, rateId, 'disputed');
    const again = mergeFindings(previous, runAudit(overbilled(95_00)).findings, T2);
    expect(again.added).toBe(1);
    const disputed = again.findings.find((f) => f.id === rateId);
    expect(disputed).toMatchObject({ status: 'disputed', impact: cents(40_00), lastSeenAt: T2 });
    expect(disputed?.message).toContain('$40.00 over');
    expect(disputed?.statusHistory.at(-1)).toEqual({
      status: 'disputed',
      at: T2,
      note: '$10.00 more found on invoice N-2026-05: not part of this disputed $40.00; it is open on its own',
    });
    const more = again.findings.find((f) => f.id === `${rateId}|more-2`);
    expect(more).toMatchObject({ status: 'open', impact: cents(10_00), firstSeenAt: T2 });
    expect(more?.message).toContain('$10.00 found since the rest was decided on ($40.00 disputed');
    // Found again at the same money: nothing more opens, the new part is refreshed.
    const third = mergeFindings(again.findings, runAudit(overbilled(95_00)).findings, T2);
    expect(third.added).toBe(0);
    expect(third.findings).toHaveLength(again.findings.length);
    expect(third.findings.find((f) => f.id === `${rateId}|more-2`)?.impact).toBe(10_00);
    // The dispute denied, the first part is open again and carries the whole; the second resolves.
    const denied = withStatus(again.findings, rateId, 'open');
    const fourth = mergeFindings(denied, runAudit(overbilled(95_00)).findings, T2);
    const reopened = fourth.findings.find((f) => f.id === rateId);
    expect(reopened).toMatchObject({ status: 'open', impact: cents(50_00) });
    expect(reopened?.message).toContain('$50.00 over');
    expect(reopened?.message).not.toContain('found since');
    expect(fourth.findings.find((f) => f.id === `${rateId}|more-2`)?.status).toBe('resolved');
  });

  it('says in the history when a decided finding is found at less, keeping its status', () => {
    const previous = withStatus(firstRun.findings, rateId, 'disputed');
    const again = mergeFindings(previous, runAudit(overbilled(75_00)).findings, T2);
    expect(again.added).toBe(0);
    const disputed = again.findings.find((f) => f.id === rateId);
    expect(disputed).toMatchObject({ status: 'disputed', impact: cents(30_00) });
    expect(disputed?.statusHistory.at(-1)).toEqual({
      status: 'disputed',
      at: T2,
      note: 'Now $30.00 (was $40.00): the checks find $10.00 less (a credit on a bill, or a bill removed)',
    });
  });

  it('a dismissed finding stays dismissed', () => {
    const previous = withStatus(firstRun.findings, lateId, 'dismissed');
    const again = mergeFindings(previous, runAudit(overbilled(85_00)).findings, T2);
    expect(again.findings.find((f) => f.id === lateId)?.status).toBe('dismissed');
  });

  it('resolves open findings no longer found, keeps disputed ones, and reopens on return', () => {
    const previous = withStatus(firstRun.findings, lateId, 'disputed');
    const fixed = mergeFindings(
      previous,
      runAudit(snapshotOf({ bills: [billed(makeInvoice(), [line('recurring', 45_00)])] })).findings,
      T2,
    );
    expect(fixed.resolvedByAudit).toBe(1);
    const rate = fixed.findings.find((f) => f.id === rateId);
    expect(rate?.status).toBe('resolved');
    expect(rate?.statusHistory.at(-1)).toEqual({
      status: 'resolved',
      at: T2,
      note: RESOLVED_BY_AUDIT_NOTE,
    });
    expect(fixed.findings.find((f) => f.id === lateId)?.status).toBe('disputed');

    const back = mergeFindings(fixed.findings, runAudit(overbilled(85_00)).findings, T2);
    expect(back.findings.find((f) => f.id === rateId)?.statusHistory.at(-1)).toEqual({
      status: 'open',
      at: T2,
      note: REOPENED_BY_AUDIT_NOTE,
    });
  });
});
