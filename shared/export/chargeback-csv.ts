/**
 * The chargeback CSV: the detail (or GL journal) in the preset's layout, with the unallocated
 * charges booked to a suspense cost center and GL account so the amounts sum to the month's
 * invoice total.
 */
import { notItemisedTotal } from '../allocation/not-itemised';
import type { AllocationResult } from '../allocation/types';
import type { IsoMonth } from '../dates/iso-date';
import { cents, centsToDecimalString, type Cents } from '../money/cents';
import { monthBudgetTotal, unallocatedBudgetValues, wantsBudget } from './chargeback-budget';
import {
  CATEGORY_LABELS,
  EXCEPTION_LABELS,
  Lookup,
  NOT_IN_LINES_LABEL,
  NOT_ITEMISED_LABEL,
  notInLines,
  notItemisedNote,
  presetRows,
  statedInvoicesTotal,
  type ChargebackNames,
  type FieldValues,
} from './chargeback-rows';
import { toCsv, type CsvCell, type CsvOptions } from './csv';
import { FIELD_KINDS, GL_JOURNAL_PRESET, type ExportPreset } from './presets';

/** Where the CSV books what could not be allocated, and whether it ends with a total row. */
export interface ChargebackCsvSettings {
  /** Cost center code of the unallocated rows (a suspense cost center); `UNALLOCATED` by default. */
  suspenseCostCenter: string;
  /** GL account of the unallocated rows; `UNALLOCATED` by default. */
  suspenseGlAccount: string;
  /** End with a row holding the month's invoice total (not part of the amounts above it). */
  totalRow: boolean;
}

/** The suspense code used when none is set. */
export const DEFAULT_SUSPENSE_CODE = 'UNALLOCATED';

export const DEFAULT_CHARGEBACK_CSV_SETTINGS: ChargebackCsvSettings = {
  suspenseCostCenter: DEFAULT_SUSPENSE_CODE,
  suspenseGlAccount: DEFAULT_SUSPENSE_CODE,
  totalRow: false,
};

/**
 * Why a suspense cost center cannot be used, or null: the code (or name) of one of the company's
 * own cost centers would book the unallocated charges among that cost center's real rows,
 * indistinguishable from them, in the CSV and in the workbook's sheet alike. One check for the
 * app's export and the CLI's, so both refuse the same setting.
 */
export function suspenseProblem(
  settings: Pick<ChargebackCsvSettings, 'suspenseCostCenter'>,
  costCenters: ChargebackNames['costCenters'],
): string | null {
  const code = settings.suspenseCostCenter.trim();
  const suspense = (code === '' ? DEFAULT_SUSPENSE_CODE : code).toLowerCase();
  const taken = costCenters.find(
    (costCenter) =>
      costCenter.code.trim().toLowerCase() === suspense ||
      costCenter.name.trim().toLowerCase() === suspense,
  );
  if (taken === undefined) return null;
  return `The suspense cost center "${code}" is the cost center ${taken.code} ${taken.name}: the unallocated charges would be booked to it among its own. Give a code no cost center has (${DEFAULT_SUSPENSE_CODE} by default).`;
}

/** The label of the optional total row. */
export const CSV_TOTAL_LABEL = 'Total of the month’s invoices';

/** {@link CsvOptions} plus where the unallocated charges go. */
export type ChargebackCsvOptions = CsvOptions & Partial<ChargebackCsvSettings>;

const CSV_DEFAULTS: ChargebackCsvOptions = { bom: true };

/**
 * The detail (or journal) in the preset's layout as CSV; amounts as exact decimals. The unallocated
 * charges (the exceptions) are rows too, booked to the suspense cost center and GL account, so the
 * amount column (or debit minus credit) sums to the month's invoice total.
 */
export function chargebackCsv(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  options: ChargebackCsvOptions = CSV_DEFAULTS,
): string {
  return presetCsv(result, names, preset, result.month, options);
}

/**
 * The GL journal CSV: one line per cost center × GL account, the debit (or net credit) excluding
 * mark-up, memo `Telecom chargeback 2026-10 — 14 invoices`; the unallocated charges on a suspense
 * line, so debits minus credits equal the month's invoices.
 */
export function glJournalCsv(
  result: AllocationResult,
  names: ChargebackNames,
  month: IsoMonth = result.month,
  options: ChargebackCsvOptions = CSV_DEFAULTS,
): string {
  return presetCsv(result, names, GL_JOURNAL_PRESET, month, options);
}

function presetCsv(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  month: IsoMonth,
  options: ChargebackCsvOptions,
): string {
  const rows = layoutRows(result, names, preset, month, options);
  if (options.totalRow === true) rows.push(totalValues(result, names, preset, month, rows));
  return toCsv(
    preset.columns.map((column) => column.header),
    rows.map((values) =>
      preset.columns.map(({ field }): CsvCell => {
        const value = values[field] ?? null;
        if (typeof value === 'number' && FIELD_KINDS[field] === 'money') {
          return centsToDecimalString(cents(value));
        }
        return value;
      }),
    ),
    options,
  );
}

/**
 * Every row of the preset's layout, the CSV's and the workbook's alike: the allocated ones, then
 * the unallocated charges booked to the suspense cost center and GL account, then what the
 * invoices total beyond their lines — so the amounts add up to the month's invoices in either file.
 */
export function layoutRows(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  month: IsoMonth,
  options: Partial<ChargebackCsvSettings> = {},
): FieldValues[] {
  const suspense = suspenseOf(options);
  return [
    ...presetRows(result, names, preset, month),
    ...unallocatedRows(result, names, preset, month, suspense),
    ...notInLinesRows(result, preset, month, suspense),
    ...notItemisedRows(result, preset, month, suspense),
  ];
}

function suspenseOf(options: Partial<ChargebackCsvSettings>): {
  costCenter: string;
  glAccount: string;
} {
  const costCenter = options.suspenseCostCenter?.trim() ?? '';
  const glAccount = options.suspenseGlAccount?.trim() ?? '';
  return {
    costCenter: costCenter === '' ? DEFAULT_SUSPENSE_CODE : costCenter,
    glAccount: glAccount === '' ? DEFAULT_SUSPENSE_CODE : glAccount,
  };
}

/** The money fields of a suspense row: no mark-up, a debit or (below zero) a credit. */
function suspenseAmounts(amount: number): FieldValues {
  return {
    amount,
    markup: 0,
    amountWithMarkup: amount,
    debit: amount >= 0 ? amount : null,
    credit: amount < 0 ? -amount : null,
  };
}

/** The exceptions as rows: one per charge, or one suspense line for a journal. */
function unallocatedRows(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  month: IsoMonth,
  suspense: { costCenter: string; glAccount: string },
): FieldValues[] {
  if (result.exceptions.length === 0) return [];
  const lookup = new Lookup(names);
  if (preset.grouping === 'charge') {
    return result.exceptions.map((exception): FieldValues => {
      const amount = exception.amount;
      const site = exception.siteId ? lookup.site(exception.siteId) : null;
      return {
        month,
        costCenterCode: suspense.costCenter,
        costCenterName: `Unallocated: ${EXCEPTION_LABELS[exception.kind]}`,
        glAccount: suspense.glAccount,
        siteCode: site?.code ?? null,
        siteName: site?.name ?? null,
        carrier: lookup.carrier(exception.carrierId),
        accountNumber: exception.accountNumber,
        invoiceNumber: exception.invoiceNumber,
        serviceId: exception.serviceIdRaw,
        userName: exception.userName ?? null,
        category: CATEGORY_LABELS[exception.category],
        description: exception.description,
        ...suspenseAmounts(amount),
        memo: exception.message,
        invoiceCount: 1,
      };
    });
  }
  const amount = cents(result.exceptions.reduce((sum, exception) => sum + exception.amount, 0));
  const count = new Set(result.exceptions.map((exception) => exception.invoiceId)).size;
  return [
    {
      // In a layout with the budget, the suspense line's variance is its whole amount (no budget
      // covers it), so the Variance column adds up to the month's amount minus its budget.
      ...(wantsBudget(preset) ? unallocatedBudgetValues(amount) : {}),
      month,
      costCenterCode: suspense.costCenter,
      costCenterName: 'Unallocated (suspense)',
      glAccount: suspense.glAccount,
      ...suspenseAmounts(amount),
      memo: `Unallocated telecom charges ${month} — ${count} invoice${count === 1 ? '' : 's'}`,
      invoiceCount: count,
    },
  ];
}

/**
 * One row on the suspense cost center holding `amount` under `label`, with `fields` added (its
 * memo, the invoices it comes from): the months' differences between invoices and lines.
 */
function suspenseLine(
  amount: Cents,
  label: string,
  preset: ExportPreset,
  month: IsoMonth,
  suspense: { costCenter: string; glAccount: string },
  fields: FieldValues,
): FieldValues {
  return {
    // Budget fields are blank in a layout per charge (as its rows and total row leave them).
    ...(wantsBudget(preset) && preset.grouping !== 'charge' ? unallocatedBudgetValues(amount) : {}),
    month,
    costCenterCode: suspense.costCenter,
    costCenterName: label,
    glAccount: suspense.glAccount,
    ...fields,
    ...suspenseAmounts(amount),
  };
}

/**
 * What the invoices total beyond their charge lines, on one suspense row (none when the month
 * reconciles), so the amounts still add up to the invoices and the total row.
 */
function notInLinesRows(
  result: AllocationResult,
  preset: ExportPreset,
  month: IsoMonth,
  suspense: { costCenter: string; glAccount: string },
): FieldValues[] {
  const amount = notInLines(result);
  if (amount === 0) return [];
  const memo = `The invoices of ${month} and their charge lines differ by ${centsToDecimalString(amount)}: see the reconciliation check`;
  return [suspenseLine(amount, NOT_IN_LINES_LABEL, preset, month, suspense, { memo })];
}

/**
 * What the invoices state beyond their charge lines, on one suspense row of its own (none when
 * every invoice adds up), so the amounts add up to the invoices as billed: finance reconciles to
 * those, though no line names a cost center for the difference.
 */
function notItemisedRows(
  result: AllocationResult,
  preset: ExportPreset,
  month: IsoMonth,
  suspense: { costCenter: string; glAccount: string },
): FieldValues[] {
  const amount = notItemisedTotal(result);
  if (amount === 0) return [];
  return [
    suspenseLine(amount, NOT_ITEMISED_LABEL, preset, month, suspense, {
      // The invoices it comes from, so the line can be traced to the bills.
      invoiceNumber: (result.notItemised ?? []).map((invoice) => invoice.invoiceNumber).join(' '),
      memo: notItemisedNote(result),
    }),
  ];
}

/**
 * The total row: the month's invoice total in every money column, labelled in the first text one;
 * a journal's Debit and Credit are their columns' sums (the debits less the credits are the
 * invoice total), as a spreadsheet's total of each column, the workbook's, reads them.
 */
function totalValues(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  month: IsoMonth,
  rows: readonly FieldValues[],
): FieldValues {
  const total = statedInvoicesTotal(result);
  const budget =
    wantsBudget(preset) && preset.grouping !== 'charge'
      ? monthBudgetTotal(result, names.budgets ?? new Map())
      : undefined;
  const values: FieldValues = {
    ...(budget === undefined
      ? {}
      : {
          budget: budget.budget,
          variance: budget.variance,
          variancePercent: budget.variancePercent,
        }),
    amount: total,
    markup: result.totals.markup,
    amountWithMarkup: total + result.totals.markup,
    ...journalTotals(rows, total),
    invoiceCount: result.invoiceCount,
  };
  const label = preset.columns.find(({ field }) => FIELD_KINDS[field] === 'text');
  if (label !== undefined) values[label.field] = `${CSV_TOTAL_LABEL} ${month}`;
  return values;
}

/**
 * A journal's Debit and Credit totals: each column's sum (blank when no row has one); with no row
 * at all, the month's total as a debit (or a credit below zero).
 */
function journalTotals(
  rows: readonly FieldValues[],
  total: number,
): { debit: number | null; credit: number | null } {
  let debit: number | null = null;
  let credit: number | null = null;
  for (const row of rows) {
    if (typeof row.debit === 'number') debit = (debit ?? 0) + row.debit;
    if (typeof row.credit === 'number') credit = (credit ?? 0) + row.credit;
  }
  if (debit === null && credit === null)
    return { debit: total >= 0 ? total : null, credit: total < 0 ? -total : null };
  return { debit, credit };
}
