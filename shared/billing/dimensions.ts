/**
 * Which site, cost center and kind of service a billed amount belongs to, looked up in the
 * inventory: the service's own site and cost center, else its site's cost center, else the
 * account's defaults — the same chain the chargeback follows before its split rules.
 */
import { SERVICE_TYPES, type Account, type Service, type ServiceType, type Site } from '../model';

/** Service type of charges billed to the account rather than to one service. */
export const ACCOUNT_LEVEL = 'account-level';
/** Service type of charges for a service the inventory does not know. */
export const NOT_IN_INVENTORY = 'not-in-inventory';

/** A service type, or one of the two kinds of charge that have none. */
export type SpendType = ServiceType | typeof ACCOUNT_LEVEL | typeof NOT_IN_INVENTORY;

/** Every value the service type filter offers, in a stable order. */
export const SPEND_TYPES: readonly SpendType[] = [
  ...SERVICE_TYPES,
  ACCOUNT_LEVEL,
  NOT_IN_INVENTORY,
];

export function isServiceType(type: string): type is ServiceType {
  return SERVICE_TYPES.some((known) => known === type);
}

export function isSpendType(type: string): type is SpendType {
  return SPEND_TYPES.some((known) => known === type);
}

export interface Dimensions {
  /**
   * Position in `DimensionIndex.distinct`: equal dimensions are one object, so a caller can sum
   * amounts into an array by ordinal and roll up by site, cost center and type once at the end.
   */
  ordinal: number;
  /** `''` when no site is known. */
  siteId: string;
  /** `''` when no cost center is known. */
  costCenterId: string;
  type: SpendType;
}

type IndexInput = {
  accounts: readonly Pick<
    Account,
    'id' | 'carrierId' | 'accountNumber' | 'defaultSiteId' | 'defaultCostCenterId'
  >[];
  services: readonly Pick<
    Service,
    | 'id'
    | 'carrierId'
    | 'accountId'
    | 'siteId'
    | 'costCenterId'
    | 'type'
    | 'serviceKey'
    | 'aliasKeys'
  >[];
  sites: readonly Pick<Site, 'id' | 'costCenterId'>[];
};

type IndexedAccount = IndexInput['accounts'][number];
type IndexedService = IndexInput['services'][number];

/**
 * The inventory indexed once, answering "where does this charge belong" per account and key.
 * Maps are nested (carrier, then account number or key) rather than keyed by joined strings: a
 * joined string is built, flattened and hashed on every lookup, and the dashboard makes thousands.
 */
export class DimensionIndex {
  private readonly accounts = new Map<string, Map<string, IndexedAccount>>();
  private readonly accountsById = new Map<string, IndexedAccount>();
  private readonly services = new Map<string, Map<string, IndexedService[]>>();
  private readonly siteCostCenter = new Map<string, string>();
  private readonly byAccount = new Map<string, Map<string, (key: string) => Dimensions>>();
  /** A service's answer, when it depends on the service alone (its own account is known). */
  private readonly ofService = new Map<IndexedService, Dimensions>();
  private readonly interned = new Map<string, Map<string, Map<SpendType, Dimensions>>>();
  /** Every distinct answer given so far, by ordinal. */
  readonly distinct: Dimensions[] = [];

  constructor(input: IndexInput) {
    for (const account of input.accounts) {
      let numbers = this.accounts.get(account.carrierId);
      if (!numbers) this.accounts.set(account.carrierId, (numbers = new Map()));
      numbers.set(account.accountNumber, account);
      this.accountsById.set(account.id, account);
    }
    for (const service of input.services) {
      let byKey = this.services.get(service.carrierId);
      if (!byKey) this.services.set(service.carrierId, (byKey = new Map()));
      const add = (key: string) => {
        const list = byKey.get(key);
        if (!list) byKey.set(key, [service]);
        else if (list.at(-1) !== service) list.push(service);
      };
      for (const key of service.aliasKeys) add(key);
      if (service.serviceKey) add(service.serviceKey);
    }
    for (const site of input.sites)
      if (site.costCenterId) this.siteCostCenter.set(site.id, site.costCenterId);
  }

  /** Where a charge of `carrierId` account `accountNumber` for service `key` (`''`: the account) belongs. */
  resolve(carrierId: string, accountNumber: string, key: string): Dimensions {
    return this.forAccount(carrierId, accountNumber)(key);
  }

  /**
   * A resolver for one account's charges, remembering each key's answer: the dashboard resolves
   * hundreds of thousands of (service, category) totals, one map lookup each.
   */
  forAccount(carrierId: string, accountNumber: string): (key: string) => Dimensions {
    let numbers = this.byAccount.get(carrierId);
    if (!numbers) this.byAccount.set(carrierId, (numbers = new Map()));
    let resolver = numbers.get(accountNumber);
    if (!resolver) {
      resolver = this.resolver(carrierId, accountNumber);
      numbers.set(accountNumber, resolver);
    }
    return resolver;
  }

  private resolver(carrierId: string, accountNumber: string): (key: string) => Dimensions {
    const invoiceAccount = this.accounts.get(carrierId)?.get(accountNumber);
    const services = this.services.get(carrierId);
    const cache = new Map<string, Dimensions>();
    // Charges of no service known to the inventory take the invoice account's defaults.
    let accountLevel: Dimensions | undefined;
    let notInInventory: Dimensions | undefined;
    return (key) => {
      let dimensions = cache.get(key);
      if (dimensions) return dimensions;
      const candidates = key === '' ? undefined : services?.get(key);
      if (candidates) {
        // As the chargeback does: a number moved between accounts is the service on the invoice's
        // account, else the first; a service's defaults are those of its own account.
        const service = candidates.find((s) => s.accountId === invoiceAccount?.id) ?? candidates[0];
        dimensions = service && this.serviceDimensions(service, invoiceAccount);
      }
      if (!dimensions) {
        if (key === '')
          dimensions = accountLevel ??= this.withDefaults(invoiceAccount, ACCOUNT_LEVEL);
        else dimensions = notInInventory ??= this.withDefaults(invoiceAccount, NOT_IN_INVENTORY);
      }
      cache.set(key, dimensions);
      return dimensions;
    };
  }

  private serviceDimensions(
    service: IndexedService,
    invoiceAccount: IndexedAccount | undefined,
  ): Dimensions {
    const known = this.ofService.get(service);
    if (known) return known;
    const own = this.accountsById.get(service.accountId);
    const account = own ?? invoiceAccount;
    const siteId = service.siteId ?? account?.defaultSiteId ?? '';
    const dimensions = this.intern(
      siteId,
      service.costCenterId ??
        (siteId ? this.siteCostCenter.get(siteId) : undefined) ??
        account?.defaultCostCenterId ??
        '',
      service.type,
    );
    if (own) this.ofService.set(service, dimensions);
    return dimensions;
  }

  private withDefaults(account: IndexedAccount | undefined, type: SpendType): Dimensions {
    const siteId = account?.defaultSiteId ?? '';
    return this.intern(
      siteId,
      (siteId ? this.siteCostCenter.get(siteId) : undefined) ?? account?.defaultCostCenterId ?? '',
      type,
    );
  }

  /** The one object for these dimensions (equal dimensions share an ordinal). */
  private intern(siteId: string, costCenterId: string, type: SpendType): Dimensions {
    let costCenters = this.interned.get(siteId);
    if (!costCenters) this.interned.set(siteId, (costCenters = new Map()));
    let types = costCenters.get(costCenterId);
    if (!types) costCenters.set(costCenterId, (types = new Map()));
    let dimensions = types.get(type);
    if (!dimensions) {
      dimensions = { ordinal: this.distinct.length, siteId, costCenterId, type };
      types.set(type, dimensions);
      this.distinct.push(dimensions);
    }
    return dimensions;
  }
}
