/**
 * A set-up workbook (inventory, sites, contracts, rates) written by a program holds formulas
 * without their results until Excel saves it. Such a cell in its table has no known value: the
 * file is refused naming the cell, as a bill workbook is, never read with a cost or a date blank
 * (the approvals' expected costs silently gone).
 */
import { describe, expect, it } from 'vitest';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { buildXlsx, type TestCell } from '../../helpers/xlsx-build';

const rows: TestCell[][] = [
  ['Site Code', 'Carrier', 'Account Number', 'Service ID', 'Expected Monthly Cost'],
  ['HQ', 'Lumen', '5-KE4X-001', '555-010-0001', 45],
  ['HQ', 'Lumen', '5-KE4X-001', '555-010-0002', { n: 45, formula: '40+5' }],
];
/** The formula cells without their saved results, as a program writes them. */
const unsaved = {
  'xl/worksheets/sheet1.xml': (xml: string) => xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, '$1'),
};

describe('a set-up workbook with a formula whose result was never saved', () => {
  it('is refused, naming the cell and how to save the result', () => {
    const read = readTabularFile(
      'inventory.xlsx',
      buildXlsx({ sheets: [{ name: 'Inventory', rows }], patch: unsaved }),
    );
    expect(read.ok).toBe(false);
    expect(JSON.stringify(read)).toContain(
      '\\"inventory.xlsx\\", sheet Inventory: the cell E3 holds a formula whose result was never saved',
    );
  });

  it('is read with the saved result when there is one', () => {
    const read = readTabularFile(
      'inventory.xlsx',
      buildXlsx({ sheets: [{ name: 'Inventory', rows }] }),
    );
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.value.rows.map((row) => row.cells[4])).toEqual(['45', '45']);
  });
});
