/**
 * AT&T Billing Consolidator's Enhanced Data Stream (EDS): pipe-delimited ASCII with no header
 * row, each record starting with its two-character type (`00` remittance header, `01` bill payer,
 * then the invoice's sections), dates `MMDDYYYY`. TEM Desk does not read its records; a file in
 * this layout is named for what it is, rather than shown as columns to map (its first record is
 * no header).
 */

/** A record: two digits, then a pipe. */
const RECORD = /^\d{2}\|/;
/** The `00` header record: type, bill run, billing cycle, bill date (MMDDYYYY), then remittance. */
const HEADER_RECORD = /^00\|[^|\r\n]*\|[^|\r\n]*\|\d{8}\|/;
/** Records looked at. */
const SAMPLE_RECORDS = 20;

/** Whether a text is an EDS file: its first record a `00` header, or records of two types or more. */
export function looksLikeEds(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const records = text
    .slice(start, start + 20_000)
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, SAMPLE_RECORDS);
  const first = records[0] ?? '';
  if (!RECORD.test(first)) return false;
  if (HEADER_RECORD.test(first)) return true;
  const typed = records.filter((line) => RECORD.test(line));
  const types = new Set(typed.map((line) => line.slice(0, 2)));
  return records.length >= 3 && typed.length === records.length && types.size >= 2;
}

/** What is said about an EDS file given to the importer. */
export const EDS_NOTICE =
  "looks like an AT&T Billing Consolidator EDS file (pipe-delimited records, each starting with a two-digit record type, no header row), which TEM Desk does not read. Download the same bills from the carrier's portal in a layout TEM Desk reads (EDI 811, or a CSV or XLSX report), or enter the bill by hand (Bills → Enter an invoice…).";
