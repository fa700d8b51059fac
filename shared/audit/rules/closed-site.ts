import { Tallies, addRef, forEachLine, lineStart, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/**
 * Charges for services at a closed site, for periods starting after it closed. Lines already
 * after the service's own disconnect date are left to `billed-after-disconnect`.
 */
export const closedSiteRule: AuditRule = {
  id: 'closed-site',
  title: 'Billed at a closed site',
  description:
    'Charges for services at a site that is closed, for periods after its closing day. Impact: all such charges.',
  severity: 'error',
  settings: [],
  check(context) {
    const tallies = new Tallies();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        const site =
          service?.siteId === undefined ? undefined : context.siteById.get(service.siteId);
        const closedOn = site?.closedOn;
        if (site === undefined || closedOn === undefined || site.status !== 'closed') continue;
        const disconnectedOn = service?.disconnectedOn;
        forEachLine(facts, charges, (block, row, position) => {
          const start = lineStart(facts, block, row);
          if (start <= closedOn) return;
          if (disconnectedOn !== undefined && start > disconnectedOn) return;
          const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
          tally.impact += block.amount[row] ?? 0;
          tally.reference = 0;
          addRef(tally.refs, facts, position, row);
        });
      }
    }
    return tallies.list().map((tally) => {
      const siteId = tally.service?.siteId;
      const site = siteId === undefined ? undefined : context.siteById.get(siteId);
      const where = site === undefined ? 'a closed site' : `${site.code} ${site.name}`;
      const message = `${tally.serviceIdRaw} at ${where}, closed on ${site?.closedOn ?? ''}, billed ${money(tally.impact)} on ${tallySpan(tally)}.`;
      return tallyDraft(this, tally, tally.impact, message);
    });
  },
};
