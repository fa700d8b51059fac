/**
 * An Excel 97–2003 workbook (.xls) or a password-protected workbook (both Microsoft compound
 * files) is named as such, with how to save one TEM Desk reads, not as "binary data"; so is a
 * portal's "Excel" export that is an HTML table or an XML spreadsheet, not "no columns found".
 */
import { describe, expect, it } from 'vitest';
import { readBills } from '../../../shared/import/read-bill';

/** The first sector of a compound file: its signature, then the header's other fields. */
function compoundFile(): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 24);
  return bytes;
}

describe('a Microsoft compound file among the bills', () => {
  it.each(['bill.xls', 'bill.xlsx'])(
    '%s is named as an old or password-protected workbook',
    (name) => {
      const [outcome] = readBills([{ name, bytes: compoundFile() }]);
      expect(outcome?.kind).toBe('unreadable');
      if (outcome?.kind !== 'unreadable') return;
      expect(outcome.message).toContain(
        `"${name}" is an Excel 97–2003 workbook (.xls) or a workbook saved with a password`,
      );
      expect(outcome.message).toContain('save it as an Excel Workbook (.xlsx) or as CSV');
      expect(outcome.message).not.toContain('binary data');
    },
  );
});

describe('a portal\'s "Excel" export that is markup', () => {
  const htmlTable = [
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body>',
    '<table border="1">',
    '<tr><th>Account Number</th><th>Wireless Number</th><th>Charges</th><th>Bill Cycle Date</th></tr>',
    '<tr><td>987654321</td><td>555-123-0001</td><td>$70.00</td><td>Jul 12, 2023 - Aug 11, 2023</td></tr>',
    '</table></body></html>',
  ].join('\r\n');
  const spreadsheetMl = [
    '<?xml version="1.0"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
    '<Worksheet ss:Name="Bill"><Table><Row><Cell><Data ss:Type="String">Account, Number</Data></Cell></Row></Table></Worksheet>',
    '</Workbook>',
  ].join('\n');

  it.each([
    ['an HTML table', 'charges.xls', htmlTable],
    ['an HTML page with a doctype and a BOM', 'charges.xls', `\uFEFF<!DOCTYPE html>\n${htmlTable}`],
    ['an Excel 2003 XML spreadsheet', 'charges.xml', spreadsheetMl],
    [
      'an HTML table after a <meta> tag',
      'charges.xls',
      `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n${htmlTable.slice(htmlTable.indexOf('<table'))}`,
    ],
    ['an HTML page after a comment', 'charges.xls', `<!-- Exported 2026-10-02 -->\n${htmlTable}`],
    [
      'an XML spreadsheet written with prefixes',
      'charges.xls',
      spreadsheetMl.replace(/<(\/?)(Workbook|Worksheet|Table|Row|Cell|Data)\b/g, '<$1ss:$2'),
    ],
  ])('names %s and how to save one TEM Desk reads', (_what, name, text) => {
    const [outcome] = readBills([{ name, bytes: new TextEncoder().encode(text) }]);
    expect(outcome).toEqual({
      kind: 'unreadable',
      fileName: name,
      message: `"${name}" is a web page (HTML) or an Excel 2003 XML spreadsheet, as some portals export "Excel" files: TEM Desk reads .xlsx workbooks and CSV, TSV or text exports. Open it in Excel, save it as an Excel Workbook (.xlsx) or as CSV (File → Save As), and import that file.`,
    });
  });

  it('leaves a CSV whose cells hold markup a CSV', () => {
    const text =
      'Carrier,Account Number,Invoice Number,Invoice Date,Category,Amount\n<b>Lumen</b>,1,9,2026-10-01,MRC,5\n';
    const [outcome] = readBills([{ name: 'bill.csv', bytes: new TextEncoder().encode(text) }]);
    expect(outcome?.kind).toBe('draft');
  });
});
