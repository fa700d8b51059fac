/** PDFs among bill files: the printed bill, recognised by its signature and named as such. */
import { decodeBytes } from './decode';
import { sniffTable } from './table';

/** How much of a file named `.pdf` is looked at to tell a data export misnamed from a PDF. */
const MISNAMED_SAMPLE_BYTES = 64 * 1024;

/** How far into a file its PDF signature may sit: PDF readers accept junk before it (1,024 bytes). */
const SIGNATURE_WITHIN_BYTES = 1024;
const SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * Whether the bytes are a PDF (`%PDF-` within their first 1,024 bytes, where PDF readers look for
 * it, after a byte-order mark or a mailer's blank line): a bill to read, not a data export.
 */
export function isPdf(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length, SIGNATURE_WITHIN_BYTES) - SIGNATURE.length;
  for (let at = 0; at <= last; at++) {
    if (bytes[at] !== 0x25) continue;
    if (SIGNATURE.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}

/** What is said about a PDF given to the importer. */
export const PDF_NOTICE =
  "is a PDF: TEM Desk imports the carrier's data export (CSV, TSV or text, or a ZIP of them), not the printed bill. Download the data export from the carrier's portal, or enter the bill by hand (Bills → Enter an invoice…).";

/**
 * What the command line says about a PDF among its bill files: the printed bill of a carrier that
 * sends no data export is entered by hand in the app; the run skips it and goes on.
 */
export function pdfNeedsEnteringNotice(fileName: string): string {
  return `"${fileName}" is a PDF bill: it needs entering in the app (Bills → Enter an invoice…). Skipped; not counted as a read invoice.`;
}

/**
 * Whether a bill file is a PDF: by its bytes, or, failing that, by its name, unless what it holds
 * is a table of data (a carrier's export saved under a `.pdf` name is read as the data it is, as
 * an Excel workbook named `.csv` is; a damaged PDF is still named a PDF).
 */
export function isPdfBill(file: { name: string; bytes: Uint8Array }): boolean {
  if (isPdf(file.bytes)) return true;
  if (!/\.pdf$/i.test(file.name)) return false;
  return !holdsTable(file.bytes.subarray(0, MISNAMED_SAMPLE_BYTES));
}

/** Whether the bytes' start is text laid out as a table (a header row of columns, then rows). */
function holdsTable(sample: Uint8Array): boolean {
  return sniffTable(decodeBytes(sample).text).ok;
}
