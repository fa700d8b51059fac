import { describe, expect, it } from 'vitest';
import {
  csvField,
  guardFormula,
  toCsv,
  toCsvBytes,
  unguardFormula,
  type CsvCell,
} from '../../../shared/export/csv';

describe('csvField', () => {
  it('drops control characters a bill file held (NUL, escape), then guards what is left', () => {
    expect(csvField('DIA\u0000 100M\u001b[2J')).toBe('DIA 100M[2J');
    expect(csvField('\u0000=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('two\tcells\nkept')).toBe('"two\tcells\nkept"');
  });

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
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1 555', "'+1 555"],
    ['@SUM(1)', "'@SUM(1)"],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ["'=already", "''=already"],
    ['-12.50', '-12.50'],
    ['-5.25', '-5.25'],
    ['+15551234567', '+15551234567'],
    ['+3', '+3'],
    ["it's", "it's"],
    ['plain', 'plain'],
  ])('always guards formulas, never plain numbers: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('quotes every separator the importers recognise, whatever the file uses', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a|b')).toBe('"a|b"');
    expect(csvField('a,b')).toBe('"a,b"');
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

describe('unguardFormula', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)',
    '-2+3',
    '\tleading tab',
    '\rleading CR',
    "'=a cell that starts with an apostrophe",
    "''+two apostrophes",
    "'plain with apostrophe",
    "'-5.25",
    '-5.25',
    '+15551234567',
    "'",
    '',
    'plain',
  ])('gives back exactly what was guarded: %j', (text) => {
    expect(unguardFormula(guardFormula(text))).toBe(text);
  });

  it('leaves text that was not guarded as it is', () => {
    expect(unguardFormula("'plain")).toBe("'plain");
    expect(unguardFormula("it's")).toBe("it's");
    expect(unguardFormula('-5.25')).toBe('-5.25');
  });
});
