/**
 * Column layouts of the chargeback export: which fields, in which order, under which headers.
 * A preset either lists one row per allocated charge, or one row per cost center × GL account
 * (a journal to book the chargeback).
 */

/** Fields a chargeback row can show. Money fields are cents; the writers format them. */
export const DETAIL_FIELDS = [
  'month',
  'costCenterCode',
  'costCenterName',
  'glAccount',
  'siteCode',
  'siteName',
  'carrier',
  'accountNumber',
  'invoiceNumber',
  'serviceId',
  'userName',
  'category',
  'description',
  'amount',
  'markup',
  'amountWithMarkup',
  'debit',
  'credit',
  'memo',
  'invoiceCount',
  'budget',
  'variance',
  'variancePercent',
] as const;

/** See {@link DETAIL_FIELDS}. */
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** How a field's values are written. */
export const FIELD_KINDS: Record<DetailField, 'text' | 'money' | 'number'> = {
  month: 'text',
  costCenterCode: 'text',
  costCenterName: 'text',
  glAccount: 'text',
  siteCode: 'text',
  siteName: 'text',
  carrier: 'text',
  accountNumber: 'text',
  invoiceNumber: 'text',
  serviceId: 'text',
  userName: 'text',
  category: 'text',
  description: 'text',
  amount: 'money',
  markup: 'money',
  amountWithMarkup: 'money',
  debit: 'money',
  credit: 'money',
  memo: 'text',
  invoiceCount: 'number',
  budget: 'money',
  variance: 'money',
  variancePercent: 'number',
};

/**
 * The budget fields: filled per cost center in rows grouped by cost center × GL account (on the
 * cost center's first row, so a column adds up once per cost center), blank in rows per charge.
 * `variance` is the cost center's month actual minus its budget; `variancePercent` is of the budget,
 * as a plain number of percent (`13.64`, `-25`), so a spreadsheet can sort and sum it.
 */
export const BUDGET_FIELDS: readonly DetailField[] = ['budget', 'variance', 'variancePercent'];

/**
 * A column layout. `charge` rows are one per allocated charge; `cost-center-gl` rows are one per
 * cost center × GL account, where charge-level fields (service, description…) are blank.
 */
export interface ExportPreset {
  id: string;
  name: string;
  grouping: 'charge' | 'cost-center-gl';
  columns: { field: DetailField; header: string }[];
}

/** One row per charge with the fields finance asks for. */
export const STANDARD_PRESET: ExportPreset = {
  id: 'standard',
  name: 'Standard detail',
  grouping: 'charge',
  columns: [
    { field: 'month', header: 'Month' },
    { field: 'costCenterCode', header: 'Cost center' },
    { field: 'costCenterName', header: 'Cost center name' },
    { field: 'glAccount', header: 'GL account' },
    { field: 'siteCode', header: 'Site' },
    { field: 'carrier', header: 'Carrier' },
    { field: 'accountNumber', header: 'Account' },
    { field: 'invoiceNumber', header: 'Invoice' },
    { field: 'serviceId', header: 'Service ID' },
    { field: 'userName', header: 'User' },
    { field: 'category', header: 'Category' },
    { field: 'description', header: 'Description' },
    { field: 'amount', header: 'Amount' },
  ],
};

/** The standard detail plus mark-up columns, for companies that charge a mark-up. */
export const MARKUP_PRESET: ExportPreset = {
  id: 'standard-markup',
  name: 'Detail with mark-up',
  grouping: 'charge',
  columns: [
    ...STANDARD_PRESET.columns,
    { field: 'markup', header: 'Mark-up' },
    { field: 'amountWithMarkup', header: 'Amount with mark-up' },
  ],
};

/**
 * A GL journal: one debit (or, for a net credit, credit) per cost center × GL account. The amounts
 * exclude mark-up (its own column); the exceptions go on one suspense line (see `chargebackCsv`).
 */
export const GL_JOURNAL_PRESET: ExportPreset = {
  id: 'gl-journal',
  name: 'GL journal',
  grouping: 'cost-center-gl',
  columns: [
    { field: 'month', header: 'Period' },
    { field: 'costCenterCode', header: 'Cost center' },
    { field: 'costCenterName', header: 'Cost center name' },
    { field: 'glAccount', header: 'GL account' },
    { field: 'debit', header: 'Debit' },
    { field: 'credit', header: 'Credit' },
    { field: 'markup', header: 'Mark-up' },
    { field: 'memo', header: 'Memo' },
  ],
};

/**
 * The month by cost center against its budget (Budgets section): one row per cost center × GL
 * account, the budget and variance on the cost center's first row.
 */
export const BUDGET_VARIANCE_PRESET: ExportPreset = {
  id: 'budget-variance',
  name: 'Cost centers vs budget',
  grouping: 'cost-center-gl',
  columns: [
    { field: 'month', header: 'Month' },
    { field: 'costCenterCode', header: 'Cost center' },
    { field: 'costCenterName', header: 'Cost center name' },
    { field: 'glAccount', header: 'GL account' },
    { field: 'amount', header: 'Amount' },
    { field: 'budget', header: 'Budget' },
    { field: 'variance', header: 'Variance' },
    { field: 'variancePercent', header: 'Variance %' },
  ],
};

/** The presets that ship with the app, `standard` first. */
export const BUILT_IN_PRESETS: readonly ExportPreset[] = [
  STANDARD_PRESET,
  MARKUP_PRESET,
  GL_JOURNAL_PRESET,
  BUDGET_VARIANCE_PRESET,
];

/** Why a user-edited preset cannot be used, as a sentence; null when it is fine. */
export function presetProblem(preset: ExportPreset): string | null {
  if (preset.name.trim() === '') return 'Give the layout a name.';
  if (preset.columns.length === 0) return 'Choose at least one column.';
  const known = new Set<string>(DETAIL_FIELDS);
  const unknown = preset.columns.find((column) => !known.has(column.field));
  if (unknown !== undefined) return `There is no field called ${unknown.field}.`;
  const seen = new Set<string>();
  for (const column of preset.columns) {
    const header = column.header.trim();
    if (header === '') return `The ${column.field} column needs a header.`;
    if (seen.has(header.toLowerCase())) return `Two columns are called "${header}".`;
    seen.add(header.toLowerCase());
  }
  return null;
}
