import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partAt } from '../../../shared/allocation/periods';
import { cents, splitLargestRemainder } from '../../../shared/money/cents';

describe('partAt', () => {
  it('is exactly the matching part of splitLargestRemainder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        // 0: a month of the period that does not read the bill.
        fc
          .array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 14 })
          .filter((weights) => weights.some((weight) => weight > 0)),
        (amount, weights) => {
          const parts = splitLargestRemainder(cents(amount), weights);
          weights.forEach((_weight, i) => expect(partAt(cents(amount), weights, i)).toBe(parts[i]));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
