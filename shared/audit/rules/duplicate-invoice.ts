import { cents } from '../../money/cents';
import { money } from '../findings';
import { findingId, type AuditRule, type FindingDraft } from '../rule';
import { billedPeriodText, duplicateGroups, invoiceTotal } from '../invoice-copies';

export { duplicateGroups, invoiceTotal } from '../invoice-copies';

/**
 * Near-duplicate invoices already stored: same carrier and account, same period (the billing
 * month when the bill states none), same total and the same charges (service and amount of every
 * line), under another invoice number (the importer already refuses the same number or the same file).
 */
export const duplicateInvoiceRule: AuditRule = {
  id: 'duplicate-invoice',
  title: 'Invoice stored twice',
  description:
    'Two invoices of one account with the same billing period, total and charges under different invoice numbers. Impact: the repeated invoice’s total.',
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
          message: `Invoice ${invoice.invoiceNumber} (${money(total)}) repeats invoice ${original.invoice.invoiceNumber}: same account, ${billedPeriodText(copy)}, total and charges.`,
          evidence: { invoiceId: invoice.id },
        });
      }
    }
    return drafts;
  },
};
