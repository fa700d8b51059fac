import {
  CATEGORY_CODE,
  Tallies,
  addRef,
  forEachLine,
  money,
  tallyDraft,
  tallySpan,
  wordingTest,
} from '../findings';
import type { AuditRule } from '../rule';

/**
 * Descriptions of third-party and premium content billed under another category (a bill that files
 * `Premium SMS - Games Club` as usage): `Third Party`, `3rd-party`, premium SMS, text, messaging or
 * content.
 */
const THIRD_PARTY_WORDING =
  /\b(?:third|3rd)[\s-]*party\b|\bpremium\s+(?:sms|mms|texts?|text\s+messag\w*|messag\w*|content)\b/i;

/**
 * Third-party and premium charges (cramming), one finding per service and account. Credits of
 * them (a refund of the subscription) are netted: what was given back is no longer at stake, and
 * a charge refunded in full is no finding.
 */
export const thirdPartyRule: AuditRule = {
  id: 'third-party',
  title: 'Third-party charges',
  description:
    'Third-party or premium charges billed through the carrier (cramming), by category or by wording (premium SMS or content, "third party") under another category. Impact: the charges, less what was credited back for them.',
  severity: 'warning',
  settings: [],
  check(context) {
    const code = CATEGORY_CODE['third-party'];
    // Categories whose lines are read for the wording; taxes and equipment never are.
    const worded = new Set(
      (['usage', 'one-time', 'recurring', 'adjustment', 'surcharge', 'credit'] as const).map(
        (category) => CATEGORY_CODE[category],
      ),
    );
    const worded3rd = wordingTest(THIRD_PARTY_WORDING);
    const isThirdParty = (category: number, description: string) =>
      category === code || (worded.has(category) && worded3rd(description));
    const credit = CATEGORY_CODE.credit;
    const tallies = new Tallies();
    for (const facts of context.originals) {
      for (const charges of [facts.accountLevel, ...facts.services]) {
        forEachLine(facts, charges, (block, row, position) => {
          const amount = block.amount[row] ?? 0;
          const category = block.category[row] ?? 0;
          if (amount === 0 || (category === credit && amount > 0)) return;
          if (!isThirdParty(category, block.description[row] ?? '')) return;
          const tally = tallies.on(
            facts,
            charges.serviceKey,
            charges.serviceIdRaw,
            charges.service,
          );
          tally.impact += amount;
          if (amount > 0) {
            tally.billed += amount;
            addRef(tally.refs, facts, position, row);
          }
        });
      }
    }
    return tallies.list().flatMap((tally) => {
      if (tally.impact <= 0 || tally.billed <= 0) return [];
      const who = tally.serviceIdRaw === '' ? `Account ${tally.accountNumber}` : tally.serviceIdRaw;
      const less =
        tally.billed > tally.impact
          ? ` (${money(tally.billed)} billed, ${money(tally.billed - tally.impact)} credited back)`
          : '';
      const message = `${who} carries third-party charges of ${money(tally.impact)}${less} on ${tallySpan(tally)}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
  },
};
