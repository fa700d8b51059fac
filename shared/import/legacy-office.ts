/**
 * Files in Microsoft's older compound format (OLE2, signature `D0 CF 11 E0 A1 B1 1A E1`): an
 * Excel 97–2003 workbook (`.xls`), or a workbook saved with a password (Excel keeps an encrypted
 * `.xlsx` in this container too). Neither is read; the user is told what the file is and how to
 * make one TEM Desk reads, not that it "holds binary data".
 *
 * Likewise the "Excel" exports of many portals that are markup under an `.xls` name: a web page
 * holding an HTML table, or an Excel 2003 XML spreadsheet. Excel opens them; TEM Desk said "no
 * columns found" (or offered the tags as columns to map).
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are an OLE2 compound file. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, at) => bytes[at] === byte);
}

/** What is said about such a file, after its quoted name. */
export const COMPOUND_FILE_NOTICE =
  'is an Excel 97–2003 workbook (.xls) or a workbook saved with a password: TEM Desk reads .xlsx workbooks and CSV, TSV or text exports. Open it in Excel (with its password, if it has one), save it as an Excel Workbook (.xlsx) or as CSV (File → Save As), and import that file.';

/** Characters of a text looked at for markup (past a BOM, blank lines or an XML declaration). */
const MARKUP_SAMPLE_CHARS = 2048;

/** Text that starts with a tag (past a BOM or blank lines), as markup does and no bill's text. */
const STARTS_WITH_TAG = /^\s*<[!?a-z]/i;
/**
 * An HTML page or table, or an Excel 2003 XML spreadsheet (`<Workbook xmlns="urn:…spreadsheet">`,
 * or `<ss:Workbook>`), wherever it starts in the sample: after an XML declaration, a comment, or a
 * page's `<meta>`, `<head>` and `<style>` written before its table.
 */
const MARKUP_SPREADSHEET = /<!doctype\s+html|<(?:[a-z]+:)?(?:html|table|workbook)[\s>]/i;

/**
 * What is said about decoded text that is a web page or an XML spreadsheet (after the file's
 * quoted name); null for any other text.
 */
export function markupSpreadsheetNotice(text: string): string | null {
  const sample = text.slice(0, MARKUP_SAMPLE_CHARS);
  return STARTS_WITH_TAG.test(sample) && MARKUP_SPREADSHEET.test(sample)
    ? MARKUP_SPREADSHEET_NOTICE
    : null;
}

const MARKUP_SPREADSHEET_NOTICE =
  'is a web page (HTML) or an Excel 2003 XML spreadsheet, as some portals export "Excel" files: TEM Desk reads .xlsx workbooks and CSV, TSV or text exports. Open it in Excel, save it as an Excel Workbook (.xlsx) or as CSV (File → Save As), and import that file.';
