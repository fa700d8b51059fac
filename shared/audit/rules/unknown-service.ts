import { Tallies, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/** Billed identifiers that match no service of the carrier in the inventory. */
export const unknownServiceRule: AuditRule = {
  id: 'unknown-service',
  title: 'Billed service not in the inventory',
  description:
    'A charge whose service identifier matches no service (or alias) of the carrier in the inventory. Impact: the money billed for it, shown as at risk (kept apart from money at stake): an inventory gap to investigate.',
  severity: 'warning',
  settings: [],
  check(context) {
    const tallies = new Tallies();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        if (charges.service !== undefined) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw);
        tally.billed += charges.total;
      }
    }
    return tallies.list().map((tally) => {
      // A net credit to an unknown identifier is still an inventory gap, but puts nothing at risk.
      const message =
        tally.billed > 0
          ? `${tally.serviceIdRaw} is billed ${money(tally.billed)} on ${tallySpan(tally)} but matches no service in the inventory: ${money(tally.billed)} at risk.`
          : `${tally.serviceIdRaw} is credited ${money(-tally.billed)} on ${tallySpan(tally)} but matches no service in the inventory: nothing at risk, but the credit belongs to a line the inventory lacks.`;
      return tallyDraft(this, tally, Math.max(0, tally.billed), message);
    });
  },
};
