/**
 * Lookups the allocation engine makes for every charge line, indexed once per run: which account
 * an invoice belongs to, which service a line names, which cost centers a service's charges go to
 * (split rules, then the service → site → account chain), and which GL account a charge is booked to.
 */
import type { IsoDate, IsoMonth } from '../dates/iso-date';
import { accountNumberKey } from '../ids/keys';
import { basisPointsProblem, FULL_BASIS_POINTS } from '../money/cents';
import type {
  Account,
  AllocationRule,
  AllocationTarget,
  ChargeCategory,
  CostCenter,
  Invoice,
  Service,
  ServiceType,
  Site,
} from '../model';
import type { AllocationExceptionKind, AllocationInput, GlMapping, RuleProblem } from './types';

/** A reason a charge (or one share of it) cannot be allocated. */
export interface Problem {
  kind: AllocationExceptionKind;
  costCenterId: string | null;
  message: string;
}

/** One share of a service's charges: a usable cost center, or the reason it is not. */
export type Share =
  | { basisPoints: number; costCenter: CostCenter; problem?: undefined }
  | { basisPoints: number; costCenter?: undefined; problem: Problem };

/** Where a service's charges go: its site (for the closed-site check and the row) and its shares. */
export interface ServiceDestination {
  service: Service;
  site: Site | undefined;
  shares: Share[];
}

/** The inventory indexed for one allocation run. */
export class AllocationIndex {
  readonly ruleProblems: RuleProblem[] = [];
  private readonly accountsByNumber = new Map<string, Account>();
  private readonly accountsById = new Map<string, Account>();
  private readonly servicesByKey = new Map<string, Service[]>();
  private readonly sitesById = new Map<string, Site>();
  private readonly costCentersById = new Map<string, CostCenter>();
  private readonly rulesByTarget = new Map<string, AllocationRule>();
  private readonly destinations = new Map<string, ServiceDestination>();

  constructor(
    input: Pick<
      AllocationInput,
      'accounts' | 'services' | 'sites' | 'costCenters' | 'rules' | 'glMapping'
    >,
    month: IsoMonth,
  ) {
    for (const account of input.accounts) {
      this.accountsById.set(account.id, account);
      this.accountsByNumber.set(accountKey(account.carrierId, account.accountNumber), account);
    }
    for (const service of input.services) {
      const keys = new Set(service.aliasKeys);
      if (service.serviceKey !== null) keys.add(service.serviceKey);
      for (const key of keys) {
        const mapKey = accountKey(service.carrierId, key);
        const list = this.servicesByKey.get(mapKey);
        if (list === undefined) this.servicesByKey.set(mapKey, [service]);
        else list.push(service);
      }
    }
    for (const site of input.sites) this.sitesById.set(site.id, site);
    for (const costCenter of input.costCenters) this.costCentersById.set(costCenter.id, costCenter);
    this.indexRules(input.rules, month);
    this.glMapping = input.glMapping;
  }

  private readonly glMapping: GlMapping;

  /** The inventory account an invoice is billed to (by carrier and account number as printed). */
  accountOf(invoice: Invoice): Account | undefined {
    return this.accountsByNumber.get(accountKey(invoice.carrierId, invoice.accountNumber));
  }

  account(id: string): Account | undefined {
    return this.accountsById.get(id);
  }

  costCenter(id: string): CostCenter | undefined {
    return this.costCentersById.get(id);
  }

  /**
   * The service a line's match key names at the invoice's carrier, when several carry the key (a
   * number moved between accounts): the one on the line's own billing account (`billedOn`, a BAN
   * of a FAN invoice, however it is punctuated), else on the invoice's account, else a live one,
   * else the first — as the audit matches it.
   */
  serviceFor(
    carrierId: string,
    serviceKey: string,
    account: Account | undefined,
    billedOn?: string,
  ): Service | undefined {
    const candidates = this.servicesByKey.get(accountKey(carrierId, serviceKey));
    if (candidates === undefined) return undefined;
    const onAccount =
      billedOn === undefined
        ? (service: Service) => service.accountId === account?.id
        : (service: Service) =>
            accountNumberKey(this.accountsById.get(service.accountId)?.accountNumber ?? '') ===
            accountNumberKey(billedOn);
    return (
      candidates.find(onAccount) ??
      candidates.find((service) => service.status !== 'disconnected') ??
      candidates[0]
    );
  }

  /** Where a service's charges go this month (cached: every line of a service resolves the same). */
  destinationOf(service: Service, invoiceAccount: Account | undefined): ServiceDestination {
    const cached = this.destinations.get(service.id);
    if (cached !== undefined) return cached;
    const account = this.accountsById.get(service.accountId) ?? invoiceAccount;
    const siteId = service.siteId ?? account?.defaultSiteId;
    const site = siteId === undefined ? undefined : this.sitesById.get(siteId);
    const rule =
      this.rulesByTarget.get(targetKey({ kind: 'service', serviceId: service.id })) ??
      (siteId === undefined
        ? undefined
        : this.rulesByTarget.get(targetKey({ kind: 'site', siteId }))) ??
      (account === undefined
        ? undefined
        : this.rulesByTarget.get(targetKey({ kind: 'account', accountId: account.id })));
    let shares: Share[];
    if (rule !== undefined) {
      shares = rule.splits.map((split) => this.share(split.costCenterId, split.basisPoints));
    } else {
      const costCenterId =
        service.costCenterId ?? site?.costCenterId ?? account?.defaultCostCenterId;
      shares =
        costCenterId === undefined
          ? [
              {
                basisPoints: FULL_BASIS_POINTS,
                problem: {
                  kind: 'no-cost-center',
                  costCenterId: null,
                  message: `Service ${service.serviceIdRaw} has no cost center, and neither do its site and account.`,
                },
              },
            ]
          : [this.share(costCenterId, FULL_BASIS_POINTS)];
    }
    const destination = { service, site, shares };
    this.destinations.set(service.id, destination);
    return destination;
  }

  /** A cost center share, or why it cannot take charges (unknown or inactive). */
  share(costCenterId: string, basisPoints: number): Share {
    const costCenter = this.costCentersById.get(costCenterId);
    if (costCenter === undefined) {
      return {
        basisPoints,
        problem: {
          kind: 'no-cost-center',
          costCenterId,
          message: `Cost center ${costCenterId} does not exist (deleted?).`,
        },
      };
    }
    if (!costCenter.active) {
      return {
        basisPoints,
        problem: {
          kind: 'inactive-cost-center',
          costCenterId,
          message: `Cost center ${costCenter.code} (${costCenter.name}) is inactive.`,
        },
      };
    }
    return { basisPoints, costCenter };
  }

  /** The GL account of a charge; see {@link GlMapping} for the precedence. */
  glAccountFor(
    category: ChargeCategory,
    serviceType: ServiceType | null,
    costCenter: CostCenter,
  ): string {
    const byType =
      serviceType === null
        ? undefined
        : this.glMapping.byCategoryAndServiceType[category]?.[serviceType];
    return (
      nonBlank(byType) ??
      nonBlank(this.glMapping.byCategory[category]) ??
      nonBlank(costCenter.glAccount) ??
      nonBlank(this.glMapping.fallback) ??
      ''
    );
  }

  /**
   * Keeps, per target, the rule in effect this month; when several overlap, the one that started
   * last wins (then the lowest id, so the choice is stable). Rules whose shares do not add up to
   * 100% are skipped and reported, and their target falls back to the default chain.
   */
  private indexRules(rules: readonly AllocationRule[], month: IsoMonth): void {
    const ordered = [...rules].sort(
      (a, b) =>
        (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const rule of ordered) {
      if (rule.effectiveFrom > month) continue;
      if (rule.effectiveTo !== undefined && rule.effectiveTo < month) continue;
      const problem = basisPointsProblem(rule.splits.map((split) => split.basisPoints));
      if (problem !== null) {
        this.ruleProblems.push({ ruleId: rule.id, message: `Rule "${rule.name}": ${problem}` });
        continue;
      }
      const key = targetKey(rule.target);
      if (!this.rulesByTarget.has(key)) this.rulesByTarget.set(key, rule);
    }
  }
}

/**
 * Whether a charge starting on `chargeStart` is billed for a site that had already closed: the
 * site is closed and either has no closing date or closed before the charge began.
 */
export function closedSiteProblem(site: Site | undefined, chargeStart: IsoDate): Problem | null {
  if (site === undefined || site.status !== 'closed') return null;
  if (site.closedOn !== undefined && site.closedOn >= chargeStart) return null;
  const when = site.closedOn === undefined ? '' : ` on ${site.closedOn}`;
  return {
    kind: 'closed-site',
    costCenterId: site.costCenterId ?? null,
    message: `Site ${site.code} (${site.name}) closed${when}; the charge from ${chargeStart} is allocated as usual but needs review.`,
  };
}

function accountKey(carrierId: string, text: string): string {
  return `${carrierId}\u0000${text}`;
}

function targetKey(target: AllocationTarget): string {
  switch (target.kind) {
    case 'service':
      return `service:${target.serviceId}`;
    case 'site':
      return `site:${target.siteId}`;
    case 'account':
      return `account:${target.accountId}`;
  }
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
