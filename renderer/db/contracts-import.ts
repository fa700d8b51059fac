/**
 * The atomic commit of a contracts (and rates) CSV import. What it changes is decided by the
 * shared plan (`shared/ledger/contracts.ts`), shown in the preview and planned again inside the
 * one transaction that writes it; here it is only applied, with the services' history.
 */
import type { ContractDraft, ContractRateDraft } from '../../shared/contracts';
import { planContracts, type ContractPlan } from '../../shared/ledger/contracts';
import { OrgResolver } from '../../shared/ledger/org';
import type { RowNote } from '../../shared/ledger/records';
import type { Contract } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import type { ServiceEventRecord, TemDeskDatabase } from './database';
import { randomRecordId } from './record-ids';

/** What a contracts (and rates) import will do, shown in the preview and redone at commit. */
export type ContractImportPlan = ContractPlan;

/**
 * Plans drafts against the database: carriers and accounts by their keys (new ones are planned),
 * a Contract ID already stored updates that contract, a rates file replaces the rate card of every
 * contract it names and puts the services it names on them (see {@link planContracts}).
 */
export async function planContractImport(
  db: TemDeskDatabase,
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[],
): Promise<ContractImportPlan> {
  const [contracts, carriers, accounts, services] = await Promise.all([
    db.contracts.toArray(),
    db.carriers.toArray(),
    db.accounts.toArray(),
    db.services.toArray(),
  ]);
  const org = new OrgResolver(carriers, accounts, randomRecordId);
  return planContracts(drafts, rates, { contracts, services }, org);
}

/** A history entry per service a rate moved onto its contract. */
export async function linkHistory(
  db: TemDeskDatabase,
  plan: Pick<ContractImportPlan, 'contracts' | 'serviceLinks'>,
  now: Date,
): Promise<ServiceEventRecord[]> {
  const names = new Map(
    [...(await db.contracts.toArray()), ...plan.contracts].map((c: Contract) => [c.id, c.name]),
  );
  const name = (id?: string) => (id === undefined ? '—' : (names.get(id) ?? id));
  return plan.serviceLinks.map(({ before, after }) => {
    const change: [string, string] = [name(before.contractId), name(after.contractId)];
    return {
      serviceId: after.id,
      at: now.toISOString(),
      kind: 'edited',
      summary: `Edited — Contract: ${change[0]} → ${change[1]}`,
      changes: { Contract: change },
    };
  });
}

/**
 * Writes an import in ONE transaction, planned again inside it so the commit is exactly the
 * preview of the data as it is now. Any refusal (or a stored record changed meanwhile so that a
 * name no longer resolves) writes nothing.
 */
export async function commitContractImport(
  db: TemDeskDatabase,
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[],
  now = new Date(),
): Promise<
  Result<Pick<ContractImportPlan, 'created' | 'updated' | 'rates'> & { notes?: RowNote[] }>
> {
  return db.transaction(
    'rw',
    [db.contracts, db.carriers, db.accounts, db.services, db.serviceEvents],
    async () => {
      const plan = await planContractImport(db, drafts, rates);
      if (plan.refusals.length > 0) return fail(plan.refusals);
      const history = await linkHistory(db, plan, now);
      await db.carriers.bulkAdd(plan.newCarriers);
      await db.accounts.bulkAdd(plan.newAccounts);
      await db.contracts.bulkPut(plan.contracts);
      await db.services.bulkPut(plan.serviceLinks.map((link) => link.after));
      await db.serviceEvents.bulkAdd(history);
      const { created, updated, rates: rated, notes } = plan;
      return ok({ created, updated, rates: rated, ...(notes.length === 0 ? {} : { notes }) });
    },
  );
}
