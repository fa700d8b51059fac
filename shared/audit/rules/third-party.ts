import {
  CATEGORY_CODE,
  Tallies,
  addRef,
  forEachLine,
  money,
  tallyDraft,
  tallySpan,
} from '../findings';
import type { AuditRule } from '../rule';

/** Third-party and premium charges (cramming), one finding per service and account. */
export const thirdPartyRule: AuditRule = {
  id: 'third-party',
  title: 'Third-party charges',
  description:
    'Third-party or premium charges billed through the carrier (cramming). Impact: the charges.',
  severity: 'warning',
  settings: [],
  check(context) {
    const code = CATEGORY_CODE['third-party'];
    const tallies = new Tallies();
    for (const facts of context.originals) {
      for (const charges of [facts.accountLevel, ...facts.services]) {
        forEachLine(facts, charges, (block, row, position) => {
          const amount = block.amount[row] ?? 0;
          if (block.category[row] !== code || amount <= 0) return;
          const tally = tallies.on(
            facts,
            charges.serviceKey,
            charges.serviceIdRaw,
            charges.service,
          );
          tally.impact += amount;
          tally.lastAmount = amount;
          addRef(tally.refs, facts, position, row);
        });
      }
    }
    return tallies.list().map((tally) => {
      const who = tally.serviceIdRaw === '' ? `Account ${tally.accountNumber}` : tally.serviceIdRaw;
      const message = `${who} carries third-party charges of ${money(tally.impact)} on ${tallySpan(tally)}.`;
      return tallyDraft(this, tally, tally.impact, message);
    });
  },
};
