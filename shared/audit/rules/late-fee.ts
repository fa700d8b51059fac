import { CATEGORY_CODE, money } from '../findings';
import type { AuditRule, ChargeRef, FindingDraft } from '../rule';
import { invoiceDraft } from './invoice-draft';
import { addRef } from '../findings';

/** Descriptions of late and finance charges filed under another category. */
const LATE_WORDING =
  /\blate\s+(?:payment\s+)?(?:fee|charge)|\bfinance\s+charge|\blate\s+payment\b/i;

/** Late and finance charges: money spent for nothing, avoidable by paying on time. */
export const lateFeeRule: AuditRule = {
  id: 'late-fee',
  title: 'Late fee',
  description: 'Late or finance charges on an invoice. Impact: the fees.',
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
    const wording = new Map<string, boolean>();
    const isLate = (description: string) => {
      let late = wording.get(description);
      if (late === undefined) {
        late = LATE_WORDING.test(description);
        wording.set(description, late);
      }
      return late;
    };
    const drafts: FindingDraft[] = [];
    for (const facts of context.originals) {
      let fees = 0;
      const refs: ChargeRef[] = [];
      const descriptions = new Set<string>();
      facts.blocks.forEach((block, position) => {
        for (let row = 0; row < block.count; row++) {
          const category = block.category[row] ?? 0;
          const amount = block.amount[row] ?? 0;
          if (amount <= 0 || !worded.has(category)) continue;
          const description = block.description[row] ?? '';
          if (category !== lateCode && !isLate(description)) continue;
          fees += amount;
          descriptions.add(description);
          addRef(refs, facts, position, row);
        }
      });
      if (fees <= 0) continue;
      const what = [...descriptions].join(', ');
      const draft = invoiceDraft(
        this,
        facts,
        fees,
        `Invoice ${facts.invoice.invoiceNumber} charges ${money(fees)} in late fees (${what}).`,
      );
      drafts.push({ ...draft, evidence: { ...draft.evidence, chargeRefs: refs } });
    }
    return drafts;
  },
};
