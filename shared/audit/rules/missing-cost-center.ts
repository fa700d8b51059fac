import type { Account, CostCenter, Service, Site } from '../../model';
import { Tallies, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/**
 * The cost center a service's charges go to, found as the chargeback finds it
 * (`shared/allocation/resolve.ts`): the first one named on the service, its site (the account's
 * default site when it has none) or its account. A name further down never stands in for one that
 * is named but deleted or inactive: the chargeback leaves those charges unallocated too.
 */
function costCenterOf(
  service: Service,
  site: Site | undefined,
  account: Account | undefined,
): { id: string; on: 'service' | 'site' | 'account' } | undefined {
  if (service.costCenterId !== undefined) return { id: service.costCenterId, on: 'service' };
  if (site?.costCenterId !== undefined) return { id: site.costCenterId, on: 'site' };
  if (account?.defaultCostCenterId !== undefined)
    return { id: account.defaultCostCenterId, on: 'account' };
  return undefined;
}

/** Why a service's charges are unallocated, in words. */
function whyUnallocated(
  named: { id: string; on: 'service' | 'site' | 'account' } | undefined,
  center: CostCenter | undefined,
): string {
  if (named === undefined) return 'has no cost center on the service, its site or its account';
  const its = named.on === 'service' ? 'the service' : `its ${named.on}`;
  if (center === undefined)
    return `is charged by ${its} to cost center ${named.id}, which does not exist`;
  return `is charged by ${its} to cost center ${center.code} (${center.name}), which is inactive`;
}

/**
 * Billed services whose charges the chargeback cannot allocate: no cost center on the service,
 * its site or its account, or the one that applies does not exist or is inactive.
 */
export const missingCostCenterRule: AuditRule = {
  id: 'missing-cost-center',
  title: 'No cost center',
  description:
    'A billed service whose charges have no valid cost center: none on itself, its site or its account, or the one that applies (the first named, as the chargeback takes it) does not exist or is inactive. Impact: the unallocated charges.',
  severity: 'warning',
  settings: [],
  check(context) {
    const centers = new Map(context.snapshot.costCenters.map((center) => [center.id, center]));
    const tallies = new Tallies();
    const reasons = new Map<string, string>();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        const account = context.accountById.get(service.accountId);
        const siteId = service.siteId ?? account?.defaultSiteId;
        const site = siteId === undefined ? undefined : context.siteById.get(siteId);
        const named = costCenterOf(service, site, account);
        const center = named === undefined ? undefined : centers.get(named.id);
        if (center?.active === true) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += charges.total;
        reasons.set(`${facts.accountKey}|${charges.serviceKey}`, whyUnallocated(named, center));
      }
    }
    // A service whose charges net to nothing or a credit leaves no charge unallocated.
    return tallies.list().flatMap((tally) => {
      if (tally.impact <= 0) return [];
      const siteId = tally.service?.siteId;
      const where =
        siteId === undefined ? 'no site' : (context.siteById.get(siteId)?.code ?? siteId);
      const why = reasons.get(`${tally.first.accountKey}|${tally.subjectKey}`) ?? '';
      const message = `${tally.serviceIdRaw} (${where}) ${why}: ${money(tally.impact)} unallocated on ${tallySpan(tally)}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
  },
};
