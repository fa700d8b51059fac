import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain ES module script without type declarations
import { summaryTable } from '../../scripts/bench-summary.mjs';

describe('the bench summary', () => {
  const table = (summaryTable as (reports: unknown[]) => string)([
    {
      title: '**Import in Chromium** (median of 3)',
      rows: [
        {
          measure: 'import',
          value: 600,
          limit: 700,
          raw: 250,
          rawLabel: 'parse + store',
          rawLimit: 3,
        },
        { measure: 'commit', value: 300, raw: 100, rawLimit: 2 },
        { measure: 'million', value: 4_200, limit: 5_000 },
        { measure: 'peak heap', value: 410, unit: 'MB' },
      ],
    },
  ]).split('\n');

  it('prints each figure beside its raw baseline and the ratio, titled by its table', () => {
    expect(table[4]).toBe(
      '| Import in Chromium | import | 600 ms | ≤ 700 ms, ≤ 3.0× raw | parse + store: 250 ms | 2.40 | yes |',
    );
  });

  it('says a target is missed when either the absolute or the raw-ratio target is', () => {
    expect(table[5]).toBe(
      '| Import in Chromium | commit | 300 ms | ≤ 2.0× raw | raw: 100 ms | 3.00 | no |',
    );
    expect(table[6]).toContain('| 4,200 ms | ≤ 5,000 ms | — | — | yes |');
    expect(table[7]).toBe('| Import in Chromium | peak heap | 410 MB | — | — | — | — |');
  });
});
