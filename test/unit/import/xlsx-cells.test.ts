/** Cell values to text: numbers without float noise, date serials in both date systems, formats. */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../shared/import/crc32';
import {
  formatCodeKind,
  numberFormatKind,
  numberText,
  numericCellText,
  serialToIsoDate,
} from '../../../shared/import/xlsx/number-format';
import { columnLetters, columnOfReference } from '../../../shared/import/xlsx/workbook';
import { decodeXmlText, scanXml, xmlAttributes } from '../../../shared/import/xlsx/xml';

describe('numberText', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1.1 * 3, '3.3'],
    [850, '850'],
    [-12.5, '-12.5'],
    [1234.56, '1234.56'],
    [0.0000001, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [-3.2e-10, '-0.00000000032'],
    [0, '0'],
    [45.99999999999999, '46'],
  ])('%s → %s', (value, text) => {
    expect(numberText(value)).toBe(text);
  });
});

describe('serialToIsoDate', () => {
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    // Excel's (and Lotus's) day that never was.
    [60, false, '1900-02-29'],
    [61, false, '1900-03-01'],
    [45366, false, '2024-03-15'],
    [46296.75, false, '2026-10-01'],
    [0, true, '1904-01-01'],
    [44834, true, '2026-10-01'],
    [-1, false, null],
  ])('serial %s (1904: %s) → %s', (serial, date1904, iso) => {
    expect(serialToIsoDate(serial, date1904)).toBe(iso);
  });
});

describe('number formats', () => {
  it.each([
    ['yyyy-mm-dd', 'date'],
    ['m/d/yyyy', 'date'],
    ['d-mmm-yy', 'date'],
    ['[$-409]mmmm d, yyyy;@', 'date'],
    ['mmm yyyy', 'date'],
    ['h:mm AM/PM', 'time'],
    ['[h]:mm', 'number'],
    ['[mm]:ss', 'number'],
    ['"$"#,##0.00_);[Red]\\("$"#,##0.00\\)', 'number'],
    ['#,##0.00 "days"', 'number'],
    ['0.00%', 'number'],
    ['"Due "dd', 'date'],
    ['[$$-409]#,##0.00', 'number'],
    ['[$$-1009]#,##0.00', 'number'],
    ['#,##0.00_€', 'number'],
    ['#,##0 "min"', 'number'],
  ])('%s is a %s format', (code, kind) => {
    expect(formatCodeKind(code)).toBe(kind);
  });

  it.each([
    ['[$€-407] #,##0.00', '€'],
    ['#,##0.00 €', '€'],
    ['#,##0.00" EUR"', '€'],
    ['\\£#,##0.00', '£'],
    ['"£"#,##0.00;[Red]\\-"£"#,##0.00', '£'],
    ['[$GBP]#,##0', '£'],
    ['[$CHF-807] #,##0.00', 'CHF'],
    ['"R$ "#,##0.00', 'R$'],
    ['[$¥-411]#,##0', '¥'],
  ])('%s shows amounts in %s', (code, currency) => {
    expect(formatCodeKind(code)).toEqual({ currency });
  });

  it.each([
    [14, 'date'],
    [22, 'date'],
    [18, 'time'],
    [45, 'time'],
    [46, 'number'],
    [44, 'number'],
    [0, 'number'],
  ])('built-in %s is a %s format', (id, kind) => {
    expect(numberFormatKind(id, undefined)).toBe(kind);
  });

  it('shows a date-formatted number as a date, a time-formatted fraction as a time', () => {
    expect(numericCellText(46296, 'date', false)).toBe('2026-10-01');
    expect(numericCellText(0.5, 'time', false)).toBe('12:00:00');
    expect(numericCellText(1.25, 'number', false)).toBe('1.25');
  });

  it('shows an amount in another currency with its sign or code, as a CSV of the sheet holds it', () => {
    expect(numericCellText(850, { currency: '€' }, false)).toBe('€850');
    expect(numericCellText(-12.5, { currency: '£' }, false)).toBe('-£12.5');
    expect(numericCellText(0.1 + 0.2, { currency: 'CHF' }, false)).toBe('CHF 0.3');
  });
});

describe('references and XML', () => {
  it.each([
    ['A1', 0],
    ['F14', 5],
    ['Z3', 25],
    ['AA1', 26],
    ['XFD1048576', 16383],
    ['12', -1],
  ])('%s is column %s', (reference, column) => {
    expect(columnOfReference(reference)).toBe(column);
    if (column >= 0) expect(columnLetters(column)).toBe(reference.replace(/\d+/, ''));
  });

  it('decodes predefined entities and character references, never others', () => {
    expect(decodeXmlText('a &amp; b &lt;c&gt; &#65;&#x42; &ext;')).toBe('a & b <c> AB &ext;');
  });

  it('drops namespace prefixes and reads attributes with > in values', () => {
    const seen: string[] = [];
    const problem = scanXml('<x:row r="2" note="a>b"><x:c r="A2"/></x:row>', {
      open: (name, attributes) => seen.push(`${name}:${JSON.stringify(xmlAttributes(attributes))}`),
      close: (name) => seen.push(`/${name}`),
      text: () => {},
    });
    expect(problem).toBeNull();
    expect(seen).toEqual(['row:{"r":"2","note":"a>b"}', 'c:{"r":"A2"}', '/row']);
  });

  it('refuses a DOCTYPE', () => {
    const handler = { open() {}, close() {}, text() {} };
    expect(scanXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', handler)).toMatch(/DOCTYPE/);
  });
});

describe('crc32 (sliced by four bytes)', () => {
  it.each(['', '1', '123', '1234', '123456789', 'The quick brown fox jumps over the lazy dog'])(
    'matches the byte-at-a-time CRC-32 of %j, whole and continued',
    (text) => {
      const bytes = new TextEncoder().encode(text);
      let expected = 0xffffffff;
      for (const byte of bytes) {
        expected ^= byte;
        for (let k = 0; k < 8; k += 1)
          expected = expected & 1 ? 0xedb88320 ^ (expected >>> 1) : expected >>> 1;
      }
      expected = ~expected >>> 0;
      expect(crc32(bytes)).toBe(expected);
      const cut = Math.floor(bytes.length / 3);
      expect(crc32(bytes.subarray(cut), crc32(bytes.subarray(0, cut)))).toBe(expected);
    },
  );

  it('gives the published check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
