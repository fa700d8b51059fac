import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED, propertySeedOf } from '../helpers/property-seed';

describe('property tests run from one seed', () => {
  it('the setup file gives every property the seed FC_SEED names, the fixed one by default', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeedOf(process.env.FC_SEED));
  });

  it('two runs of a property see the same cases', () => {
    const cases = () => {
      const seen: number[] = [];
      fc.assert(
        fc.property(fc.integer(), (n) => {
          seen.push(n);
        }),
        { numRuns: 20 },
      );
      return seen;
    };
    if (process.env.FC_SEED === 'random') return;
    expect(cases()).toEqual(cases());
  });

  it('reads FC_SEED: unset or blank is the fixed seed, "random" none, a bad value refused', () => {
    expect(propertySeedOf(undefined)).toBe(PROPERTY_SEED);
    expect(propertySeedOf(' ')).toBe(PROPERTY_SEED);
    expect(propertySeedOf('42')).toBe(42);
    expect(propertySeedOf('random')).toBeUndefined();
    expect(() => propertySeedOf('soon')).toThrow('FC_SEED must be a whole number or "random"');
  });
});
