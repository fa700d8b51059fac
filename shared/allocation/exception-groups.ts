/**
 * The exceptions list groups the month's unallocated lines by what one fix would cure: a service
 * (every line of one service on one account, however the bills write its identifier), or an
 * account's account-level charges.
 */
import type { AllocationException, AllocationExceptionKind } from './types';
import { serviceMatchKey } from '../ids/identifiers';
import { accountNumberKey, textKey } from '../ids/keys';
import type { Account, Service, Site } from '../model';
import { sumCents, type Cents } from '../money/cents';

/** Exceptions that one fix would cure together. */
export interface ExceptionGroup {
  key: string;
  kind: AllocationExceptionKind;
  carrierId: string;
  accountNumber: string;
  /**
   * The service identifier as the inventory writes it, else as most of the lines do (one service
   * written `555-123-4567` and `5551234567` is one group); `''` for account-level charges.
   */
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
  const servicesById = new Map(inventory.services.map((service) => [service.id, service]));
  const servicesByKey = new Map<string, Service>();
  for (const service of inventory.services) {
    for (const key of [service.serviceKey, ...service.aliasKeys]) {
      if (key !== null) servicesByKey.set(`${service.carrierId}\u0000${key}`, service);
    }
  }
  const sites = new Map(inventory.sites.map((site) => [site.id, site]));
  const accounts = new Map(
    inventory.accounts.map((account) => [
      `${account.carrierId}\u0000${accountNumberKey(account.accountNumber)}`,
      account,
    ]),
  );
  // One service however its number is written (`555-123-4567`, `5551234567`): grouped by the key
  // the rest of the app matches services with, as is the account number.
  const groups = new Map<
    string,
    { first: AllocationException; amounts: Cents[]; spellings: Map<string, number> }
  >();
  for (const exception of exceptions) {
    const key = [
      exception.kind,
      exception.carrierId,
      accountNumberKey(exception.accountNumber),
      serviceGroupKey(exception.serviceIdRaw),
    ].join('\u0000');
    const group = groups.get(key) ?? {
      first: exception,
      amounts: [] as Cents[],
      spellings: new Map<string, number>(),
    };
    groups.set(key, group);
    group.amounts.push(exception.amount);
    const raw = exception.serviceIdRaw;
    group.spellings.set(raw, (group.spellings.get(raw) ?? 0) + 1);
  }
  return [...groups.entries()]
    .map(([key, { first, amounts, spellings }]): ExceptionGroup => {
      const account = accounts.get(
        `${first.carrierId}\u0000${accountNumberKey(first.accountNumber)}`,
      );
      // The service the allocation found for the lines (of their account: one number can be a
      // service on two accounts of a carrier), else the one of that number.
      const matchKey = first.serviceIdRaw === '' ? null : serviceMatchKey(first.serviceIdRaw);
      const service =
        (first.serviceId === undefined || first.serviceId === null
          ? undefined
          : servicesById.get(first.serviceId)) ??
        (matchKey === null ? undefined : servicesByKey.get(`${first.carrierId}\u0000${matchKey}`));
      const siteId = service?.siteId ?? account?.defaultSiteId;
      return {
        key,
        kind: first.kind,
        carrierId: first.carrierId,
        accountNumber: first.accountNumber,
        serviceIdRaw:
          first.serviceIdRaw === '' ? '' : (service?.serviceIdRaw ?? mostUsed(spellings)),
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

/** A service identifier's group: its match key, else its text (`''` for account-level charges). */
function serviceGroupKey(serviceIdRaw: string): string {
  if (serviceIdRaw === '') return '';
  return serviceMatchKey(serviceIdRaw) ?? textKey(serviceIdRaw);
}

/** The spelling most lines use (the first met of those tied): the one the group shows. */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let count = 0;
  for (const [spelling, lines] of spellings)
    if (lines > count) {
      best = spelling;
      count = lines;
    }
  return best;
}
