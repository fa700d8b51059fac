/**
 * What a draft says of its problems beyond single rows: the closing "… and N more rows" once
 * its errors are listed no further, why its amounts cannot be read one way or add up past any
 * real bill (a refusal), and the warnings of a stated total its lines do not reconcile with.
 */
import { MAX_LINES_TOTAL_CENTS } from '../billing/aggregates';
import { cents, formatCents, subtractCents, type Cents } from '../money/cents';
import type { DecimalEvidence } from './cells';
import type { BillDraft, DraftInvoice, RowError } from './draft';
import { formatCount, LISTED_ROW_ERRORS } from './limits';

/** Whether an error is the closing "… and N more rows" line of a draft's errors. */
export function isUnlistedNote(error: RowError): boolean {
  return error.row === 0 && error.message.startsWith(UNLISTED_PREFIX);
}

const UNLISTED_PREFIX = '… and ';

/**
 * Counts `count` more unread rows in a draft whose errors are listed no further, and keeps one
 * closing sentence at the end of its errors saying how many are not listed.
 */
export function addUnlistedRows(draft: BillDraft, count: number): void {
  const total = (draft.unlistedErrorRows ?? 0) + count;
  draft.unlistedErrorRows = total;
  const last = draft.errors[draft.errors.length - 1];
  if (last !== undefined && isUnlistedNote(last)) draft.errors.pop();
  draft.errors.push({
    sourceFile: draft.errors[0]?.sourceFile ?? '',
    row: 0,
    message: `${UNLISTED_PREFIX}${formatCount(total)} more rows that could not be read (only the first ${formatCount(LISTED_ROW_ERRORS)} problems are listed).`,
  });
}

/** Adds a row error to a draft, or counts it when {@link LISTED_ROW_ERRORS} are listed already. */
export function addRowError(draft: BillDraft, error: RowError): void {
  if (draft.unlistedErrorRows === undefined && draft.errors.length < LISTED_ROW_ERRORS) {
    draft.errors.push(error);
  } else {
    addUnlistedRows(draft, 1);
  }
}

/**
 * Why a file's amounts cannot be read one way: one amount uses a thousands separator and another
 * is a bare group of three decimals, which the other convention reads a thousand times larger.
 */
export function mixedDecimalsReason(fileName: string, evidence: DecimalEvidence): string | null {
  const { grouped, ambiguous } = evidence;
  const [first] = ambiguous;
  if (grouped === null || first === undefined) return null;
  const rows = ambiguous.map((sample) => `row ${sample.row} ("${sample.text}")`).join(', ');
  return `The amounts in "${fileName}" are written two ways: row ${grouped.row} writes "${grouped.text}" with a thousands separator, but ${rows} could be read either way ("${first.text}" is ${readingsOf(first.text)}). TEM Desk does not guess: correct those cells in the file, or map its columns and choose its decimal separator, then import it again.`;
}

/** `1.234` → `$1.23 or $1,234.00`: what a bare three-decimal amount means each way. */
function readingsOf(text: string): string {
  const digits = text.replace(/[^\d]/g, '');
  const whole = Number(digits);
  const small = Math.round(whole / 10);
  return `${formatCents(cents(small))} one way or ${formatCents(cents(whole * 100))} the other`;
}

/** What {@link invoiceLineSums} reads of a draft's lines (see `DraftLinesBuilder`). */
export interface KeyedAmounts {
  readonly count: number;
  invoiceKeyAt(at: number): string;
  amountAt(at: number): number;
}

/** Each invoice's lines total, checked: null when it leaves ±{@link MAX_LINES_TOTAL_CENTS}. */
export function invoiceLineSums(lines: KeyedAmounts): Map<string, number | null> {
  // One running sum per invoice, in line order, checked at every step as `checkedLinesTotal`
  // does; an invoice's lines come together, so its sum is kept aside until the key changes.
  const sums = new Map<string, number | null>();
  let key: string | null = null;
  let sum: number | null = 0;
  for (let at = 0; at < lines.count; at++) {
    const lineKey = lines.invoiceKeyAt(at);
    if (lineKey !== key) {
      if (key !== null) sums.set(key, sum);
      key = lineKey;
      sum = sums.has(key) ? (sums.get(key) ?? null) : 0;
      // Set now, so the map keeps the order in which invoices first appear.
      sums.set(key, sum);
    }
    if (sum === null) continue;
    sum += lines.amountAt(at);
    if (!(Math.abs(sum) <= MAX_LINES_TOTAL_CENTS)) sum = null;
  }
  if (key !== null) sums.set(key, sum);
  return sums;
}

/** The refusal of a draft whose invoice `key`'s lines add up past any real bill. */
export function linesPastBoundReason(key: string, invoice: DraftInvoice | undefined): string {
  return `The charges of invoice ${invoice?.invoiceNumber ?? key} (account ${invoice?.accountNumber ?? '?'}) in "${invoice?.sourceFile ?? ''}" add up to more than ${formatCents(cents(MAX_LINES_TOTAL_CENTS))}, beyond any real bill: amounts are misread (a wrong column or decimal separator) or the file is damaged. Nothing from it was imported.`;
}

/** The warning of an invoice of which only the stated total was read, its charges elsewhere. */
export function companionMissingWarning(
  invoice: DraftInvoice,
  statedTotal: Cents,
  companion: string,
): string {
  return `Invoice ${invoice.invoiceNumber} (account ${invoice.accountNumber}): only its stated total (${formatCents(statedTotal)}) was read; its charges are in the ${companion} file of the same download. Import that file too, now or later: it completes this invoice.`;
}

/** The warning of a stated total the invoice's lines do not add up to. */
export function statedTotalWarning(
  invoice: DraftInvoice,
  statedTotal: Cents,
  linesTotal: Cents,
): string {
  return `Invoice ${invoice.invoiceNumber}: the bill states a total of ${formatCents(statedTotal)} but its lines add up to ${formatCents(linesTotal)} (a difference of ${formatCents(subtractCents(statedTotal, linesTotal))}).`;
}
