import { daysBetween } from '../../dates/iso-date';
import type { InvoiceFacts } from '../context';
import { money } from '../findings';
import { resolveSettings, type AuditRule, type FindingDraft, type SettingSpec } from '../rule';
import { invoiceDraft } from './invoice-draft';

const SETTINGS = [
  { key: 'minimumDays', label: 'Days of overlap that count', unit: 'days', default: 1 },
] as const satisfies readonly SettingSpec[];

/**
 * Two invoices of one account whose stated billing periods overlap. The later invoice carries the
 * finding; its impact is its total pro-rated to the overlapping days. Invoices without a stated
 * start are skipped (their period is only estimated), and whole-invoice copies are left to
 * `duplicate-invoice`.
 */
export const periodOverlapRule: AuditRule = {
  id: 'period-overlap',
  title: 'Billing periods overlap',
  description:
    'Two invoices of one account whose billing periods overlap. Impact: the later invoice’s charges for the overlapping days (pro-rated).',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const drafts: FindingDraft[] = [];
    // Whole-invoice copies are not in `invoicesByAccount`: they are duplicate-invoice's finding.
    for (const invoices of context.invoicesByAccount.values()) {
      const stated = invoices
        .filter(
          (facts) =>
            facts.invoice.periodStart !== undefined && facts.invoice.periodEnd !== undefined,
        )
        .sort(
          (a, b) =>
            a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd),
        );
      let reach: InvoiceFacts | undefined;
      for (const facts of stated) {
        if (reach !== undefined && facts.periodStart <= reach.periodEnd) {
          const end = facts.periodEnd < reach.periodEnd ? facts.periodEnd : reach.periodEnd;
          const overlapDays = daysBetween(facts.periodStart, end) + 1;
          const periodDays = daysBetween(facts.periodStart, facts.periodEnd) + 1;
          if (overlapDays >= settings.minimumDays) {
            const impact = Math.max(0, Math.round((facts.total * overlapDays) / periodDays));
            const message = `Invoice ${facts.invoice.invoiceNumber} (${facts.periodStart} to ${facts.periodEnd}) overlaps invoice ${reach.invoice.invoiceNumber} (${reach.periodStart} to ${reach.periodEnd}) by ${overlapDays} day${overlapDays === 1 ? '' : 's'}: ${money(impact)} of its ${money(facts.total)} covers days already billed.`;
            drafts.push(invoiceDraft(this, facts, impact, message));
          }
        }
        if (reach === undefined || facts.periodEnd > reach.periodEnd) reach = facts;
      }
    }
    return drafts;
  },
};
