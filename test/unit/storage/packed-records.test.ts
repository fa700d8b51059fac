import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from '../../../shared/storage/packed-records';

/** Same keys in the same order, and every value the same by `Object.is` (-0 and NaN included). */
function expectExactly(actual: object[], expected: object[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((record, i) => {
    const original = expected[i] as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(Object.keys(original));
    for (const [key, value] of Object.entries(record))
      expect(Object.is(value, original[key]), `record ${i}, ${key}`).toBe(true);
  });
}

const KEYS = ['serviceKey', 'month', 'minutes', 'dataKb', 'usageCharges', '7', 'x y'];
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 0, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER),
);

/** Records of one random shape: each field all strings, or numbers with some nulls. */
const packable = fc
  .tuple(
    fc.shuffledSubarray(KEYS, { minLength: 1 }),
    fc.integer({ min: 1, max: 40 }),
    fc.array(fc.boolean(), { minLength: KEYS.length, maxLength: KEYS.length }),
  )
  .chain(([keys, count, stringy]) =>
    fc
      .array(
        fc.tuple(
          ...keys.map((_, k) =>
            stringy[k] ? fc.string({ maxLength: 3 }) : fc.option(number, { freq: 4 }),
          ),
        ),
        { minLength: count, maxLength: count },
      )
      .map((rows) =>
        rows.map((values) => Object.fromEntries(keys.map((key, k) => [key, values[k]]))),
      ),
  );

describe('records packed as columns', () => {
  it('unpack to records equal to the originals: keys in order, -0, NaN and nulls kept', () => {
    fc.assert(
      fc.property(packable, (records) => {
        const packed = packRecords(records);
        if (packed === null) throw new Error('not packed');
        expectExactly(unpackRecords(structuredClone(packed)), records);
      }),
      { numRuns: 1_000 },
    );
  });

  it('are not packed unless exact: keys in another order, a missing key, or a value of another kind', () => {
    const base = { a: 'x', b: 1 };
    expect(packRecords([base, { b: 1, a: 'x' }])).toBeNull();
    expect(packRecords([base, { a: 'x' }])).toBeNull();
    expect(packRecords([base, { a: 'x', b: 1, c: 2 }])).toBeNull();
    expect(packRecords([base, { a: 'x', b: '1' }])).toBeNull();
    expect(packRecords([base, { a: 'x', b: undefined }])).toBeNull();
    expect(packRecords([base, { a: 'x', b: true }])).toBeNull();
    expect(packRecords([base, { a: { nested: 1 }, b: 1 }])).toBeNull();
    expect(packRecords([base, new Map()])).toBeNull();
    expect(packRecords([])).toBeNull();
    expect(packRecords([base, base])).not.toBeNull();
  });

  it('keep a field all records share once, and every string column dense (cloned fast)', () => {
    const records = Array.from({ length: 500 }, (_, i) => ({
      month: '2026-11',
      serviceKey: `+1555${1_000_000 + i}`,
      minutes: i % 3 === 0 ? null : i * 1.5,
    }));
    const packed = packRecords(records);
    if (packed === null) throw new Error('not packed');
    expect(packed.columns[0]).toEqual({ kind: 'same', value: '2026-11' });
    const keys = packed.columns[1];
    expect(keys?.kind).toBe('strings');
    // V8's clone tag for an array without holes ('a' would be a sparse, slow one).
    if (keys?.kind === 'strings')
      expect(String.fromCharCode(serialize(keys.values)[2] ?? 0)).toBe('A');
    expectExactly(unpackRecords(packed), records);
  });
});
