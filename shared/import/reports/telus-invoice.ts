/** The invoice a TELUS report belongs to, from its preamble. */
import type { DraftInvoice } from '../draft';
import { invoiceKey } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import type { ReportErrors, ReportFile, ReportLine } from './report-text';
import type { TelusPreamble } from './telus-text';
import { TELUS_CARRIER } from './telus-text';

/** A report of an upload, split into lines, with its preamble. */
export interface TelusReport {
  file: ReportFile;
  lines: ReportLine[];
  preamble: TelusPreamble;
  errors: ReportErrors;
}

/** The invoice a report belongs to, as a part of the given kind; null when its preamble is unreadable or it is a copy. */
export function telusInvoice(
  draft: DraftBuilder,
  report: TelusReport,
  kind: string | null,
): DraftInvoice | null {
  const { preamble } = report;
  if (preamble.invoiceNumber === '' || preamble.invoiceDate === null) return null;
  const invoice: Omit<DraftInvoice, 'key'> = {
    carrierName: TELUS_CARRIER,
    accountNumber: preamble.accountNumber,
    invoiceNumber: preamble.invoiceNumber,
    invoiceDate: preamble.invoiceDate,
    statedTotal: null,
    sourceFile: report.file.name,
  };
  if (kind !== null) return draft.invoicePart(invoice, kind, preamble.line);
  const key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
  return draft.invoices.get(key) ?? null;
}
