/**
 * Summary, subtotal and total rows mixed into detail (report-style exports, Canadian carriers'
 * `Total for Cost Center :` lines, a `Total` row at the bottom of a summary). They repeat amounts
 * already on the detail rows, so importing one would double the bill: they are recognised and
 * reported as skipped, never imported.
 */

/**
 * A cell that labels its row as a total: `Total`, `Grand Total`, `Subtotal`, `Total for Cost
 * Center : 12`, `Total Due`, `Total Current Charges`, `Total Amount Due`… Only these words after
 * "Total": a charge named `Total Mobile Protection` is a charge.
 */
const TOTAL_LABEL =
  /^(?:grand\s+|sub[\s-]*|sous[\s-]*|account\s+|invoice\s+|report\s+|bill\s+|page\s+)?totals?(?:\s+g[ée]n[ée]ral)?(?:\s+(?:(?:current|new|monthly)\s+)?(?:amount(?:\s+due)?|charges?|due|balance(?:\s+due)?|payable|billed|invoice(?:\s+amount)?|(?:this|the)\s+(?:invoice|bill|period|month)))?(?:\s*(?:for|pour)\b.*|\s*[:\-–].*)?$/i;

/** {@link TOTAL_LABEL}, tried only on the cells that hold its one required word (cheap to look for). */
function isTotalLabel(text: string): boolean {
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
    return `a "${first}" row repeats amounts already imported from the detail rows.`;
  // A description cell saying just "Total" (report exports put the label there) is a summary too.
  const label = totalLabelAt(cells, identifying) ?? totalLabelAt(cells, labels);
  if (label !== null)
    return `a "${label}" row repeats amounts already imported from the detail rows.`;
  if (identifying.length === 0) return null;
  for (const index of identifying) if ((cells[index] ?? '').trim() !== '') return null;
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '' && !AMOUNT_ONLY.test(text)) return null;
  }
  return 'a row with no account, invoice or service and only amounts is a total row.';
}
