import { Tallies, addRef, forEachLine, lineStart, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/**
 * Charges for services at a closed site, for periods starting after it closed. Lines already
 * after the service's own disconnect date are left to `billed-after-disconnect`.
 *
 * A site marked closed with no closing day cannot be judged line by line: which charges came after
 * it closed is unknown. Its services' charges are then one warning per site and account, with no
 * money claimed, asking for the day (never silence: the user marked the site closed).
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
    const undated = new Tallies();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        const site =
          service?.siteId === undefined ? undefined : context.siteById.get(service.siteId);
        if (site === undefined || site.status !== 'closed') continue;
        const closedOn = site.closedOn;
        if (closedOn === undefined) {
          const tally = undated.on(facts, `site:${site.id}`, '');
          forEachLine(facts, charges, (block, row, position) => {
            tally.billed += block.amount[row] ?? 0;
            addRef(tally.refs, facts, position, row);
          });
          continue;
        }
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
    // Credits are netted as for billed-after-disconnect: nothing billed on balance, no finding.
    const dated = tallies.list().flatMap((tally) => {
      if (tally.impact <= 0) return [];
      const siteId = tally.service?.siteId;
      const site = siteId === undefined ? undefined : context.siteById.get(siteId);
      const where = site === undefined ? 'a closed site' : `${site.code} ${site.name}`;
      const message = `${tally.serviceIdRaw} at ${where}, closed on ${site?.closedOn ?? ''}, billed ${money(tally.impact)} on ${tallySpan(tally)}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
    const warnings = undated.list().flatMap((tally) => {
      if (tally.billed <= 0) return [];
      const site = context.siteById.get(tally.subjectKey.slice('site:'.length));
      const where = site === undefined ? 'A site' : `Site ${site.code} ${site.name}`;
      const message = `${where} is marked closed with no closing day: its services were billed ${money(tally.billed)} on ${tallySpan(tally)}. Which of it came after the site closed cannot be told: enter the day it closed in Inventory → Sites.`;
      return [tallyDraft({ id: this.id, severity: 'warning' }, tally, 0, message)];
    });
    return [...dated, ...warnings];
  },
};
