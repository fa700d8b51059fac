/**
 * The CLI's in-memory ledger: records with sequential ids, changed only by applying the shared
 * plans (`shared/ledger/`), as the app's repositories apply them to Dexie; and how input problems
 * are reported.
 */

import type { ContractPlan } from '../../shared/ledger/contracts';
import type { InventoryPlan } from '../../shared/ledger/inventory';
import { OrgResolver, sequentialIds } from '../../shared/ledger/org';
import type { NewRecordId } from '../../shared/ledger/records';
import type { CostCenterPlan } from '../../shared/ledger/cost-centers';
import type { SitePlan } from '../../shared/ledger/sites';
import type { Contract, CostCenter, Service, Site } from '../../shared/model';

import { CliError } from './inputs';

export const MAX_LISTED = 10;

export function problemsError(what: string, messages: readonly string[]): CliError {
  const listed = messages.slice(0, MAX_LISTED).map((message) => `  - ${message}`);
  const more =
    messages.length > MAX_LISTED ? [`  … and ${messages.length - MAX_LISTED} more.`] : [];
  const count = messages.length === 1 ? 'a problem' : `${messages.length} problems`;
  return new CliError([`${what} has ${count}:`, ...listed, ...more].join('\n'));
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

/** The workspace's records; carriers and accounts live in `org`, which resolves them by key. */
export class Registry {
  /** Ids in the order records are met (`site-1`, `service-1`…): the same inputs, the same ids. */
  readonly newId: NewRecordId = sequentialIds();
  /** Carriers and accounts, resolved by their keys as the app resolves them. */
  readonly org = new OrgResolver([], [], this.newId);
  readonly costCenters: CostCenter[] = [];
  readonly sites: Site[] = [];
  readonly services: Service[] = [];
  readonly contracts: Contract[] = [];

  carrierId(name: string): string {
    return this.org.carrierId(name);
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
