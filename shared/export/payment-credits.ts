/**
 * Credit memos and zero bills in the payment file. A payment file pays money out: an approved
 * invoice whose total is below zero (a credit memo: the carrier owes the company) or zero asks for
 * no payment. It is left out of the file — never netted against another vendor's payment in the
 * file's total, never marked exported — and the app and the CLI say so, with what AP does with
 * it: a credit is applied against the carrier's next invoice.
 */
import { billedAmount } from '../billing/approval-policy';
import { cents, type Cents } from '../money/cents';
import type { Invoice } from '../model';
import { plural } from '../text/wording';
import {
  paymentAmountOf,
  paymentAmountText,
  PaymentCurrencyError,
  US_DOLLARS,
  type PaymentAmount,
} from './payment-currency';

/** An approved invoice due in the range that asks for no payment. */
export interface PaymentCredit {
  invoice: Invoice;
  /** The carrier's name, as the file's Vendor column would say it. */
  vendor: string;
  /** What the invoice asks, in the currency it would be paid in: zero or below. */
  amount: PaymentAmount;
}

/**
 * What an invoice asks, in the currency it is paid in; in US dollars when that amount is not known
 * (an invoice in another currency stored before its total there was kept: refused when it is to
 * be paid, but a credit in US dollars is a credit in any currency).
 */
function amountAsked(invoice: Invoice): PaymentAmount {
  try {
    return paymentAmountOf(invoice);
  } catch (error) {
    if (!(error instanceof PaymentCurrencyError)) throw error;
    return { currency: US_DOLLARS, amount: billedAmount(invoice) };
  }
}

/** The invoices to pay (a total above zero), and the credits and zero bills left out. */
export function separateCredits(
  invoices: readonly Invoice[],
  vendorOf: (invoice: Invoice) => string,
): { payable: Invoice[]; credits: PaymentCredit[] } {
  const payable: Invoice[] = [];
  const credits: PaymentCredit[] = [];
  for (const invoice of invoices) {
    const amount = amountAsked(invoice);
    if (amount.amount > 0) payable.push(invoice);
    else credits.push({ invoice, vendor: vendorOf(invoice), amount });
  }
  return { payable, credits };
}

/** Credits named one by one before "and N more". */
export const CREDITS_LISTED = 5;

/**
 * One sentence per credit or zero bill left out of the payment file (the first
 * {@link CREDITS_LISTED}, then how many more), for a finance person: what it is and what to do.
 */
export function creditSentences(
  credits: readonly PaymentCredit[],
  formatUsd: (amount: Cents) => string,
): string[] {
  const sentences = credits.slice(0, CREDITS_LISTED).map(({ invoice, vendor, amount }) => {
    const name = `${vendor} ${invoice.accountNumber} invoice ${invoice.invoiceNumber}`;
    return amount.amount === 0
      ? `${name} totals ${paymentAmountText(amount, formatUsd)}: not in the payment file — there is nothing to pay.`
      : `${name} is a credit of ${paymentAmountText({ ...amount, amount: cents(-amount.amount) }, formatUsd)}: not in the payment file — apply it against the carrier's next invoice.`;
  });
  const more = credits.length - CREDITS_LISTED;
  if (more > 0)
    sentences.push(
      `And ${plural(more, 'more invoice')} with a credit or nothing to pay ${more === 1 ? 'is' : 'are'} not in the payment file either.`,
    );
  return sentences;
}
