/**
 * The chargeback export: a workbook (Summary: cost center × category with a totals row; Detail:
 * the chosen column layout; Exceptions: what could not be allocated and why) and the same detail,
 * or a GL journal, as CSV. The Summary's total equals the month's invoice total, because it
 * includes an "Unallocated" line for the exceptions; the CSV's amounts do too, because it books the
 * exceptions to a suspense cost center and GL account.
 */
import type { AllocatedCharge, AllocationException, AllocationResult } from '../allocation/types';
import type { IsoMonth } from '../dates/iso-date';
import { cents, centsToDecimalString, type Cents } from '../money/cents';
import {
  CHARGE_CATEGORIES,
  type Carrier,
  type ChargeCategory,
  type CostCenter,
  type Site,
} from '../model';
import { toCsv, type CsvCell, type CsvOptions } from './csv';
import { FIELD_KINDS, GL_JOURNAL_PRESET, type DetailField, type ExportPreset } from './presets';
import { budgetSummaryColumns, wantsBudget, withBudgets } from './chargeback-budget';
import { writeXlsx, type XlsxCell, type XlsxColumn, type XlsxSheet } from './xlsx';

export * from './presets';

/** Names to show instead of ids. */
export interface ChargebackNames {
  costCenters: readonly Pick<CostCenter, 'id' | 'code' | 'name'>[];
  carriers: readonly Pick<Carrier, 'id' | 'name'>[];
  sites: readonly Pick<Site, 'id' | 'code' | 'name'>[];
  /**
   * The month's budget per cost center id (all its carriers), for the Budget, Variance and
   * Variance % fields and Summary columns; absent when no budget is set for the month.
   */
  budgets?: ReadonlyMap<string, Cents>;
}

/** Category names as finance reads them. */
export const CATEGORY_LABELS: Record<ChargeCategory, string> = {
  recurring: 'Recurring',
  usage: 'Usage',
  'one-time': 'One-time',
  equipment: 'Equipment',
  tax: 'Taxes',
  surcharge: 'Surcharges & fees',
  credit: 'Credits',
  'late-fee': 'Late fees',
  adjustment: 'Adjustments',
  'third-party': 'Third-party',
};

const EXCEPTION_LABELS: Record<AllocationResult['exceptions'][number]['kind'], string> = {
  'no-cost-center': 'No cost center',
  'inactive-cost-center': 'Inactive cost center',
  'unknown-service': 'Service not in inventory',
  'closed-site': 'Closed site',
};

/** The label of the Summary line holding the exceptions. */
export const UNALLOCATED_LABEL = 'Unallocated (see Exceptions)';

/**
 * A row of the export: a value per field; money in cents, blank as null (`costCenterId` is kept
 * for the budget columns, never written).
 */
type FieldValues = Partial<Record<DetailField, string | number | null>> & { costCenterId?: string };

/** The workbook: Summary, Detail (in the preset's layout) and Exceptions sheets. */
export function chargebackXlsx(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
): Uint8Array {
  const detail = presetRows(result, names, preset, result.month);
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
  return writeXlsx({ sheets });
}

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
  const suspense = suspenseOf(options);
  const rows = [
    ...presetRows(result, names, preset, month),
    ...unallocatedRows(result, names, preset, month, suspense),
  ];
  if (options.totalRow === true) rows.push(totalValues(result, preset, month));
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

function suspenseOf(options: ChargebackCsvOptions): { costCenter: string; glAccount: string } {
  const costCenter = options.suspenseCostCenter?.trim() ?? '';
  const glAccount = options.suspenseGlAccount?.trim() ?? '';
  return {
    costCenter: costCenter === '' ? DEFAULT_SUSPENSE_CODE : costCenter,
    glAccount: glAccount === '' ? DEFAULT_SUSPENSE_CODE : glAccount,
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
      return {
        month,
        costCenterCode: suspense.costCenter,
        costCenterName: `Unallocated: ${EXCEPTION_LABELS[exception.kind]}`,
        glAccount: suspense.glAccount,
        siteCode: null,
        siteName: null,
        carrier: lookup.carrier(exception.carrierId),
        accountNumber: exception.accountNumber,
        invoiceNumber: exception.invoiceNumber,
        serviceId: exception.serviceIdRaw,
        userName: null,
        category: CATEGORY_LABELS[exception.category],
        description: exception.description,
        amount,
        markup: 0,
        amountWithMarkup: amount,
        debit: amount >= 0 ? amount : null,
        credit: amount < 0 ? -amount : null,
        memo: exception.message,
        invoiceCount: 1,
      };
    });
  }
  const amount = result.exceptions.reduce((sum, exception) => sum + exception.amount, 0);
  const count = new Set(result.exceptions.map((exception) => exception.invoiceId)).size;
  return [
    {
      month,
      costCenterCode: suspense.costCenter,
      costCenterName: 'Unallocated (suspense)',
      glAccount: suspense.glAccount,
      amount,
      markup: 0,
      amountWithMarkup: amount,
      debit: amount >= 0 ? amount : null,
      credit: amount < 0 ? -amount : null,
      memo: `Unallocated telecom charges ${month} — ${count} invoice${count === 1 ? '' : 's'}`,
      invoiceCount: count,
    },
  ];
}

/** The total row: the month's invoice total in every money column, labelled in the first text one. */
function totalValues(result: AllocationResult, preset: ExportPreset, month: IsoMonth): FieldValues {
  const total = result.totals.invoices;
  const values: FieldValues = {
    amount: total,
    markup: result.totals.markup,
    amountWithMarkup: total + result.totals.markup,
    debit: total >= 0 ? total : null,
    credit: total < 0 ? -total : null,
    invoiceCount: result.invoiceCount,
  };
  const label = preset.columns.find(({ field }) => FIELD_KINDS[field] === 'text');
  if (label !== undefined) values[label.field] = `${CSV_TOTAL_LABEL} ${month}`;
  return values;
}

/** The rows a preset shows: one per charge, or one per cost center × GL account. */
function presetRows(
  result: AllocationResult,
  names: ChargebackNames,
  preset: ExportPreset,
  month: IsoMonth,
): FieldValues[] {
  const lookup = new Lookup(names);
  if (preset.grouping === 'charge') return result.rows.map((row) => chargeValues(row, lookup));
  const groups = new Map<
    string,
    { row: AllocatedCharge; amount: number; markup: number; invoices: Set<string> }
  >();
  for (const row of result.rows) {
    const key = `${row.costCenterId}\u0000${row.glAccount}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, {
        row,
        amount: row.amount,
        markup: row.markup,
        invoices: new Set([row.invoiceId]),
      });
    } else {
      group.amount += row.amount;
      group.markup += row.markup;
      group.invoices.add(row.invoiceId);
    }
  }
  const rows = [...groups.values()]
    .map(({ row, amount, markup, invoices }): FieldValues => {
      const costCenter = lookup.costCenter(row.costCenterId);
      const count = invoices.size;
      return {
        month,
        costCenterId: row.costCenterId,
        costCenterCode: costCenter.code,
        costCenterName: costCenter.name,
        glAccount: row.glAccount,
        amount,
        markup,
        amountWithMarkup: amount + markup,
        debit: amount >= 0 ? amount : null,
        credit: amount < 0 ? -amount : null,
        memo: `Telecom chargeback ${month} — ${count} invoice${count === 1 ? '' : 's'}`,
        invoiceCount: count,
      };
    })
    .sort((a, b) =>
      compareText(
        `${a.costCenterCode}\u0000${a.glAccount}`,
        `${b.costCenterCode}\u0000${b.glAccount}`,
      ),
    );
  return wantsBudget(preset) ? withBudgets(rows, result, names, month) : rows;
}

function chargeValues(row: AllocatedCharge, lookup: Lookup): FieldValues {
  const costCenter = lookup.costCenter(row.costCenterId);
  const site = row.siteId === null ? null : lookup.site(row.siteId);
  return {
    month: row.month,
    costCenterCode: costCenter.code,
    costCenterName: costCenter.name,
    glAccount: row.glAccount,
    siteCode: site?.code ?? null,
    siteName: site?.name ?? null,
    carrier: lookup.carrier(row.carrierId),
    accountNumber: row.accountNumber,
    invoiceNumber: row.invoiceNumber,
    serviceId: row.serviceIdRaw,
    userName: row.userName,
    category: CATEGORY_LABELS[row.category],
    description: row.description,
    amount: row.amount,
    markup: row.markup,
    amountWithMarkup: row.amount + row.markup,
    debit: row.amount >= 0 ? row.amount : null,
    credit: row.amount < 0 ? -row.amount : null,
    memo: null,
    invoiceCount: 1,
  };
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
  const rows = result.byCostCenter.map((entry): XlsxCell[] => {
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
  // Cost centers budgeted for the month with no charge in it, so the budget column adds up.
  for (const id of budget.unbilled) {
    const costCenter = lookup.costCenter(id);
    rows.push([
      costCenter.code,
      costCenter.name,
      ...categories.map(() => 0),
      0,
      0,
      0,
      ...budget.cells(id),
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

/** Id → display names; an id with no entry shows as itself, so nothing is silently blank. */
class Lookup {
  private readonly costCenters: Map<string, { code: string; name: string }>;
  private readonly carriers: Map<string, string>;
  private readonly sites: Map<string, { code: string; name: string }>;

  constructor(names: ChargebackNames) {
    this.costCenters = new Map(names.costCenters.map((entry) => [entry.id, entry]));
    this.carriers = new Map(names.carriers.map((entry) => [entry.id, entry.name]));
    this.sites = new Map(names.sites.map((entry) => [entry.id, entry]));
  }

  costCenter(id: string): { code: string; name: string } {
    return this.costCenters.get(id) ?? { code: id, name: id };
  }

  site(id: string): { code: string; name: string } {
    return this.sites.get(id) ?? { code: id, name: id };
  }

  carrier(id: string): string {
    return this.carriers.get(id) ?? id;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sum of the Summary's total column: the month's invoice total (allocated plus unallocated). */
export function summaryTotal(result: AllocationResult): Cents {
  return cents(result.byCostCenter.reduce((sum, entry) => sum + entry.total, 0));
}
