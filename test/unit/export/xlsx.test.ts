import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  MONEY_FORMAT,
  safeSheetName,
  writeXlsx,
  writeXlsxFile,
  XLSX_STYLE,
  type XlsxSheet,
} from '../../../shared/export/xlsx';
import { cutCellsNotice, fitXlsxText, XLSX_TEXT_LIMIT } from '../../../shared/export/xlsx-cut-text';
import { escapeXml, unescapeXml } from '../../../shared/export/xml';
import { inspectXlsx } from '../../helpers/xlsx-inspect';

const sheet: XlsxSheet = {
  name: 'Detail',
  columns: [
    { header: 'Description', kind: 'text' },
    { header: 'Billed on', kind: 'date' },
    { header: 'Lines', kind: 'number', total: true },
    { header: 'Amount', kind: 'money', width: 16 },
  ],
  rows: [
    ['Monthly access', '2026-10-05', 3, 4_500_00],
    ['Credit <promo> & "fee"', '2026-10-06', 1, -12_34],
    ['Odd cents', null, 2, 1],
  ],
  totalsRow: { label: 'Total' },
};

describe('writeXlsx → inspectXlsx', () => {
  const book = inspectXlsx(
    writeXlsx({ sheets: [sheet, { ...sheet, name: 'Second', freezeHeader: false }] }),
  );
  const [detail, second] = book.sheets;

  it('keeps the sheets and their names', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(['Detail', 'Second']);
  });

  it('writes a bold, frozen header row and column widths', () => {
    expect(detail?.values[0]).toEqual(['Description', 'Billed on', 'Lines', 'Amount']);
    expect(detail?.rows[0]?.every((cell) => cell?.bold === true)).toBe(true);
    expect(detail?.frozenRows).toBe(1);
    expect(second?.frozenRows).toBe(0);
    expect(detail?.widths[3]).toBe(16);
    expect(Object.keys(detail?.widths ?? {})).toHaveLength(4);
    expect(detail?.widths[0]).toBeGreaterThanOrEqual('Credit <promo> & "fee"'.length);
  });

  it('writes money as numeric cells with the currency format, never text', () => {
    const amounts = detail?.rows.slice(1, 4).map((row) => row[3]);
    expect(amounts?.map((cell) => cell?.value)).toEqual([4500, -12.34, 0.01]);
    for (const cell of amounts ?? []) {
      expect(cell).toMatchObject({ type: 'n', styleIndex: XLSX_STYLE.money, numFmt: MONEY_FORMAT });
    }
  });

  it('writes dates as date serials with a date format, and escapes text', () => {
    expect(detail?.rows[1]?.[1]).toMatchObject({ value: 46300, type: 'n', numFmt: 'yyyy-mm-dd' });
    expect(detail?.values[2]?.[0]).toBe('Credit <promo> & "fee"');
    expect(detail?.rows[3]?.[1]).toBeNull();
  });

  it('adds a bold totals row whose SUM caches the exact total', () => {
    const totals = detail?.rows[4];
    expect(totals?.[0]).toMatchObject({ value: 'Total', bold: true });
    expect(totals?.[2]).toMatchObject({ value: 6, formula: 'SUM(C2:C4)' });
    expect(totals?.[3]).toMatchObject({
      value: 4487.67,
      formula: 'SUM(D2:D4)',
      bold: true,
      numFmt: MONEY_FORMAT,
    });
  });

  it('writes the same bytes for the same workbook', () => {
    expect(writeXlsx({ sheets: [sheet] })).toEqual(writeXlsx({ sheets: [sheet] }));
  });

  it('writes a well-formed package (content types, relationships, styles)', () => {
    const files = unzipSync(writeXlsx({ sheets: [sheet] }));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    expect(styles).toContain('formatCode="&quot;$&quot;#,##0.00;[Red]-&quot;$&quot;#,##0.00"');
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheetXml).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheetXml).toContain('<cols>');
  });

  it('writes an empty sheet with a zero total and no self-referencing SUM', () => {
    const empty = inspectXlsx(writeXlsx({ sheets: [{ ...sheet, rows: [] }] })).sheets[0];
    expect(empty?.rows[1]?.[3]).toMatchObject({ value: 0, formula: null });
  });

  it('refuses fractional cents in a money column (a programmer error)', () => {
    expect(() => writeXlsx({ sheets: [{ ...sheet, rows: [['x', null, 1, 1.5]] }] })).toThrow(
      RangeError,
    );
  });
});

describe("text longer than Excel's limit of 32,767 characters a cell", () => {
  const long = 'x'.repeat(40_000);
  const { bytes, cut } = writeXlsxFile({
    sheets: [
      {
        name: 'Detail',
        columns: [
          { header: 'Description', kind: 'text' },
          { header: 'Amount', kind: 'money' },
        ],
        rows: [
          [long, 15_00],
          ['short', 2_50],
        ],
        totalsRow: { label: 'Total' },
      },
    ],
  });
  const book = inspectXlsx(bytes);
  const [detail, note] = book.sheets;

  it('is cut to fit, ending with a visible marker of how much was cut', () => {
    const text = String(detail?.values[1]?.[0]);
    expect(text).toHaveLength(XLSX_TEXT_LIMIT);
    expect(text).toMatch(/^x+… \(cut: 7,258 characters\)$/);
    expect(text.length - '… (cut: 7,258 characters)'.length + 7_258).toBe(40_000);
    expect(detail?.values[2]?.[0]).toBe('short');
  });

  it('leaves amounts and totals whole', () => {
    expect(detail?.values[1]?.[1]).toBe(15);
    expect(detail?.rows[3]?.[1]).toMatchObject({ value: 17.5, formula: 'SUM(B2:B3)' });
  });

  it('is named in a "Cut text" sheet and returned for the caller to say so', () => {
    expect(cut).toEqual([{ sheet: 'Detail', cell: 'A2', length: 40_000, cut: 7_258 }]);
    expect(note?.name).toBe('Cut text');
    expect(note?.values[1]?.slice(0, 4)).toEqual(['Detail', 'A2', 40_000, 7_258]);
    expect(cutCellsNotice(cut)).toContain("1 cell held text longer than Excel's limit of 32,767");
    expect(cutCellsNotice(cut)).toContain('(Detail!A2)');
  });

  it('adds no sheet when every text fits', () => {
    const fits = writeXlsxFile({ sheets: [{ ...sheet }] });
    expect(fits.cut).toEqual([]);
    expect(inspectXlsx(fits.bytes).sheets.map((s) => s.name)).toEqual(['Detail']);
  });

  it('never splits a surrogate pair and never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.boolean(), (extra, emoji) => {
        const text = (emoji ? '😀' : 'a').repeat(Math.ceil((XLSX_TEXT_LIMIT + extra) / 2) + 1);
        const fitted = fitXlsxText(text);
        expect(fitted.text.length).toBeLessThanOrEqual(XLSX_TEXT_LIMIT);
        expect(fitted.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        if (text.length <= XLSX_TEXT_LIMIT) expect(fitted).toEqual({ text, cut: 0 });
        else expect(fitted.text.startsWith(text.slice(0, XLSX_TEXT_LIMIT - 40))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('safeSheetName', () => {
  it.each([
    ['Detail', 'Detail'],
    ['a[b]c:d*e?f/g\\h', 'a-b-c-d-e-f-g-h'],
    ['A name that is much longer than thirty-one characters', 'A name that is much longer than'],
    ["'quoted'", 'quoted'],
    ['   ', 'Sheet1'],
    ['History', 'Sheet1'],
    ['bell\u0007', 'bell'],
  ])('%j → %j', (name, expected) => {
    expect(safeSheetName(name)).toBe(expected);
  });

  it('makes names unique, case-insensitively, within 31 characters', () => {
    const taken = new Set<string>();
    const names = ['Detail', 'detail', 'DETAIL', 'x'.repeat(40), 'x'.repeat(35)].map((n) =>
      safeSheetName(n, taken),
    );
    expect(names).toEqual([
      'Detail',
      'detail (2)',
      'DETAIL (3)',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
    ]);
  });
});

describe('XML text', () => {
  it.each([
    ['a & b < c > d "e" \'f\'', 'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;'],
    ['bell\u0007 null\u0000 ok\ttab', 'bell null ok\ttab'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 📞', 'emoji 📞'],
    ['_x0041_', '_x005F_x0041_'],
  ])('escapes %j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });

  it('round-trips any text (without the characters XML cannot hold) through a workbook', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        (texts) => {
          const bytes = writeXlsx({
            sheets: [
              {
                name: 'T',
                columns: [{ header: 'Text', kind: 'text' }],
                rows: texts.map((t) => [t]),
              },
            ],
          });
          const read = inspectXlsx(bytes)
            .sheets[0]?.values.slice(1)
            .map((row) => row[0] ?? '');
          const expected = texts.map((t) => unescapeXml(escapeXml(t)));
          expect(read).toEqual(expected.map((t) => (t === '' ? '' : t)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
