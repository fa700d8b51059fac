/**
 * The payment file's layouts: the fields a row can show, the built-in layouts and what makes a
 * user-edited one usable (see `payment-file.ts`).
 */
import type { XlsxColumnKind } from './xlsx';

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
  'currency',
  'amountUsd',
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
  currency: { label: 'Currency', kind: 'text' },
  amountUsd: { label: 'Amount (USD)', kind: 'money' },
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
