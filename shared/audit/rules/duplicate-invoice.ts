import { cents } from '../../money/cents';
import { money } from '../findings';
import { findingId, type AuditRule, type FindingDraft } from '../rule';
import type { InvoiceFacts } from '../context';

/**
 * Near-duplicate invoices already stored: same carrier and account, same period and same total,
 * under another invoice number (the importer already refuses the same number or the same file).
 */
export const duplicateInvoiceRule: AuditRule = {
  id: 'duplicate-invoice',
  title: 'Invoice stored twice',
  description:
    'Two invoices of one account with the same billing period and total under different invoice numbers. Impact: the repeated invoice’s total.',
  severity: 'error',
  settings: [],
  check(context) {
    const drafts: FindingDraft[] = [];
    for (const group of duplicateGroups(context.invoices)) {
      const [original, ...copies] = group;
      if (original === undefined) continue;
      for (const copy of copies) {
        const invoice = copy.invoice;
        const total = invoiceTotal(copy);
        drafts.push({
          id: findingId(
            this.id,
            invoice.carrierId,
            invoice.accountNumber,
            invoice.invoiceNumber,
            copy.month,
          ),
          ruleId: this.id,
          severity: this.severity,
          subject: {
            carrierId: invoice.carrierId,
            accountNumber: invoice.accountNumber,
            invoiceNumber: invoice.invoiceNumber,
            period: copy.month,
          },
          impact: cents(total),
          message: `Invoice ${invoice.invoiceNumber} (${money(total)}) repeats invoice ${original.invoice.invoiceNumber}: same account, period ${copy.periodStart} to ${copy.periodEnd} and total.`,
          evidence: { invoiceId: invoice.id },
        });
      }
    }
    return drafts;
  },
};

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
