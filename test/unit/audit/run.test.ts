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

  it('re-running never duplicates; it refreshes message, impact and last seen, keeping the status', () => {
    const previous = withStatus(firstRun.findings, rateId, 'disputed');
    const again = mergeFindings(previous, runAudit(overbilled(95_00)).findings, T2);
    expect(again.added).toBe(0);
    expect(again.findings).toHaveLength(previous.length);
    expect(again.findings.find((f) => f.id === rateId)).toMatchObject({
      status: 'disputed',
      impact: cents(50_00),
      firstSeenAt: T1,
      lastSeenAt: T2,
      message: expect.stringContaining('$50.00 over'),
    });
    // Never silently: the history says the decided finding was found again with other money.
    const history = again.findings.find((f) => f.id === rateId)?.statusHistory ?? [];
    expect(history.at(-1)).toEqual({
      status: 'disputed',
      at: T2,
      note: expect.stringMatching(
        /^Found again at \$50\.00 \(was \$40\.00\) on invoice N-2026-05; still disputed as you left it: check whether the change belongs to your decision\.$/,
      ),
    });
    // Found again with the same money: nothing more to say.
    const same = mergeFindings(again.findings, runAudit(overbilled(95_00)).findings, T2);
    expect(same.findings.find((f) => f.id === rateId)?.statusHistory).toHaveLength(history.length);
    // An open finding's new figure needs no word: the status is the audit's.
    const open = mergeFindings(firstRun.findings, runAudit(overbilled(95_00)).findings, T2);
    expect(open.findings.find((f) => f.id === rateId)?.statusHistory).toEqual(
      firstRun.findings.find((f) => f.id === rateId)?.statusHistory,
    );
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
