import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  basisPointsProblem,
  cents,
  splitByPercent,
  splitLargestRemainder,
  sumCents,
  trySplitByPercent,
} from '../../shared/money/cents';

describe('splitLargestRemainder', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [101, [1, 1, 1], [34, 34, 33]],
    [2, [1, 1, 1], [1, 1, 0]],
    [1000, [3, 0, 7], [300, 0, 700]],
    [1, [0, 1, 0], [0, 1, 0]],
    [0, [1, 2], [0, 0]],
    [999, [1], [999]],
    [10, [0.5, 0.25, 0.25], [5, 3, 2]],
    [100, [1 / 3, 1 / 3, 1 / 3], [34, 33, 33]],
    [7, [2, 1, 2, 1], [3, 1, 2, 1]], // indexes 0 and 2 tie for the spare cent: the lower index wins
    [5, [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 0]],
  ])('%i split by %j → %j', (total, weights, expected) => {
    const parts = splitLargestRemainder(cents(total), weights);
    expect(parts).toEqual(expected);
    expect(sumCents(parts)).toBe(total);
  });

  it('never returns negative zero for a negative total', () => {
    const parts = splitLargestRemainder(cents(-1), [1, 1]);
    expect(Object.is(parts[1], 0)).toBe(true);
  });

  it.each([
    ['no weights', []],
    ['all-zero weights', [0, 0]],
    ['a negative weight', [1, -1]],
    ['a NaN weight', [Number.NaN]],
    ['an infinite weight', [Number.POSITIVE_INFINITY]],
  ])('throws (programmer error) on %s', (_label, weights) => {
    expect(() => splitLargestRemainder(cents(100), weights)).toThrow(RangeError);
  });

  it('parts sum to the total and stay within a cent of the exact share (integer weights)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const parts = splitLargestRemainder(cents(total), weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / weightSum;
            expect(Math.abs(part - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('parts sum to the total and stay within a cent of the exact share (fractional weights)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }),
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 1e-6));
          const parts = splitLargestRemainder(cents(total), weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / weightSum;
            expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });

  it('is deterministic and mirrors for negative totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const positive = splitLargestRemainder(cents(total), weights);
          expect(splitLargestRemainder(cents(total), weights)).toEqual(positive);
          expect(splitLargestRemainder(cents(-total), weights)).toEqual(
            positive.map((part) => (part === 0 ? 0 : -part)),
          );
        },
      ),
    );
  });
});

describe('splitByPercent (basis points)', () => {
  it.each([
    [10000, [5000, 5000], [5000, 5000]],
    [100, [3333, 3333, 3334], [33, 33, 34]],
    [1, [5000, 5000], [1, 0]],
    [-12345, [2500, 2500, 5000], [-3086, -3086, -6173]],
    [99999, [10000], [99999]],
  ])('%i by %j → %j', (total, basisPoints, expected) => {
    expect(splitByPercent(cents(total), basisPoints)).toEqual(expected);
  });

  it.each([
    [[], 'at least one'],
    [[5000, 4000], 'add up to 90.00% instead of 100.00%'],
    [[5000, 5001], 'add up to 100.01%'],
    [[12.5, 9987.5], 'at most two decimals'],
    [[-100, 10100], 'zero or more'],
  ])('%j is refused: %s', (basisPoints, message) => {
    expect(basisPointsProblem(basisPoints)).toContain(message);
    expect(() => splitByPercent(cents(100), basisPoints)).toThrow(RangeError);
    const result = trySplitByPercent(cents(100), basisPoints);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain(message);
  });
});
