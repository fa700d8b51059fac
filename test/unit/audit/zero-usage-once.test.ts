/**
 * zero-usage and the rules billing the same line: a disconnected line is billed-after-disconnect's
 * finding alone, and an idle line's recurring charge is counted once in money at stake.
 */
import { describe, expect, it } from 'vitest';
import { countOnce } from '../../../shared/audit/claims';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import { billed, line, makeInvoice, makeService, makeUsage, snapshotOf } from './helpers';

const MONTHS = ['2026-03', '2026-04', '2026-05'] as const;
const IDLE = MONTHS.map((month) => makeUsage(month, 0, { invoiceId: `inv-${month}` }));
const rules = (...ids: string[]) => ALL_RULES.filter((rule) => ids.includes(rule.id));

describe('zero-usage beside other findings on the same line', () => {
  it('a disconnected line still billed is billed-after-disconnect only', () => {
    const snapshot = snapshotOf({
      bills: MONTHS.map((month) => billed(makeInvoice({ month }), [line('recurring', 40_00)])),
      services: [makeService({ status: 'disconnected', disconnectedOn: isoDate(2026, 2, 28) })],
      usage: IDLE,
    });
    const { findings } = runAudit(snapshot, rules('zero-usage', 'billed-after-disconnect'));
    expect(findings.map((f) => [f.ruleId, f.impact])).toEqual([
      ['billed-after-disconnect', 120_00],
    ]);
  });

  it('an idle line billed above its rate counts its $60 line once, not $60 + $15', () => {
    const snapshot = snapshotOf({
      bills: MONTHS.map((month) =>
        billed(makeInvoice({ month }), [line('recurring', month === '2026-05' ? 60_00 : 45_00)]),
      ),
      usage: IDLE,
    });
    const { findings } = runAudit(snapshot, rules('zero-usage', 'rate-mismatch'));
    expect(findings.map((f) => [f.ruleId, f.impact])).toEqual([
      ['rate-mismatch', 15_00],
      ['zero-usage', 60_00],
    ]);
    const once = countOnce(findings.map((f) => ({ ...f, status: 'open' as const })));
    expect(once.net).toBe(60_00);
  });
});

describe('zero-usage counts what the idle line costs', () => {
  it('a $50 line with a $10 monthly discount saves $40 a month, not $50', () => {
    const snapshot = snapshotOf({
      bills: MONTHS.map((month) =>
        billed(makeInvoice({ month }), [
          line('recurring', 50_00),
          line('credit', -10_00, { description: 'Volume Discount' }),
        ]),
      ),
      usage: IDLE,
    });
    const { findings } = runAudit(snapshot, rules('zero-usage'));
    expect(findings.map((f) => [f.impact, f.message])).toEqual([
      [
        40_00,
        '555-010-0001 had no calls, messages or data for 3 months (2026-03 to 2026-05) yet costs $40.00 a month.',
      ],
    ]);
  });
});

describe('zero-usage and a month credited in full', () => {
  it('an outage credit of the whole latest month does not make the idle line cost $0.00', () => {
    const snapshot = snapshotOf({
      bills: MONTHS.map((month) =>
        billed(
          makeInvoice({ month }),
          month === '2026-05'
            ? [line('recurring', 45_00), line('credit', -45_00, { description: 'Outage credit' })]
            : [line('recurring', 45_00)],
        ),
      ),
      usage: IDLE,
    });
    const { findings } = runAudit(snapshot, rules('zero-usage'));
    expect(findings.map((f) => f.impact)).toEqual([45_00]);
  });
});
