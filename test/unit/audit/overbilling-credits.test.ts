/**
 * A credit that gives back an overcharge of the service's rate, in the words carriers use for it
 * ("Credit for overbilling Jan-Mar", "Billing error credit"), is a rate correction like "Rate
 * adjustment": rate-mismatch nets it, on its own bill and against the earlier months it corrects.
 * Promotions, loyalty, device and autopay credits are not corrections of the rate and still never
 * hide an overcharge.
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isRateCorrection } from '../../../shared/audit/recurring';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'rate-mismatch');

const month = (name: string, lines: ReturnType<typeof line>[]) =>
  billed(makeInvoice({ month: name }), lines);

function impacts(bills: ReturnType<typeof billed>[]) {
  return runAudit(snapshotOf({ bills }), rules).findings.map((f) => f.impact);
}

const corrections = [
  ['credit', 'Credit for overbilling Jan-Mar'],
  ['credit', 'Overcharge credit'],
  ['credit', 'Overbilled credit'],
  ['adjustment', 'Over-billing adjustment'],
  ['adjustment', 'Rate correction'],
  ['adjustment', 'Price adjustment'],
  ['credit', 'Billing error credit'],
  ['adjustment', 'Billing adjustment'],
] as const;

describe('a correction of an overcharge of the rate', () => {
  it.each(corrections)(
    'a %s “%s” giving back three months billed $5.00 over the rate clears them',
    (category, description) => {
      // $50.00 billed against the $45.00 rate for three months, then the $15.00 given back.
      const over = ['2026-02', '2026-03', '2026-04'].map((name) =>
        month(name, [line('recurring', 50_00)]),
      );
      const credited = month('2026-05', [
        line('recurring', 45_00),
        line(category, -15_00, { description }),
      ]);
      expect(impacts([...over, month('2026-05', [line('recurring', 45_00)])])).toEqual([15_00]);
      expect(impacts([...over, credited])).toEqual([]);
    },
  );

  it.each(corrections)('a %s “%s” is read as a rate correction', (_category, description) => {
    expect(isRateCorrection(description)).toBe(true);
  });
});

describe('credits that are not a correction of the rate', () => {
  it.each([
    'Loyalty credit',
    'Promotional credit',
    'Device credit',
    'Autopay discount',
    'Credit - billed in error',
    'Usage overcharge credit',
    'Roaming overbilling credit',
    'Tax billing adjustment',
  ])('“%s” is not a rate correction', (description) => {
    expect(isRateCorrection(description)).toBe(false);
  });

  it.each(['Loyalty credit', 'Promotional credit', 'Device credit'])(
    'a “%s” does not give back an earlier month’s overcharge',
    (description) => {
      const april = month('2026-04', [line('recurring', 50_00)]);
      const may = month('2026-05', [
        line('recurring', 45_00),
        line('credit', -5_00, { description }),
      ]);
      expect(impacts([april, may])).toEqual([5_00]);
    },
  );
});
