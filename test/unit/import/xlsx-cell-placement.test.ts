/**
 * Where a worksheet's cells land: a cell written out of order or twice, a row written out of
 * order, and a shared-text index the workbook does not hold are damage the reader refuses (never
 * a value shifted into the next column or row, never a blank Service ID); cells merged down
 * several rows give each row their value, but an amount merged down refuses the file: Excel shows
 * it once, and it was billed once per row.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../shared/import/limits';
import { readSheetRows } from '../../../shared/import/xlsx/sheet-rows';
import { buildXlsx, CHARGE_LINE_HEADER, type TestCell } from '../../helpers/xlsx-build';
import { readBill } from '../../helpers/read-bill';

const context = (strings: string[] = ['Lumen']) => ({
  strings,
  kinds: [],
  date1904: false,
  limits: DEFAULT_IMPORT_LIMITS,
});

function sheet(data: string, after = ''): string {
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${after}</worksheet>`;
}

describe('placing cells of a worksheet', () => {
  it('reads cells and rows in order, gaps included', () => {
    const rows = readSheetRows(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="B3" t="s"><v>0</v></c></row>',
      ),
      context(),
    );
    expect(rows).toEqual([
      { row: 1, cells: ['1', '', '3'] },
      { row: 3, cells: ['', 'Lumen'] },
    ]);
  });

  it('refuses a cell written before one left of it, or twice, instead of shifting it', () => {
    const backwards = readSheetRows(
      sheet('<row r="2"><c r="L2"><v>9</v></c><c r="K2"><v>1</v></c></row>'),
      context(),
    );
    expect(backwards).toContain('the cell "K2" comes after L2');
    const twice = readSheetRows(
      sheet('<row r="2"><c r="L2"><v>9</v></c><c r="L2"><v>9999</v></c></row>'),
      context(),
    );
    expect(twice).toContain('cells out of order or repeated');
  });

  it('refuses rows written out of order instead of renumbering them', () => {
    const rows = readSheetRows(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
      ),
      context(),
    );
    expect(rows).toContain('row 2 comes after row 3');
  });

  it('refuses a shared-text index past the workbook’s shared text', () => {
    const rows = readSheetRows(
      sheet('<row r="3"><c r="H3" t="s"><v>99</v></c></row>'),
      context(['Carrier']),
    );
    expect(rows).toContain(
      'the cell H3 refers to shared text number "99", but the workbook holds 1',
    );
    expect(
      readSheetRows(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), context([])),
    ).toContain('the workbook has no shared text');
  });

  it('gives each row of a cell merged down its value, marked as copied from the merged cell', () => {
    const rows = readSheetRows(
      sheet(
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>10</v></c></row><row r="3"><c r="A3"/><c r="B3"><v>20</v></c></row><row r="4"><c r="B4"><v>30</v></c></row>',
        '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="B4:D4"/></mergeCells>',
      ),
      context(),
    );
    expect(rows).toEqual([
      { row: 2, cells: ['Lumen', '10'] },
      { row: 3, cells: ['Lumen', '20'], merged: [{ column: 0, from: 2 }] },
      { row: 4, cells: ['', '30'] },
    ]);
  });

  it('imports a bill whose carrier, account and invoice are merged over its lines', () => {
    const header = [
      'Carrier',
      'Account Number',
      'Invoice Number',
      'Invoice Date',
      'Amount',
      'Category',
    ];
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'Bill',
          rows: [
            header,
            ['Lumen', '5-KE4X-001', 'INV-1', '2026-10-01', 850, 'Recurring'],
            [null, null, null, null, 41.85, 'Tax'],
          ],
        },
      ],
      patch: {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace(
            '</sheetData>',
            '</sheetData><mergeCells count="4"><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3"/><mergeCell ref="C2:C3"/><mergeCell ref="D2:D3"/></mergeCells>',
          ),
      },
    });
    const outcome = readBill([{ name: 'bill.xlsx', bytes }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.errors).toEqual([]);
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([850_00, 41_85]);
  });

  /** A bundle billed $199 on its internet row, the cells of `ranges` merged (after `mergeCells`). */
  function bundleBill(
    ranges: string[],
    accountNumber: string | number = '5-KE4X-001',
    bundle: TestCell = 199,
  ): Uint8Array {
    const header = [...CHARGE_LINE_HEADER.slice(0, 4), 'Service ID', 'Description', 'Amount'];
    const row = (service: string, description: string, amount: TestCell) => [
      ...['Lumen', accountNumber, 'INV-1', '2026-10-01', service, description, amount],
      'Recurring',
    ];
    const merges = ranges.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
    return buildXlsx({
      sheets: [
        {
          name: 'Bill',
          rows: [
            [...header, 'Category'],
            row('555-010-0001', 'Bundle: internet', bundle),
            row('555-010-0002', 'Bundle: voice', null),
          ],
        },
      ],
      patch: {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace('</sheetData>', `</sheetData><mergeCells>${merges}</mergeCells>`),
      },
    });
  }

  it('refuses a bill whose amount is merged over two rows, never billing it twice', () => {
    const outcome = readBill([{ name: 'bill.xlsx', bytes: bundleBill(['G2:G3']) }]);
    expect(outcome).toEqual({
      kind: 'unreadable',
      fileName: 'bill.xlsx',
      message:
        '"bill.xlsx", sheet Bill: the amount $199.00 in cell G2 is merged down over the rows below it (row 3 among them). Excel shows it once, but read on each of those rows it would be billed several times. Unmerge the cells (Home → Merge & Center) so that each amount is on its own row, or export the sheet as CSV, and import it again.',
    });
  });

  it('reads a number merged down that is no amount (an account number)', () => {
    const bytes = bundleBill(['B2:B3'], 287012345678);
    const outcome = readBill([{ name: 'bill.xlsx', bytes }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.invoices.map((invoice) => invoice.accountNumber)).toEqual([
      '287012345678',
    ]);
    expect(outcome.draft.errors.map((error) => error.row)).toEqual([3]);
  });

  /** Two lines of a plan at $40, its price in column G merged over both rows (G2:G3). */
  function planPriceBill(amounts: [TestCell, TestCell], price: TestCell = 40): Uint8Array {
    const header = [...CHARGE_LINE_HEADER.slice(0, 4), 'Service ID', 'Description'];
    const row = (service: string, planPrice: TestCell, amount: TestCell) => [
      ...['Lumen', '5-KE4X-001', 'INV-1', '2026-10-01', service, 'Plan 40'],
      ...[planPrice, amount, 'Recurring'],
    ];
    return buildXlsx({
      sheets: [
        {
          name: 'Bill',
          rows: [
            [...header, 'Plan Price', 'Amount', 'Category'],
            row('555-010-0001', price, amounts[0]),
            row('555-010-0002', null, amounts[1]),
          ],
        },
      ],
      patch: {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace(
            '</sheetData>',
            '</sheetData><mergeCells><mergeCell ref="G2:G3"/></mergeCells>',
          ),
      },
    });
  }

  it('reads a price merged over the rows of lines each billed it in a cell of its own', () => {
    const outcome = readBill([{ name: 'bill.xlsx', bytes: planPriceBill([40, 40]) }]);
    if (outcome.kind !== 'draft') throw new Error(JSON.stringify(outcome));
    expect(outcome.draft.errors).toEqual([]);
    expect(outcome.draft.lines.map((line) => line.amount)).toEqual([40_00, 40_00]);
  });

  it('refuses an amount written as text ("$199.00") merged over two rows', () => {
    const outcome = readBill([
      { name: 'bill.xlsx', bytes: bundleBill(['G2:G3'], '5-KE4X-001', '$199.00') },
    ]);
    expect(outcome.kind).toBe('unreadable');
    if (outcome.kind !== 'unreadable') return;
    expect(outcome.message).toContain('the amount $199.00 in cell G2 is merged down');
  });
});
