import type { InvoiceFacts, RuleContext } from '../context';
import { CATEGORY_CODE, money, wordingTest } from '../findings';
import type { AuditRule, ChargeRef, FindingDraft } from '../rule';
import { invoiceDraft } from './invoice-draft';
import { addRef } from '../findings';

/**
 * Descriptions of late and finance charges filed under another category, as carriers word them:
 * `Late Fee`, `Late-Payment Charge`, `Late Pmt Charge`, `Finance Charge`, `Past Due Fee`,
 * `Interest on Past Due Balance`, `Overdue Charge`. A late-night calling pack is not one.
 */
const LATE_WORDING = new RegExp(
  [
    String.raw`\blate[\s-]+(?:payment[\s-]+|pmt\.?\s+)?(?:fees?|charges?|penalt(?:y|ies))\b`,
    String.raw`\blate[\s-]+(?:payment|pmt)\b`,
    String.raw`\bfinance\s+charges?\b`,
    String.raw`\bpast[\s-]+due\s+(?:fees?|charges?|penalt(?:y|ies)|interest)\b`,
    String.raw`\binterest\s+(?:on|for)\s+(?:(?:the|a)\s+)?(?:past[\s-]+due|overdue|late|unpaid)\b`,
    String.raw`\boverdue\s+(?:fees?|charges?|interest)\b`,
  ].join('|'),
  'i',
);

/**
 * Late and finance charges: money spent for nothing, avoidable by paying on time. A fee reversed
 * or credited (`Late Fee Reversal`, a credit worded as a late fee) on the same invoice, or on a
 * later one of the account, is netted: only what is still charged is a finding.
 */
export const lateFeeRule: AuditRule = {
  id: 'late-fee',
  title: 'Late fee',
  description:
    'Late or finance charges on an invoice, by category or by wording under another category (Late-Payment Charge, Finance Charge, Past Due Fee, Interest on Past Due Balance). Impact: the fees, less any reversed or credited on the same invoice or a later one.',
  severity: 'warning',
  settings: [],
  check(context) {
    const lateCode = CATEGORY_CODE['late-fee'];
    // Categories a late fee may be filed under; plans, usage, taxes and credits are not read.
    const worded = new Set(
      (['late-fee', 'one-time', 'adjustment', 'surcharge', 'third-party'] as const).map(
        (category) => CATEGORY_CODE[category],
      ),
    );
    const isLate = wordingTest(LATE_WORDING);
    const creditCode = CATEGORY_CODE.credit;
    // Per invoice: its fees and what it gives back of them, read once.
    const bills = new Map<InvoiceFacts, FeeBill>();
    for (const facts of context.originals) {
      const bill: FeeBill = { fees: 0, reversed: 0, later: [], refs: [], descriptions: new Set() };
      facts.blocks.forEach((block, position) => {
        for (let row = 0; row < block.count; row++) {
          const category = block.category[row] ?? 0;
          const amount = block.amount[row] ?? 0;
          if (amount === 0) continue;
          // A credit may give a late fee back; it never charges one.
          if (!(worded.has(category) || (category === creditCode && amount < 0))) continue;
          const description = block.description[row] ?? '';
          if (category !== lateCode && !isLate(description)) continue;
          if (amount < 0) {
            bill.reversed -= amount;
            continue;
          }
          bill.fees += amount;
          bill.descriptions.add(description);
          addRef(bill.refs, facts, position, row);
        }
      });
      if (bill.fees > 0 || bill.reversed > 0) bills.set(facts, bill);
    }
    giveBackLater(context, bills);
    const drafts: FindingDraft[] = [];
    for (const [facts, bill] of bills) {
      const back = bill.later.reduce((sum, later) => sum + later.cents, 0);
      const net = bill.fees - bill.reversed - back;
      if (net <= 0) continue;
      const what = [...bill.descriptions].join(', ');
      const less =
        bill.reversed > 0 ? `, ${money(bill.fees)} less ${money(bill.reversed)} given back` : '';
      const after = bill.later
        .map((later) => `${money(later.cents)} given back on invoice ${later.invoiceNumber}`)
        .join(', ');
      const draft = invoiceDraft(
        this,
        facts,
        net,
        `Invoice ${facts.invoice.invoiceNumber} charges ${money(net)} in late fees (${what}${less})${after === '' ? '' : `, after ${after}`}.`,
      );
      drafts.push({ ...draft, evidence: { ...draft.evidence, chargeRefs: bill.refs } });
    }
    return drafts;
  },
};

/** One invoice's late fees and what is given back of them. */
interface FeeBill {
  fees: number;
  /** Given back on the invoice itself. */
  reversed: number;
  /** Given back on later invoices of the account (`Late Fee Reversal` on the next bill). */
  later: { cents: number; invoiceNumber: string }[];
  refs: ChargeRef[];
  descriptions: Set<string>;
}

/**
 * A reversal beyond its own bill's fees gives back the fees of the account's earlier bills, the
 * latest first (the carrier reverses last month's fee on this month's bill): money already given
 * back is no longer a fee to claim.
 */
function giveBackLater(context: RuleContext, bills: Map<InvoiceFacts, FeeBill>): void {
  for (const invoices of context.invoicesByAccount.values()) {
    invoices.forEach((facts, index) => {
      const bill = bills.get(facts);
      if (bill === undefined) return;
      let left = bill.reversed - bill.fees;
      if (left <= 0) return;
      bill.reversed = bill.fees;
      for (let i = index - 1; i >= 0 && left > 0; i--) {
        const before = invoices[i];
        const earlier = before === undefined ? undefined : bills.get(before);
        if (earlier === undefined) continue;
        const owed =
          earlier.fees - earlier.reversed - earlier.later.reduce((sum, l) => sum + l.cents, 0);
        const taken = Math.min(owed, left);
        if (taken <= 0) continue;
        earlier.later.push({ cents: taken, invoiceNumber: facts.invoice.invoiceNumber });
        left -= taken;
      }
    });
  }
}
