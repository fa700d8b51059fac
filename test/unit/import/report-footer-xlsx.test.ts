/**
 * A report's footer in a workbook (a blank row, then a row of one cell of words): read as in the
 * same report saved as CSV — listed as not imported, not rows whose every cell is wrong.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsx, type TestCell } from '../../helpers/xlsx-build';
import { readDraft, totalOf } from './fixtures';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount'.split(
    ',',
  );
const LINE = [
  'Lumen',
  '5-ACME-001',
  'L-3',
  '2026-10-05',
  'DHEC.554433..WIN',
  'Ethernet',
  'Recurring',
];

function workbook(rows: TestCell[][]) {
  return {
    name: 'lumen.xlsx',
    bytes: buildXlsx({ sheets: [{ name: 'Bill', rows: [HEADER, ...rows] }] }),
  };
}

describe('a row of words after the table of a workbook', () => {
  it('set apart by a blank row at the end is a footer: listed as not imported, no error', () => {
    const draft = readDraft([
      workbook([
        [...LINE, '800.00'],
        [],
        ['Report generated 04/02/2026 08:15'],
        [],
        ['End of report'],
      ]),
    ]);
    expect(draft.errors).toEqual([]);
    expect(totalOf(draft.lines)).toBe(80_000);
    expect(draft.skipped.map((skip) => [skip.row, skip.reason])).toEqual([
      [4, expect.stringContaining('a line of text after the table, set apart by a blank line')],
      [6, expect.stringContaining('a line of text after the table')],
    ]);
  });

  it.each([
    [
      'with rows after it',
      [[...LINE, '800.00'], [], ['Cost centre 200 follows'], [...LINE, '5.00']],
    ],
    ['with no blank row before it', [[...LINE, '800.00'], ['Report generated 04/02/2026 08:15']]],
  ])('%s is a row of the table, its errors listed, as before', (_case, rows) => {
    const draft = readDraft([workbook(rows)]);
    expect(draft.errors.length).toBeGreaterThan(0);
    expect(draft.skipped).toEqual([]);
  });
});
