/**
 * The AP payment file: the approved invoices due in a date range, one row per invoice or one row
 * per invoice × cost center (GL coding from the chargeback allocation), as CSV or XLSX. The app's
 * Bills page and the CLI's `payments` command both write it through {@link buildPaymentFile}.
 *
 * Reconciliation: an invoice's cost center rows sum exactly to the amount paid (the stated total,
 * else the sum of the lines). The allocation splits the lines; when the stated total differs from
 * the lines (a balance forward, a rounding on the bill), the difference is spread over the cost
 * centers in proportion to their positive shares by largest remainder, so no cent is lost.
 *
 * A payment file pays money out: an approved invoice whose total is zero or below (a credit memo)
 * is left out of it, and returned apart to be said (`payment-credits.ts`).
 */
import type { IsoDate } from '../dates/iso-date';
import { cents, centsToDecimalString, type Cents } from '../money/cents';
import type { Carrier, CostCenter, Invoice } from '../model';
import { billedAmount } from '../billing/approval-policy';
import { toCsv, type CsvCell } from './csv';
import { writeXlsx, type XlsxCell } from './xlsx';
import {
  partsInCurrency,
  paymentAmountOf,
  totalsByCurrency,
  US_DOLLARS,
  type CurrencyTotal,
} from './payment-currency';
import {
  PAYMENT_SUSPENSE,
  paymentParts,
  type PaymentAllocationInput,
  type PaymentPart,
} from './payment-parts';
import { separateCredits, type PaymentCredit } from './payment-credits';
import {
  PAYMENT_FIELD_INFO,
  type PaymentDateFormat,
  type PaymentField,
  type PaymentPreset,
} from './payment-presets';

export * from './payment-presets';
export * from './payment-parts';
export * from './payment-currency';
export * from './payment-credits';

/** Which invoices a payment file takes. */
export interface PaymentSelection {
  from: IsoDate;
  to: IsoDate;
  /** Take invoices already written to an earlier payment file too. */
  includeExported: boolean;
}

/**
 * A payment file's batch id from the time it is written, to the second (`PAY-20261202-081530`):
 * the app and the CLI both name batches so, and two files written the same minute are two batches.
 */
export function paymentBatchId(now: Date): string {
  const iso = now.toISOString();
  return `PAY-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
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

/** The Vendor of an invoice: its carrier's name (the id when the carrier is not known). */
function vendorOf(names: PaymentNames): (invoice: Invoice) => string {
  const carriers = new Map(names.carriers.map((carrier) => [carrier.id, carrier.name]));
  return (invoice) => carriers.get(invoice.carrierId) ?? invoice.carrierId;
}

type RowValues = Partial<Record<PaymentField, string | number | null>>;

/**
 * The rows of the file (before formatting): per invoice, or per invoice × cost center. An invoice
 * in another currency is paid in it: its amounts are in that currency, the US dollars beside.
 */
export function paymentRows(
  invoices: readonly Invoice[],
  parts: ReadonlyMap<string, readonly PaymentPart[]>,
  names: PaymentNames,
  preset: Pick<PaymentPreset, 'rows'>,
  batch: string,
): RowValues[] {
  const vendor = vendorOf(names);
  const costCenters = new Map(names.costCenters.map((center) => [center.id, center]));
  return invoices.flatMap((invoice): RowValues[] => {
    const usd = billedAmount(invoice);
    const paid = paymentAmountOf(invoice);
    const base: RowValues = {
      vendor: vendor(invoice),
      remitTo: invoice.remitTo ?? null,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate ?? null,
      amount: paid.amount,
      invoiceAmount: paid.amount,
      currency: paid.currency,
      amountUsd: usd,
      paymentBatch: batch,
    };
    if (preset.rows === 'invoice') return [base];
    const own = parts.get(invoice.id) ?? [];
    const inCurrency = partsInCurrency(own, usd, paid.amount);
    return own.map((part, index): RowValues => {
      const center = part.costCenterId === null ? undefined : costCenters.get(part.costCenterId);
      return {
        ...base,
        amount: inCurrency[index] ?? part.amount,
        amountUsd: part.amount,
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
  /**
   * The approved invoices due in the range whose total is zero or below (credit memos): not in the
   * file, not to be marked exported; AP applies a credit against the carrier's next invoice.
   */
  credits: PaymentCredit[];
  /** Sum of the invoices' billed amounts in US dollars (as the books hold them); never below 0. */
  total: Cents;
  /** What the file pays, per currency (US dollars first), each to the cent its rows' sum. */
  totals: CurrencyTotal[];
  rowCount: number;
}

/** The payment file: the one function behind the app's export and the CLI's `payments`. */
export function buildPaymentFile(request: PaymentFileRequest): PaymentFile {
  const { payable: invoices, credits } = separateCredits(
    invoicesToPay(request.invoices, request),
    vendorOf(request.names),
  );
  const parts =
    request.preset.rows === 'cost-center'
      ? paymentParts(invoices, request.allocation)
      : new Map<string, PaymentPart[]>();
  const rows = paymentRows(invoices, parts, request.names, request.preset, request.batch);
  const total = cents(invoices.reduce((sum, invoice) => sum + billedAmount(invoice), 0));
  const totals = totalsByCurrency(
    invoices.map((invoice) => ({ paid: paymentAmountOf(invoice), usd: billedAmount(invoice) })),
  );
  const foreign = totals.some(({ currency }) => currency !== US_DOLLARS);
  // A file paying another currency says each row's currency, and totals each currency alone.
  const preset = foreign ? withCurrencyColumns(request.preset) : request.preset;
  const body = foreign && preset.totalRow ? [...rows, ...currencyTotalRows(preset, totals)] : rows;
  const bytes =
    request.format === 'xlsx'
      ? writeXlsx({
          sheets: [
            {
              name: 'Payments',
              columns: preset.columns.map(({ field, header }) => ({
                header,
                kind: PAYMENT_FIELD_INFO[field].kind,
                total: !foreign && field === 'amount',
              })),
              rows: body.map((values) =>
                preset.columns.map(({ field }): XlsxCell => values[field] ?? null),
              ),
              ...(preset.totalRow && !foreign ? { totalsRow: { label: PAYMENT_TOTAL_LABEL } } : {}),
              freezeHeader: true,
            },
          ],
          // Not every amount is in dollars: no "$" on any.
          ...(foreign ? { moneyFormat: PLAIN_MONEY_FORMAT } : {}),
        })
      : new TextEncoder().encode(csvText(body, preset, foreign ? null : total));
  return { bytes, invoices, credits, total, totals, rowCount: rows.length };
}

/** Amounts with two decimals and no currency sign, negatives in red. */
const PLAIN_MONEY_FORMAT = '#,##0.00;[Red]-#,##0.00';

/** The layout with the Currency and Amount (USD) columns after Amount, unless it has them. */
function withCurrencyColumns(preset: PaymentPreset): PaymentPreset {
  const added = (['currency', 'amountUsd'] as const)
    .filter((field) => !preset.columns.some((column) => column.field === field))
    .map((field) => ({ field, header: PAYMENT_FIELD_INFO[field].label }));
  const at = preset.columns.findIndex(({ field }) => field === 'amount') + 1;
  return {
    ...preset,
    columns: [...preset.columns.slice(0, at), ...added, ...preset.columns.slice(at)],
  };
}

/** One total row per currency (`Total CAD`), with its US dollar equivalent. */
function currencyTotalRows(preset: PaymentPreset, totals: readonly CurrencyTotal[]): RowValues[] {
  const label = preset.columns.find(
    ({ field }) => PAYMENT_FIELD_INFO[field].kind === 'text' && field !== 'currency',
  );
  return totals.map(({ currency, amount, usd }) => ({
    ...(label === undefined ? {} : { [label.field]: `${PAYMENT_TOTAL_LABEL} ${currency}` }),
    amount,
    currency,
    amountUsd: usd,
  }));
}

/** The CSV; `total`: the one total row's amount (US dollars only), null for none or per currency. */
function csvText(rows: readonly RowValues[], preset: PaymentPreset, total: Cents | null): string {
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
  if (preset.totalRow && total !== null) {
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
