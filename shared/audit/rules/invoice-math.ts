import { missingCompanionOf } from '../../import/draft';
import type { InvoiceBalance, UnreadRows } from '../../model';
import type { InvoiceFacts } from '../context';
import { cents } from '../../money/cents';
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
 * adjustments + current charges. A bill re-sent under a new number is checked once, as its
 * original (see `invoice-copies.ts`).
 */
export const invoiceMathRule: AuditRule = {
  id: 'invoice-math',
  title: 'Invoice does not add up',
  description:
    'The charge lines do not add up to the total the invoice states, or the amount due is not the previous balance less payments, plus adjustments and the current charges. Impact: the amount stated above the lines, or asked above that sum; 0 when the bill asks for less (nothing is overbilled, the finding still stands).',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const drafts: FindingDraft[] = [];
    // A re-sent copy (duplicate-invoice) adds up as its original does: its difference is
    // reported once, on the original, like every other dollar of a copy.
    for (const facts of context.originals) {
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
      const { unread } = facts.invoice;
      if (unread !== undefined && unread.rows > 0) {
        drafts.push(unreadRowsDraft(this, facts, stated, unread, settings.toleranceCents));
        continue;
      }
      // A bill asking less than it itemises overbills nothing: its difference is an error to
      // raise (a line counted twice, or left out of the total), not money to claim back.
      const message = `Invoice ${facts.invoice.invoiceNumber} states a total of ${money(stated)} but its lines add up to ${money(facts.total)}: ${money(Math.abs(difference))} ${difference > 0 ? 'more than itemised' : `less than itemised — no money at stake, as the bill asks for less than its lines`}.`;
      drafts.push(invoiceDraft(this, facts, Math.max(difference, 0), message));
    }
    return drafts;
  },
};

/**
 * The finding on a stated total the lines miss when rows of the bill were not read (imported
 * without them): the carrier itemised those rows, so only what they do not explain is claimed.
 * When some have no amount that could be read, the difference may be theirs: nothing is claimed.
 */
function unreadRowsDraft(
  rule: Pick<AuditRule, 'id' | 'severity'>,
  facts: InvoiceFacts,
  stated: number,
  unread: UnreadRows,
  tolerance: number,
): FindingDraft {
  const difference = stated - facts.total;
  const head = `Invoice ${facts.invoice.invoiceNumber} states a total of ${money(stated)} but its lines add up to ${money(facts.total)}`;
  const rows = `${unread.rows.toLocaleString('en-US')} row${unread.rows === 1 ? '' : 's'} of the bill not read`;
  const again = 'Correct those rows and import the bill again to complete its charges.';
  if (unread.unpriced > 0) {
    const unknown =
      unread.unpriced === unread.rows
        ? `${unread.rows === 1 ? 'its amount' : 'their amounts'} could not be read`
        : `${unread.unpriced.toLocaleString('en-US')} of them with no amount that could be read`;
    const message = `${head}: ${money(Math.abs(difference))} ${difference > 0 ? 'more' : 'less'} than itemised, and there ${unread.rows === 1 ? 'is' : 'are'} ${rows} (${unknown}). The difference may be in those rows, so no money is claimed. ${again}`;
    return { ...invoiceDraft(rule, facts, 0, message), severity: 'warning' };
  }
  const remainder = difference - unread.amount;
  const explained = Math.abs(remainder) <= tolerance;
  const one = unread.rows === 1;
  const them = `${one ? 'a row' : 'rows'} the carrier itemised and TEM Desk could not read`;
  const rest = explained
    ? `: nothing else is unexplained, so no money is claimed. ${again}`
    : remainder > 0
      ? `; the other ${money(remainder)} is in no row of the bill.`
      : `; with them the lines add up to ${money(-remainder)} more than the bill asks — no money at stake, as the bill asks for less than its lines.`;
  const message =
    difference > 0 && unread.amount > 0 && remainder >= -tolerance
      ? `${head}: ${money(difference)} more than itemised, of which ${money(unread.amount)} is in ${rows} (${them})${rest}`
      : `${head}, and the ${rows} (${them}) ${one ? 'adds' : 'add'} up to ${money(unread.amount)}${rest}`;
  const draft = invoiceDraft(rule, facts, Math.max(remainder, 0), message);
  return explained ? { ...draft, impact: cents(0), severity: 'warning' } : draft;
}

/**
 * The finding on an amount due that the balance does not make, or null. Payments reduce what is
 * owed whichever sign the bill writes them with (Verizon writes `-140.00`), except where the
 * bill's own balance forward shows them added back (a positive `50.00` that makes previous
 * balance + 50.00 + adjustments: a payment reversed); without a previous balance, the stated
 * balance forward is the starting point.
 */
function balanceDraft(
  rule: Pick<AuditRule, 'id' | 'severity'>,
  facts: InvoiceFacts,
  current: number,
  balance: InvoiceBalance,
  tolerance: number,
): FindingDraft | null {
  const { previousBalance, payments, adjustments, balanceForward, amountDue } = balance;
  const forward = forwardOf(balance, tolerance);
  if (forward === undefined) return null;
  const reversed = payments !== undefined && forward.signed;
  const expected = forward.amount + current;
  const difference = amountDue - expected;
  if (Math.abs(difference) <= tolerance) return null;
  const adjusted =
    adjustments === undefined || adjustments === 0 ? '' : `, adjustments ${money(adjustments)}`;
  const parts =
    previousBalance === undefined
      ? `its balance forward ${money(forward.amount)}`
      : reversed
        ? `its previous balance ${money(previousBalance)} plus payments reversed ${money(payments)}${adjusted} (its balance forward ${money(balanceForward ?? forward.amount)})`
        : `its previous balance ${money(previousBalance)} less payments ${money(Math.abs(payments ?? 0))}${adjusted}`;
  const message = `Invoice ${facts.invoice.invoiceNumber} asks ${money(amountDue)} but ${parts} and its current charges ${money(current)} make ${money(expected)}: ${money(Math.abs(difference))} ${difference > 0 ? 'more than owed' : 'less than owed — no money at stake, as the bill asks for less'}.`;
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

/**
 * The balance brought forward, from the previous balance, payments and adjustments, with whether
 * the payments were read with their own sign (see `balanceDraft`); the stated balance forward
 * when there is no previous balance; undefined when neither is known.
 */
function forwardOf(
  balance: InvoiceBalance,
  tolerance: number,
): { amount: number; signed: boolean } | undefined {
  const { previousBalance, payments, adjustments, balanceForward } = balance;
  if (previousBalance === undefined)
    return balanceForward === undefined ? undefined : { amount: balanceForward, signed: false };
  const reduced = previousBalance - Math.abs(payments ?? 0) + (adjustments ?? 0);
  const signed = previousBalance + (payments ?? 0) + (adjustments ?? 0);
  const matches = (amount: number) =>
    balanceForward !== undefined && Math.abs(amount - balanceForward) <= tolerance;
  return matches(signed) && !matches(reduced)
    ? { amount: signed, signed: true }
    : { amount: reduced, signed: false };
}
