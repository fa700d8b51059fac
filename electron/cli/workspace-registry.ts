/**
 * The CLI's in-memory ledger: records with sequential ids, changed only by applying the shared
 * plans (`shared/ledger/`), as the app's repositories apply them to Dexie; and how input problems
 * are reported.
 */

import type { ContractPlan } from '../../shared/ledger/contracts';
import type { InventoryPlan } from '../../shared/ledger/inventory';
import { OrgResolver, sequentialIds, type BilledAccountNumber } from '../../shared/ledger/org';
import type { NewRecordId } from '../../shared/ledger/records';
import type { CostCenterPlan } from '../../shared/ledger/cost-centers';
import type { SitePlan } from '../../shared/ledger/sites';
import type { Account, Carrier, Contract, CostCenter, Service, Site } from '../../shared/model';

import { CliError } from './inputs';

export const MAX_LISTED = 10;

/** `what` (`The sites file "sites.csv"`) has the problems listed; `verb` agrees with it (`The bills have`). */
export function problemsError(
  what: string,
  messages: readonly string[],
  verb: 'has' | 'have' = 'has',
): CliError {
  const listed = messages.slice(0, MAX_LISTED).map((message) => `  - ${message}`);
  const more =
    messages.length > MAX_LISTED ? [`  … and ${messages.length - MAX_LISTED} more.`] : [];
  const count = messages.length === 1 ? 'a problem' : `${messages.length} problems`;
  return new CliError([`${what} ${verb} ${count}:`, ...listed, ...more].join('\n'));
}

/** Puts each record in the place of the one with its id, or at the end when it is new. */
function put<T extends { id: string }>(list: T[], records: readonly T[]): void {
  const index = new Map(list.map((record, i) => [record.id, i]));
  for (const record of records) {
    const at = index.get(record.id);
    if (at === undefined) {
      index.set(record.id, list.length);
      list.push(record);
    } else list[at] = record;
  }
}

/** Records a registry starts from (a backup's); invoices are the bills' part. */
export interface RegistryStart {
  carriers: readonly Carrier[];
  accounts: readonly Account[];
  costCenters: readonly CostCenter[];
  sites: readonly Site[];
  services: readonly Service[];
  contracts: readonly Contract[];
  /** The backup's invoices: the accounts they name are billed already (they keep their number). */
  invoices?: readonly BilledAccountNumber[];
}

/** The workspace's records; carriers and accounts live in `org`, which resolves them by key. */
export class Registry {
  /**
   * Ids in the order records are met (`site-1`, `service-1`…): the same inputs, the same ids. An
   * id a starting record (from a backup) already has is skipped.
   */
  readonly newId: NewRecordId;
  /** Carriers and accounts, resolved by their keys as the app resolves them. */
  readonly org: OrgResolver;
  readonly costCenters: CostCenter[];
  readonly sites: Site[];
  readonly services: Service[];
  readonly contracts: Contract[];

  /** An empty registry, or one holding the records of `start` (a backup of the app). */
  constructor(start?: RegistryStart) {
    const taken = new Set<string>(
      start === undefined
        ? []
        : [
            ...start.carriers,
            ...start.accounts,
            ...start.costCenters,
            ...start.sites,
            ...start.services,
            ...start.contracts,
          ].map((record) => record.id),
    );
    const next = sequentialIds();
    this.newId = (kind) => {
      let id = next(kind);
      while (taken.has(id)) id = next(kind);
      return id;
    };
    this.org = new OrgResolver(
      start?.carriers ?? [],
      start?.accounts ?? [],
      this.newId,
      start?.invoices ?? [],
    );
    this.costCenters = [...(start?.costCenters ?? [])];
    this.sites = [...(start?.sites ?? [])];
    this.services = [...(start?.services ?? [])];
    this.contracts = [...(start?.contracts ?? [])];
  }

  carrierId(name: string, accountNumber?: string): string {
    return this.org.carrierId(name, accountNumber);
  }

  accountId(carrierId: string, accountNumber: string): string {
    return this.org.accountId(carrierId, accountNumber);
  }

  applyCostCenters(plan: CostCenterPlan): void {
    put(this.costCenters, [...plan.added, ...plan.updated.map((update) => update.after)]);
  }

  applySites(plan: SitePlan): void {
    this.costCenters.push(...plan.newCostCenters);
    put(this.sites, [...plan.added, ...plan.updated.map((update) => update.after)]);
  }

  applyInventory(plan: InventoryPlan): void {
    this.costCenters.push(...plan.newCostCenters);
    this.sites.push(...plan.newSites);
    put(this.services, plan.services);
  }

  applyContracts(plan: ContractPlan): void {
    put(this.contracts, plan.contracts);
    put(
      this.services,
      plan.serviceLinks.map((link) => link.after),
    );
  }
}
