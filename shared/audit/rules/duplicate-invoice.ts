import { cents } from '../../money/cents';
import { money } from '../findings';
import { findingId, type AuditRule, type FindingDraft } from '../rule';
import { billedPeriodText, duplicateGroups, invoiceTotal } from '../invoice-copies';

export { duplicateGroups, invoiceTotal } from '../invoice-copies';

/**
 * Near-duplicate invoices already stored: same carrier and account, same period (the billing
 * month when the bill states none), same total and the same charges (service and amount of every
 * line), under another invoice number (the importer already refuses the same number or the same file).
 * The impact is the copy's total, what paying it would pay again; a copy of a credit (a bill
 * netting below zero) asks for nothing, so it claims $0.00 and says that counting it would take the
 * credit twice. It stays an error: it holds the copy from approval, as booking it would short the
 * carrier by the credit.
 */
export const duplicateInvoiceRule: AuditRule = {
  id: 'duplicate-invoice',
  title: 'Invoice stored twice',
  description:
    'Two invoices of one account with the same billing period, total and charges under different invoice numbers. Impact: the repeated invoice’s total; $0.00 for a repeated credit (nothing more is payable, but counting it would count the credit twice).',
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
          impact: cents(Math.max(0, total)),
          message:
            total < 0
              ? `Invoice ${invoice.invoiceNumber} (${money(total)}, a credit) repeats invoice ${original.invoice.invoiceNumber}: same account, ${billedPeriodText(copy)}, total and charges. Nothing more is payable, but counting both would count the credit twice.`
              : `Invoice ${invoice.invoiceNumber} (${money(total)}) repeats invoice ${original.invoice.invoiceNumber}: same account, ${billedPeriodText(copy)}, total and charges.`,
          evidence: { invoiceId: invoice.id },
        });
      }
    }
    return drafts;
  },
};
