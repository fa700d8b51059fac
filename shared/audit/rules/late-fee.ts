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
 * or credited on the same invoice (`Late Fee Reversal`, a credit worded as a late fee) is netted:
 * only what the invoice still charges is a finding.
 */
export const lateFeeRule: AuditRule = {
  id: 'late-fee',
  title: 'Late fee',
  description:
    'Late or finance charges on an invoice, by category or by wording under another category (Late-Payment Charge, Finance Charge, Past Due Fee, Interest on Past Due Balance). Impact: the fees, less any reversed or credited on the same invoice.',
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
    const drafts: FindingDraft[] = [];
    for (const facts of context.originals) {
      let fees = 0;
      let reversed = 0;
      const refs: ChargeRef[] = [];
      const descriptions = new Set<string>();
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
            reversed -= amount;
            continue;
          }
          fees += amount;
          descriptions.add(description);
          addRef(refs, facts, position, row);
        }
      });
      const net = fees - reversed;
      if (net <= 0) continue;
      const what = [...descriptions].join(', ');
      const less = reversed > 0 ? `, ${money(fees)} less ${money(reversed)} given back` : '';
      const draft = invoiceDraft(
        this,
        facts,
        net,
        `Invoice ${facts.invoice.invoiceNumber} charges ${money(net)} in late fees (${what}${less}).`,
      );
      drafts.push({ ...draft, evidence: { ...draft.evidence, chargeRefs: refs } });
    }
    return drafts;
  },
};
