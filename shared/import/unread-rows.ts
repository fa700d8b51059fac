/**
 * The rows of each invoice that could not be read, when an import goes on without them (the app
 * imports a bill whose preview lists rows it could not read; the CLI does with
 * `--allow-row-errors`). The carrier itemised those rows: the invoice keeps their count and amount
 * so that the invoice-math check does not take their money as missing from the bill.
 */
import type { UnreadRows } from '../model';
import { cents, type Cents } from '../money/cents';
import { isUnlistedNote } from './draft-problems';
import { partsOf, type BillDraft, type DraftInvoice, type RowError } from './draft';

/** One row not read, its errors taken together (a row may have several bad cells). */
interface RowNotRead {
  sourceFile: string;
  invoiceNumber?: string;
  /** Its amount, when every error of the row knows it. */
  amount: Cents | null;
}

/** The rows not read of a draft, one entry per file and row (a file's own problems, row 0, each). */
function rowsNotRead(errors: readonly RowError[]): RowNotRead[] {
  const rows = new Map<string, RowNotRead>();
  errors.forEach((error, at) => {
    if (isUnlistedNote(error)) return;
    const key =
      error.row === 0 ? `${String(at)}\u0000` : `${error.sourceFile}\u0000${String(error.row)}`;
    const seen = rows.get(key);
    const amount = error.cents ?? null;
    if (seen === undefined) {
      const row: RowNotRead = { sourceFile: error.sourceFile, amount };
      if (error.invoiceNumber !== undefined) row.invoiceNumber = error.invoiceNumber;
      rows.set(key, row);
      return;
    }
    if (seen.amount !== amount) seen.amount = null;
    if (seen.invoiceNumber === undefined && error.invoiceNumber !== undefined)
      seen.invoiceNumber = error.invoiceNumber;
  });
  return [...rows.values()];
}

/**
 * Each invoice's rows not read, by invoice key (invoices with none are absent). A row goes to the
 * invoice it names; a row naming none goes to the one invoice read from its file. A row that may be
 * one of several invoices' (its invoice number unreadable in a file of several), and the rows past
 * the listed errors, count for each of them as rows whose money is not known: the check then
 * claims nothing rather than a figure that may be wrong.
 */
export function unreadRowsByInvoice(
  draft: Pick<BillDraft, 'errors' | 'unlistedErrorRows' | 'invoices'>,
): Map<string, UnreadRows> {
  const found = new Map<string, UnreadRows>();
  if (draft.errors.length === 0) return found;
  const byFile = new Map<string, DraftInvoice[]>();
  for (const invoice of draft.invoices) {
    for (const file of new Set(partsOf(invoice).map((part) => part.sourceFile))) {
      const invoices = byFile.get(file) ?? [];
      invoices.push(invoice);
      byFile.set(file, invoices);
    }
  }
  const add = (invoice: DraftInvoice, rows: number, amount: Cents | null) => {
    const unread = found.get(invoice.key) ?? { rows: 0, amount: cents(0), unpriced: 0 };
    unread.rows += rows;
    if (amount === null) unread.unpriced += rows;
    else unread.amount = cents(unread.amount + amount);
    found.set(invoice.key, unread);
  };
  for (const row of rowsNotRead(draft.errors)) {
    const ofFile = byFile.get(row.sourceFile) ?? [];
    // A row naming its invoice is that invoice's, or (an invoice not imported) none stored here.
    const candidates =
      row.invoiceNumber === undefined
        ? ofFile
        : ofFile.filter((invoice) => invoice.invoiceNumber === row.invoiceNumber);
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) add(only, 1, row.amount);
    else for (const invoice of candidates) add(invoice, 1, null);
  }
  const unlisted = draft.unlistedErrorRows ?? 0;
  if (unlisted > 0) for (const invoice of draft.invoices) add(invoice, unlisted, null);
  return found;
}

/**
 * Names the invoice of a row not read on its errors from `from` on (a row's errors are the last
 * ones listed), so that what it holds is counted as that invoice's, never another's of its file.
 */
export function nameInvoiceOfErrors(errors: RowError[], from: number, invoiceNumber: string): void {
  for (let at = from; at < errors.length; at++) {
    const error = errors[at];
    if (error !== undefined) error.invoiceNumber = invoiceNumber;
  }
}
