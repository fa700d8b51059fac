/**
 * Re-sent bills: an invoice of one account with the same period and total as another under a new
 * number. The first is the bill; the others are copies, `duplicate-invoice`'s finding, and every
 * rule that counts money leaves them out so a re-sent bill's dollars are never counted twice.
 */
import type { InvoiceFacts } from './invoice-facts';

/** The stated total when the bill gives one, else the sum of its lines. */
export function invoiceTotal(facts: InvoiceFacts): number {
  return facts.invoice.statedTotal ?? facts.total;
}

/**
 * Groups of two or more invoices with one account, period and non-zero total but different
 * numbers, each oldest first (by invoice date, then number). Shared with the rules that must
 * not count such a copy a second time.
 */
export function duplicateGroups(invoices: readonly InvoiceFacts[]): InvoiceFacts[][] {
  const groups = new Map<string, InvoiceFacts[]>();
  for (const facts of invoices) {
    const total = invoiceTotal(facts);
    if (total === 0) continue;
    const key = `${facts.accountKey}|${facts.periodStart}|${facts.periodEnd}|${total}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [facts]);
    else if (!group.some((other) => other.invoice.invoiceNumber === facts.invoice.invoiceNumber))
      group.push(facts);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) =>
      group.sort(
        (a, b) =>
          a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
          a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber),
      ),
    );
}
