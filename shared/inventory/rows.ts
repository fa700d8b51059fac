import type {
  Account,
  Carrier,
  Contract,
  CostCenter,
  Service,
  ServiceStatus,
  ServiceType,
  Site,
} from '../model';
import { contractedRate } from '../contracts/rates';
import { centsToDecimalString, type Cents } from '../money/cents';

/** One row of the services grid: the service with the names of what it points at. */
export interface ServiceRow {
  id: string;
  serviceIdRaw: string;
  type: ServiceType;
  status: ServiceStatus;
  siteId: string;
  site: string;
  carrier: string;
  accountNumber: string;
  plan: string;
  monthly: Cents | null;
  /** The same as dollars text (`42.00`), what the grid's cell editor starts from. */
  monthlyDollars: string;
  /** The cost center set on the service itself (code), '' when it follows its site or account. */
  costCenterOverride: string;
  /** Where its charges go: the override, else the site's, else the account's default (code). */
  chargedTo: string;
  userName: string;
  department: string;
  contract: string;
  /** The contract's monthly rate for this service (per-service, plan, or type rate); null when none. */
  contractedRate: Cents | null;
  activatedOn: string;
  disconnectedOn: string;
}

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  circuit: 'Circuit',
  internet: 'Internet',
  'mpls-sdwan': 'MPLS / SD-WAN',
  'pots-line': 'POTS / analog line',
  trunk: 'PRI / SIP trunk',
  'toll-free': 'Toll-free',
  'mobile-line': 'Mobile line',
  'ucaas-seat': 'UCaaS seat',
  other: 'Other',
};

export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = {
  ordered: 'Ordered',
  active: 'Active',
  'pending-disconnect': 'Pending disconnect',
  disconnected: 'Disconnected',
};

/**
 * The cost center a service's charges go to without a split rule, as the chargeback books them
 * (`AllocationIndex.destinationOf`): its own, else its site's (its account's default site when it
 * has none), else its account's default.
 */
export function effectiveCostCenterId(
  service: Pick<Service, 'costCenterId' | 'siteId' | 'accountId'>,
  sitesById: ReadonlyMap<string, Site>,
  accountsById: ReadonlyMap<string, Account>,
): string | undefined {
  const account = accountsById.get(service.accountId);
  const siteId = service.siteId ?? account?.defaultSiteId;
  return (
    service.costCenterId ??
    (siteId ? sitesById.get(siteId)?.costCenterId : undefined) ??
    account?.defaultCostCenterId
  );
}

export function serviceRows(data: {
  services: readonly Service[];
  sites: readonly Site[];
  accounts: readonly Account[];
  carriers: readonly Carrier[];
  costCenters: readonly CostCenter[];
  contracts: readonly Contract[];
}): ServiceRow[] {
  const sites = new Map(data.sites.map((s) => [s.id, s]));
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const carriers = new Map(data.carriers.map((c) => [c.id, c.name]));
  const costCenters = new Map(data.costCenters.map((c) => [c.id, c.code]));
  const contracts = new Map(data.contracts.map((c) => [c.id, c]));
  return data.services.map((service) => {
    const site = service.siteId ? sites.get(service.siteId) : undefined;
    const charged = effectiveCostCenterId(service, sites, accounts);
    return {
      id: service.id,
      serviceIdRaw: service.serviceIdRaw,
      type: service.type,
      status: service.status,
      siteId: service.siteId ?? '',
      site: site ? site.code : '',
      carrier: carriers.get(service.carrierId) ?? '',
      accountNumber: accounts.get(service.accountId)?.accountNumber ?? '',
      plan: service.plan ?? service.description ?? '',
      monthly: service.expectedMonthlyCents ?? null,
      monthlyDollars:
        service.expectedMonthlyCents === undefined
          ? ''
          : centsToDecimalString(service.expectedMonthlyCents),
      costCenterOverride: service.costCenterId ? (costCenters.get(service.costCenterId) ?? '') : '',
      chargedTo: charged ? (costCenters.get(charged) ?? '') : '',
      userName: service.userName ?? '',
      department: service.department ?? '',
      contract: service.contractId ? (contracts.get(service.contractId)?.name ?? '') : '',
      contractedRate: (() => {
        const contract = service.contractId ? contracts.get(service.contractId) : undefined;
        return contract ? (contractedRate(contract, service)?.monthlyRateCents ?? null) : null;
      })(),
      activatedOn: service.activatedOn ?? '',
      disconnectedOn: service.disconnectedOn ?? '',
    };
  });
}
