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
  "is a PDF: TEM Desk imports the carrier's data export (CSV, TSV or text, or a ZIP of them), not the printed bill. Download the data export from the carrier's portal.";
