/**
 * A ZIP that is an Office document is named as one, never unpacked as an archive of bill files
 * (each XML part then refused on its own, seven errors about `styles.xml` and `core.xml` for one
 * damaged workbook): an Excel workbook missing its list of sheets is damaged, a Word or
 * PowerPoint file is not a bill export.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../helpers/xlsx-build';
import { readBill } from '../../helpers/read-bill';

function messageOf(name: string, bytes: Uint8Array): string {
  const outcome = readBill([{ name, bytes }]);
  return outcome.kind === 'unreadable' ? outcome.message : outcome.kind;
}

describe('an Office document given as a bill', () => {
  it('names an Excel workbook without its workbook part as damaged', () => {
    const parts = unzipSync(
      buildXlsx({
        sheets: [
          {
            name: 'Bill',
            rows: [
              ['Carrier', 'Amount'],
              ['Lumen', '1'],
            ],
          },
        ],
      }),
    );
    delete parts['xl/workbook.xml'];
    expect(Object.keys(parts)).toContain('xl/styles.xml');
    expect(messageOf('October.xlsx', zipSync(parts))).toBe(
      `"October.xlsx" is an Excel workbook with a part missing (xl/workbook.xml, its list of sheets), so it is damaged and cannot be read. Open it in Excel or LibreOffice and save it again, or download it again from the carrier's portal.`,
    );
  });

  it('names a Word document as not a bill export', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expect(messageOf('Invoice.docx', docx)).toContain(
      '"Invoice.docx" is a Word document, not a bill export',
    );
  });

  it('still unpacks a ZIP of bill files', () => {
    const zip = zipSync({
      'bill.csv': strToU8(
        'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n',
      ),
    });
    expect(messageOf('bills.zip', zip)).toBe('draft');
  });
});
