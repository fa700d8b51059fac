/**
 * The atomic commit of a contracts (and rates) CSV import: names and numbers resolved to ids,
 * planned for the preview and planned again inside the one transaction that writes it.
 */
import type { ContractCsvError, ContractDraft, ContractRateDraft } from '../../shared/contracts';
import { serviceMatchKey } from '../../shared/ids/identifiers';
import type { Account, Carrier, Contract, Service } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { linkServices } from './contracts';
import type { TemDeskDatabase } from './database';

/** What a contracts (and rates) import will do, shown in the preview and redone at commit. */
export interface ContractImportPlan {
  /** Every contract record to write, new and updated, in file order. */
  contracts: Contract[];
  newCarriers: Carrier[];
  newAccounts: Account[];
  created: number;
  updated: number;
  rates: number;
  /** Names or numbers that cannot be matched, located like the reading errors. */
  errors: ContractCsvError[];
}

/**
 * Resolves drafts against the database: carriers by name (case-insensitive; unknown ones are
 * added), accounts by carrier + number (unknown ones are added), a Contract ID already stored
 * updates that contract (keeping its services, files and notes). A rates file replaces the rate
 * card of every contract it names; its Service ID is matched to the inventory by id, match key or
 * alias, and the service joins the contract.
 */
export async function planContractImport(
  db: TemDeskDatabase,
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[],
): Promise<ContractImportPlan> {
  const [existing, carriers, accounts, services] = await Promise.all([
    db.contracts.toArray(),
    db.carriers.toArray(),
    db.accounts.toArray(),
    db.services.toArray(),
  ]);
  const plan: ContractImportPlan = {
    contracts: [],
    newCarriers: [],
    newAccounts: [],
    created: 0,
    updated: 0,
    rates: 0,
    errors: [],
  };
  const carrierByName = new Map(carriers.map((c) => [c.name.trim().toLowerCase(), c]));
  const accountByKey = new Map(accounts.map((a) => [`${a.carrierId}|${a.accountNumber}`, a]));
  const stored = new Map(existing.map((c) => [c.id, c]));
  const planned = new Map<string, Contract>();
  for (const draft of drafts) {
    const {
      line: _line,
      carrierName,
      accountNumbers,
      endDateComputed: _computed,
      ...fields
    } = draft;
    let carrier = carrierByName.get(carrierName.toLowerCase());
    if (!carrier) {
      carrier = { id: `carrier-${crypto.randomUUID()}`, name: carrierName };
      carrierByName.set(carrierName.toLowerCase(), carrier);
      plan.newCarriers.push(carrier);
    }
    const accountIds: string[] = [];
    for (const accountNumber of accountNumbers) {
      const key = `${carrier.id}|${accountNumber}`;
      let account = accountByKey.get(key);
      if (!account) {
        account = {
          id: `account-${crypto.randomUUID()}`,
          carrierId: carrier.id,
          accountNumber,
          status: 'open',
        };
        accountByKey.set(key, account);
        plan.newAccounts.push(account);
      }
      accountIds.push(account.id);
    }
    const before = stored.get(draft.id);
    if (before) plan.updated++;
    else plan.created++;
    planned.set(draft.id, {
      ...before,
      contractNumber: before?.contractNumber ?? draft.id,
      serviceIds: before?.serviceIds ?? [],
      ...fields,
      carrierId: carrier.id,
      accountIds,
    });
  }
  const serviceByKey = new Map<string, Service>();
  for (const service of services) {
    for (const key of [service.id, service.serviceKey ?? '', ...service.aliasKeys]) {
      if (key) serviceByKey.set(key, service);
    }
  }
  const newCards = new Map<string, NonNullable<Contract['rateCard']>>();
  for (const rate of rates) {
    const contract = planned.get(rate.contractId) ?? stored.get(rate.contractId);
    if (!contract) {
      plan.errors.push(
        rateError(
          rate,
          'Contract ID',
          `"${rate.contractId}" is not a contract in the file or in TEM Desk.`,
        ),
      );
      continue;
    }
    let serviceId: string | undefined;
    if (rate.serviceId !== undefined) {
      const service =
        serviceByKey.get(rate.serviceId) ?? serviceByKey.get(serviceMatchKey(rate.serviceId) ?? '');
      if (!service) {
        plan.errors.push(
          rateError(
            rate,
            'Service ID',
            `"${rate.serviceId}" is not a service in the inventory; add it first or leave the cell blank.`,
          ),
        );
        continue;
      }
      serviceId = service.id;
    }
    const target = { ...contract };
    planned.set(contract.id, target);
    if (serviceId !== undefined && !target.serviceIds.includes(serviceId))
      target.serviceIds = [...target.serviceIds, serviceId];
    const card = newCards.get(contract.id) ?? [];
    card.push({
      ...(rate.planOrServiceType === undefined
        ? {}
        : { planOrServiceType: rate.planOrServiceType }),
      ...(serviceId === undefined ? {} : { serviceId }),
      monthlyRateCents: rate.monthlyRateCents,
    });
    newCards.set(contract.id, card);
    plan.rates++;
  }
  for (const [id, card] of newCards) {
    const contract = planned.get(id);
    if (contract) contract.rateCard = card;
  }
  plan.contracts = [...planned.values()];
  return plan;
}

function rateError(rate: ContractRateDraft, column: string, sentence: string): ContractCsvError {
  const value = column === 'Service ID' ? (rate.serviceId ?? '') : rate.contractId;
  return {
    row: rate.line,
    column,
    value,
    message: `Row ${rate.line}, column "${column}": ${sentence}`,
  };
}

/**
 * Writes an import in ONE transaction, planned again inside it so the commit is exactly the
 * preview of the data as it is now. Any error (or a stored contract changed meanwhile so that a
 * name no longer resolves) writes nothing.
 */
export async function commitContractImport(
  db: TemDeskDatabase,
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[],
  now = new Date(),
): Promise<Result<Pick<ContractImportPlan, 'created' | 'updated' | 'rates'>>> {
  return db.transaction(
    'rw',
    [db.contracts, db.carriers, db.accounts, db.services, db.serviceEvents],
    async () => {
      const plan = await planContractImport(db, drafts, rates);
      if (plan.errors.length > 0) return fail(plan.errors);
      await db.carriers.bulkAdd(plan.newCarriers);
      await db.accounts.bulkAdd(plan.newAccounts);
      await db.contracts.bulkPut(plan.contracts);
      for (const contract of plan.contracts) {
        await linkServices(db, contract.id, contract.name, contract.serviceIds, now);
      }
      return ok({ created: plan.created, updated: plan.updated, rates: plan.rates });
    },
  );
}
