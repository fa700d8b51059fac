import type { Service, Site } from '../model';
import { cents, type Cents } from '../money/cents';

/** A row of the site list: the site with what it holds and what it costs. */
export interface SiteSummary {
  site: Site;
  /** Services at the site that are not disconnected. */
  serviceCount: number;
  /** Sum of the expected monthly cost of those services, in cents. */
  monthlyCents: Cents;
}

/** Services that still cost money: ordered, active or pending disconnect. */
export function isLive(service: Pick<Service, 'status'>): boolean {
  return service.status !== 'disconnected';
}

/** Sites with their live service count and expected monthly cost, ordered by code. */
export function summarizeSites(
  sites: readonly Site[],
  services: readonly Service[],
): SiteSummary[] {
  const counts = new Map<string, { count: number; cents: number }>();
  for (const service of services) {
    if (!service.siteId || !isLive(service)) continue;
    const entry = counts.get(service.siteId) ?? { count: 0, cents: 0 };
    entry.count += 1;
    entry.cents += service.expectedMonthlyCents ?? 0;
    counts.set(service.siteId, entry);
  }
  return [...sites]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((site) => ({
      site,
      serviceCount: counts.get(site.id)?.count ?? 0,
      monthlyCents: cents(counts.get(site.id)?.cents ?? 0),
    }));
}

/** A site in a list to pick from: `HQ-01 Headquarters`, `STR-0200 Store 200 (closed)`. */
export function siteOptionLabel(site: Pick<Site, 'code' | 'name' | 'status'>): string {
  return `${site.code} ${site.name}${site.status === 'closed' ? ' (closed)' : ''}`;
}
