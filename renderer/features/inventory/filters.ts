/**
 * The services a drill-down asks for (`#/inventory/where/…`, see `inventoryLink`) and the sentence
 * that says so. Pure functions over the stored records.
 */
import { effectiveCostCenterId, SERVICE_TYPE_LABELS } from '../../../shared/inventory/rows';
import type {
  Account,
  Carrier,
  CostCenter,
  Service,
  ServiceType,
  Site,
} from '../../../shared/model';
import type { InventoryLinkFilter } from '../../app/links';

/** The filter's fields besides the site (the site list holds that one). */
export type ServiceFilter = Omit<InventoryLinkFilter, 'siteId'>;

export function isServiceFilterActive(filter: ServiceFilter): boolean {
  return Boolean(filter.costCenterId || filter.serviceType || filter.carrierId);
}

/**
 * Ids of the services of the filter's type and carrier whose charges go to its cost center (their
 * own, else their site's, else their account's default); null when the filter narrows nothing.
 */
export function servicesMatching(
  data: {
    services: readonly Service[];
    sites: readonly Site[];
    accounts: readonly Account[];
  },
  filter: ServiceFilter,
): Set<string> | null {
  if (!isServiceFilterActive(filter)) return null;
  const sites = new Map(data.sites.map((s) => [s.id, s]));
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const ids = new Set<string>();
  for (const service of data.services) {
    if (filter.serviceType && service.type !== filter.serviceType) continue;
    if (filter.carrierId && service.carrierId !== filter.carrierId) continue;
    if (
      filter.costCenterId &&
      effectiveCostCenterId(service, sites, accounts) !== filter.costCenterId
    )
      continue;
    ids.add(service.id);
  }
  return ids;
}

/**
 * Each site's row count and each row's site, worked out once per set of rows for `countShown`, each
 * at its first call: opening on every site needs neither (the heading counts the rows).
 */
export interface RowSites {
  /** How many rows each site has (by site id): made at its first call (choosing a site) and kept. */
  counts: () => ReadonlyMap<string, number>;
  /** Each row's site id (by row id): made at its first call (a search's count) and kept. */
  siteOf: () => ReadonlyMap<string, string>;
}

export function rowSites(rows: readonly { id: string; siteId: string }[]): RowSites {
  let counts: Map<string, number> | undefined;
  let siteOf: Map<string, string> | undefined;
  return {
    counts: () => {
      if (counts) return counts;
      const made = new Map<string, number>();
      for (const row of rows) made.set(row.siteId, (made.get(row.siteId) ?? 0) + 1);
      return (counts = made);
    },
    siteOf: () => (siteOf ??= new Map(rows.map((row) => [row.id, row.siteId]))),
  };
}

/**
 * How many services the grid shows at a site (null: every site) among the matching ids. With the
 * rows' `rowSites`, no row is read: choosing a site looks up its count, and a search or drill-down
 * reads only the ids it matched (a few, not 20,000 rows). Row ids are unique (they are service ids).
 */
export function countShown(
  rows: readonly { id: string; siteId: string }[],
  siteId: string | null,
  matching: ReadonlySet<string> | null,
  sites?: RowSites,
): number {
  if (matching === null && siteId === null) return rows.length;
  if (matching === null && sites) return sites.counts().get(siteId ?? '') ?? 0;
  let count = 0;
  if (matching !== null && sites) {
    const siteOf = sites.siteOf();
    for (const id of matching) {
      const site = siteOf.get(id);
      if (site !== undefined && (siteId === null || site === siteId)) count += 1;
    }
    return count;
  }
  for (const row of rows)
    if ((siteId === null || row.siteId === siteId) && (matching === null || matching.has(row.id)))
      count += 1;
  return count;
}

/**
 * “Showing Mobile line services of Verizon Wireless at HQ · Headquarters charged to 0045250140 ·
 * IT Infrastructure — 214 services.” (the “Show all services” link follows it); '' when nothing is
 * filtered.
 */
export function describeServiceFilter(
  filter: ServiceFilter,
  siteId: string | null,
  data: {
    sites: readonly Site[];
    costCenters: readonly CostCenter[];
    carriers: readonly Carrier[];
  },
  shown: number,
): string {
  if (siteId === null && !isServiceFilterActive(filter)) return '';
  const site = siteId === null ? undefined : data.sites.find((s) => s.id === siteId);
  const costCenter = data.costCenters.find((c) => c.id === filter.costCenterId);
  const carrier = data.carriers.find((c) => c.id === filter.carrierId);
  const type = filter.serviceType
    ? (SERVICE_TYPE_LABELS[filter.serviceType as ServiceType] ?? filter.serviceType)
    : '';
  const words = [
    'Showing',
    type,
    'services',
    filter.carrierId && `of ${carrier?.name ?? filter.carrierId}`,
    siteId !== null && `at ${site ? `${site.code} · ${site.name}` : siteId}`,
    filter.costCenterId &&
      `charged to ${costCenter ? `${costCenter.code} · ${costCenter.name}` : filter.costCenterId}`,
  ];
  const count = `${shown.toLocaleString('en-US')} service${shown === 1 ? '' : 's'}`;
  return `${words.filter(Boolean).join(' ')} — ${count}.`;
}
