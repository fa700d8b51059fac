import { cents } from '../../money/cents';
import type { InvoiceFacts } from '../context';
import { findingId, type AuditRule, type FindingDraft } from '../rule';

/** A finding about one whole invoice (id: rule, carrier, account, invoice number, month). */
export function invoiceDraft(
  rule: Pick<AuditRule, 'id' | 'severity'>,
  facts: InvoiceFacts,
  impact: number,
  message: string,
): FindingDraft {
  const { invoice } = facts;
  return {
    id: findingId(
      rule.id,
      invoice.carrierId,
      invoice.accountNumber,
      invoice.invoiceNumber,
      facts.month,
    ),
    ruleId: rule.id,
    severity: rule.severity,
    subject: {
      carrierId: invoice.carrierId,
      accountNumber: invoice.accountNumber,
      invoiceNumber: invoice.invoiceNumber,
      period: facts.month,
    },
    impact: cents(impact),
    message,
    evidence: { invoiceId: invoice.id },
  };
}
