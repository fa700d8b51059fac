import Dexie from 'dexie';
import {
  describeChanges,
  patchProblemFor,
  validateServicePatch,
  type EditContext,
  type ServicePatch,
} from '../../shared/inventory/edits';
import type { Account, Carrier, Contract, CostCenter, Service, Site } from '../../shared/model';
import { cents, type Cents } from '../../shared/money/cents';
import { fail, ok, type Result } from '../../shared/result';
import type { ServiceEventRecord, TemDeskDatabase } from './database';

/** Everything the inventory screens show, read together. */
export interface InventoryData {
  sites: Site[];
  costCenters: CostCenter[];
  services: Service[];
  accounts: Account[];
  carriers: Carrier[];
  contracts: Contract[];
}

/**
 * Read in one read-only transaction: inside a live query (the Inventory page) this also keeps the
 * reads out of Dexie's live-query cache, which deep-clones every result it hands out (20,000
 * services: ~20 ms of copying on the page's opening path), and the page never changes what it is
 * given.
 */
export function loadInventory(db: TemDeskDatabase): Promise<InventoryData> {
  return db.transaction(
    'r',
    [db.sites, db.costCenters, db.services, db.accounts, db.carriers, db.contracts],
    async () => {
      const [sites, costCenters, services, accounts, carriers, contracts] = await Promise.all([
        db.sites.toArray(),
        db.costCenters.toArray(),
        db.services.toArray(),
        db.accounts.toArray(),
        db.carriers.toArray(),
        db.contracts.toArray(),
      ]);
      return { sites, costCenters, services, accounts, carriers, contracts };
    },
  );
}

/** Display names of the records a service points at, for history sentences. */
export function inventoryNames(
  data: Pick<InventoryData, 'sites' | 'costCenters' | 'accounts' | 'contracts'>,
) {
  const site = new Map(data.sites.map((s) => [s.id, `${s.code} ${s.name}`]));
  const costCenter = new Map(data.costCenters.map((c) => [c.id, `${c.code} ${c.name}`]));
  const account = new Map(data.accounts.map((a) => [a.id, a.accountNumber]));
  const contract = new Map(data.contracts.map((c) => [c.id, c.name]));
  const name = (map: Map<string, string>) => (id?: string) => (id ? (map.get(id) ?? id) : '—');
  return {
    site: name(site),
    costCenter: name(costCenter),
    account: name(account),
    contract: name(contract),
  };
}

async function editContext(db: TemDeskDatabase): Promise<EditContext> {
  const [sites, costCenters, accounts, contracts] = await Promise.all([
    db.sites.toArray(),
    db.costCenters.toArray(),
    db.accounts.toCollection().primaryKeys(),
    db.contracts.toCollection().primaryKeys(),
  ]);
  return {
    siteIds: new Set(sites.map((s) => s.id)),
    closedSiteIds: new Set(sites.filter((s) => s.status === 'closed').map((s) => s.id)),
    costCenterIds: new Set(costCenters.map((c) => c.id)),
    inactiveCostCenterIds: new Set(costCenters.filter((c) => !c.active).map((c) => c.id)),
    accountIds: new Set(accounts),
    contractIds: new Set(contracts),
  };
}

/**
 * Applies one patch to one or many services (a cell edit, a bulk edit, a lifecycle action) in one
 * transaction, after validating it; each service gets a history entry saying what changed.
 */
export async function updateServices(
  db: TemDeskDatabase,
  serviceIds: readonly string[],
  patch: ServicePatch,
  kind: ServiceEventRecord['kind'] = 'edited',
  now = new Date(),
): Promise<Result<number>> {
  return db.transaction(
    'rw',
    [
      db.services,
      db.serviceEvents,
      db.sites,
      db.costCenters,
      db.accounts,
      db.contracts,
      db.carriers,
    ],
    async () => {
      const checked = validateServicePatch(patch, await editContext(db));
      if (!checked.ok) return checked;
      const names = inventoryNames(await loadInventoryNames(db));
      // A service is billed by its account's carrier: a new account brings its carrier along.
      const account = patch.accountId ? await db.accounts.get(patch.accountId) : undefined;
      const carriers = new Map((await db.carriers.toArray()).map((c) => [c.id, c.name]));
      const contracts = new Map((await db.contracts.toArray()).map((c) => [c.id, c]));
      const contractOf = (id: string) => contracts.get(id);
      const services = (await db.services.bulkGet([...serviceIds])).filter(
        (s): s is Service => s !== undefined,
      );
      if (services.length !== serviceIds.length)
        return fail('Some of these services no longer exist; reload and try again.');
      // Every service is checked before any is written: the patch is saved on all or on none.
      for (const service of services) {
        const problem = patchProblemFor(service, patch);
        if (problem !== null) return fail(problem, { column: 'Disconnected on' });
      }
      const events: ServiceEventRecord[] = [];
      for (const service of services) {
        const changes = describeChanges(service, patch, names);
        const write = cleanPatch(patch);
        if (account && account.carrierId !== service.carrierId) {
          const carrier = (id: string) => carriers.get(id) ?? id;
          changes['Carrier'] = [carrier(service.carrierId), carrier(account.carrierId)];
          write.carrierId = account.carrierId;
          // The old carrier's contract prices none of the new carrier's bills: it is let go.
          const contract =
            service.contractId === undefined ? undefined : contractOf(service.contractId);
          if (
            !('contractId' in patch) &&
            contract !== undefined &&
            contract.carrierId !== account.carrierId
          ) {
            changes['Contract'] = [names.contract(contract.id), names.contract(undefined)];
            write.contractId = undefined;
          }
        }
        if (Object.keys(changes).length === 0) continue;
        await db.services.update(service.id, write);
        events.push({
          serviceId: service.id,
          at: now.toISOString(),
          kind,
          summary: summarize(kind, changes),
          changes,
        });
      }
      await db.serviceEvents.bulkAdd(events);
      return ok(events.length);
    },
  );
}

/** Empty strings clear optional references (cost center override, contract). */
function cleanPatch(patch: ServicePatch): Partial<Service> {
  const result: Partial<Service> = { ...patch };
  if (patch.costCenterId === '') result.costCenterId = undefined;
  if (patch.contractId === '') result.contractId = undefined;
  return result;
}

function summarize(
  kind: ServiceEventRecord['kind'],
  changes: Record<string, [string, string]>,
): string {
  const parts = Object.entries(changes).map(([field, [from, to]]) => `${field}: ${from} → ${to}`);
  const verb = {
    added: 'Added',
    moved: 'Moved',
    changed: 'Changed',
    disconnected: 'Disconnected',
    edited: 'Edited',
    matched: 'Matched',
  }[kind];
  return `${verb} — ${parts.join('; ')}`;
}

async function loadInventoryNames(db: TemDeskDatabase) {
  const [sites, costCenters, accounts, contracts] = await Promise.all([
    db.sites.toArray(),
    db.costCenters.toArray(),
    db.accounts.toArray(),
    db.contracts.toArray(),
  ]);
  return { sites, costCenters, accounts, contracts };
}

/** Adds a service (validated like an edit) and its first history entry. */
export async function addService(
  db: TemDeskDatabase,
  service: Service,
  now = new Date(),
): Promise<Result<string>> {
  return db.transaction(
    'rw',
    [db.services, db.serviceEvents, db.sites, db.costCenters, db.accounts, db.contracts],
    async () => {
      const checked = validateServicePatch(
        {
          siteId: service.siteId,
          costCenterId: service.costCenterId,
          accountId: service.accountId,
          contractId: service.contractId,
          status: service.status,
        },
        await editContext(db),
      );
      if (!checked.ok) return checked;
      if (service.serviceKey) {
        // One number on two carriers (ported: the old carrier's line kept, disconnected) is two
        // services; on one carrier it is one.
        const clash = await db.services
          .where('serviceKey')
          .equals(service.serviceKey)
          .filter((other) => other.carrierId === service.carrierId)
          .first();
        if (clash) return fail(`${service.serviceIdRaw} is already in the inventory.`);
      }
      await db.services.add(service);
      const names = inventoryNames(await loadInventoryNames(db));
      await db.serviceEvents.add({
        serviceId: service.id,
        at: now.toISOString(),
        kind: 'added',
        summary: `Added at ${names.site(service.siteId)}`,
      });
      return ok(service.id);
    },
  );
}

/** Maps a billed identifier to an existing service: the key becomes one of its alias keys. */
export async function addAliasKey(
  db: TemDeskDatabase,
  serviceId: string,
  key: string,
  raw: string,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.services, db.serviceEvents, async () => {
    const service = await db.services.get(serviceId);
    if (!service || service.aliasKeys.includes(key) || service.serviceKey === key) return;
    await db.services.update(serviceId, { aliasKeys: [...service.aliasKeys, key] });
    await db.serviceEvents.add({
      serviceId,
      at: now.toISOString(),
      kind: 'matched',
      summary: `Bills for ${raw} now count as this service`,
    });
  });
}

export function serviceHistory(
  db: TemDeskDatabase,
  serviceId: string,
): Promise<ServiceEventRecord[]> {
  return db.serviceEvents.where('serviceId').equals(serviceId).sortBy('seq');
}

/** One month of what a service was billed. */
export interface BilledMonth {
  month: string;
  invoiceNumber: string;
  amount: Cents;
  lines: number;
}

/**
 * What the bills charged for a service, month by month: only its account's invoices are read, and
 * only their lines whose key is the service's key or one of its aliases.
 */
export async function billedHistory(db: TemDeskDatabase, service: Service): Promise<BilledMonth[]> {
  const account = await db.accounts.get(service.accountId);
  if (!account) return [];
  const invoices = await db.invoices
    .where('[carrierId+accountNumber+invoiceNumber]')
    .between(
      [service.carrierId, account.accountNumber, Dexie.minKey],
      [service.carrierId, account.accountNumber, Dexie.maxKey],
    )
    .toArray();
  const keys = new Set(
    [service.serviceKey, ...service.aliasKeys].filter((k): k is string => Boolean(k)),
  );
  const months: BilledMonth[] = [];
  for (const invoice of invoices) {
    const blocks = await db.chargeBlocks
      .where('[invoiceId+blockIndex]')
      .between([invoice.id, Dexie.minKey], [invoice.id, Dexie.maxKey])
      .toArray();
    let amount = 0;
    let lines = 0;
    for (const block of blocks) {
      for (let i = 0; i < block.count; i++) {
        if (keys.has(block.serviceKey[i] ?? '')) {
          amount += block.amount[i] ?? 0;
          lines++;
        }
      }
    }
    if (lines > 0)
      months.push({
        month: invoice.invoiceDate.slice(0, 7),
        invoiceNumber: invoice.invoiceNumber,
        amount: cents(amount),
        lines,
      });
  }
  return months.sort((a, b) => (a.month < b.month ? 1 : -1));
}

export async function addSite(db: TemDeskDatabase, site: Site): Promise<Result<string>> {
  if (!site.code.trim() || !site.name.trim()) return fail('A site needs a code and a name.');
  if (await db.sites.where('code').equals(site.code.trim()).first())
    return fail(`Site code ${site.code} is already used.`);
  await db.sites.add({ ...site, code: site.code.trim(), name: site.name.trim() });
  return ok(site.id);
}

export async function addCostCenter(
  db: TemDeskDatabase,
  costCenter: CostCenter,
): Promise<Result<string>> {
  if (!costCenter.code.trim() || !costCenter.name.trim())
    return fail('A cost center needs a code and a name.');
  if (await db.costCenters.where('code').equals(costCenter.code.trim()).first())
    return fail(`Cost center ${costCenter.code} already exists.`);
  await db.costCenters.add({
    ...costCenter,
    code: costCenter.code.trim(),
    name: costCenter.name.trim(),
  });
  return ok(costCenter.id);
}

/** Deletes a service and its history in one transaction; returns how to put them back (for Undo). */
export async function deleteServiceWithUndo(
  db: TemDeskDatabase,
  serviceId: string,
): Promise<() => Promise<void>> {
  return db.transaction('rw', db.services, db.serviceEvents, async () => {
    const service = await db.services.get(serviceId);
    const events = await db.serviceEvents.where('serviceId').equals(serviceId).toArray();
    await db.services.delete(serviceId);
    await db.serviceEvents.where('serviceId').equals(serviceId).delete();
    return async () => {
      await db.transaction('rw', db.services, db.serviceEvents, async () => {
        if (service) await db.services.put(service);
        await db.serviceEvents.bulkPut(events);
      });
    };
  });
}

/** Saves an account's defaults (site, cost center, bill cycle day, expected monthly total). */
export async function updateAccount(
  db: TemDeskDatabase,
  accountId: string,
  patch: Pick<
    Account,
    'defaultSiteId' | 'defaultCostCenterId' | 'billCycleDay' | 'expectedMonthlyCents'
  >,
): Promise<void> {
  await db.accounts.update(accountId, patch);
}
