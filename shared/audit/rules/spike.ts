import { money } from '../findings';
import { resolveSettings, type AuditRule, type FindingDraft, type SettingSpec } from '../rule';
import { invoiceDraft } from './invoice-draft';

const SETTINGS = [
  {
    key: 'percent',
    label: 'Above the trailing average by more than',
    unit: 'percent',
    default: 10,
  },
  { key: 'minimumCents', label: 'and by more than', unit: 'cents', default: 5_000 },
  { key: 'trailingInvoices', label: 'Invoices in the trailing average', unit: 'count', default: 6 },
] as const satisfies readonly SettingSpec[];

/**
 * An invoice total (sum of its lines) above the account's trailing average by more than both
 * thresholds. The first invoice is the baseline and is never flagged.
 */
export const spikeRule: AuditRule = {
  id: 'spike',
  title: 'Invoice total spike',
  description:
    'An invoice total above the average of the account’s previous invoices by more than the percentage and the amount. Impact: the excess over the average (rounded half up).',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const trailing = Math.max(1, Math.round(settings.trailingInvoices));
    const drafts: FindingDraft[] = [];
    for (const invoices of context.invoicesByAccount.values()) {
      invoices.forEach((facts, index) => {
        const previous = invoices.slice(Math.max(0, index - trailing), index);
        if (previous.length === 0) return;
        const sum = previous.reduce((total, other) => total + other.total, 0);
        const count = previous.length;
        // Exact: excess × count = total × count − sum, compared without dividing.
        const excessTimesCount = facts.total * count - sum;
        if (excessTimesCount * 100 <= sum * settings.percent) return;
        if (excessTimesCount <= settings.minimumCents * count) return;
        const excess = Math.floor((2 * excessTimesCount + count) / (2 * count));
        const average = Math.floor((2 * sum + count) / (2 * count));
        const message = `Invoice ${facts.invoice.invoiceNumber} totals ${money(facts.total)}, ${money(excess)} above the average of ${money(average)} over the previous ${count} invoice${count === 1 ? '' : 's'}.`;
        drafts.push(invoiceDraft(this, facts, excess, message));
      });
    }
    return drafts;
  },
};
