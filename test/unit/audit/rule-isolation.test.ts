import { describe, expect, it } from 'vitest';
import type { AuditRule } from '../../../shared/audit/rule';
import { ruleFailureNotice, MAX_REASON_LENGTH } from '../../../shared/audit/rule-failure';
import { ALL_RULES } from '../../../shared/audit/rules';
import {
  MISSING_INVOICE_LOOKBACK_MONTHS,
  missingInvoiceRule,
  monthsToCheck,
} from '../../../shared/audit/rules/missing-invoice';
import { mergeFindings, RESOLVED_BY_AUDIT_NOTE, runAudit } from '../../../shared/audit/run';
import { buildContext } from '../../../shared/audit/context';
import { isoDate, type IsoMonth } from '../../../shared/dates';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const T1 = '2026-06-01T10:00:00.000Z';
const T2 = '2026-06-02T10:00:00.000Z';
const rateId = 'rate-mismatch|lumen|A-1|+15550100001|2026-05';

function overbilled() {
  return snapshotOf({
    bills: [billed(makeInvoice(), [line('recurring', 85_00), line('late-fee', 5_00)])],
  });
}

/** A copy of a real rule whose check throws, as a bug in that rule would. */
function broken(
  rule: AuditRule,
  message = 'isoMonth() got an impossible month 10000-1.',
): AuditRule {
  return {
    ...rule,
    check() {
      throw new RangeError(message);
    },
  };
}

function withRule(id: string, replacement: AuditRule): AuditRule[] {
  return ALL_RULES.map((rule) => (rule.id === id ? replacement : rule));
}

const lateFeeRule = ALL_RULES.find((rule) => rule.id === 'late-fee');
if (lateFeeRule === undefined) throw new Error('late-fee rule missing');

describe('runAudit runs each rule isolated', () => {
  it('a rule that throws is reported as not run, and the other rules still find theirs', () => {
    const result = runAudit(overbilled(), withRule('late-fee', broken(lateFeeRule)));
    expect(result.failedRules).toEqual([
      {
        ruleId: 'late-fee',
        ruleTitle: lateFeeRule.title,
        reason: 'isoMonth() got an impossible month 10000-1.',
      },
    ]);
    expect(result.findings.map((finding) => finding.id)).toContain(rateId);
    expect(result.findings.some((finding) => finding.ruleId === 'late-fee')).toBe(false);
    expect(result.byRule['late-fee']).toBeUndefined();
    expect(result.byRule['rate-mismatch']).toMatchObject({ count: 1, impact: 40_00 });
  });

  it('every check runs when none throws', () => {
    expect(runAudit(overbilled()).failedRules).toEqual([]);
  });

  it('a rule that reports one finding twice is not run, the others are kept', () => {
    const twice: AuditRule = {
      ...lateFeeRule,
      check(context) {
        const drafts = lateFeeRule.check(context);
        return [...drafts, ...drafts];
      },
    };
    const result = runAudit(overbilled(), withRule('late-fee', twice));
    expect(result.failedRules.map((failure) => failure.ruleId)).toEqual(['late-fee']);
    expect(result.failedRules[0]?.reason).toContain('twice');
    expect(result.findings.some((finding) => finding.ruleId === 'late-fee')).toBe(false);
    expect(result.findings.map((finding) => finding.id)).toContain(rateId);
  });

  it('keeps the reason to its first line, and short', () => {
    const long = `${'x'.repeat(500)}\n    at stack frame`;
    const result = runAudit(overbilled(), withRule('late-fee', broken(lateFeeRule, long)));
    const reason = result.failedRules[0]?.reason ?? '';
    expect(reason.length).toBe(MAX_REASON_LENGTH);
    expect(reason).not.toContain('stack');
  });
});

describe('mergeFindings with a rule that did not run', () => {
  const lateId = 'late-fee|lumen|A-1|N-2026-05|2026-05';
  const stored = mergeFindings([], runAudit(overbilled()).findings, T1).findings;

  it('leaves the failed rule’s open findings open, and resolves the others no longer found', () => {
    const fixedRates = snapshotOf({
      bills: [billed(makeInvoice(), [line('recurring', 45_00), line('late-fee', 5_00)])],
    });
    const run = runAudit(fixedRates, withRule('late-fee', broken(lateFeeRule)));
    const notRun = new Set(run.failedRules.map((failure) => failure.ruleId));
    const merged = mergeFindings(stored, run.findings, T2, notRun);
    const late = merged.findings.find((finding) => finding.id === lateId);
    expect(late).toEqual(stored.find((finding) => finding.id === lateId));
    expect(late?.status).toBe('open');
    expect(merged.findings.find((finding) => finding.id === rateId)?.statusHistory.at(-1)).toEqual({
      status: 'resolved',
      at: T2,
      note: RESOLVED_BY_AUDIT_NOTE,
    });
    expect(merged.resolvedByAudit).toBe(1);
  });

  it('without the failure, the same run would have resolved it (the case above is not vacuous)', () => {
    const run = runAudit(overbilled(), withRule('late-fee', broken(lateFeeRule)));
    const merged = mergeFindings(stored, run.findings, T2);
    expect(merged.findings.find((finding) => finding.id === lateId)?.status).toBe('resolved');
  });
});

describe('ruleFailureNotice', () => {
  it('says which check did not run, why, and that the others ran', () => {
    expect(
      ruleFailureNotice([
        { ruleId: 'missing-invoice', ruleTitle: 'Invoice missing', reason: 'Bad month 10000-1.' },
      ]),
    ).toBe(
      '1 check could not run: Invoice missing — Bad month 10000-1. Its earlier findings are kept as they were. The other checks ran.',
    );
    expect(
      ruleFailureNotice([
        { ruleId: 'a', ruleTitle: 'A', reason: 'one' },
        { ruleId: 'b', ruleTitle: 'B', reason: 'two' },
      ]),
    ).toBe(
      '2 checks could not run: A — one; B — two. Their earlier findings are kept as they were. The other checks ran.',
    );
    expect(ruleFailureNotice([])).toBe('');
  });
});

describe('missing-invoice with out-of-range dates', () => {
  const today = isoDate(2026, 6, 5);

  it('an invoice dated 9999-12-31 neither throws nor stops the run', () => {
    const snapshot = snapshotOf({
      bills: [
        billed(makeInvoice({ month: '2026-04' }), [line('recurring', 45_00)]),
        billed(makeInvoice({ month: '9999-12', invoiceDate: isoDate(9999, 12, 31) }), [
          line('recurring', 45_00),
        ]),
      ],
      today,
    });
    expect(() => missingInvoiceRule.check(snapshotContext(snapshot))).not.toThrow();
    const result = runAudit(snapshot);
    expect(result.failedRules).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'missing-invoice').map((f) => f.id)).toEqual([
      'missing-invoice|lumen|A-1||2026-05',
    ]);
  });

  it('an account whose only invoice is dated 9999-12-31 has no month to walk', () => {
    const snapshot = snapshotOf({
      bills: [
        billed(makeInvoice({ month: '9999-12', invoiceDate: isoDate(9999, 12, 31) }), [
          line('recurring', 45_00),
        ]),
      ],
      today,
    });
    expect(runAudit(snapshot).failedRules).toEqual([]);
  });

  it('an invoice dated 1900-01-01 reports at most the look-back window, not 1,522 months', () => {
    const snapshot = snapshotOf({
      bills: [billed(makeInvoice({ month: '1900-01' }), [line('recurring', 45_00)])],
      today,
    });
    const found = runAudit(snapshot).findings.filter((f) => f.ruleId === 'missing-invoice');
    expect(found.length).toBeLessThanOrEqual(MISSING_INVOICE_LOOKBACK_MONTHS + 1);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.subject.period).toBe('2024-06');
  });

  it.each([
    [
      'the month after the first invoice when it is recent',
      '2026-02',
      ['2026-03', '2026-04', '2026-05', '2026-06'],
    ],
    ['nothing when the first invoice is this month', '2026-06', []],
    ['nothing when the first invoice is in the future', '9999-12', []],
  ])('monthsToCheck: %s', (_label, first, expected) => {
    expect(monthsToCheck(first as IsoMonth, '2026-06' as IsoMonth, today)).toEqual(expected);
  });

  it('monthsToCheck starts the window 24 months before today', () => {
    const months = monthsToCheck('1900-01' as IsoMonth, '2026-06' as IsoMonth, today);
    expect(months[0]).toBe('2024-06');
    expect(months.at(-1)).toBe('2026-06');
  });
});

function snapshotContext(snapshot: ReturnType<typeof snapshotOf>) {
  return buildContext(snapshot);
}
