/**
 * A bill re-sent under a new number (same account, period and total) is duplicate-invoice's
 * finding; no other rule counts its dollars a second time.
 */
import { describe, expect, it } from 'vitest';
import { countOnce } from '../../../shared/audit/claims';
import { copiesBilled, openCopyFindings } from '../../../shared/audit/invoice-copies';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const MONTHS = ['2026-03', '2026-04', '2026-05'] as const;
/** The rules that count money per bill (the inventory gaps of the bare snapshot left out). */
const CHECKED = [
  'duplicate-invoice',
  'rate-mismatch',
  'late-fee',
  'third-party',
  'spike',
  'tax-drift',
  'duplicate-charge',
  'period-overlap',
];

/** Three monthly bills with `lines`; April's is re-sent on the 10th as `N-RESENT`. */
function withResentApril(lines: readonly PackableLine[]) {
  const bills = MONTHS.map((month) => billed(makeInvoice({ month }), lines));
  const resent = billed(
    makeInvoice({ month: '2026-04', invoiceNumber: 'N-RESENT', invoiceDate: isoDate(2026, 4, 10) }),
    lines,
  );
  return snapshotOf({ bills: [...bills, resent], today: isoDate(2026, 5, 20) });
}

function impactsOf(snapshot: ReturnType<typeof withResentApril>) {
  const { findings } = runAudit(
    snapshot,
    ALL_RULES.filter((rule) => CHECKED.includes(rule.id)),
  );
  return {
    byRule: Object.fromEntries(findings.map((f) => [f.ruleId, f.impact])),
    invoicesOf: (ruleId: string) =>
      findings
        .filter((f) => f.ruleId === ruleId)
        .map((f) => f.subject.invoiceNumbers ?? [f.subject.invoiceNumber]),
    net: countOnce(findings.map((f) => ({ ...f, status: 'open' as const }))).net,
  };
}

describe('a re-sent bill counts its dollars once', () => {
  it('rate-mismatch: $5 over on 3 invoices, not 4; the copy is duplicate-invoice alone', () => {
    const result = impactsOf(withResentApril([line('recurring', 50_00)]));
    expect(result.byRule).toEqual({ 'duplicate-invoice': 50_00, 'rate-mismatch': 15_00 });
    expect(result.invoicesOf('rate-mismatch')).toEqual([['N-2026-03', 'N-2026-04', 'N-2026-05']]);
    expect(result.net).toBe(65_00);
  });

  it('late-fee and third-party: the copy’s fee and premium charge are not found again', () => {
    const result = impactsOf(
      withResentApril([
        line('recurring', 45_00),
        line('late-fee', 10_00, { serviceIdRaw: '', description: 'Late payment charge' }),
        line('third-party', 9_99, { description: 'Premium SMS' }),
      ]),
    );
    expect(result.invoicesOf('late-fee')).toEqual([['N-2026-03'], ['N-2026-04'], ['N-2026-05']]);
    expect(result.invoicesOf('third-party')).toEqual([['N-2026-03', 'N-2026-04', 'N-2026-05']]);
    expect(result.byRule['third-party']).toBe(3 * 9_99);
  });
});

/** April's bill netting a credit (the plan, less a larger outage credit: -$194.91), re-sent. */
function resentCredit() {
  const snapshot = withResentApril([
    line('recurring', 55_09),
    line('credit', -250_00, { description: 'Outage credit' }),
  ]);
  const { findings } = runAudit(
    snapshot,
    ALL_RULES.filter((rule) => rule.id === 'duplicate-invoice'),
  );
  return { snapshot, findings: findings.map((f) => ({ ...f, status: 'open' as const })) };
}

describe('a re-sent credit bill', () => {
  it('claims nothing at stake, says the credit would be counted twice, and stays an error', () => {
    const { findings } = resentCredit();
    expect(
      findings.map((f) => ({
        severity: f.severity,
        invoice: f.subject.invoiceNumber,
        impact: f.impact,
        message: f.message,
      })),
    ).toEqual([
      {
        severity: 'error',
        invoice: 'N-RESENT',
        impact: 0,
        message:
          'Invoice N-RESENT (-$194.91, a credit) repeats invoice N-2026-04: same account, period 2026-04-01 to 2026-04-30, total and charges. Nothing more is payable, but counting both would count the credit twice.',
      },
    ]);
    expect(countOnce(findings).gross).toBe(0);
  });

  it('the Chargeback page says the copy at its billed amount, not the finding’s $0.00', () => {
    const { snapshot, findings } = resentCredit();
    // As stored: each bill's lines total (the helpers leave it at zero).
    const april = snapshot.invoices
      .filter((invoice) => invoice.invoiceDate.startsWith('2026-04'))
      .map((invoice) => ({ ...invoice, linesTotal: cents(-194_91) }));
    const copies = openCopyFindings(findings, april);
    expect(copies.map((f) => f.subject.invoiceNumber)).toEqual(['N-RESENT']);
    expect(copiesBilled(copies, april)).toBe(-194_91);
  });
});
