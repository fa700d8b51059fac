/**
 * Report-style text exports: printed reports saved as text (preambles, titled sections, label and
 * amount pairs), recognised by their content before any table is looked for. Today: TELUS.
 */
import type { BillDraft } from '../draft';
import type { StoredInvoiceRef } from '../stored-usage';
import type { ReportFile } from './report-text';
import { isTelusReport, readTelusReports } from './telus';

export type { ReportFile } from './report-text';

/** Whether decoded text is a report-style export read by {@link readReportFiles}. */
export function isReportText(text: string): boolean {
  return isTelusReport(text);
}

/** Reads the report-style files of one upload into one draft. */
export function readReportFiles(
  files: readonly ReportFile[],
  storedInvoices?: readonly StoredInvoiceRef[],
): BillDraft {
  return readTelusReports(files, storedInvoices);
}
