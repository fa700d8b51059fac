/**
 * The AP payment file: the approved invoices due in a date range, one row per invoice or one row
 * per invoice × cost center (GL coding from the chargeback allocation), as CSV or XLSX. The app's
 * Bills page and the CLI's `payments` command both write it through {@link buildPaymentFile}.
 *
 * Reconciliation: an invoice's cost center rows sum exactly to the amount paid (the stated total,
 * else the sum of the lines). The allocation splits the lines; when the stated total differs from
 * the lines (a balance forward, a rounding on the bill), the difference is spread over the cost
 * centers in proportion to their positive shares by largest remainder, so no cent is lost.
 */
import { allocateMonth, type AllocationInput } from '../allocation';
import { isoMonthOf, type IsoDate, type IsoMonth } from '../dates/iso-date';
import { cents, centsToDecimalString, splitLargestRemainder, type Cents } from '../money/cents';
import type { Carrier, CostCenter, Invoice } from '../model';
import { billedAmount } from '../billing/approval-policy';
import { toCsv, type CsvCell } from './csv';
import { writeXlsx, type XlsxCell, type XlsxColumnKind } from './xlsx';

/** Fields a payment file row can show. Money is cents; dates ISO until written. */
export const PAYMENT_FIELDS = [
  'vendor',
  'remitTo',
  'accountNumber',
  'invoiceNumber',
  'invoiceDate',
  'dueDate',
  'amount',
  'invoiceAmount',
  'costCenterCode',
  'costCenterName',
  'glAccount',
  'paymentBatch',
] as const;

/** See {@link PAYMENT_FIELDS}. */
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** Headers a field gets by default, and how it is written. */
export const PAYMENT_FIELD_INFO: Record<PaymentField, { label: string; kind: XlsxColumnKind }> = {
  vendor: { label: 'Vendor', kind: 'text' },
  remitTo: { label: 'Remit to', kind: 'text' },
  accountNumber: { label: 'Account', kind: 'text' },
  invoiceNumber: { label: 'Invoice number', kind: 'text' },
  invoiceDate: { label: 'Invoice date', kind: 'date' },
  dueDate: { label: 'Due date', kind: 'date' },
  amount: { label: 'Amount', kind: 'money' },
  invoiceAmount: { label: 'Invoice amount', kind: 'money' },
  costCenterCode: { label: 'Cost center', kind: 'text' },
  costCenterName: { label: 'Cost center name', kind: 'text' },
  glAccount: { label: 'GL account', kind: 'text' },
  paymentBatch: { label: 'Payment batch', kind: 'text' },
};

/** How dates are written in the CSV (the XLSX holds real dates). */
export const PAYMENT_DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const;

/** See {@link PAYMENT_DATE_FORMATS}. */
export type PaymentDateFormat = (typeof PAYMENT_DATE_FORMATS)[number];

/** A saved layout of the payment file. */
export interface PaymentPreset {
  id: string;
  name: string;
  /** One row per invoice, or one per invoice × cost center × GL account. */
  rows: 'invoice' | 'cost-center';
  dateFormat: PaymentDateFormat;
  /** End with a row holding the file's total. */
  totalRow: boolean;
  columns: { field: PaymentField; header: string }[];
}

function column(field: PaymentField): { field: PaymentField; header: string } {
  return { field, header: PAYMENT_FIELD_INFO[field].label };
}

/** The invoice's own columns, first in both built-in layouts. */
const INVOICE_COLUMNS: PaymentField[] = PAYMENT_FIELDS.slice(0, 6); // vendor … due date

/** The standard AP upload: one row per invoice × cost center with its GL account. */
export const STANDARD_PAYMENT_PRESET: PaymentPreset = {
  id: 'payment-standard',
  name: 'AP upload by cost center',
  rows: 'cost-center',
  dateFormat: 'YYYY-MM-DD',
  totalRow: false,
  columns: [
    ...INVOICE_COLUMNS,
    'costCenterCode' as const,
    'glAccount' as const,
    'amount' as const,
  ].map(column),
};

/** One row per invoice, for AP systems that code GL themselves. */
export const INVOICE_PAYMENT_PRESET: PaymentPreset = {
  id: 'payment-invoice',
  name: 'AP upload, one row per invoice',
  rows: 'invoice',
  dateFormat: 'MM/DD/YYYY',
  totalRow: true,
  columns: [...INVOICE_COLUMNS, 'amount' as const].map(column),
};

export const BUILT_IN_PAYMENT_PRESETS: readonly PaymentPreset[] = [
  STANDARD_PAYMENT_PRESET,
  INVOICE_PAYMENT_PRESET,
];

/** Why a user-edited layout cannot be used, as a sentence; null when it is fine. */
export function paymentPresetProblem(preset: PaymentPreset): string | null {
  if (preset.name.trim() === '') return 'Give the layout a name.';
  if (preset.columns.length === 0) return 'Choose at least one column.';
  if (!preset.columns.some(({ field }) => field === 'amount'))
    return 'The layout needs the Amount column: AP pays what it says.';
  const seen = new Set<string>();
  for (const { field, header } of preset.columns) {
    if (!(PAYMENT_FIELDS as readonly string[]).includes(field))
      return `There is no field called ${field}.`;
    const name = header.trim();
    if (name === '') return `The ${PAYMENT_FIELD_INFO[field].label} column needs a header.`;
    if (seen.has(name.toLowerCase())) return `Two columns are called "${name}".`;
    seen.add(name.toLowerCase());
  }
  return null;
}

/** Which invoices a payment file takes. */
export interface PaymentSelection {
  from: IsoDate;
  to: IsoDate;
  /** Take invoices already written to an earlier payment file too. */
  includeExported: boolean;
}

/** The date a payment is due: the due date, else the invoice date (bills that state none). */
export function paymentDueDate(invoice: Pick<Invoice, 'dueDate' | 'invoiceDate'>): IsoDate {
  return invoice.dueDate ?? invoice.invoiceDate;
}

/** The approved invoices due from `from` to `to` (inclusive), not yet exported unless asked; by due date. */
export function invoicesToPay(
  invoices: readonly Invoice[],
  selection: PaymentSelection,
): Invoice[] {
  return invoices
    .filter((invoice) => {
      if (invoice.status !== 'approved') return false;
      const due = paymentDueDate(invoice);
      if (due < selection.from || due > selection.to) return false;
      return selection.includeExported || invoice.exportedForPaymentAt === undefined;
    })
    .sort(
      (a, b) =>
        compareText(paymentDueDate(a), paymentDueDate(b)) ||
        compareText(a.carrierId, b.carrierId) ||
        compareText(a.accountNumber, b.accountNumber) ||
        compareText(a.invoiceNumber, b.invoiceNumber),
    );
}

/** One invoice's cost center × GL account part of the payment. */
export interface PaymentPart {
  /** null: the part the allocation could not place (booked to the suspense code). */
  costCenterId: string | null;
  glAccount: string;
  amount: Cents;
}

/** The suspense code of the part of an invoice no cost center takes. */
export const PAYMENT_SUSPENSE = 'UNALLOCATED';

/**
 * Everything the allocation needs except the month, basis and invoices (the payment file always
 * splits whole invoices by invoice date).
 */
export type PaymentAllocationInput = Omit<AllocationInput, 'month' | 'basis' | 'invoices'>;

/**
 * Each invoice's parts by cost center × GL account, summing exactly to its billed amount
 * (see the module comment for how a stated total that differs from the lines is spread).
 */
export function paymentParts(
  invoices: readonly Invoice[],
  allocation: PaymentAllocationInput,
): Map<string, PaymentPart[]> {
  const byMonth = new Map<IsoMonth, Invoice[]>();
  for (const invoice of invoices) {
    const month = isoMonthOf(invoice.invoiceDate);
    byMonth.set(month, [...(byMonth.get(month) ?? []), invoice]);
  }
  const grouped = new Map<string, Map<string, PaymentPart>>();
  const add = (
    invoiceId: string,
    costCenterId: string | null,
    glAccount: string,
    amount: number,
  ) => {
    const parts = grouped.get(invoiceId) ?? new Map<string, PaymentPart>();
    grouped.set(invoiceId, parts);
    const key = `${costCenterId ?? ''}\u0000${glAccount}`;
    const part = parts.get(key);
    if (part === undefined) parts.set(key, { costCenterId, glAccount, amount: cents(amount) });
    else part.amount = cents(part.amount + amount);
  };
  for (const [month, list] of byMonth) {
    const result = allocateMonth({
      ...allocation,
      month,
      basis: 'invoice-date',
      invoices: list,
    });
    for (const row of result.rows) add(row.invoiceId, row.costCenterId, row.glAccount, row.amount);
    for (const exception of result.exceptions)
      add(exception.invoiceId, null, PAYMENT_SUSPENSE, exception.amount);
  }
  const parts = new Map<string, PaymentPart[]>();
  for (const invoice of invoices) {
    const own = [...(grouped.get(invoice.id)?.values() ?? [])];
    parts.set(invoice.id, reconcileParts(billedAmount(invoice), own));
  }
  return parts;
}

/**
 * The parts adjusted to sum to `billed`: the difference from their sum is split by largest
 * remainder over the positive parts (or is one suspense part when none is positive). Parts that
 * end at zero are dropped.
 */
export function reconcileParts(billed: Cents, parts: readonly PaymentPart[]): PaymentPart[] {
  const sum = parts.reduce((total, part) => total + part.amount, 0);
  const difference = billed - sum;
  const result = parts.map((part) => ({ ...part }));
  if (difference !== 0) {
    const weights = result.map((part) => Math.max(part.amount, 0));
    if (weights.some((weight) => weight > 0)) {
      splitLargestRemainder(cents(difference), weights).forEach((extra, index) => {
        const part = result[index];
        if (part !== undefined) part.amount = cents(part.amount + extra);
      });
    } else {
      const suspense = result.find((part) => part.costCenterId === null);
      if (suspense === undefined)
        result.push({ costCenterId: null, glAccount: PAYMENT_SUSPENSE, amount: cents(difference) });
      else suspense.amount = cents(suspense.amount + difference);
    }
  }
  const kept = result.filter((part) => part.amount !== 0);
  return kept.length > 0 || billed !== 0
    ? kept
    : [{ costCenterId: null, glAccount: PAYMENT_SUSPENSE, amount: billed }];
}

/** Names to show instead of ids. */
export interface PaymentNames {
  carriers: readonly Pick<Carrier, 'id' | 'name'>[];
  costCenters: readonly Pick<CostCenter, 'id' | 'code' | 'name'>[];
}

type RowValues = Partial<Record<PaymentField, string | number | null>>;

/** The rows of the file (before formatting): per invoice, or per invoice × cost center. */
export function paymentRows(
  invoices: readonly Invoice[],
  parts: ReadonlyMap<string, readonly PaymentPart[]>,
  names: PaymentNames,
  preset: Pick<PaymentPreset, 'rows'>,
  batch: string,
): RowValues[] {
  const carriers = new Map(names.carriers.map((carrier) => [carrier.id, carrier.name]));
  const costCenters = new Map(names.costCenters.map((center) => [center.id, center]));
  return invoices.flatMap((invoice): RowValues[] => {
    const amount = billedAmount(invoice);
    const base: RowValues = {
      vendor: carriers.get(invoice.carrierId) ?? invoice.carrierId,
      remitTo: invoice.remitTo ?? null,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate ?? null,
      amount,
      invoiceAmount: amount,
      paymentBatch: batch,
    };
    if (preset.rows === 'invoice') return [base];
    return (parts.get(invoice.id) ?? []).map((part): RowValues => {
      const center = part.costCenterId === null ? undefined : costCenters.get(part.costCenterId);
      return {
        ...base,
        amount: part.amount,
        costCenterCode:
          part.costCenterId === null ? PAYMENT_SUSPENSE : (center?.code ?? part.costCenterId),
        costCenterName: part.costCenterId === null ? 'Unallocated' : (center?.name ?? null),
        glAccount: part.glAccount === '' ? null : part.glAccount,
      };
    });
  });
}

/** `2026-12-02` in the chosen format. */
export function formatPaymentDate(date: IsoDate, format: PaymentDateFormat): string {
  const [year, month, day] = date.split('-');
  if (format === 'MM/DD/YYYY') return `${month ?? ''}/${day ?? ''}/${year ?? ''}`;
  if (format === 'DD/MM/YYYY') return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
  return date;
}

/** The label of the optional total row. */
export const PAYMENT_TOTAL_LABEL = 'Total';

export interface PaymentFileRequest extends PaymentSelection {
  /** Every invoice known (the selection picks from them). */
  invoices: readonly Invoice[];
  allocation: PaymentAllocationInput;
  names: PaymentNames;
  preset: PaymentPreset;
  format: 'csv' | 'xlsx';
  /** The batch id written on the rows and on the invoices, e.g. `PAY-20261202-0815`. */
  batch: string;
}

export interface PaymentFile {
  bytes: Uint8Array;
  /** The invoices in the file, to mark as exported. */
  invoices: Invoice[];
  /** Sum of the amounts (to the cent equal to the invoices' billed amounts). */
  total: Cents;
  rowCount: number;
}

/** The payment file: the one function behind the app's export and the CLI's `payments`. */
export function buildPaymentFile(request: PaymentFileRequest): PaymentFile {
  const invoices = invoicesToPay(request.invoices, request);
  const parts =
    request.preset.rows === 'cost-center'
      ? paymentParts(invoices, request.allocation)
      : new Map<string, PaymentPart[]>();
  const rows = paymentRows(invoices, parts, request.names, request.preset, request.batch);
  const total = cents(invoices.reduce((sum, invoice) => sum + billedAmount(invoice), 0));
  const { preset } = request;
  const bytes =
    request.format === 'xlsx'
      ? writeXlsx({
          sheets: [
            {
              name: 'Payments',
              columns: preset.columns.map(({ field, header }) => ({
                header,
                kind: PAYMENT_FIELD_INFO[field].kind,
                total: field === 'amount',
              })),
              rows: rows.map((values) =>
                preset.columns.map(({ field }): XlsxCell => values[field] ?? null),
              ),
              ...(preset.totalRow ? { totalsRow: { label: PAYMENT_TOTAL_LABEL } } : {}),
              freezeHeader: true,
            },
          ],
        })
      : new TextEncoder().encode(csvText(rows, preset, total));
  return { bytes, invoices, total, rowCount: rows.length };
}

function csvText(rows: readonly RowValues[], preset: PaymentPreset, total: Cents): string {
  const cell = (field: PaymentField, value: string | number | null): CsvCell => {
    if (value === null) return null;
    const kind = PAYMENT_FIELD_INFO[field].kind;
    if (kind === 'money' && typeof value === 'number') return centsToDecimalString(cents(value));
    if (kind === 'date' && typeof value === 'string')
      return formatPaymentDate(value as IsoDate, preset.dateFormat);
    return value;
  };
  const body = rows.map((values) =>
    preset.columns.map(({ field }) => cell(field, values[field] ?? null)),
  );
  if (preset.totalRow) {
    const label = preset.columns.findIndex(
      ({ field }) => PAYMENT_FIELD_INFO[field].kind === 'text',
    );
    body.push(
      preset.columns.map(({ field }, index): CsvCell =>
        field === 'amount'
          ? centsToDecimalString(total)
          : index === label
            ? PAYMENT_TOTAL_LABEL
            : null,
      ),
    );
  }
  return toCsv(
    preset.columns.map(({ header }) => header),
    body,
    { bom: true },
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
