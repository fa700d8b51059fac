/**
 * Files in Microsoft's older compound format (OLE2, signature `D0 CF 11 E0 A1 B1 1A E1`): an
 * Excel 97–2003 workbook (`.xls`), or a workbook saved with a password (Excel keeps an encrypted
 * `.xlsx` in this container too). Neither is read; the user is told what the file is and how to
 * make one TEM Desk reads, not that it "holds binary data".
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are an OLE2 compound file. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, at) => bytes[at] === byte);
}

/** What is said about such a file, after its quoted name. */
export const COMPOUND_FILE_NOTICE =
  'is an Excel 97–2003 workbook (.xls) or a workbook saved with a password: TEM Desk reads .xlsx workbooks and CSV, TSV or text exports. Open it in Excel (with its password, if it has one), save it as an Excel Workbook (.xlsx) or as CSV (File → Save As), and import that file.';
