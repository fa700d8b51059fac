/**
 * What a draft says of its problems beyond single rows: the closing "… and N more rows" once
 * its errors are listed no further, and why its amounts cannot be read one way (a refusal).
 */
import { cents, formatCents } from '../money/cents';
import type { DecimalEvidence } from './cells';
import type { BillDraft, RowError } from './draft';
import { formatCount, LISTED_ROW_ERRORS } from './limits';

/** Whether an error is the closing "… and N more rows" line of a draft's errors. */
function isUnlistedNote(error: RowError): boolean {
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
