/**
 * A correction of another rate than the service's monthly price — a tax rate, a roaming rate —
 * is no rate correction: rate-mismatch neither nets it from the recurring charge nor reads it as
 * an earlier month's excess given back.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');

function found(months: Record<string, ReturnType<typeof line>[]>) {
  const bills = Object.entries(months).map(([month, lines]) =>
    billed(makeInvoice({ month }), lines),
  );
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => f.impact);
}

it.each([
  ['credit', 'Tax rate adjustment'],
  ['adjustment', 'Roaming rate correction'],
  ['credit', 'Surcharge rate credit'],
  ['adjustment', 'International rate adjustment'],
] as const)('a %s “%s” does not net the line’s price', (category, description) => {
  expect(
    found({
      '2026-05': [line('recurring', 50_00), line(category, -5_00, { description })],
    }),
  ).toEqual([5_00]);
});

it('a later tax rate adjustment gives back no earlier month’s excess', () => {
  expect(
    found({
      '2026-04': [line('recurring', 50_00)],
      '2026-05': [
        line('recurring', 45_00),
        line('credit', -5_00, { description: 'Tax rate adjustment' }),
      ],
    }),
  ).toEqual([5_00]);
});

it('a rate adjustment of the line itself still nets', () => {
  expect(
    found({
      '2026-05': [
        line('recurring', 50_00),
        line('credit', -5_00, { description: 'Rate adjustment' }),
      ],
    }),
  ).toEqual([]);
});
