/**
 * An invoice's payment split by cost center × GL account (the payment file's cost center rows),
 * summing exactly to its billed amount: see `payment-file.ts` for how.
 */
import { allocateMonth, type AllocationInput } from '../allocation';
import { isoMonthOf, type IsoMonth } from '../dates/iso-date';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import type { Invoice } from '../model';
import { billedAmount } from '../billing/approval-policy';

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
