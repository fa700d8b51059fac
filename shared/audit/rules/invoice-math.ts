import { missingCompanionOf } from '../../import/draft';
import { money } from '../findings';
import { resolveSettings, type AuditRule, type FindingDraft, type SettingSpec } from '../rule';
import { invoiceDraft } from './invoice-draft';

const SETTINGS = [
  { key: 'toleranceCents', label: 'Difference ignored (rounding)', unit: 'cents', default: 0 },
] as const satisfies readonly SettingSpec[];

/**
 * Charge lines that do not add up to the invoice's stated total. (Balance arithmetic — previous
 * balance − payments + current = amount due — needs balance fields invoices do not store yet.)
 */
export const invoiceMathRule: AuditRule = {
  id: 'invoice-math',
  title: 'Invoice does not add up',
  description:
    'The charge lines do not add up to the total the invoice states. Impact: the amount stated above the lines (0 when the invoice states less).',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const drafts: FindingDraft[] = [];
    for (const facts of context.invoices) {
      const stated = facts.invoice.statedTotal;
      // An invoice whose charges are still to come (a companion file) is incomplete, not wrong.
      if (stated === null || missingCompanionOf(facts.invoice) !== null) continue;
      const difference = stated - facts.total;
      if (Math.abs(difference) <= settings.toleranceCents) continue;
      const direction = difference > 0 ? 'more' : 'less';
      const message = `Invoice ${facts.invoice.invoiceNumber} states a total of ${money(stated)} but its lines add up to ${money(facts.total)}: ${money(Math.abs(difference))} ${direction} than itemised.`;
      drafts.push(invoiceDraft(this, facts, Math.max(difference, 0), message));
    }
    return drafts;
  },
};
