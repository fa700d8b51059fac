import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toCsvBytes, type CsvCell } from '../../../shared/export/csv';

describe('csvField', () => {
  it.each<[CsvCell, string]>([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [42, '42'],
    [-0.5, '-0.5'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' padded ', '" padded "'],
    ['Café – 5G', 'Café – 5G'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1 555', "'+1 555"],
    ['@SUM(1)', "'@SUM(1)"],
    ['-12.50', '-12.50'],
    ['+3', '+3'],
    ['plain', 'plain'],
  ])('guarding formulas: %j → %j', (value, expected) => {
    expect(csvField(value, { guardFormulas: true })).toBe(expected);
  });

  it('quotes the chosen delimiter', () => {
    expect(csvField('a;b', { delimiter: ';' })).toBe('"a;b"');
    expect(csvField('a,b', { delimiter: ';' })).toBe('a,b');
  });

  it('refuses a non-finite number (a programmer error)', () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv(
        ['A', 'B'],
        [
          ['1', null],
          ['x,y', 2],
        ],
      ),
    ).toBe('A,B\r\n1,\r\n"x,y",2\r\n');
  });

  it('starts with a BOM on request, and encodes UTF-8', () => {
    expect(toCsv(['É'], [], { bom: true })).toBe('\uFEFFÉ\r\n');
    expect([...toCsvBytes(['É'], [], { bom: true })]).toEqual([
      0xef, 0xbb, 0xbf, 0xc3, 0x89, 0x0d, 0x0a,
    ]);
  });
});
