/**
 * TELUS report-style text exports, read together as one upload:
 * - Invoice Summary (`REPORT - MOBILITY INVOICE SUMMARY`): the invoice (client number, invoice
 *   date, unique invoice number) and its CURRENT CHARGES by category, which add up to
 *   `Total Current Charges:` — the stated total. Balances ("YOUR LAST BILL") are never charges.
 * - Individual Detail (`REPORT - INDIVIDUAL DETAILS`): per subscriber (`C:` number), the same
 *   categories for that line. With the summary, the lines are imported and each summary category
 *   adds only what no line holds (account level), so nothing is counted twice.
 * - Airtime Detail (`REPORT - AIRTIME DETAILS`): calls, summed into usage per line.
 * Other TELUS reports are recognised and listed as not imported.
 */
import type { StoredInvoiceRef } from '../stored-usage';
import { detachStoredInvoices, seedStoredInvoices } from '../stored-usage';
import type { DateOrder, IsoDate } from '../../dates';
import { parseDate } from '../../dates';
import { cents } from '../../money/cents';
import { addAccountRemainders, BucketTally, type SummaryAmount } from '../account-remainders';
import type { BillDraft, DraftInvoice } from '../draft';
import { DraftBuilder } from '../draft-builder';
import type { ReportFile } from './report-text';
import type { TelusReport } from './telus-invoice';
import { telusInvoice } from './telus-invoice';
import { labelOf, reportLines, ReportErrors } from './report-text';
import { readTelusAirtime } from './telus-airtime';
import type { TelusCharge } from './telus-text';
import {
  findLabel,
  isTelusReportText,
  readCurrentCharges,
  readTelusPreamble,
  sumOf,
  TAX_BUCKET,
  TELUS_CARRIER,
} from './telus-text';

export const TELUS_PROFILE_ID = 'telus-reports';
export const TELUS_LAYOUT_NAME =
  'TELUS — report-style text (invoice summary, individual and airtime detail)';
const DATE_ORDER: DateOrder = 'DMY';

const SUMMARY = 'MOBILITY INVOICE SUMMARY';
const INDIVIDUAL = 'INDIVIDUAL DETAILS';
const AIRTIME = 'AIRTIME DETAILS';
const CURRENT_CHARGES = /^current charges$/i;
const SUBSCRIBER = /^C:$/i;
const DUE_ON = /on or before\s+(\d{1,2}-[a-z]{3}-\d{2,4})/i;
const AMOUNT_CELL = /^[-(]?\$/;

/** Whether decoded text is a TELUS report-style export. */
export function isTelusReport(text: string): boolean {
  return isTelusReportText(reportLines(text.slice(0, 4000)));
}

interface Summary {
  invoice: DraftInvoice;
  charges: TelusCharge[];
  row: number;
  sourceFile: string;
}

function readSummary(report: TelusReport, draft: DraftBuilder, summaries: Summary[]): void {
  const { lines, errors } = report;
  const start = findLabel(lines, CURRENT_CHARGES);
  if (start === -1) {
    errors.add(report.preamble.line, 'the invoice summary has no "CURRENT CHARGES" section.');
    return;
  }
  const block = readCurrentCharges(lines, start + 1, errors);
  for (const line of lines.slice(block.end)) {
    if (line.cells.some((cell) => AMOUNT_CELL.test(cell))) {
      draft.skip(
        report.file.name,
        line.line,
        `Not imported: "${labelOf(line)}" is a balance or payment term, not a charge of this bill.`,
      );
    }
  }
  if (block.total === null) return;
  const invoice = telusInvoice(draft, report, 'telus-invoice-summary');
  if (invoice === null) return;
  invoice.statedTotal = block.total.amount;
  const due = lines
    .map((line) => DUE_ON.exec(labelOf(line))?.[1])
    .find((text) => text !== undefined);
  if (due !== undefined) {
    const parsed = parseDueDate(due);
    if (parsed !== null) invoice.dueDate ??= parsed;
  }
  draft.statedAt.set(invoice.key, { sourceFile: report.file.name, row: block.total.line });
  summaries.push({
    invoice,
    charges: block.charges,
    row: block.total.line,
    sourceFile: report.file.name,
  });
}

function parseDueDate(text: string): IsoDate | null {
  const parsed = parseDate(text, DATE_ORDER);
  return parsed.ok ? parsed.value : null;
}

function readIndividual(report: TelusReport, draft: DraftBuilder, tally: BucketTally): void {
  const { lines, errors } = report;
  const invoice = telusInvoice(draft, report, 'telus-individual-detail');
  if (invoice === null) return;
  let index = findLabel(lines, SUBSCRIBER);
  while (index !== -1) {
    const number = lines[index]?.cells[1] ?? '';
    const next = findLabel(lines, SUBSCRIBER, index + 1);
    const blockEnd = next === -1 ? lines.length : next;
    const start = findLabel(lines, CURRENT_CHARGES, index);
    if (start === -1 || start >= blockEnd) {
      errors.add(lines[index]?.line ?? 1, `subscriber ${number} has no "CURRENT CHARGES" section.`);
    } else {
      const block = readCurrentCharges(lines, start + 1, errors);
      if (block.ok) addSubscriberLines(draft, report, invoice, number, block.charges, tally);
      const outside = [...lines.slice(index, start), ...lines.slice(block.end, blockEnd)];
      for (const line of outside) {
        if (!line.cells.some((cell) => AMOUNT_CELL.test(cell))) continue;
        const reason = `Not imported: "${labelOf(line)}" is a balance or itemises the current charges of ${number}.`;
        draft.skip(report.file.name, line.line, reason);
      }
    }
    index = next;
  }
}

function addSubscriberLines(
  draft: DraftBuilder,
  report: TelusReport,
  invoice: DraftInvoice,
  number: string,
  charges: readonly TelusCharge[],
  tally: BucketTally,
): void {
  for (const charge of charges) {
    tally.add(invoice.key, charge.bucket, charge.amount);
    if (charge.amount === 0) continue;
    const source = { sourceFile: report.file.name, sourceRow: charge.line };
    draft.line(invoice, source, number, charge.label, charge.category, charge.amount);
  }
}

/** The summary's amounts for the account-level rest: taxes as one total when lines have detail. */
function summaryAmounts(summary: Summary, withDetail: boolean): SummaryAmount[] {
  const taxes = summary.charges.filter((charge) => charge.bucket === TAX_BUCKET);
  const others = summary.charges.filter((charge) => charge.bucket !== TAX_BUCKET);
  const toAmount = (charge: TelusCharge): SummaryAmount => ({
    bucket: charge.bucket,
    description: charge.label,
    category: charge.category,
    amount: charge.amount,
    sourceRow: charge.line,
  });
  if (!withDetail || taxes.length === 0) return summary.charges.map(toAmount);
  const total = sumOf(taxes);
  return [
    ...others.map(toAmount),
    { bucket: TAX_BUCKET, description: 'Taxes', category: 'tax', amount: cents(total) },
  ];
}

/** Reads the TELUS reports of one upload into one draft. */
export function readTelusReports(
  files: readonly ReportFile[],
  storedInvoices?: readonly StoredInvoiceRef[],
): BillDraft {
  const draft = new DraftBuilder();
  const reports: TelusReport[] = files.map((file) => {
    const lines = reportLines(file.text);
    const errors = new ReportErrors(file.name, draft.errors);
    draft.rowsRead += lines.length;
    return { file, lines, preamble: readTelusPreamble(lines, errors), errors };
  });
  const summaries: Summary[] = [];
  const tally = new BucketTally();
  const of = (name: string) => reports.filter((report) => report.preamble.report === name);
  for (const report of of(SUMMARY)) readSummary(report, draft, summaries);
  for (const report of of(INDIVIDUAL)) readIndividual(report, draft, tally);
  for (const summary of summaries) {
    const amounts = summaryAmounts(summary, tally.has(summary.invoice.key));
    addAccountRemainders(draft, summary.invoice, amounts, tally, {
      sourceFile: summary.sourceFile,
      sourceRow: summary.row,
    });
  }
  draft.checkStatedTotals();
  seedStoredInvoices(draft, storedInvoices, TELUS_CARRIER);
  for (const report of of(AIRTIME)) readTelusAirtime(report, draft);
  for (const report of reports) {
    if ([SUMMARY, INDIVIDUAL, AIRTIME].includes(report.preamble.report)) continue;
    draft.ignoredFiles.push({
      sourceFile: report.file.name,
      reason: `the TELUS "${report.preamble.report}" report is not read; import the Invoice Summary, Individual Detail and Airtime Detail reports.`,
    });
  }
  return detachStoredInvoices(draft.finish(TELUS_PROFILE_ID, TELUS_LAYOUT_NAME, DATE_ORDER), null);
}
