/**
 * A benefit given on top of the bill — a promotion, an outage credit — reverses no line and
 * refunds no copy, even when it is exactly a line's amount: a month's outage credited in full
 * does not make a line billed above its rate cost the rate, nor a next month's outage credit of
 * $800 give back an $800 copy billed the month before. A credit giving the line back ('Credit -
 * billed in error') still does.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

function found(ruleId: string, months: Record<string, ReturnType<typeof line>[]>) {
  const bills = Object.entries(months).map(([month, lines]) =>
    billed(makeInvoice({ month }), lines),
  );
  const rules = ALL_RULES.filter((rule) => rule.id === ruleId);
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => f.impact);
}

it.each(['Outage credit', 'Promotional credit - first month free', 'Service interruption credit'])(
  'rate-mismatch: “%s” of the whole month does not hide the line billed above its rate',
  (description) => {
    const line50 = line('recurring', 50_00);
    expect(
      found('rate-mismatch', {
        '2026-04': [line50],
        '2026-05': [line50, line('credit', -50_00, { description })],
      }),
    ).toEqual([10_00]);
  },
);

it('rate-mismatch: a line given back in full on its bill is still not billed', () => {
  expect(
    found('rate-mismatch', {
      '2026-05': [
        line('recurring', 60_00),
        line('credit', -60_00, { description: 'Credit - billed in error' }),
      ],
    }),
  ).toEqual([]);
});

it.each(['Outage credit', 'Promotional credit'])(
  'duplicate-charge: a next month “%s” of the copy’s amount does not refund it',
  (description) => {
    const circuit = line('recurring', 800_00);
    expect(
      found('duplicate-charge', {
        '2026-04': [circuit, circuit],
        '2026-05': [circuit, line('credit', -800_00, { description })],
      }),
    ).toEqual([800_00]);
  },
);

it('duplicate-charge: an outage credit on the copy’s own bill does not cancel it', () => {
  const circuit = line('recurring', 800_00);
  expect(
    found('duplicate-charge', {
      '2026-04': [circuit, circuit, line('credit', -800_00, { description: 'Outage credit' })],
    }),
  ).toEqual([800_00]);
});
