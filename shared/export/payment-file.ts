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
import type { IsoDate } from '../dates/iso-date';
import { cents, centsToDecimalString, type Cents } from '../money/cents';
import type { Carrier, CostCenter, Invoice } from '../model';
import { billedAmount } from '../billing/approval-policy';
import { toCsv, type CsvCell } from './csv';
import { writeXlsx, type XlsxCell } from './xlsx';
import {
  PAYMENT_SUSPENSE,
  paymentParts,
  type PaymentAllocationInput,
  type PaymentPart,
} from './payment-parts';
import {
  PAYMENT_FIELD_INFO,
  type PaymentDateFormat,
  type PaymentField,
  type PaymentPreset,
} from './payment-presets';

export * from './payment-presets';
export * from './payment-parts';

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
