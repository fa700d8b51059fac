/**
 * The Cost centers list and site edits: change a cost center (code, name, GL account), retire or
 * reactivate it, delete one nothing refers to; change a site. Each is one validated transaction.
 */
import type { CostCenter, Site } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import type { TemDeskDatabase } from './database';

/** How many records refer to each cost center (sites, services, accounts, allocation rules). */
export async function costCenterUses(db: TemDeskDatabase): Promise<Map<string, number>> {
  const [sites, services, accounts, rules, costCenters] = await Promise.all([
    db.sites.toArray(),
    db.services.toArray(),
    db.accounts.toArray(),
    db.allocationRules.toArray(),
    db.costCenters.toArray(),
  ]);
  const uses = new Map<string, number>();
  const count = (id: string | undefined) => {
    if (id !== undefined) uses.set(id, (uses.get(id) ?? 0) + 1);
  };
  sites.forEach((site) => count(site.costCenterId));
  services.forEach((service) => count(service.costCenterId));
  accounts.forEach((account) => count(account.defaultCostCenterId));
  costCenters.forEach((costCenter) => count(costCenter.parentId));
  // A rule names cost centers in its targets; its JSON holds their ids.
  const ruleTexts = rules.map((rule) => JSON.stringify(rule));
  for (const costCenter of costCenters) {
    const quoted = JSON.stringify(costCenter.id);
    ruleTexts.forEach((text) => text.includes(quoted) && count(costCenter.id));
  }
  return uses;
}

/** Saves a cost center's code, name and GL account; the code stays unique. */
export async function updateCostCenter(
  db: TemDeskDatabase,
  id: string,
  fields: Pick<CostCenter, 'code' | 'name'> & { glAccount: string },
): Promise<Result<CostCenter>> {
  const code = fields.code.trim();
  const name = fields.name.trim();
  if (code === '' || name === '') return fail('A cost center needs a code and a name.');
  return db.transaction('rw', db.costCenters, async () => {
    const before = await db.costCenters.get(id);
    if (before === undefined) return fail('This cost center no longer exists; reload the list.');
    const other = await db.costCenters.where('code').equals(code).first();
    if (other !== undefined && other.id !== id)
      return fail(`Cost center code ${code} is already used by ${other.name}.`);
    const { glAccount: _old, ...rest } = before;
    const glAccount = fields.glAccount.trim();
    const after: CostCenter = { ...rest, code, name, ...(glAccount ? { glAccount } : {}) };
    await db.costCenters.put(after);
    return ok(after);
  });
}

/** Retires a cost center (kept for history, offered for no new charges) or brings it back. */
export async function setCostCenterActive(
  db: TemDeskDatabase,
  id: string,
  active: boolean,
): Promise<void> {
  await db.costCenters.update(id, { active });
}

/** Deletes a cost center nothing refers to; one in use must be retired instead. */
export async function deleteCostCenter(db: TemDeskDatabase, id: string): Promise<Result<void>> {
  return db.transaction(
    'rw',
    [db.costCenters, db.sites, db.services, db.accounts, db.allocationRules],
    async () => {
      const uses = (await costCenterUses(db)).get(id) ?? 0;
      if (uses > 0)
        return fail(
          `This cost center is used by ${uses} record${uses === 1 ? '' : 's'}: retire it instead, so its history stays.`,
        );
      await db.costCenters.delete(id);
      return ok(undefined);
    },
  );
}

/** Saves a site's fields; its code stays unique, a closed site has a closing date. */
export async function updateSite(db: TemDeskDatabase, site: Site): Promise<Result<Site>> {
  const code = site.code.trim();
  const name = site.name.trim();
  if (code === '' || name === '') return fail('A site needs a code and a name.');
  if (site.status === 'closed' && site.closedOn === undefined)
    return fail('A closed site needs the day it closed.');
  return db.transaction('rw', db.sites, async () => {
    const other = await db.sites.where('code').equals(code).first();
    if (other !== undefined && other.id !== site.id)
      return fail(`Site code ${code} is already used by ${other.name}.`);
    const after: Site = { ...site, code, name };
    await db.sites.put(after);
    return ok(after);
  });
}
