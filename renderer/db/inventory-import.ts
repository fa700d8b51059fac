import type { InventoryDraft } from '../../shared/inventory/import';
import type { SiteDraft } from '../../shared/inventory/sites-file';
import type { Service, Site } from '../../shared/model';
import type { FieldError } from '../../shared/result';
import type { ServiceEventRecord, TemDeskDatabase } from './database';

export interface InventoryImportSummary {
  added: number;
  updated: number;
  sitesCreated: number;
  accountsCreated: number;
  carriersCreated: number;
}

/** Problems only the database can see: cost centers or contracts the file names that do not exist. */
export async function checkInventoryDrafts(
  db: TemDeskDatabase,
  drafts: readonly InventoryDraft[],
): Promise<(FieldError & { row: number })[]> {
  const costCenters = new Set((await db.costCenters.toArray()).map((c) => c.code));
  const contracts = await db.contracts.toArray();
  const contractKeys = new Set(contracts.flatMap((c) => [c.id, c.contractNumber ?? '']));
  const errors: (FieldError & { row: number })[] = [];
  for (const draft of drafts) {
    if (draft.costCenterCode && !costCenters.has(draft.costCenterCode)) {
      errors.push({
        row: draft.row,
        column: 'Cost Center',
        value: draft.costCenterCode,
        message: `Row ${draft.row}: there is no cost center “${draft.costCenterCode}”; add it under Sites and cost centers first.`,
      });
    }
    if (draft.contractId && !contractKeys.has(draft.contractId)) {
      errors.push({
        row: draft.row,
        column: 'Contract ID',
        value: draft.contractId,
        message: `Row ${draft.row}: there is no contract “${draft.contractId}”.`,
      });
    }
  }
  return errors;
}

/**
 * Stores an inventory file in ONE transaction: carriers, accounts and sites met for the first time,
 * then each service — added when new, updated (with a history entry) when its identifier is known.
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
    const at = now.toISOString();
    const summary: InventoryImportSummary = {
      added: 0,
      updated: 0,
      sitesCreated: 0,
      accountsCreated: 0,
      carriersCreated: 0,
    };
    const carriers = new Map(
      (await db.carriers.toArray()).map((c) => [c.name.trim().toUpperCase(), c.id]),
    );
    const accounts = new Map(
      (await db.accounts.toArray()).map((a) => [`${a.carrierId}|${a.accountNumber}`, a.id]),
    );
    const sites = new Map((await db.sites.toArray()).map((s) => [s.code, s]));
    const costCenters = new Map((await db.costCenters.toArray()).map((c) => [c.code, c.id]));
    const contracts = new Map(
      (await db.contracts.toArray()).flatMap((c) => [
        [c.id, c.id],
        [c.contractNumber ?? c.id, c.id],
      ]),
    );
    const events: ServiceEventRecord[] = [];

    for (const draft of drafts) {
      let carrierId = carriers.get(draft.carrierName.toUpperCase());
      if (!carrierId) {
        carrierId = `carrier-${crypto.randomUUID()}`;
        await db.carriers.add({ id: carrierId, name: draft.carrierName });
        carriers.set(draft.carrierName.toUpperCase(), carrierId);
        summary.carriersCreated++;
      }
      let accountId = accounts.get(`${carrierId}|${draft.accountNumber}`);
      if (!accountId) {
        accountId = `account-${crypto.randomUUID()}`;
        await db.accounts.add({
          id: accountId,
          carrierId,
          accountNumber: draft.accountNumber,
          status: 'open',
        });
        accounts.set(`${carrierId}|${draft.accountNumber}`, accountId);
        summary.accountsCreated++;
      }
      const costCenterId = draft.costCenterCode ? costCenters.get(draft.costCenterCode) : undefined;
      let site = sites.get(draft.siteCode);
      if (!site) {
        site = {
          id: `site-${crypto.randomUUID()}`,
          code: draft.siteCode,
          name: draft.siteName || draft.siteCode,
          country: 'US',
          status: 'active',
          costCenterId,
        };
        await db.sites.add(site);
        sites.set(site.code, site);
        summary.sitesCreated++;
      }
      const fields: Partial<Service> = {
        type: draft.type,
        status: draft.status,
        carrierId,
        accountId,
        siteId: site.id,
        // The file's cost center is the service's own only when it differs from its site's.
        costCenterId: costCenterId && costCenterId !== site.costCenterId ? costCenterId : undefined,
        serviceIdRaw: draft.serviceIdRaw,
        serviceKey: draft.serviceKey,
        description: draft.description || undefined,
        plan: draft.plan || undefined,
        expectedMonthlyCents: draft.monthly,
        activatedOn: draft.installDate,
        disconnectedOn: draft.disconnectDate,
        contractId: draft.contractId ? contracts.get(draft.contractId) : undefined,
        userName: draft.userName || undefined,
        department: draft.department || undefined,
      };
      const existing = draft.serviceKey
        ? await db.services.where('serviceKey').equals(draft.serviceKey).first()
        : undefined;
      if (existing) {
        await db.services.update(existing.id, fields);
        events.push({
          serviceId: existing.id,
          at,
          kind: 'edited',
          summary: `Updated from ${fileName}, row ${draft.row}`,
        });
        summary.updated++;
      } else {
        const id = `service-${crypto.randomUUID()}`;
        await db.services.add({
          id,
          aliasKeys: [],
          ...fields,
          type: draft.type,
          status: draft.status,
          carrierId,
          accountId,
          serviceIdRaw: draft.serviceIdRaw,
          serviceKey: draft.serviceKey,
        });
        events.push({
          serviceId: id,
          at,
          kind: 'added',
          summary: `Added from ${fileName}, row ${draft.row}`,
        });
        summary.added++;
      }
    }
    await db.serviceEvents.bulkAdd(events);
    return summary;
  });
}

/**
 * Stores a site file in one transaction: sites are matched by code (updated when known, added
 * when new). Cost centers must exist; a row naming an unknown one is returned, nothing is written.
 */
export async function commitSiteImport(
  db: TemDeskDatabase,
  drafts: readonly SiteDraft[],
): Promise<
  | { ok: true; added: number; updated: number }
  | { ok: false; errors: (FieldError & { row: number })[] }
> {
  return db.transaction('rw', db.sites, db.costCenters, async () => {
    const costCenters = new Map((await db.costCenters.toArray()).map((c) => [c.code, c.id]));
    const unknown = drafts
      .filter((d) => d.costCenterCode && !costCenters.has(d.costCenterCode))
      .map((d) => ({
        row: d.row,
        column: 'Cost Center',
        value: d.costCenterCode,
        message: `Row ${d.row}: there is no cost center “${d.costCenterCode}”; add it first.`,
      }));
    if (unknown.length > 0) return { ok: false, errors: unknown };
    const byCode = new Map((await db.sites.toArray()).map((s) => [s.code, s]));
    let added = 0;
    let updated = 0;
    for (const draft of drafts) {
      const fields: Omit<Site, 'id'> = {
        code: draft.code,
        name: draft.name,
        street: draft.street || undefined,
        city: draft.city || undefined,
        region: draft.state || undefined,
        postalCode: draft.postalCode || undefined,
        country: draft.country,
        costCenterId: draft.costCenterCode ? costCenters.get(draft.costCenterCode) : undefined,
        status: draft.status,
        openedOn: draft.openedOn,
        closedOn: draft.closedOn,
      };
      const existing = byCode.get(draft.code);
      if (existing) {
        await db.sites.put({ ...existing, ...fields });
        updated++;
      } else {
        await db.sites.add({ id: `site-${crypto.randomUUID()}`, ...fields });
        added++;
      }
    }
    return { ok: true, added, updated };
  });
}
