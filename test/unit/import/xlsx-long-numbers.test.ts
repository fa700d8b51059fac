/**
 * Whole numbers of more than 15 digits in an Excel bill's number cells are identifiers (no amount
 * comes near them). Rounded to Excel's 15 significant digits, two invoices numbered
 * 12345678901234567 and 12345678901234568 read as one, 12345678901234600, and their charges were
 * merged without a word. Written in full, they are read as written; in scientific notation
 * (Excel's own writing once it has cut the number), they are refused as in a CSV.
 */
import { describe, expect, it } from 'vitest';
import { numericCellText } from '../../../shared/import/xlsx/number-format';
import { buildXlsx, CHARGE_LINE_HEADER, STYLE, type TestCell } from '../../helpers/xlsx-build';
import { readBill } from '../../helpers/read-bill';

const charge = (invoice: TestCell): TestCell[] => [
  ...['Lumen', '5-KE4X-001', invoice, { n: 46296, style: STYLE.date }, 'DIA'],
  ...[{ n: 45, style: STYLE.currency }, 'MRC'],
];

/** A bill of two charges whose invoice number cells (C2, C3) hold `first` and `second` as written. */
function bill(first: string, second: string): Uint8Array {
  return buildXlsx({
    sheets: [{ name: 'Bill', rows: [CHARGE_LINE_HEADER, charge(1), charge(2)] }],
    patch: {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml
          .replace('<c r="C2"><v>1</v>', `<c r="C2"><v>${first}</v>`)
          .replace('<c r="C3"><v>2</v>', `<c r="C3"><v>${second}</v>`),
    },
  });
}

describe('long whole numbers in Excel number cells', () => {
  it('keeps two invoices whose 17-digit numbers differ in the last digit apart', () => {
    const outcome = readBill([
      { name: 'bill.xlsx', bytes: bill('12345678901234567', '12345678901234568') },
    ]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.errors).toEqual([]);
    expect(outcome.draft.invoices.map((invoice) => invoice.invoiceNumber)).toEqual([
      '12345678901234567',
      '12345678901234568',
    ]);
  });

  it('refuses a number Excel cut to 15 digits and wrote in scientific notation', () => {
    const outcome = readBill([
      { name: 'bill.xlsx', bytes: bill('1.23456789012345E+16', '754240482') },
    ]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['754240482']);
    expect(outcome.draft.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'C (Invoice Number)',
        message: expect.stringContaining(
          '"1.23456789012345E+16" is a number in scientific notation: Excel saved the file with the column as a number and dropped its last digits',
        ),
      }),
    ]);
  });

  it('refuses a number written in scientific notation by a Java writer (E16), never rounding it', () => {
    const outcome = readBill([
      { name: 'bill.xlsx', bytes: bill('1.2345678901234568E16', '754240482') },
    ]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    expect(outcome.draft.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['754240482']);
    expect(outcome.draft.errors).toEqual([
      expect.objectContaining({
        row: 2,
        message: expect.stringContaining(
          '"1.2345678901234568E+16" is a number in scientific notation',
        ),
      }),
    ]);
  });

  it.each([
    ['12345678901234567', '12345678901234567'],
    ['1000000000000000.0', '1000000000000000'],
    ['-12345678901234567', '-12345678901234567'],
    ['123456789012345', '123456789012345'],
    ['0.30000000000000004', '0.3'],
    ['1234567890123.4567', '1234567890123.46'],
    // Apache POI and other Java writers: no sign in the exponent.
    ['1.2345678901234568E16', '1.2345678901234568E+16'],
  ])('reads a number cell written "%s" as "%s"', (raw, text) => {
    expect(numericCellText(Number(raw), 'number', false, raw)).toBe(text);
  });
});
