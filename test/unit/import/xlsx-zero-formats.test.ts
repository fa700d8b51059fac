/**
 * An account number typed into Excel as a number keeps its leading zeros only in how the cell is
 * shown: `0012345` in a cell formatted `0000000` is stored as 12345 and shown as 0012345. Such a
 * cell reads as Excel shows it (and as a CSV export of the sheet holds it), so the inventory's
 * account is the bills' `0012345`, not another account `12345`. A number in a General cell has
 * lost its zeros in the file itself: it reads as the number (see ledger/account-zeros).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { formatCodeKind, numericCellText } from '../../../shared/import/xlsx/number-format';
import { buildXlsx } from '../../helpers/xlsx-build';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/xlsx/${name}`, import.meta.url)));

describe('number formats made of zeros', () => {
  it.each([
    ['0000000', { digits: 7 }],
    ['00000#', { digits: 6 }],
    ['#000', { digits: 3 }],
    ['0000000;-0000000', { digits: 7 }],
    ['00', { digits: 2 }],
    ['0', 'number'],
    ['#0', 'number'],
    ['#,##0', 'number'],
    ['0.00', 'number'],
    ['000-000-0000', 'number'],
    ['"ACCT "0000000', 'number'],
    ['@', 'number'],
    ['General', 'number'],
  ])('%s is %j', (code, kind) => {
    expect(formatCodeKind(code)).toEqual(kind);
  });

  it.each([
    [12345, 7, '0012345'],
    [1234567, 7, '1234567'],
    [123456789, 7, '123456789'],
    [123, 6, '000123'],
    [0, 3, '000'],
    // No identifier is a fraction or negative: an amount, read as its number.
    [12.5, 7, '12.5'],
    [-5, 7, '-5'],
  ])('%s shown with %s digits reads %s', (value, digits, text) => {
    expect(numericCellText(value, { digits }, false)).toBe(text);
  });
});

describe('an inventory workbook whose account numbers are numbers', () => {
  it('reads a number formatted 0000000 as shown, a General one as the number the file holds (LibreOffice)', () => {
    const read = readTabularFile(
      'inventory-account-zeros.xlsx',
      fixture('inventory-account-zeros.xlsx'),
    );
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.value.header[2]).toBe('Account Number');
    expect(read.value.rows.map((row) => [row.line, row.cells[2], row.cells[4]])).toEqual([
      [2, '12345', '5550100001'],
      [3, '0067890', '5550100002'],
    ]);
  });

  it('reads an Excel custom format 00000# as Excel shows it', () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'Inventory',
          rows: [
            ['Site Code', 'Carrier', 'Account Number', 'Service ID'],
            ['HQ', 'AT&T Mobility', { n: 287000111, style: 1 }, '555-010-0001'],
            ['HQ', 'AT&T Mobility', { n: 2870001, style: 1 }, '555-010-0002'],
          ],
        },
      ],
      numFmts: [{ id: 164, code: '00000000000#' }],
    });
    const read = readTabularFile('inventory.xlsx', bytes);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.value.rows.map((row) => row.cells[2])).toEqual(['000287000111', '000002870001']);
  });
});
