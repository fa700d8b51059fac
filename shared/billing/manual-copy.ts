/**
 * "Copy last month's invoice": a form pre-filled from an account's latest invoice, its dates a
 * month on and its lines copied, the invoice number and stated total left for the new bill.
 */
import { addMonths, endOfMonth, type IsoDate } from '../dates';
import type { ChargeLine, Invoice } from '../model';
import { centsToDecimalString, cents } from '../money/cents';
import type { ManualInvoiceForm, ManualLineForm } from './manual-invoice';

/** The previous invoice as the copy needs it. */
export interface PreviousInvoice {
  carrierName: string;
  invoice: Pick<
    Invoice,
    'accountNumber' | 'invoiceNumber' | 'invoiceDate' | 'dueDate' | 'periodStart' | 'periodEnd'
  >;
  lines: readonly Pick<
    ChargeLine,
    'category' | 'serviceIdRaw' | 'serviceKey' | 'description' | 'amount'
  >[];
}

/** `date` a month on; a month's last day stays the last day (Jan 31 → Feb 28, Feb 28 → Mar 31). */
export function nextMonthDate(date: IsoDate): IsoDate {
  return date === endOfMonth(date) ? endOfMonth(addMonths(date, 1)) : addMonths(date, 1);
}

/**
 * The form for the next bill of `previous`'s account: carrier and account kept, every date a
 * month on (computed from the previous invoice's own dates, never from the clock), the lines
 * copied with their amounts (credits written as positive amounts on a credit line, as the form
 * takes them), lines by service when any line named a service. The invoice number and the stated
 * total are left blank: they are the new bill's.
 */
export function copyLastMonth(previous: PreviousInvoice): ManualInvoiceForm {
  const { invoice } = previous;
  const next = (date: IsoDate | undefined) => (date === undefined ? '' : nextMonthDate(date));
  const lines = previous.lines.map((line): ManualLineForm => ({
    category: line.category,
    serviceIdRaw: line.serviceIdRaw,
    serviceKey: line.serviceKey,
    accountLevel: line.serviceIdRaw === '',
    description: line.description,
    amount: centsToDecimalString(
      line.category === 'credit' ? cents(Math.abs(line.amount)) : line.amount,
    ),
  }));
  return {
    carrierName: previous.carrierName,
    accountNumber: invoice.accountNumber,
    invoiceNumber: '',
    invoiceDate: nextMonthDate(invoice.invoiceDate),
    dueDate: next(invoice.dueDate),
    periodStart: next(invoice.periodStart),
    periodEnd: next(invoice.periodEnd),
    statedTotal: '',
    mode: previous.lines.some((line) => line.serviceIdRaw !== '') ? 'service' : 'category',
    lines,
  };
}
