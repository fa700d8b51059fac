/**
 * A workbook written by a program (openpyxl, a script) holds formulas without their results until
 * Excel opens and saves it. Such a cell in the bill's table has no known value: the bill is
 * refused, naming the cell and what to do, never read with the amount blank. The same formula on
 * a cover sheet, or outside the bill's columns, does not stop it.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsx, type TestCell } from '../../helpers/xlsx-build';
import { readBill } from '../../helpers/read-bill';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Amount,Category'.split(',');
const bill: TestCell[][] = [
  HEADER,
  ['Lumen', '5-KE4X-001', 'INV-1', '2026-10-01', 850, 'Recurring'],
  ['Lumen', '5-KE4X-001', 'INV-1', '2026-10-01', { n: 41.85, formula: 'E2*0.0492' }, 'Tax'],
];
/** The formula cells of sheet `n` without their saved results, as a program writes them. */
const unsaved = (n: number) => ({
  [`xl/worksheets/sheet${n}.xml`]: (xml: string) =>
    xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1'),
});

describe('a formula whose result was never saved', () => {
  it('refuses the bill, naming the cell and how to save the result', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Bill', rows: bill }], patch: unsaved(1) });
    const outcome = readBill([{ name: 'lumen.xlsx', bytes }]);
    expect(outcome.kind).not.toBe('draft');
    expect(JSON.stringify(outcome)).toContain(
      '\\"lumen.xlsx\\", sheet Bill: the cell E3 holds a formula whose result was never saved',
    );
    expect(JSON.stringify(outcome)).toContain('Open the workbook in Excel or LibreOffice, save it');
  });

  it('reads the saved result when there is one', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Bill', rows: bill }] });
    const outcome = readBill([{ name: 'lumen.xlsx', bytes }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([850_00, 41_85]);
  });

  it('reads the bill when the unsaved formula is on a cover sheet or outside its columns', () => {
    const cover: TestCell[][] = [['Prepared'], [{ n: 46000, formula: 'TODAY()' }]];
    const withCover = buildXlsx({
      sheets: [
        { name: 'Cover', rows: cover },
        {
          name: 'Bill',
          rows: bill.map((row, i) => (i === 2 ? [...row.slice(0, 4), 41.85, 'Tax'] : row)),
        },
      ],
      patch: unsaved(1),
    });
    const fromCover = readBill([{ name: 'lumen.xlsx', bytes: withCover }]);
    if (fromCover.kind !== 'draft') throw new Error(JSON.stringify(fromCover));
    expect(fromCover.draft.lines.map((line) => line.amount)).toEqual([850_00, 41_85]);
  });
});
