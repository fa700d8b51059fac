/**
 * Which findings of an audit report a planted error of the sample company: the same rule, carrier
 * and account, and the same service — or, for rules that report whole invoices, accounts or
 * contracts, the same invoice.
 */
import type { FindingDraft } from '../../../shared/audit/rule';
import { serviceMatchKey } from '../../../shared/ids/identifiers';
import type { PlantedError } from '../../fixtures/generate/sample-company';

/** Rules that report whole invoices (or accounts, contracts), even where the planted entry names the line behind it. */
const INVOICE_LEVEL = new Set([
  'spike',
  'invoice-math',
  'late-fee',
  'missing-invoice',
  'renewal-due',
  'tax-drift',
]);

export function findingsOfPlanted(
  error: PlantedError,
  findings: readonly FindingDraft[],
): FindingDraft[] {
  return findings.filter(
    (finding) =>
      finding.ruleId === error.ruleId &&
      finding.subject.carrierId === error.carrier &&
      finding.subject.accountNumber === error.accountNumber &&
      (INVOICE_LEVEL.has(error.ruleId)
        ? error.invoiceNumber === undefined || finding.subject.invoiceNumber === error.invoiceNumber
        : error.serviceId === undefined ||
          finding.subject.serviceKey === serviceMatchKey(error.serviceId)),
  );
}
