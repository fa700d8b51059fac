/**
 * The inventory index as it was before issue 20 round 2 (keyed by joined strings), kept verbatim
 * as the reference the faster `DimensionIndex` is compared against.
 */
import {
  ACCOUNT_LEVEL,
  NOT_IN_INVENTORY,
  type DimensionIndex,
  type Dimensions,
} from '../../shared/billing/dimensions';

type IndexInput = ConstructorParameters<typeof DimensionIndex>[0];

/** The inventory indexed once, answering "where does this charge belong" per account and key. */
export class ReferenceDimensionIndex {
  private readonly accounts = new Map<string, IndexInput['accounts'][number]>();
  private readonly accountsById = new Map<string, IndexInput['accounts'][number]>();
  private readonly services = new Map<string, IndexInput['services'][number][]>();
  private readonly siteCostCenter = new Map<string, string>();
  private readonly byAccount = new Map<string, Map<string, Dimensions>>();
  private readonly interned = new Map<string, Dimensions>();
  /** Every distinct answer given so far, by ordinal. */
  readonly distinct: Dimensions[] = [];

  constructor(input: IndexInput) {
    for (const account of input.accounts) {
      this.accounts.set(`${account.carrierId}|${account.accountNumber}`, account);
      this.accountsById.set(account.id, account);
    }
    for (const service of input.services) {
      const keys = new Set(service.aliasKeys);
      if (service.serviceKey) keys.add(service.serviceKey);
      for (const key of keys) {
        const id = `${service.carrierId}|${key}`;
        const list = this.services.get(id);
        if (list) list.push(service);
        else this.services.set(id, [service]);
      }
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
    const id = `${carrierId}|${accountNumber}`;
    let known = this.byAccount.get(id);
    if (!known) {
      known = new Map();
      this.byAccount.set(id, known);
    }
    const cache = known;
    return (key) => {
      let dimensions = cache.get(key);
      if (!dimensions) {
        dimensions = this.lookUp(carrierId, accountNumber, key);
        cache.set(key, dimensions);
      }
      return dimensions;
    };
  }

  private lookUp(carrierId: string, accountNumber: string, key: string): Dimensions {
    const invoiceAccount = this.accounts.get(`${carrierId}|${accountNumber}`);
    const candidates = key === '' ? undefined : this.services.get(`${carrierId}|${key}`);
    // As the chargeback does: a number moved between accounts is the service on the invoice's
    // account, else the first; a service's defaults are those of its own account.
    const service = candidates
      ? (candidates.find((s) => s.accountId === invoiceAccount?.id) ?? candidates[0])
      : undefined;
    const account = (service && this.accountsById.get(service.accountId)) ?? invoiceAccount;
    const siteId = service?.siteId ?? account?.defaultSiteId ?? '';
    const found: Omit<Dimensions, 'ordinal'> = {
      siteId,
      costCenterId:
        service?.costCenterId ??
        (siteId ? this.siteCostCenter.get(siteId) : undefined) ??
        account?.defaultCostCenterId ??
        '',
      type: service ? service.type : key === '' ? ACCOUNT_LEVEL : NOT_IN_INVENTORY,
    };
    const id = `${found.siteId}|${found.costCenterId}|${found.type}`;
    let dimensions = this.interned.get(id);
    if (!dimensions) {
      dimensions = { ordinal: this.distinct.length, ...found };
      this.interned.set(id, dimensions);
      this.distinct.push(dimensions);
    }
    return dimensions;
  }
}
