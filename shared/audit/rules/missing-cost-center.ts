import { Tallies, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/**
 * Billed services with no valid cost center on the service, its site or its account: their
 * charges would be left out of the chargeback. A cost center that does not exist or is inactive
 * does not count as valid.
 */
export const missingCostCenterRule: AuditRule = {
  id: 'missing-cost-center',
  title: 'No cost center',
  description:
    'A billed service with no valid cost center on itself, its site or its account (chargeback would be unallocated). Impact: the unallocated charges.',
  severity: 'warning',
  settings: [],
  check(context) {
    const active = new Set(
      context.snapshot.costCenters.filter((center) => center.active).map((center) => center.id),
    );
    const valid = (id: string | undefined) => id !== undefined && active.has(id);
    const tallies = new Tallies();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        const site =
          service.siteId === undefined ? undefined : context.siteById.get(service.siteId);
        const account = context.accountById.get(service.accountId);
        if (
          valid(service.costCenterId) ||
          valid(site?.costCenterId) ||
          valid(account?.defaultCostCenterId)
        )
          continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += charges.total;
      }
    }
    return tallies.list().map((tally) => {
      const siteId = tally.service?.siteId;
      const where =
        siteId === undefined ? 'no site' : (context.siteById.get(siteId)?.code ?? siteId);
      const message = `${tally.serviceIdRaw} (${where}) has no valid cost center on the service, its site or its account: ${money(tally.impact)} unallocated on ${tallySpan(tally)}.`;
      return tallyDraft(this, tally, tally.impact, message);
    });
  },
};
