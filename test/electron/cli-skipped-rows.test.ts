/**
 * The summary's line per file for rows left out on purpose: the same reason is said once, with its
 * rows (a copy of a bill already read left out row by row was a wall of one sentence repeated).
 */
import { describe, expect, it } from 'vitest';
import { skippedRowNotices } from '../../electron/cli/skipped-rows';

const copy = 'Not imported: invoice 7 is already read from a.csv; this file is a copy.';

describe('skippedRowNotices', () => {
  it('says one reason once, with its rows as runs', () => {
    const rows = Array.from({ length: 26 }, (_, i) => ({
      sourceFile: 'b.csv',
      row: i + 2,
      reason: copy,
    }));
    expect(skippedRowNotices(rows)).toEqual([
      'b.csv: 26 rows (rows 2–27: invoice 7 is already read from a.csv; this file is a copy)',
    ]);
  });

  it('lists runs and single rows, then counts the rest of a reason and of the reasons', () => {
    const at = (row: number, reason: string) => ({ sourceFile: 'c.csv', row, reason });
    const rows = [
      at(3, 'a "Total" row'),
      at(4, 'the column names again'),
      ...[9, 10, 11, 20].map((row) => at(row, 'a "Total" row')),
      at(30, 'a page number'),
      at(31, 'a blank separator'),
      at(32, 'a blank separator'),
    ];
    expect(skippedRowNotices(rows)).toEqual([
      'c.csv: 9 rows (rows 3, 9–11 and 20: a "Total" row; row 4: the column names again; row 30: a page number; and 2 more)',
    ]);
    const scattered = [1, 3, 5, 7, 9, 11].map((row) => at(row, 'x'));
    expect(skippedRowNotices(scattered)).toEqual(['c.csv: 6 rows (rows 1, 3, 5, 7 and 2 more: x)']);
  });

  it('keeps one line per file, in the order the files came', () => {
    expect(
      skippedRowNotices([
        { sourceFile: 'z.csv', row: 5, reason: 'Not imported: a subtotal.' },
        { sourceFile: 'a.csv', row: 2, reason: 'a subtotal' },
      ]),
    ).toEqual(['z.csv: 1 row (row 5: a subtotal)', 'a.csv: 1 row (row 2: a subtotal)']);
  });
});
