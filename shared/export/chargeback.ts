/**
 * The chargeback export: a workbook (Summary: cost center × category with a totals row; Detail:
 * the chosen column layout; Exceptions: what could not be allocated and why) and the same detail,
 * or a GL journal, as CSV. The Summary's total equals the month's invoice total, because it
 * includes an "Unallocated" line for the exceptions; the CSV's amounts do too, because it books the
 * exceptions to a suspense cost center and GL account.
 */
import { notItemisedTotal } from '../allocation/not-itemised';
import type { AllocationException, AllocationResult } from '../allocation/types';
import { cents, type Cents } from '../money/cents';
import { CHARGE_CATEGORIES } from '../model';
import { budgetSummaryColumns, costCenterTotalsWithBudgets } from './chargeback-budget';
import {
  CATEGORY_LABELS,
  EXCEPTION_LABELS,
  Lookup,
  NOT_IN_LINES_LABEL,
  NOT_ITEMISED_LABEL,
  notInLines,
  type ChargebackNames,
} from './chargeback-rows';
import { layoutRows, type ChargebackCsvSettings } from './chargeback-csv';
import { FIELD_KINDS, type ExportPreset } from './presets';
import { writeXlsxFile, type XlsxCell, type XlsxColumn, type XlsxSheet } from './xlsx';
import type { XlsxCutCell } from './xlsx-cut-text';

export * from './presets';
export * from './chargeback-csv';
export {
  CATEGORY_LABELS,
  NOT_IN_LINES_LABEL,
  NOT_ITEMISED_LABEL,
  notInLines,
  notItemisedNote,
  statedInvoicesTotal,
  type ChargebackNames,
} from './chargeback-rows';

/** The label of the Summary line holding the exceptions. */
export const UNALLOCATED_LABEL = 'Unallocated (see Exceptions)';

/**
 * The workbook: Summary, Detail (in the preset's layout) and Exceptions sheets. The Detail holds
 * the CSV's rows, the unallocated charges on the suspense cost center (`suspense`, as the CSV
 * books them) included, so its totals row is the month's invoices, as the Summary's is.
 */
export function chargebackXlsx(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  suspense: Partial<ChargebackCsvSettings> = {},
): Uint8Array {
  return chargebackXlsxFile(result, names, preset, suspense).bytes;
}

/**
 * {@link chargebackXlsx}, also returning the cells whose text was cut to Excel's limit of 32,767
 * characters (a description that long), for the export's message.
 */
export function chargebackXlsxFile(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  suspense: Partial<ChargebackCsvSettings> = {},
): { bytes: Uint8Array; cut: XlsxCutCell[] } {
  const detail = layoutRows(result, names, preset, result.month, suspense);
  const sheets: XlsxSheet[] = [
    summarySheet(result, names),
    {
      name: preset.grouping === 'charge' ? 'Detail' : preset.name,
      columns: preset.columns.map(({ field, header }) => ({ header, kind: FIELD_KINDS[field] })),
      rows: detail.map((values) => preset.columns.map(({ field }) => values[field] ?? null)),
      totalsRow: { label: 'Total' },
      freezeHeader: true,
      autoFilter: true,
    },
    problemSheet('Exceptions', result.exceptions, 'Total unallocated', names),
  ];
  // Closed-site charges are allocated (the cost was incurred there) and listed apart for review:
  // their total is already inside the Summary and Detail, never added to them.
  if (result.reviews.length > 0)
    sheets.push(
      problemSheet(
        'For review (allocated)',
        result.reviews,
        'Total for review (already in the allocation)',
        names,
      ),
    );
  return writeXlsxFile({ sheets });
}

/** Cost center × category (categories with any amount), total, mark-up; exceptions last. */
function summarySheet(result: AllocationResult, names: ChargebackNames): XlsxSheet {
  const lookup = new Lookup(names);
  const categories = CHARGE_CATEGORIES.filter((category) =>
    result.byCostCenter.some((entry) => entry.byCategory[category] !== 0),
  );
  const columns: XlsxColumn[] = [
    { header: 'Cost center', kind: 'text' },
    { header: 'Name', kind: 'text' },
    ...categories.map((category): XlsxColumn => ({
      header: CATEGORY_LABELS[category],
      kind: 'money',
    })),
    { header: 'Total', kind: 'money' },
    { header: 'Mark-up', kind: 'money' },
    { header: 'Total with mark-up', kind: 'money' },
  ];
  const budget = budgetSummaryColumns(result, names);
  // A cost center budgeted for the month with no charge in it is a $0.00 row, as on the screen,
  // so the Budget column adds up to the month's budget.
  const rows = costCenterTotalsWithBudgets(result, names).map((entry): XlsxCell[] => {
    const costCenter = entry.costCenterId === null ? null : lookup.costCenter(entry.costCenterId);
    return [
      costCenter?.code ?? '',
      costCenter?.name ?? UNALLOCATED_LABEL,
      ...categories.map((category) => entry.byCategory[category]),
      entry.total,
      entry.markup,
      entry.total + entry.markup,
      ...budget.cells(entry.costCenterId),
    ];
  });
  // Invoices whose lines no longer add up to them: the difference on its own line, so the
  // Summary's total is still the invoices' (the screen's reconciliation check shows it too).
  // What the invoices state beyond their lines, likewise: no cost center is charged it, but the
  // total is the invoices as billed.
  const own: [string, Cents][] = [
    [NOT_IN_LINES_LABEL, notInLines(result)],
    [NOT_ITEMISED_LABEL, notItemisedTotal(result)],
  ];
  for (const [label, amount] of own) {
    if (amount === 0) continue;
    rows.push([
      '',
      label,
      ...categories.map(() => null),
      amount,
      0,
      amount,
      ...budget.unbudgeted(amount),
    ]);
  }
  return {
    name: 'Summary',
    columns: [...columns, ...budget.columns],
    rows,
    totalsRow: { label: 'Total' },
    freezeHeader: true,
  };
}

/** The exceptions (unallocated) or the charges for review, one row per charge with its reason. */
function problemSheet(
  name: string,
  items: readonly AllocationException[],
  totalLabel: string,
  names: ChargebackNames,
): XlsxSheet {
  const lookup = new Lookup(names);
  const text = (header: string): XlsxColumn => ({ header, kind: 'text' });
  return {
    name,
    columns: [
      text('Problem'),
      text('Carrier'),
      text('Account'),
      text('Invoice'),
      text('Service ID'),
      text('Category'),
      text('Description'),
      { header: 'Amount', kind: 'money' },
      { header: 'Why', kind: 'text', width: 60 },
    ],
    rows: items.map((exception) => [
      EXCEPTION_LABELS[exception.kind],
      lookup.carrier(exception.carrierId),
      exception.accountNumber,
      exception.invoiceNumber,
      exception.serviceIdRaw,
      CATEGORY_LABELS[exception.category],
      exception.description,
      exception.amount,
      exception.message,
    ]),
    totalsRow: { label: totalLabel },
    freezeHeader: true,
  };
}

/** Sum of the Summary's total column: the month's invoice total (allocated plus unallocated). */
export function summaryTotal(result: AllocationResult): Cents {
  return cents(result.byCostCenter.reduce((sum, entry) => sum + entry.total, 0));
}
