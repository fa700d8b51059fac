/**
 * The atomic commits of an inventory file and a sites file. What they change is decided by the
 * shared plans (`shared/ledger/inventory.ts`, `shared/ledger/sites.ts`), computed inside the one
 * transaction that writes them; here they are only applied, with the services' history.
 */
import type { InventoryDraft } from '../../shared/inventory/import';
import type { SiteDraft } from '../../shared/inventory/sites-file';
import { describeChanges, type ServicePatch } from '../../shared/inventory/edits';
import {
  planInventory,
  type InventoryPlan,
  type ServiceChange,
} from '../../shared/ledger/inventory';
import { OrgResolver } from '../../shared/ledger/org';
import type { RowRefusal } from '../../shared/ledger/records';
import { planSites } from '../../shared/ledger/sites';
import type { Service } from '../../shared/model';
import type { ServiceEventRecord, TemDeskDatabase } from './database';
import { inventoryNames, loadInventory, type InventoryData } from './inventory';
import { randomRecordId } from './record-ids';

export interface InventoryImportSummary {
  added: number;
  updated: number;
  sitesCreated: number;
  accountsCreated: number;
  carriersCreated: number;
}

/** The app's plan: cost centers and contracts must exist; new records get random ids. */
function planOf(data: InventoryData, drafts: readonly InventoryDraft[]): InventoryPlan {
  const org = new OrgResolver(data.carriers, data.accounts, randomRecordId);
  return planInventory(drafts, data, org, {
    newId: randomRecordId,
    unknownCostCenters: 'refuse',
    unknownContracts: 'refuse',
  });
}

/** Rows the commit would refuse: cost centers or contracts the file names that do not exist. */
export async function checkInventoryDrafts(
  db: TemDeskDatabase,
  drafts: readonly InventoryDraft[],
): Promise<RowRefusal[]> {
  return (await checkInventoryImport(db, drafts)).refusals;
}

/**
 * What the preview says before the commit: the rows it would refuse, and the notes on rows it
 * would store not as written (an account number taken as a known one with its leading zeros).
 */
export async function checkInventoryImport(
  db: TemDeskDatabase,
  drafts: readonly InventoryDraft[],
): Promise<Pick<InventoryPlan, 'refusals' | 'notes'>> {
  const { refusals, notes } = planOf(await loadInventory(db), drafts);
  return { refusals, notes };
}

/** The fields of a service an inventory row sets, as an edit, for the history's before → after. */
function patchOf(service: Service): ServicePatch {
  return {
    status: service.status,
    siteId: service.siteId,
    costCenterId: service.costCenterId,
    accountId: service.accountId,
    contractId: service.contractId,
    plan: service.plan,
    expectedMonthlyCents: service.expectedMonthlyCents,
    userName: service.userName,
    department: service.department,
    activatedOn: service.activatedOn,
    disconnectedOn: service.disconnectedOn,
  };
}

/** A history entry per inventory row applied: added, or updated with what changed. */
export function historyOf(
  plan: Pick<InventoryPlan, 'changes' | 'newSites' | 'newAccounts'>,
  data: InventoryData,
  fileName: string,
  at: string,
): ServiceEventRecord[] {
  const names = inventoryNames({
    ...data,
    sites: [...data.sites, ...plan.newSites],
    accounts: [...data.accounts, ...plan.newAccounts],
  });
  return plan.changes.map(({ row, before, after }: ServiceChange): ServiceEventRecord => {
    if (before === undefined) {
      return {
        serviceId: after.id,
        at,
        kind: 'added',
        summary: `Added from ${fileName}, row ${row}`,
      };
    }
    const changes = describeChanges(before, patchOf(after), names);
    return {
      serviceId: after.id,
      at,
      kind: 'edited',
      summary: `Updated from ${fileName}, row ${row}`,
      ...(Object.keys(changes).length > 0 ? { changes } : {}),
    };
  });
}

/**
 * Stores an inventory file in ONE transaction, planned inside it: carriers, accounts and sites met
 * for the first time, then each service — added when new, updated when its identifier is known —
 * each row with a history entry. A row the plan refuses (check first with
 * {@link checkInventoryDrafts}) is a programmer error: nothing is written.
 */
export async function commitInventoryImport(
  db: TemDeskDatabase,
  drafts: readonly InventoryDraft[],
  fileName: string,
  now = new Date(),
): Promise<InventoryImportSummary> {
  const tables = [
    db.carriers,
    db.accounts,
    db.sites,
    db.costCenters,
    db.services,
    db.serviceEvents,
    db.contracts,
  ];
  return db.transaction('rw', tables, async () => {
    const data = await loadInventory(db);
    const plan = planOf(data, drafts);
    if (plan.refusals.length > 0) {
      throw new Error(`Check the file first: ${plan.refusals.map((r) => r.message).join(' ')}`);
    }
    await db.carriers.bulkAdd(plan.newCarriers);
    await db.accounts.bulkAdd(plan.newAccounts);
    await db.sites.bulkAdd(plan.newSites);
    await db.services.bulkPut(plan.services);
    await db.serviceEvents.bulkAdd(historyOf(plan, data, fileName, now.toISOString()));
    const added = plan.changes.filter((change) => change.before === undefined).length;
    return {
      added,
      updated: plan.changes.length - added,
      sitesCreated: plan.newSites.length,
      accountsCreated: plan.newAccounts.length,
      carriersCreated: plan.newCarriers.length,
    };
  });
}

/**
 * Stores a site file in one transaction: sites are matched by code (updated when known, added
 * when new). Cost centers must exist; a row naming an unknown one is returned, nothing is written.
 */
export async function commitSiteImport(
  db: TemDeskDatabase,
  drafts: readonly SiteDraft[],
): Promise<{ ok: true; added: number; updated: number } | { ok: false; errors: RowRefusal[] }> {
  return db.transaction('rw', db.sites, db.costCenters, async () => {
    const [sites, costCenters] = await Promise.all([db.sites.toArray(), db.costCenters.toArray()]);
    const plan = planSites(
      drafts,
      { sites, costCenters },
      {
        newId: randomRecordId,
        unknownCostCenters: 'refuse',
      },
    );
    if (plan.refusals.length > 0) return { ok: false, errors: plan.refusals };
    await db.sites.bulkAdd(plan.added);
    await db.sites.bulkPut(plan.updated.map((update) => update.after));
    return { ok: true, added: plan.added.length, updated: plan.updated.length };
  });
}
