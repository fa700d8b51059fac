/**
 * The optimisation view's files: the change list for the carrier (CSV and XLSX: line, current
 * plan, new plan, saving, then the total they sum to) and the whole table (the CLI's
 * `optimisation.csv`). Money is written from integer cents; carriers' text is formula-guarded.
 */
import { toCsv, type CsvCell } from '../export/csv';
import { writeXlsx, type XlsxCell } from '../export/xlsx';
import { cents, centsToDecimalString } from '../money/cents';
import {
  ADVICE_LABELS,
  optimisationTotals,
  type OptimisationLine,
  type UseFigures,
} from './optimisation';

export const CHANGE_LIST_HEADER = [
  'Carrier',
  'Account Number',
  'Wireless Number',
  'Current Plan',
  'Current Monthly',
  'New Plan',
  'New Monthly',
  'Monthly Saving',
] as const;

/** The label of the change list's last row, whose saving is the sum of the rows above. */
export const CHANGE_LIST_TOTAL = 'Total monthly saving';

/** The change list for the carrier: the lines to move, then the total (sums to the cent). */
function changeRows(lines: readonly OptimisationLine[]): OptimisationLine[] {
  return lines.filter((line) => line.advice === 'change');
}

/** The change list as CSV: one row per line to move, then the total row. */
export function changeListCsv(lines: readonly OptimisationLine[]): string {
  const changes = changeRows(lines);
  const rows: CsvCell[][] = changes.map((line) => [
    line.carrier,
    line.account,
    line.line,
    line.currentPlan,
    decimal(line.currentMonthlyCents),
    line.newPlan ?? '',
    decimal(line.newMonthlyCents),
    decimal(line.monthlySavingCents),
  ]);
  const blanks = new Array<CsvCell>(CHANGE_LIST_HEADER.length - 2).fill('');
  rows.push([CHANGE_LIST_TOTAL, ...blanks, decimal(optimisationTotals(changes).monthlyCents)]);
  return toCsv(CHANGE_LIST_HEADER, rows, { bom: true });
}

/** The change list as an XLSX workbook, with a totals row summing the money columns. */
export function changeListXlsx(lines: readonly OptimisationLine[]): Uint8Array {
  const rows: XlsxCell[][] = changeRows(lines).map((line) => [
    line.carrier,
    line.account,
    line.line,
    line.currentPlan,
    line.currentMonthlyCents,
    line.newPlan ?? '',
    line.newMonthlyCents,
    line.monthlySavingCents,
  ]);
  return writeXlsx({
    sheets: [
      {
        name: 'Plan changes',
        columns: CHANGE_LIST_HEADER.map((header, index) => ({
          header,
          kind: index === 4 || index === 6 || index === 7 ? 'money' : 'text',
          total: index === 7,
        })),
        rows,
        totalsRow: { label: CHANGE_LIST_TOTAL },
      },
    ],
  });
}

function decimal(amount: number | null): string {
  return amount === null ? '' : centsToDecimalString(cents(amount));
}

export const OPTIMISATION_HEADER = [
  'Carrier',
  'Account Number',
  'Wireless Number',
  'Site',
  'Cost Center',
  'Current Plan',
  'Current Monthly',
  'Months',
  'Data GB Highest',
  'Data GB Average',
  'Minutes Highest',
  'Minutes Average',
  'Messages Highest',
  'Messages Average',
  'Usage Charges Paid',
  'Advice',
  'New Plan',
  'New Monthly',
  'Monthly Saving',
  'Yearly Saving',
] as const;

/** A figure to two decimals; blank when not known. */
function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : value.toFixed(2);
}

function figures(use: UseFigures | null): [string, string] {
  return [figure(use?.highest), figure(use?.average)];
}

/** Every line of the view as CSV (the CLI's `optimisation.csv`), then the totals row. */
export function optimisationCsv(lines: readonly OptimisationLine[]): string {
  const rows: CsvCell[][] = lines.map((line) => [
    line.carrier,
    line.account,
    line.line,
    line.site,
    line.costCenter,
    line.currentPlan,
    decimal(line.currentMonthlyCents),
    line.months.join(' '),
    ...figures(line.usage.data),
    ...figures(line.usage.voice),
    ...figures(line.usage.messages),
    decimal(line.overageCents),
    ADVICE_LABELS[line.advice],
    line.newPlan ?? '',
    decimal(line.newMonthlyCents),
    decimal(line.monthlySavingCents),
    decimal(line.monthlySavingCents * 12),
  ]);
  const totals = optimisationTotals(lines);
  const blanks = new Array<CsvCell>(OPTIMISATION_HEADER.length - 3).fill('');
  rows.push(['Total', ...blanks, decimal(totals.monthlyCents), decimal(totals.yearlyCents)]);
  return toCsv(OPTIMISATION_HEADER, rows, { bom: true });
}
