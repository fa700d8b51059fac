/** Schemas of the billing tables: imports, their files, invoices, packed charge lines, usage. */
import { z } from 'zod';
import { CHARGE_FIELDS } from '../../import/charge-rows';
import { CHARGE_CATEGORIES, INVOICE_STATUSES } from '../../model';
import {
  binary,
  cents,
  count,
  finiteNumber,
  isoDate,
  isoMonth,
  oneOf,
  record,
  text,
  texts,
  timestamp,
  yesNo,
} from './fields';

const chargeCategory = oneOf(CHARGE_CATEGORIES);

export const importBatchSchema = record({
  id: text,
  fileName: text,
  fileHash: text,
  fileSize: count,
  importedAt: timestamp,
  profileId: text,
  carrierId: text.optional(),
  counts: record({
    rowsRead: count,
    invoices: count,
    chargeLines: count,
    usageRecords: count,
    rowsSkipped: count,
    rowErrors: count,
  }),
  sample: yesNo.optional(),
  encoding: text.optional(),
  usageInvoiceIds: texts.optional(),
});

export const originalFileSchema = record({
  batchId: text,
  fileName: text,
  mediaType: text,
  bytes: binary<Uint8Array>(Uint8Array, 'the file’s bytes'),
});

export const invoiceSchema = record({
  id: text,
  carrierId: text,
  accountNumber: text,
  invoiceNumber: text,
  invoiceDate: isoDate,
  dueDate: isoDate.optional(),
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
  statedTotal: cents.nullable(),
  linesTotal: cents,
  lineCount: count,
  categoryTotals: z.partialRecord(chargeCategory, cents),
  status: oneOf(INVOICE_STATUSES),
  history: z
    .array(record({ status: oneOf(INVOICE_STATUSES), at: timestamp, note: text.optional() }))
    .optional(),
  importBatchId: text,
  sourceFile: text.optional(),
  parts: z.array(record({ kind: text, sourceFile: text, importBatchId: text })).optional(),
  approval: record({
    decidedBy: oneOf(['policy', 'person'] as const),
    outcome: oneOf(['approve', 'review'] as const),
    rule: text,
    reason: text,
    decidedOn: isoDate,
  }).optional(),
  remitTo: text.optional(),
  lineAccounts: texts.optional(),
  exchange: record({
    currency: text,
    usdPerUnit: text,
    originalAmount: text,
    originalDue: text.optional(),
  }).optional(),
  balance: record({
    previousBalance: cents.optional(),
    payments: cents.optional(),
    adjustments: cents.optional(),
    balanceForward: cents.optional(),
    amountDue: cents,
  }).optional(),
  payment: record({ paidOn: isoDate, reference: text }).optional(),
  unread: record({ rows: count, amount: cents, unpriced: count }).optional(),
  exportedForPaymentAt: timestamp.optional(),
  paymentBatch: text.optional(),
});

/** A column of a packed block, as a problem at `field` when `bad(value)` holds for any entry. */
function checkColumn(
  context: z.RefinementCtx,
  field: string,
  values: ArrayLike<unknown>,
  bad: (value: unknown) => boolean,
  problem: string,
): void {
  for (let i = 0; i < values.length; i++) {
    if (bad(values[i])) {
      context.addIssue({ code: 'custom', path: [field, i], message: problem, input: values[i] });
      return;
    }
  }
}

/** Every column of a block must hold `count` entries, so row i of each is line i. */
function checkLengths(
  context: z.RefinementCtx,
  block: Record<string, unknown>,
  size: number,
): void {
  for (const [field, column] of Object.entries(block)) {
    if (field === 'files' || !(Array.isArray(column) || ArrayBuffer.isView(column))) continue;
    const length = (column as ArrayLike<unknown>).length;
    if (length !== size) {
      context.addIssue({
        code: 'custom',
        path: [field],
        message: `must hold ${size} entries, one per line of the block`,
        input: `${length} entries`,
      });
    }
  }
}

const isPeriodDate = (value: unknown): boolean => value !== '' && !isoDate.safeParse(value).success;

export const chargeBlockSchema = record({
  invoiceId: text,
  blockIndex: count,
  count: count,
  serviceIdRaw: texts,
  serviceKey: texts,
  description: texts,
  category: binary<Uint8Array>(Uint8Array, 'a list of charge categories'),
  quantity: binary<Float64Array>(Float64Array, 'a list of quantities'),
  amount: binary<Float64Array>(Float64Array, 'a list of amounts'),
  sourceRow: binary<Uint32Array>(Uint32Array, 'a list of line numbers'),
  periodStart: texts,
  periodEnd: texts,
  files: texts.optional(),
  fileIndex: binary<Uint16Array>(Uint16Array, 'a list of file numbers').optional(),
  accountNumber: texts.optional(),
  plan: texts.optional(),
}).superRefine((block, context) => {
  checkLengths(context, block, block.count);
  checkColumn(
    context,
    'category',
    block.category,
    (value) => typeof value !== 'number' || value >= CHARGE_CATEGORIES.length,
    'must hold charge categories',
  );
  checkColumn(
    context,
    'amount',
    block.amount,
    (value) => !Number.isSafeInteger(value),
    'must hold whole numbers of cents',
  );
  checkColumn(context, 'periodStart', block.periodStart, isPeriodDate, 'must hold dates or blanks');
  checkColumn(context, 'periodEnd', block.periodEnd, isPeriodDate, 'must hold dates or blanks');
  const files = block.files?.length ?? 0;
  if (block.fileIndex) {
    checkColumn(
      context,
      'fileIndex',
      block.fileIndex,
      (value) => typeof value !== 'number' || value >= files,
      `must point at one of the block's ${files} files`,
    );
  }
});

export const serviceTotalsSchema = record({
  invoiceId: text,
  keys: texts,
  categories: binary<Uint8Array>(Uint8Array, 'a list of charge categories'),
  amounts: binary<Float64Array>(Float64Array, 'a list of amounts'),
  accounts: texts.optional(),
}).superRefine((totals, context) => {
  checkLengths(context, totals, totals.keys.length);
  checkColumn(
    context,
    'amounts',
    totals.amounts,
    (value) => !Number.isSafeInteger(value),
    'must hold whole numbers of cents',
  );
  checkColumn(
    context,
    'categories',
    totals.categories,
    (value) => typeof value !== 'number' || value >= CHARGE_CATEGORIES.length,
    'must hold charge categories',
  );
});

export const usageRecordSchema = record({
  serviceKey: text,
  serviceIdRaw: text,
  month: isoMonth,
  invoiceId: text.optional(),
  minutes: finiteNumber.nullable(),
  messages: finiteNumber.nullable(),
  dataKb: finiteNumber.nullable(),
  roamingMinutes: finiteNumber,
  roamingDataKb: finiteNumber,
  usageCharges: cents,
});

export const invoiceUsageSchema = record({
  invoiceId: text,
  records: z.array(usageRecordSchema, { error: 'must be a list of usage records' }),
});

export const columnMappingSchema = record({
  id: text,
  signature: text,
  carrierName: text,
  accountNumber: text.optional(),
  columns: z.record(text, oneOf([...CHARGE_FIELDS, 'ignore'])),
  dateOrder: oneOf(['MDY', 'DMY', 'YMD', 'auto']),
  decimal: oneOf(['.', ',']),
  signConvention: oneOf(['as-is', 'credits-positive']),
  defaultCategory: chargeCategory,
});
