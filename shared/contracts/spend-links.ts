/**
 * Which contracts a service or an account's invoices belong to, for a contract's spend (see
 * `spend.ts`): the services a contract lists or the inventory links to it, the accounts it names,
 * and the accounts whose invoices can add to its spend.
 */
import type { Account, Contract, Service } from '../model';

/** What the links read of a contract. */
type LinkingContract = Pick<Contract, 'id' | 'accountIds' | 'serviceIds'>;

/**
 * Service id → the contracts linked to it: those listing it, and the one its inventory
 * `contractId` names (when that contract is among `contracts`). A linked service is claimed: it is
 * never shared as unclaimed with another contract naming its account.
 */
export function linkedContracts(
  contracts: readonly LinkingContract[],
  services: readonly Pick<Service, 'id' | 'contractId'>[],
): Map<string, string[]> {
  const listedBy = new Map<string, string[]>();
  for (const contract of contracts)
    for (const serviceId of contract.serviceIds) push(listedBy, serviceId, contract.id);
  const known = new Set(contracts.map((contract) => contract.id));
  for (const service of services)
    if (service.contractId !== undefined && known.has(service.contractId))
      push(listedBy, service.id, service.contractId);
  return listedBy;
}

/**
 * The accounts whose invoices can add to the spend of `contracts`: those they name and those
 * holding a service linked to them, and every account of their carriers (a foundation account's
 * invoice bills lines on them, see the module comment). No other invoice can.
 */
export function accountsTouched(
  contracts: readonly LinkingContract[],
  services: readonly Pick<Service, 'id' | 'accountId' | 'contractId'>[],
  accounts: readonly Pick<Account, 'id' | 'carrierId'>[],
): Set<string> {
  const touched = accountsLinked(contracts, services);
  const carriers = new Set(
    accounts.filter((account) => touched.has(account.id)).map((account) => account.carrierId),
  );
  for (const account of accounts) if (carriers.has(account.carrierId)) touched.add(account.id);
  return touched;
}

/** The accounts `contracts` name or hold a linked service on. */
export function accountsLinked(
  contracts: readonly LinkingContract[],
  services: readonly Pick<Service, 'id' | 'accountId' | 'contractId'>[],
): Set<string> {
  const touched = new Set(contracts.flatMap((contract) => contract.accountIds));
  const listedBy = linkedContracts(contracts, services);
  for (const service of services) if (listedBy.has(service.id)) touched.add(service.accountId);
  return touched;
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
