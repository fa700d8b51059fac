import { isoMonthOf } from '../../dates/iso-date';
import { cents } from '../../money/cents';
import { accountKeyOf, type InvoiceFacts } from '../context';
import { CATEGORY_CODE, addRef, money } from '../findings';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type ChargeRef,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import type { AuditDispute } from '../snapshot';

const SETTINGS = [
  {
    key: 'invoices',
    label: 'Invoices after filing by which the credit must appear',
    unit: 'count',
    default: 2,
  },
  {
    key: 'toleranceCents',
    label: 'Tolerance: a credit short by at most this much still counts',
    unit: 'cents',
    default: 1_00,
  },
] as const satisfies readonly SettingSpec[];

/** Dispute statuses with nothing more to wait for: fully credited, refused or given up. */
const SETTLED = new Set(['credited', 'denied', 'closed']);

/** What the bills after filing show in credits. */
interface CreditsSeen {
  total: number;
  refs: ChargeRef[];
}

/**
 * Credit lines of `checked`: category `credit` or `adjustment` with a negative amount. A credit
 * that was already on the last bill before filing (same description and amount) is a recurring
 * one (a promotion), not the dispute's, and is not counted. A credit taken back (a positive
 * credit or adjustment line saying it reverses one: `Reversal of dispute credit`) is no credit:
 * it is taken off what was credited.
 */
/** A line's description saying it takes a credit back. */
const REVERSAL =
  /\brevers(?:al|ed|e)\b|\bcredit (?:taken back|withdrawn|rescinded)\b|\bchargeback of credit\b/i;

function creditsOn(
  checked: readonly InvoiceFacts[],
  before: InvoiceFacts | undefined,
): CreditsSeen {
  const credit = CATEGORY_CODE.credit;
  const adjustment = CATEGORY_CODE.adjustment;
  const isCredit = (category: number, amount: number) =>
    amount < 0 && (category === credit || category === adjustment);
  const isReversal = (category: number, amount: number, description: string) =>
    amount > 0 && (category === credit || category === adjustment) && REVERSAL.test(description);
  const recurring = new Set<string>();
  for (const block of before?.blocks ?? []) {
    for (let row = 0; row < block.count; row++) {
      const amount = block.amount[row] ?? 0;
      if (isCredit(block.category[row] ?? -1, amount))
        recurring.add(`${block.description[row] ?? ''}\u0000${amount}`);
    }
  }
  const seen: CreditsSeen = { total: 0, refs: [] };
  for (const facts of checked) {
    facts.blocks.forEach((block, position) => {
      for (let row = 0; row < block.count; row++) {
        const amount = block.amount[row] ?? 0;
        const category = block.category[row] ?? -1;
        const description = block.description[row] ?? '';
        if (isReversal(category, amount, description)) {
          seen.total -= amount;
          continue;
        }
        if (!isCredit(category, amount)) continue;
        if (recurring.has(`${description}\u0000${amount}`)) continue;
        seen.total -= amount;
        addRef(seen.refs, facts, position, row);
      }
    });
  }
  // A reversal of a credit given before the window takes nothing more from the dispute's.
  seen.total = Math.max(0, seen.total);
  return seen;
}

/**
 * A filed dispute whose promised credit is not on the bills: the next N invoices of its account
 * after the filed date (default 2) show less credit than is still outstanding. A draft is not
 * filed, even with a date. Quiet until N
 * invoices have arrived since filing. Impact: the credit still missing.
 */
export const creditNotAppliedRule: AuditRule = {
  id: 'credit-not-applied',
  title: 'Credit not applied',
  description:
    'A filed dispute whose expected credit does not appear on the next invoices of the account (default 2). Impact: the credit still outstanding.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const disputes: readonly AuditDispute[] = context.snapshot.disputes ?? [];
    if (disputes.length === 0) return [];
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const wanted = Math.max(1, Math.round(settings.invoices));
    const tolerance = Math.max(0, settings.toleranceCents);
    const drafts: FindingDraft[] = [];
    for (const dispute of disputes) {
      const { filedOn, carrierId, accountNumber } = dispute;
      // A draft is not filed with the carrier, whatever date it was given: it claims nothing yet
      // (as the savings count it), so no credit is due.
      if (filedOn === undefined || dispute.status === 'draft' || SETTLED.has(dispute.status))
        continue;
      const owed = dispute.expectedCredit - dispute.creditedAmount;
      if (owed <= tolerance) continue;
      const invoices = context.invoicesByAccount.get(accountKeyOf(carrierId, accountNumber)) ?? [];
      const firstAfter = invoices.findIndex((facts) => facts.invoice.invoiceDate > filedOn);
      if (firstAfter < 0) continue;
      const checked = invoices.slice(firstAfter, firstAfter + wanted);
      const last = checked[checked.length - 1];
      if (checked.length < wanted || last === undefined) continue;
      const seen = creditsOn(checked, invoices[firstAfter - 1]);
      const missing = owed - seen.total;
      if (missing <= tolerance) continue;

      const label = dispute.reference ?? dispute.id;
      const received =
        dispute.creditedAmount > 0 ? ` (${money(dispute.creditedAmount)} received so far)` : '';
      const numbers = checked.map((facts) => facts.invoice.invoiceNumber).join(', ');
      const shown = seen.total > 0 ? `only ${money(seen.total)} of credit` : 'none';
      const draft: FindingDraft = {
        id: findingId(this.id, carrierId, accountNumber, dispute.id, isoMonthOf(filedOn)),
        ruleId: this.id,
        severity: this.severity,
        subject: {
          carrierId,
          accountNumber,
          invoiceNumber: last.invoice.invoiceNumber,
          period: isoMonthOf(filedOn),
        },
        impact: cents(missing),
        message: `Dispute ${label} with ${context.carrierName(carrierId)} (account ${accountNumber}) filed ${filedOn} expects a ${money(dispute.expectedCredit)} credit${received}; the next ${checked.length} invoice${checked.length === 1 ? '' : 's'} (${numbers}) show${checked.length === 1 ? 's' : ''} ${shown} — ${money(missing)} outstanding.`,
        evidence: { invoiceId: last.invoice.id, disputeId: dispute.id },
      };
      if (seen.refs.length > 0) draft.evidence = { ...draft.evidence, chargeRefs: seen.refs };
      drafts.push(draft);
    }
    return drafts;
  },
};
