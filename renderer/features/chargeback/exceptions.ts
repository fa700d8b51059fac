/**
 * The exceptions list groups the month's unallocated lines by what one fix would cure: a service
 * (every line of one service identifier on one account), or an account's account-level charges.
 */
import type { AllocationException, AllocationExceptionKind } from '../../../shared/allocation';
import { serviceMatchKey } from '../../../shared/ids/identifiers';
import type { Account, Service, Site } from '../../../shared/model';
import { sumCents, type Cents } from '../../../shared/money/cents';

/** Exceptions that one fix would cure together. */
export interface ExceptionGroup {
  key: string;
  kind: AllocationExceptionKind;
  carrierId: string;
  accountNumber: string;
  /** `''` for account-level charges. */
  serviceIdRaw: string;
  amount: Cents;
  lines: number;
  /** The first line's explanation (the others say the same of the same subject). */
  message: string;
  /** The inventory service the lines name, when there is one. */
  service: Service | undefined;
  /** The service's site (or its account's default site). */
  site: Site | undefined;
  account: Account | undefined;
}

export const KIND_LABELS: Record<AllocationExceptionKind, string> = {
  'no-cost-center': 'No cost center',
  'inactive-cost-center': 'Inactive cost center',
  'unknown-service': 'Service not in inventory',
  'closed-site': 'Closed site',
};

/** Groups exceptions by kind, account and service, largest amount first. */
export function groupExceptions(
  exceptions: readonly AllocationException[],
  inventory: { services: readonly Service[]; sites: readonly Site[]; accounts: readonly Account[] },
): ExceptionGroup[] {
  const servicesByKey = new Map<string, Service>();
  for (const service of inventory.services) {
    for (const key of [service.serviceKey, ...service.aliasKeys]) {
      if (key !== null) servicesByKey.set(`${service.carrierId}\u0000${key}`, service);
    }
  }
  const sites = new Map(inventory.sites.map((site) => [site.id, site]));
  const accounts = new Map(
    inventory.accounts.map((account) => [
      `${account.carrierId}\u0000${account.accountNumber}`,
      account,
    ]),
  );
  const groups = new Map<string, { first: AllocationException; amounts: Cents[] }>();
  for (const exception of exceptions) {
    const key = [
      exception.kind,
      exception.carrierId,
      exception.accountNumber,
      exception.serviceIdRaw,
    ].join('\u0000');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first: exception, amounts: [exception.amount] });
    else group.amounts.push(exception.amount);
  }
  return [...groups.entries()]
    .map(([key, { first, amounts }]): ExceptionGroup => {
      const account = accounts.get(`${first.carrierId}\u0000${first.accountNumber}`);
      const matchKey = first.serviceIdRaw === '' ? null : serviceMatchKey(first.serviceIdRaw);
      const service =
        matchKey === null ? undefined : servicesByKey.get(`${first.carrierId}\u0000${matchKey}`);
      const siteId = service?.siteId ?? account?.defaultSiteId;
      return {
        key,
        kind: first.kind,
        carrierId: first.carrierId,
        accountNumber: first.accountNumber,
        serviceIdRaw: first.serviceIdRaw,
        amount: sumCents(amounts),
        lines: amounts.length,
        message: first.message,
        service,
        site: siteId === undefined ? undefined : sites.get(siteId),
        account,
      };
    })
    .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || a.key.localeCompare(b.key));
}
