/** The opening every row-per-line profile shares: count the row, skip totals, read the account. */
import type { CellReader } from '../cells';
import type { DraftBuilder } from '../draft-builder';
import { summaryRowReason, type LabelCells } from '../summary-rows';
import type { TableRow } from '../table';
import { col } from './columns';
import type { CarrierProfile, InvoiceDetailField, InvoiceDetails, ProfileTable } from './types';

/**
 * Counts `row` as read; a summary or total row is noted as skipped (null back); otherwise starts
 * reading it and returns its account number (else `fallback`), rejecting the row when both are blank.
 */
export function startAccountRow(
  table: ProfileTable,
  row: TableRow,
  draft: DraftBuilder,
  cells: CellReader,
  identifying: readonly number[],
  fallback = '',
  labels: readonly number[] | LabelCells = [],
): string | null {
  draft.rowsRead += 1;
  if (skippedSummaryRow(table, row, draft, identifying, labels)) return null;
  cells.startRow(row.line, row.cells);
  const index = col(table.columns, 'accountNumber');
  const accountNumber = cells.identifier(index) || fallback;
  if (accountNumber === '') cells.reject(index, 'the account number is blank.');
  return accountNumber;
}

/**
 * Whether a row is a summary, subtotal or total row (see `summaryRowReason`: `identifying` are the
 * columns saying whose charge a row is, `labels` those a report writes its `Total for …` in);
 * such a row is listed as skipped, never read.
 */
export function skippedSummaryRow(
  table: ProfileTable,
  row: TableRow,
  draft: DraftBuilder,
  identifying: readonly number[],
  labels: readonly number[] | LabelCells = [],
): boolean {
  const summary = summaryRowReason(row.cells, identifying, labels);
  if (summary === null) return false;
  draft.skip(table.fileName, row.line, `Not imported: ${summary}`);
  return true;
}

/** A profile's `missingDetails`, from what each of its tables lacks given the user's answers. */
export function missingPerTable(
  missingFor: (table: ProfileTable, details: InvoiceDetails | undefined) => InvoiceDetailField[],
): NonNullable<CarrierProfile['missingDetails']> {
  return (tables, context) =>
    tables
      .map((table) => ({
        fileName: table.fileName,
        missing: missingFor(table, context.invoiceDetails[table.fileName]),
      }))
      .filter((need) => need.missing.length > 0);
}
