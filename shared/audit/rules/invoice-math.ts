import { missingCompanionOf } from '../../import/draft';
import type { InvoiceBalance } from '../../model';
import type { InvoiceFacts } from '../context';
import { money } from '../findings';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import { invoiceDraft } from './invoice-draft';

const SETTINGS = [
  { key: 'toleranceCents', label: 'Difference ignored (rounding)', unit: 'cents', default: 0 },
] as const satisfies readonly SettingSpec[];

/**
 * Charge lines that do not add up to the invoice's stated total; and, when the bill states its
 * balance (Verizon's AccountSummary), an amount due other than previous balance − payments +
 * adjustments + current charges.
 */
export const invoiceMathRule: AuditRule = {
  id: 'invoice-math',
  title: 'Invoice does not add up',
  description:
    'The charge lines do not add up to the total the invoice states, or the amount due is not the previous balance less payments, plus adjustments and the current charges. Impact: the amount stated above the lines, or asked above that sum (0 when less).',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const drafts: FindingDraft[] = [];
    for (const facts of context.invoices) {
      const stated = facts.invoice.statedTotal;
      const balance = facts.invoice.balance;
      if (stated !== null && balance !== undefined) {
        const draft = balanceDraft(this, facts, stated, balance, settings.toleranceCents);
        if (draft !== null) drafts.push(draft);
      }
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

/**
 * The finding on an amount due that the balance does not make, or null. Payments reduce what is
 * owed whichever sign the bill writes them with (Verizon writes `-140.00`); without a previous
 * balance, the stated balance forward is the starting point.
 */
function balanceDraft(
  rule: Pick<AuditRule, 'id' | 'severity'>,
  facts: InvoiceFacts,
  current: number,
  balance: InvoiceBalance,
  tolerance: number,
): FindingDraft | null {
  const { previousBalance, payments, adjustments, balanceForward, amountDue } = balance;
  const paid = Math.abs(payments ?? 0);
  const forward =
    previousBalance === undefined ? balanceForward : previousBalance - paid + (adjustments ?? 0);
  if (forward === undefined) return null;
  const expected = forward + current;
  const difference = amountDue - expected;
  if (Math.abs(difference) <= tolerance) return null;
  const parts =
    previousBalance === undefined
      ? `its balance forward ${money(forward)}`
      : `its previous balance ${money(previousBalance)} less payments ${money(paid)}${adjustments === undefined || adjustments === 0 ? '' : `, adjustments ${money(adjustments)}`}`;
  const direction = difference > 0 ? 'more' : 'less';
  const message = `Invoice ${facts.invoice.invoiceNumber} asks ${money(amountDue)} but ${parts} and its current charges ${money(current)} make ${money(expected)}: ${money(Math.abs(difference))} ${direction} than owed.`;
  const draft = invoiceDraft(rule, facts, Math.max(difference, 0), message);
  const { invoice } = facts;
  // Its own id: an invoice may also have lines that do not add up to its total.
  return {
    ...draft,
    id: findingId(
      rule.id,
      invoice.carrierId,
      invoice.accountNumber,
      `${invoice.invoiceNumber}@balance`,
      facts.month,
    ),
  };
}
