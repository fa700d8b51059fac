/** PDFs among bill files: the printed bill, recognised by its signature and named as such. */

/** Whether the bytes are a PDF (`%PDF-`): a bill to read, not a data export to import. */
export function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 5 &&
    bytes[0] === 0x25 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x44 &&
    bytes[3] === 0x46 &&
    bytes[4] === 0x2d
  );
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

/** Whether a bill file is a PDF, by its bytes or, failing that, its name. */
export function isPdfBill(file: { name: string; bytes: Uint8Array }): boolean {
  return isPdf(file.bytes) || /\.pdf$/i.test(file.name);
}
