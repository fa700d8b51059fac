/**
 * What every TELUS report-style text export shares: a preamble (client number, invoice date,
 * unique invoice number, account number, `REPORT - <name>`), and "CURRENT CHARGES" blocks of
 * `label<TAB>amount` pairs ending with `Total Current Charges:`.
 */
import type { IsoDate } from '../../dates';
import { parseDate } from '../../dates';
import type { ChargeCategory } from '../../model';
import type { Cents } from '../../money/cents';
import { cents, formatCents } from '../../money/cents';
import { headerKey } from '../table';
import type { ReportErrors, ReportLine } from './report-text';
import { labelOf } from './report-text';

export const TELUS_CARRIER = 'TELUS';

/** Lines looked at for the preamble. */
const PREAMBLE_LINES = 20;
const REPORT_TITLE = /^REPORT\s*-\s*(.+)$/i;
const ACCOUNT_LINE = /^Account Number\s+(\S+)$/i;

/** The preamble of a TELUS report. */
export interface TelusPreamble {
  /** The report's name, upper case: `MOBILITY INVOICE SUMMARY`, `INDIVIDUAL DETAILS`… */
  report: string;
  clientNumber: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceDate: IsoDate | null;
  /** Line of the preamble holding the invoice number, for pointing at it. */
  line: number;
}

/** The cell after the one labelled `label` on any of the lines, with its line number. */
function valueAfter(
  lines: readonly ReportLine[],
  label: string,
): { value: string; line: number } | null {
  const key = headerKey(label);
  for (const line of lines) {
    const at = line.cells.findIndex((cell) => headerKey(cell) === key);
    if (at !== -1) return { value: line.cells[at + 1] ?? '', line: line.line };
  }
  return null;
}

/** Whether the text is a TELUS report: its preamble has a client number, a unique invoice number and a report title. */
export function isTelusReportText(lines: readonly ReportLine[]): boolean {
  const head = lines.slice(0, PREAMBLE_LINES);
  return (
    valueAfter(head, 'Client No:') !== null &&
    valueAfter(head, 'Unique Invoice No:') !== null &&
    head.some((line) => REPORT_TITLE.test(labelOf(line)))
  );
}

/** Reads the preamble; errors (file, line, what was expected) for a missing invoice number or date. */
export function readTelusPreamble(
  lines: readonly ReportLine[],
  errors: ReportErrors,
): TelusPreamble {
  const head = lines.slice(0, PREAMBLE_LINES);
  const client = valueAfter(head, 'Client No:');
  const invoice = valueAfter(head, 'Unique Invoice No:');
  const date = valueAfter(head, 'Invoice Date:');
  let accountNumber = client?.value ?? '';
  let report = '';
  for (const line of head) {
    const label = labelOf(line);
    accountNumber = ACCOUNT_LINE.exec(label)?.[1] ?? accountNumber;
    report = REPORT_TITLE.exec(label)?.[1]?.trim().toUpperCase() ?? report;
  }
  const where = invoice?.line ?? 1;
  if ((invoice?.value ?? '') === '') {
    errors.add(where, 'the preamble has no "Unique Invoice No:" value.');
  }
  let invoiceDate: IsoDate | null = null;
  const parsed = parseDate(date?.value ?? '', 'DMY');
  if (parsed.ok && parsed.value !== null) invoiceDate = parsed.value;
  else {
    errors.add(
      date?.line ?? where,
      `"Invoice Date:" should be followed by a date like 06-Feb-23, but found "${date?.value ?? ''}".`,
      date?.value,
    );
  }
  return {
    report,
    clientNumber: client?.value ?? '',
    accountNumber,
    invoiceNumber: invoice?.value ?? '',
    invoiceDate,
    line: where,
  };
}

/** A `label<TAB>amount` charge of a CURRENT CHARGES block. */
export interface TelusCharge {
  label: string;
  amount: Cents;
  line: number;
  category: ChargeCategory;
  /** What the charge is tallied under when per-line detail meets the invoice summary. */
  bucket: string;
}

/** A CURRENT CHARGES block read: its charges (tax totals resolved), stated total and where it ends. */
export interface CurrentCharges {
  charges: TelusCharge[];
  total: { amount: Cents; line: number } | null;
  /** Index (in the lines) of the first line after the block. */
  end: number;
  /** Whether every line of the block was read and the charges add up to the total. */
  ok: boolean;
}

const TOTAL_CURRENT = /^total current charges:?$/i;
const TOTAL_TAXES = /^total taxes:?$/i;
const TAX_LABEL = /\b(?:gst|hst|pst|qst|tvq|tps|tvh)\b|\btax(?:es)?\b/i;

/** The bucket all taxes share: the per-line detail shows only their total. */
export const TAX_BUCKET = 'taxes';

const CATEGORY_WORDS: readonly [RegExp, ChargeCategory][] = [
  [TAX_LABEL, 'tax'],
  [/late/i, 'late-fee'],
  [/\bfees?\b|surcharge/i, 'surcharge'],
  [/equipment|device|hardware/i, 'equipment'],
  [/monthly|service plan|value.added/i, 'recurring'],
  [/airtime|long distance|roaming|do more|pager|usage/i, 'usage'],
  [/credit|adjust|other charges/i, 'one-time'],
];

/** The category of a CURRENT CHARGES label; a negative one-time amount is a credit. */
export function telusCategory(label: string, amount: Cents): ChargeCategory {
  const category = CATEGORY_WORDS.find(([pattern]) => pattern.test(label))?.[1] ?? 'one-time';
  return category === 'one-time' && amount < 0 ? 'credit' : category;
}

function charge(label: string, amount: Cents, line: number): TelusCharge {
  const category = telusCategory(label, amount);
  return {
    label,
    amount,
    line,
    category,
    bucket: category === 'tax' ? TAX_BUCKET : headerKey(label),
  };
}

/**
 * Reads the `label<TAB>amount` pairs from `start` (the line after "CURRENT CHARGES") to
 * `Total Current Charges:`. `Total Taxes:` is the total of the tax rows above it (GST/HST,
 * Provincial Tax) and is never added on top of them; alone, it is the tax charge.
 */
export function readCurrentCharges(
  lines: readonly ReportLine[],
  start: number,
  errors: ReportErrors,
): CurrentCharges {
  const pairs: TelusCharge[] = [];
  let totalTaxes: { amount: Cents; line: number } | null = null;
  let total: { amount: Cents; line: number } | null = null;
  let ok = true;
  let index = start;
  for (; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || line.cells.length < 2) break;
    const amount = errors.amount(line);
    if (amount === null) {
      ok = false;
      continue;
    }
    const label = labelOf(line);
    if (TOTAL_CURRENT.test(label)) {
      total = { amount, line: line.line };
      index += 1;
      break;
    }
    if (TOTAL_TAXES.test(label)) totalTaxes = { amount, line: line.line };
    else pairs.push(charge(label.replace(/:$/, ''), amount, line.line));
  }
  const taxes = pairs.filter((pair) => pair.category === 'tax');
  if (totalTaxes !== null && taxes.length === 0)
    pairs.push(charge('Taxes', totalTaxes.amount, totalTaxes.line));
  else if (totalTaxes !== null && sumOf(taxes) !== totalTaxes.amount) {
    ok = false;
    errors.add(
      totalTaxes.line,
      `the tax rows (${taxes.map((tax) => tax.label).join(', ')}) add up to ${formatCents(cents(sumOf(taxes)))} but "Total Taxes:" says ${formatCents(totalTaxes.amount)}.`,
    );
  }
  if (total === null) {
    ok = false;
    errors.add(
      lines[start - 1]?.line ?? 1,
      'the CURRENT CHARGES block has no "Total Current Charges:" line.',
    );
  } else if (ok && sumOf(pairs) !== total.amount) {
    ok = false;
    errors.add(
      total.line,
      `the current charges above add up to ${formatCents(cents(sumOf(pairs)))} but "Total Current Charges:" says ${formatCents(total.amount)}.`,
    );
  }
  return { charges: pairs, total, end: index, ok };
}

export function sumOf(charges: readonly { amount: Cents }[]): number {
  return charges.reduce((sum, item) => sum + item.amount, 0);
}

/** Index of the line whose first cell is `label` (case-insensitive), from `from`; -1 when none. */
export function findLabel(lines: readonly ReportLine[], label: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i];
    if (line !== undefined && label.test(labelOf(line))) return i;
  }
  return -1;
}
