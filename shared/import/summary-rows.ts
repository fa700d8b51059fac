/**
 * Summary, subtotal and total rows mixed into detail (report-style exports, Canadian carriers'
 * `Total for Cost Center :` lines, a `Total` row at the bottom of a summary). They repeat amounts
 * already on the detail rows, so importing one would double the bill: they are recognised and
 * reported as skipped, never imported. A table of one charge per row (`./charge-rows.ts`) has its
 * rows told and acted on here too ({@link chargeRowVerdicts}, {@link settleTotalRow}).
 */
import { cents, centsFromText, formatCents } from '../money/cents';
import type { DecimalSeparator } from '../money/decimal-text';
import { simpleCents } from './cell-scan';
import { ABSENT, type CellReader } from './cells';
import type { DraftBuilder } from './draft-builder';
import { nameInvoiceOfErrors } from './unread-rows';

/**
 * A cell that labels its row as a total: `Total`, `Grand Total`, `Subtotal`, `Total for Cost
 * Center : 12`, `Total Due`, `Total Current Charges`, `Total Amount Due`… Only these words after
 * "Total": a charge named `Total Mobile Protection` is a charge.
 */
const TOTAL_LABEL =
  /^(?:grand\s+|sub[\s-]*|sous[\s-]*|account\s+|invoice\s+|report\s+|bill\s+|page\s+)?totals?(?:\s+g[ée]n[ée]ral)?(?:\s+(?:(?:current|new|monthly)\s+)?(?:amount(?:\s+due)?|charges?|due|balance(?:\s+due)?|payable|billed|invoice(?:\s+amount)?|(?:this|the)\s+(?:invoice|bill|period|month)))?(?:\s*(?:for|pour)\b.*|\s*[:\-–].*)?$/i;

/** {@link TOTAL_LABEL}, tried only on the cells that hold its one required word (cheap to look for). */
export function isTotalLabel(text: string): boolean {
  return HAS_TOTAL.test(text) && TOTAL_LABEL.test(text);
}

const HAS_TOTAL = /total/i;

/** The first of the cells at `indexes` that labels its row a total, trimmed, or null. */
function totalLabelAt(cells: readonly string[], indexes: readonly number[]): string | null {
  for (const index of indexes) {
    const cell = cells[index];
    // Trimmed only when it names a total: spaces are no part of the word.
    if (cell === undefined || !HAS_TOTAL.test(cell)) continue;
    const text = cell.trim();
    if (TOTAL_LABEL.test(text)) return text;
  }
  return null;
}

/** A cell holding only an amount or a number. */
const AMOUNT_ONLY = /^[-+(]*[$€£]?\s*[-+]?[\d,.\s]*\d[\d,.\s]*\)?-?$/;

/** The cells a total row may be labelled in besides its first and identifying cells. */
export interface LabelCells {
  /** Descriptions and names, where a report writes its `Total for …`. */
  labels: readonly number[];
  /**
   * The cells naming a row's line, in a layout of one row per line (no subtotal of a line): a
   * row that names its line is that line's charges whatever its `labels` read (a company called
   * `Total-Tel USA`, a user `Total - Spare`).
   */
  lines: readonly number[];
}

/** Whether a cell at one of `indexes` names a line (filled, and not itself a total label). */
function namesLine(cells: readonly string[], indexes: readonly number[]): boolean {
  for (const index of indexes) {
    const text = (cells[index] ?? '').trim();
    if (text !== '' && !isTotalLabel(text)) return true;
  }
  return false;
}

/**
 * Why a row is a summary row, or null for a detail row. `identifying` are the indexes of the
 * columns that say whose charge a row is (account, invoice, service); a row that labels itself a
 * total in its first filled cell, an identifying cell or a label cell (`labels`: description, and
 * in a layout of one row per line only on a row naming no line), or whose identifying cells are
 * all blank while everything else is an amount, is a summary.
 */
export function summaryRowReason(
  cells: readonly string[],
  identifying: readonly number[],
  labelCells: readonly number[] | LabelCells = [],
): string | null {
  return summaryRow(cells, identifying, labelCells)?.reason ?? null;
}

/** A summary row: why, and the total label that makes it one (null for a row of only amounts). */
export interface SummaryRow {
  reason: string;
  label: string | null;
}

/** {@link summaryRowReason}, also saying which label made the row a summary. */
export function summaryRow(
  cells: readonly string[],
  identifying: readonly number[],
  labelCells: readonly number[] | LabelCells = [],
): SummaryRow | null {
  const labels =
    'lines' in labelCells
      ? namesLine(cells, labelCells.lines)
        ? []
        : labelCells.labels
      : labelCells;
  let first: string | undefined;
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '') {
      first = text;
      break;
    }
  }
  if (first === undefined) return null;
  if (isTotalLabel(first))
    return {
      reason: `a "${first}" row repeats amounts already imported from the detail rows.`,
      label: first,
    };
  // A description cell saying just "Total" (report exports put the label there) is a summary too.
  const label = totalLabelAt(cells, identifying) ?? totalLabelAt(cells, labels);
  if (label !== null)
    return {
      reason: `a "${label}" row repeats amounts already imported from the detail rows.`,
      label,
    };
  if (identifying.length === 0) return null;
  for (const index of identifying) if ((cells[index] ?? '').trim() !== '') return null;
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '' && !AMOUNT_ONLY.test(text)) return null;
  }
  return {
    reason: 'a row with no account, invoice or service and only amounts is a total row.',
    label: null,
  };
}

/** What {@link classifySummaryRows} makes of a row. */
export type SummaryVerdict =
  /** A detail row. */
  | null
  /** A summary row, skipped: `reason` says why. */
  | { kind: 'summary'; reason: string }
  /**
   * A row labelled as a total (`label`) whose `amount` repeats no amount of the table: not a
   * summary (dropping it would lose a charge), to import when it names its charge, else to report.
   */
  | { kind: 'unconfirmed'; label: string; amount: number };

/** How {@link classifySummaryRows} reads a table's rows. */
export interface SummaryColumns {
  /** See {@link summaryRowReason}. */
  identifying: readonly number[];
  labels: readonly number[] | LabelCells;
  /** A row's amount in cents, or null when it has none (blank, unreadable). */
  amount: (cells: readonly string[]) => number | null;
  /** The invoice a row is of (its account and invoice cells), or '' when it does not say. */
  group: (cells: readonly string[]) => string;
  /** The invoice total a row states, in cents, or null. */
  stated: (cells: readonly string[]) => number | null;
}

/**
 * The rows of a table that are summaries, checked against the claim they make: a row labelled as a
 * total repeats amounts of the detail rows, so it is a summary only when its amount is one it
 * would repeat, or when it has no amount to tell. Repeated amounts: the sum of the detail rows
 * since any earlier summary row, since its invoice began, or since the table began (a subtotal, a
 * Canadian `Total for Cost Center :` line, a grand total of subtotals, a `Total` row at the
 * bottom); the sum of the detail rows after it up to the next summary row or the end (a total
 * written above its rows); or an invoice total the table states. A row of only amounts (no label)
 * is a summary as {@link summaryRowReason} says.
 */
export function classifySummaryRows(
  rows: readonly { cells: readonly string[] }[],
  columns: SummaryColumns,
): SummaryVerdict[] {
  const found = rows.map((row) => summaryRow(row.cells, columns.identifying, columns.labels));
  const verdicts: SummaryVerdict[] = found.map((summary) =>
    summary === null ? null : { kind: 'summary', reason: summary.reason },
  );
  // Most tables hold no total row at all: nothing to check, no amount to read twice.
  if (!found.some((summary) => summary !== null && summary.label !== null)) return verdicts;
  // before[i]: the sum of the detail rows above row i (exact integers of cents).
  const before: number[] = [0];
  const stated = new Set<number>();
  rows.forEach((row, i) => {
    const amount = found[i] === null ? (columns.amount(row.cells) ?? 0) : 0;
    before.push((before[i] ?? 0) + amount);
    const total = columns.stated(row.cells);
    if (total !== null) stated.add(total);
  });
  // The sums a summary row may start from: the table's start, after each summary row, each
  // invoice's first row.
  const starts = new Set<number>([0]);
  const end = before[rows.length] ?? 0;
  let group: string | null = null;
  let nextSummary = 0;
  rows.forEach((row, i) => {
    const summary = found[i];
    const sum = before[i] ?? 0;
    if (summary === undefined || summary === null) {
      const own = columns.group(row.cells);
      if (own !== '' && own !== group) {
        starts.add(sum);
        group = own;
      }
      return;
    }
    if (summary.label !== null) {
      const amount = columns.amount(row.cells);
      if (amount !== null && !stated.has(amount) && !starts.has(sum - amount)) {
        if (nextSummary <= i) {
          nextSummary = i + 1;
          while (nextSummary < rows.length && found[nextSummary] === null) nextSummary += 1;
        }
        const below = (before[nextSummary] ?? end) - (before[i + 1] ?? 0);
        const after = end - (before[i + 1] ?? 0);
        if (amount !== below && amount !== after)
          verdicts[i] = { kind: 'unconfirmed', label: summary.label, amount };
      }
    }
    starts.add(sum);
  });
  return verdicts;
}

/** The columns of a charge-per-row table its total rows are told by (`ABSENT` when missing). */
export interface TotalRowColumns {
  readonly accountNumber: number;
  readonly invoiceNumber: number;
  readonly serviceId: number;
  readonly description: number;
  readonly category: number;
  readonly amount: number;
  readonly invoiceTotal: number;
}

/** A cell's amount in cents, or null when blank or unreadable (the row's reading reports it). */
function amountOfCell(text: string, decimal: DecimalSeparator): number | null {
  if (text === '') return null;
  const simple = decimal === '.' ? simpleCents(text) : null;
  if (simple !== null) return simple;
  const read = centsFromText(text, { decimal });
  return read.ok ? read.value : null;
}

/** Whether a Service ID cell names a service (filled, and no total label itself). */
function namesService(text: string): boolean {
  return text !== '' && !isTotalLabel(text);
}

/**
 * {@link classifySummaryRows} for a table of one charge per row (TEM Desk's own format, a mapped
 * file): whose charge a row is says its account, invoice and service; a total row's label may
 * stand in its description or its category (`Total`, `Subtotal`).
 */
export function chargeRowVerdicts(
  rows: readonly { cells: readonly string[] }[],
  c: TotalRowColumns,
  decimal: DecimalSeparator,
): SummaryVerdict[] {
  const identifying = [c.accountNumber, c.invoiceNumber, c.serviceId].filter((i) => i !== ABSENT);
  const labels = [c.description, c.category].filter((i) => i !== ABSENT);
  // A row labelled as a total is a summary only when its amount repeats amounts of the table.
  const amountOf = (index: number) => (rowCells: readonly string[]) =>
    index === ABSENT ? null : amountOfCell(rowCells[index] ?? '', decimal);
  const groupCells = [c.accountNumber, c.invoiceNumber].filter((i) => i !== ABSENT);
  return classifySummaryRows(rows, {
    identifying,
    labels,
    amount: amountOf(c.amount),
    group: (rowCells) => groupCells.map((i) => (rowCells[i] ?? '').trim()).join('\t'),
    stated: amountOf(c.invoiceTotal),
  });
}

/**
 * Acts on a charge row's verdict ({@link chargeRowVerdicts}), the row started in `cells`: a
 * summary is skipped, said in the draft. A total-labelled row whose amount repeats nothing is a
 * charge when it names its service (`Total` as a description), else a row that cannot be read
 * (its error naming its invoice): never dropped as a summary. True when the row is done with,
 * skipped or refused; false when it is to be read as a charge.
 */
export function settleTotalRow(
  verdict: SummaryVerdict,
  fileName: string,
  line: number,
  c: TotalRowColumns,
  cells: CellReader,
  draft: DraftBuilder,
): boolean {
  if (verdict === null) return false;
  if (verdict.kind === 'summary') {
    draft.skip(fileName, line, `Not imported: ${verdict.reason}`);
    return true;
  }
  if (namesService(cells.text(c.serviceId))) return false;
  const errorsBefore = draft.errors.length;
  cells.reject(
    c.amount,
    `a "${verdict.label}" row of ${formatCents(cents(verdict.amount))} repeats no amount above or below it (not the rows since the last total, nor its invoice's, nor the file's, nor an invoice total), and it names no service: neither a total TEM Desk can skip nor a charge it can import. Give it a Service ID if it is a charge, or correct or remove it if it is a total.`,
  );
  const number = cells.text(c.invoiceNumber);
  if (number !== '') nameInvoiceOfErrors(draft.errors, errorsBefore, number);
  return true;
}
