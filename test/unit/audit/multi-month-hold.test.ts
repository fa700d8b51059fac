/**
 * A finding that lasts several months holds every invoice it covers from payment, not only the
 * first: the audit names them all, and the approval policy reads them all.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { billedAfterDisconnectRule } from '../../../shared/audit/rules/billed-after-disconnect';
import { rateMismatchRule } from '../../../shared/audit/rules/rate-mismatch';
import {
  DEFAULT_APPROVAL_POLICY,
  evaluateApprovals,
} from '../../../shared/billing/approval-policy';
import { isoDate } from '../../../shared/dates';
import type { Finding } from '../../../shared/model';
import type { AuditSnapshot } from '../../../shared/audit/snapshot';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'] as const;

/** August is clean (no expected amount to approve it by); September to November are held. */
const HELD_FROM_SEPTEMBER = {
  'N-2026-08': 'no-expected-amount',
  'N-2026-09': 'open-finding',
  'N-2026-10': 'open-finding',
  'N-2026-11': 'open-finding',
};

/** The policy's rule for each invoice number, after an audit of `snapshot` with `rules`. */
function approvalRules(snapshot: AuditSnapshot, rules: Parameters<typeof runAudit>[1]) {
  const findings: Pick<Finding, 'ruleId' | 'severity' | 'status' | 'subject'>[] = runAudit(
    snapshot,
    rules,
  ).findings.map((draft) => ({ ...draft, status: 'open' }));
  const evaluations = evaluateApprovals({
    invoices: snapshot.invoices,
    services: [],
    accounts: [],
    carriers: [{ id: 'lumen', name: 'Lumen' }],
    findings,
    settings: DEFAULT_APPROVAL_POLICY,
  });
  return Object.fromEntries(
    evaluations.map((e) => [
      snapshot.invoices.find((i) => i.id === e.invoiceId)?.invoiceNumber,
      e.rule,
    ]),
  );
}

describe('a finding over several invoices', () => {
  it('rate-mismatch on Sep, Oct and Nov holds all three invoices', () => {
    const snapshot = snapshotOf({
      bills: MONTHS.map((month) =>
        billed(makeInvoice({ month }), [line('recurring', month === '2026-08' ? 45_00 : 52_00)]),
      ),
      today: isoDate(2026, 12, 5),
    });
    const [finding] = runAudit(snapshot, [rateMismatchRule]).findings;
    expect(finding?.subject.invoiceNumbers).toEqual(['N-2026-09', 'N-2026-10', 'N-2026-11']);
    expect(approvalRules(snapshot, [rateMismatchRule])).toEqual(HELD_FROM_SEPTEMBER);
  });

  it('billed-after-disconnect holds every invoice billed after the disconnect', () => {
    const snapshot = snapshotOf({
      bills: MONTHS.map((month) => billed(makeInvoice({ month }), [line('recurring', 45_00)])),
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 8, 31) })],
      today: isoDate(2026, 12, 5),
    });
    expect(approvalRules(snapshot, [billedAfterDisconnectRule])).toEqual(HELD_FROM_SEPTEMBER);
  });

  it('a finding on one invoice names only that invoice', () => {
    const snapshot = snapshotOf({
      bills: [billed(makeInvoice({ month: '2026-09' }), [line('recurring', 52_00)])],
      today: isoDate(2026, 12, 5),
    });
    const [finding] = runAudit(snapshot, [rateMismatchRule]).findings;
    expect(finding?.subject.invoiceNumber).toBe('N-2026-09');
    expect(finding?.subject.invoiceNumbers).toBeUndefined();
  });
});
