/**
 * A bill entered by hand (a PDF or paper bill): the form as typed, its validation in words a
 * finance person understands, the running difference to the stated total, and the draft the
 * import commit stores — so a typed invoice is an invoice like any imported one.
 */
import { calendarProblem, compareIsoDate, isIsoDate, type IsoDate } from '../dates';
import type { BillDraft, DraftChargeLine, DraftInvoice } from '../import/draft';
import { displayText, invoiceKey } from '../ids/keys';
import { CHARGE_CATEGORIES, type ChargeCategory } from '../model';
import {
  cents,
  centsFromText,
  formatCents,
  subtractCents,
  sumCents,
  type Cents,
} from '../money/cents';

/** Profile id of invoices entered by hand (import batches and drafts carry it). */
export const MANUAL_PROFILE_ID = 'manual';
/** How the source of an invoice entered by hand is named. */
export const MANUAL_SOURCE = 'Entered by hand';

/** Lines by charge category (account-level) or by service of the account's inventory. */
export type ManualLineMode = 'category' | 'service';

/** One charge line as typed: text fields exactly as the user left them. */
export interface ManualLineForm {
  category: ChargeCategory;
  /** The service identifier as the inventory writes it; `''` for account-level lines. */
  serviceIdRaw: string;
  /** The inventory service's match key; null for account-level lines. */
  serviceKey: string | null;
  /** By service: the line is deliberately for the whole account (taxes, fees), not a service. */
  accountLevel?: boolean;
  description: string;
  /** Amount as typed (`1,234.56`, `$85`); a credit line is stored negative whatever its sign. */
  amount: string;
}

/** The invoice form as typed; dates are `YYYY-MM-DD` (date inputs) or `''`. */
export interface ManualInvoiceForm {
  carrierName: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  periodStart: string;
  periodEnd: string;
  /** The total the bill states, as typed. */
  statedTotal: string;
  mode: ManualLineMode;
  lines: ManualLineForm[];
}

/** A form field an error is about; lines are `line-<n>-amount` / `line-<n>-service` (1-based). */
export type ManualField =
  | Exclude<keyof ManualInvoiceForm, 'mode' | 'lines'>
  | 'lines'
  | `line-${number}-amount`
  | `line-${number}-service`;

/** One problem with the form. `duplicate` marks an invoice already stored (offered as a replacement). */
export interface ManualInvoiceError {
  field: ManualField;
  message: string;
  duplicate?: boolean;
}

/** One checked line: amounts in cents, credits negative. */
export interface ManualLine {
  category: ChargeCategory;
  serviceIdRaw: string;
  serviceKey: string | null;
  description: string;
  amount: Cents;
}

/** A checked invoice, ready to become a draft: the header as a drafted invoice has it. */
export type ManualInvoice = Pick<
  DraftInvoice,
  | 'carrierName'
  | 'accountNumber'
  | 'invoiceNumber'
  | 'invoiceDate'
  | 'dueDate'
  | 'periodStart'
  | 'periodEnd'
> & {
  /** The total the bill states, in cents. */
  statedTotal: Cents;
  lines: ManualLine[];
};

export type ManualInvoiceCheck =
  { ok: true; value: ManualInvoice } | { ok: false; errors: ManualInvoiceError[] };

/** What the check needs to know about stored invoices. */
export interface ManualInvoiceContext {
  /** `invoiceKey(carrier name, account, invoice number)` of every stored invoice. */
  storedInvoiceKeys: ReadonlySet<string>;
  /** The user chose to replace the stored invoice with the same number. */
  replace?: boolean;
}

/** A form with nothing typed: one empty line by category. */
export function emptyManualForm(mode: ManualLineMode = 'category'): ManualInvoiceForm {
  return {
    carrierName: '',
    accountNumber: '',
    invoiceNumber: '',
    invoiceDate: '',
    dueDate: '',
    periodStart: '',
    periodEnd: '',
    statedTotal: '',
    mode,
    lines: [emptyManualLine()],
  };
}

/** A line with nothing typed (recurring, account-level). */
export function emptyManualLine(category: ChargeCategory = 'recurring'): ManualLineForm {
  return { category, serviceIdRaw: '', serviceKey: null, description: '', amount: '' };
}

/** Whether a line was left entirely blank (ignored, not an error). */
function isBlankLine(line: ManualLineForm): boolean {
  return line.amount.trim() === '' && line.description.trim() === '' && line.serviceIdRaw === '';
}

/** The amount of a line in cents, credits negative; an error sentence when it is not money. */
function lineAmount(line: ManualLineForm): Cents | string {
  const read = centsFromText(line.amount, { subCent: 'reject' });
  if (!read.ok) return read.errors[0]?.message ?? `"${line.amount}" is not an amount of money.`;
  if (read.value === null) return 'Enter the amount of this line.';
  return line.category === 'credit' ? cents(-Math.abs(read.value)) : read.value;
}

/** An optional date field: its ISO date, null when blank, or an error sentence. */
function readDate(text: string, label: string): { date: IsoDate | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { date: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed))
    return { error: `The ${label} "${trimmed}" is not a date.` };
  const problem = calendarProblem(
    Number(trimmed.slice(0, 4)),
    Number(trimmed.slice(5, 7)),
    Number(trimmed.slice(8, 10)),
    trimmed,
  );
  if (problem !== null) return { error: `The ${label}: ${problem}` };
  if (!isIsoDate(trimmed)) return { error: `The ${label} "${trimmed}" is not a date.` };
  return { date: trimmed };
}

/**
 * Checks the form and reads it into cents and ISO dates. Every problem is listed at once, each on
 * its field: missing fields, dates that are not dates, a due date before the invoice date, a
 * period that ends before it starts, amounts that are not money, a service line with no service,
 * and an invoice number the account already has (unless replacing on purpose).
 */
export function checkManualInvoice(
  form: ManualInvoiceForm,
  context: ManualInvoiceContext,
): ManualInvoiceCheck {
  const errors: ManualInvoiceError[] = [];
  const required = (field: ManualField, value: string, label: string) => {
    if (value.trim() === '') errors.push({ field, message: `Enter the ${label}.` });
    return displayText(value);
  };
  const carrierName = required('carrierName', form.carrierName, 'carrier');
  const accountNumber = required('accountNumber', form.accountNumber, 'account number');
  const invoiceNumber = required('invoiceNumber', form.invoiceNumber, 'invoice number');

  const dates: Partial<Record<'invoiceDate' | 'dueDate' | 'periodStart' | 'periodEnd', IsoDate>> =
    {};
  const labels = {
    invoiceDate: 'invoice date',
    dueDate: 'due date',
    periodStart: 'period start',
    periodEnd: 'period end',
  } as const;
  for (const field of ['invoiceDate', 'dueDate', 'periodStart', 'periodEnd'] as const) {
    const read = readDate(form[field], labels[field]);
    if ('error' in read) errors.push({ field, message: read.error });
    else if (read.date !== null) dates[field] = read.date;
  }
  if (form.invoiceDate.trim() === '')
    errors.push({ field: 'invoiceDate', message: 'Enter the invoice date.' });
  const { invoiceDate, dueDate, periodStart, periodEnd } = dates;
  if (invoiceDate && dueDate && compareIsoDate(dueDate, invoiceDate) < 0) {
    errors.push({
      field: 'dueDate',
      message: `The due date (${dueDate}) is before the invoice date (${invoiceDate}).`,
    });
  }
  for (const [field, other] of [
    ['periodStart', 'periodEnd'],
    ['periodEnd', 'periodStart'],
  ] as const) {
    if (form[field].trim() === '' && form[other].trim() !== '')
      errors.push({ field, message: 'Enter both ends of the billing period, or neither.' });
  }
  if (periodStart && periodEnd && compareIsoDate(periodEnd, periodStart) < 0) {
    errors.push({
      field: 'periodEnd',
      message: `The period ends (${periodEnd}) before it starts (${periodStart}).`,
    });
  }

  let statedTotal: Cents | null = null;
  const total = centsFromText(form.statedTotal, { subCent: 'reject' });
  if (!total.ok)
    errors.push({ field: 'statedTotal', message: total.errors[0]?.message ?? 'Not money.' });
  else if (total.value === null)
    errors.push({ field: 'statedTotal', message: 'Enter the total the bill states.' });
  else statedTotal = total.value;

  const lines: ManualLine[] = [];
  form.lines.forEach((line, index) => {
    if (isBlankLine(line)) return;
    const n = index + 1;
    if (form.mode === 'service' && line.serviceIdRaw === '' && line.accountLevel !== true) {
      errors.push({
        field: `line-${n}-service`,
        message: `Line ${n}: pick the service, or "Whole account" for a charge on no service.`,
      });
    }
    const amount = lineAmount(line);
    if (typeof amount === 'string') {
      errors.push({ field: `line-${n}-amount`, message: `Line ${n}: ${amount}` });
      return;
    }
    const byService = form.mode === 'service';
    lines.push({
      category: line.category,
      serviceIdRaw: byService ? line.serviceIdRaw : '',
      serviceKey: byService ? line.serviceKey : null,
      description: displayText(line.description),
      amount,
    });
  });
  if (form.lines.every(isBlankLine))
    errors.push({ field: 'lines', message: 'Enter at least one charge line.' });

  if (
    carrierName !== '' &&
    accountNumber !== '' &&
    invoiceNumber !== '' &&
    context.replace !== true &&
    context.storedInvoiceKeys.has(invoiceKey(carrierName, accountNumber, invoiceNumber))
  ) {
    errors.push({
      field: 'invoiceNumber',
      message: `Invoice ${invoiceNumber} of account ${accountNumber} (${carrierName}) is already stored. Check the number, or replace the stored invoice with this one.`,
      duplicate: true,
    });
  }

  if (errors.length > 0 || invoiceDate === undefined || statedTotal === null)
    return { ok: false, errors };
  const value: ManualInvoice = {
    carrierName,
    accountNumber,
    invoiceNumber,
    invoiceDate,
    statedTotal,
    lines,
  };
  if (dueDate) value.dueDate = dueDate;
  if (periodStart) value.periodStart = periodStart;
  if (periodEnd) value.periodEnd = periodEnd;
  return { ok: true, value };
}

/** The lines against the stated total, for the live status under the form. */
export interface RunningDifference {
  /** Sum of the lines that read as money, credits negative. */
  linesTotal: Cents;
  /** The stated total, null while it is blank or not money. */
  statedTotal: Cents | null;
  /** Lines minus stated total; null without a stated total. */
  difference: Cents | null;
  /** Lines whose amount is not (yet) money: not in `linesTotal`. */
  unreadLines: number;
  /** The whole state in one sentence. */
  sentence: string;
}

/** The running difference of the lines to the stated total, as the user types. */
export function runningDifference(form: ManualInvoiceForm): RunningDifference {
  const amounts: Cents[] = [];
  let unreadLines = 0;
  for (const line of form.lines) {
    if (line.amount.trim() === '') continue;
    const amount = lineAmount(line);
    if (typeof amount === 'string') unreadLines++;
    else amounts.push(amount);
  }
  const linesTotal = sumCents(amounts);
  const total = centsFromText(form.statedTotal, { subCent: 'reject' });
  const statedTotal = total.ok ? total.value : null;
  const difference = statedTotal === null ? null : subtractCents(linesTotal, statedTotal);
  const unread =
    unreadLines > 0
      ? ` ${unreadLines} line${unreadLines === 1 ? '' : 's'} not counted: the amount is not money.`
      : '';
  let sentence: string;
  if (statedTotal === null || difference === null) {
    sentence = `Lines add up to ${formatCents(linesTotal)}; enter the stated total to compare.`;
  } else if (difference === 0) {
    sentence = `Lines add up to ${formatCents(linesTotal)}, exactly the stated total.`;
  } else if (difference < 0) {
    sentence = `Lines add up to ${formatCents(linesTotal)}: ${formatCents(cents(-difference))} less than the stated total of ${formatCents(statedTotal)}.`;
  } else {
    sentence = `Lines add up to ${formatCents(linesTotal)}: ${formatCents(difference)} more than the stated total of ${formatCents(statedTotal)}.`;
  }
  return { linesTotal, statedTotal, difference, unreadLines, sentence: sentence + unread };
}

/**
 * The draft an invoice entered by hand commits through the import path: one invoice, its lines
 * numbered from 1, source `sourceFile` (the PDF's name, or {@link MANUAL_SOURCE}).
 */
export function manualBillDraft(invoice: ManualInvoice, sourceFile: string): BillDraft {
  const key = invoiceKey(invoice.carrierName, invoice.accountNumber, invoice.invoiceNumber);
  const drafted: DraftInvoice = {
    key,
    carrierName: invoice.carrierName,
    accountNumber: invoice.accountNumber,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    statedTotal: invoice.statedTotal,
    sourceFile,
    parts: [{ kind: 'bill', sourceFile }],
  };
  if (invoice.dueDate) drafted.dueDate = invoice.dueDate;
  if (invoice.periodStart) drafted.periodStart = invoice.periodStart;
  if (invoice.periodEnd) drafted.periodEnd = invoice.periodEnd;
  const lines = invoice.lines.map((line, index): DraftChargeLine => {
    const drafted: DraftChargeLine = {
      invoiceKey: key,
      serviceIdRaw: line.serviceIdRaw,
      serviceKey: line.serviceKey,
      description: line.description,
      category: line.category,
      quantity: null,
      amount: line.amount,
      sourceFile,
      sourceRow: index + 1,
    };
    if (invoice.periodStart) drafted.periodStart = invoice.periodStart;
    if (invoice.periodEnd) drafted.periodEnd = invoice.periodEnd;
    return drafted;
  });
  return {
    profileId: MANUAL_PROFILE_ID,
    layoutName: MANUAL_SOURCE,
    dateOrder: 'YMD',
    invoices: [drafted],
    lines,
    usage: [],
    skipped: [],
    errors: [],
    rowsRead: lines.length,
  };
}

/** Whether a word names a charge category (for the category picker). */
export function isChargeCategory(value: string): value is ChargeCategory {
  return (CHARGE_CATEGORIES as readonly string[]).includes(value);
}
