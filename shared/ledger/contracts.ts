/**
 * What a contracts file and a rates file change, decided once for both doors (the app's Dexie
 * commit and the CLI's in-memory workspace); the doors only apply the plan.
 *
 * - A contract's carrier and accounts are resolved by their keys (any spacing, case or
 *   punctuation is one record); new ones are planned.
 * - A Contract ID already stored (as a contract's id, or as the contract number of one entered in
 *   the app) updates that contract, keeping its id, services, files, notes and — unless the rates
 *   file names it — its rate card.
 * - A rates file replaces the rate card of every contract it names. Its Service ID is found in the
 *   inventory by id, match key or alias; the service joins the contract and points at it.
 * - A rate naming a contract or a service nothing has is refused, with its row.
 */
import type { ContractColumn, ContractDraft, ContractRateDraft } from '../contracts/csv';
import { ALLOWANCE_FIELDS, allowancesOf } from '../contracts/csv-columns';
import { noticeDaysForMonths } from '../contracts/notice';
import { serviceMatchKey } from '../ids/identifiers';
import type { Account, Carrier, Contract, ContractRate, Service } from '../model';
import type { OrgResolver } from './org';
import { AccountZerosNotes } from './account-zeros';
import type { RecordUpdate, RowNote, RowRefusal } from './records';
import { contractsByNumber, createdFrom } from './records';

/** The stored records a contracts import is planned against (carriers and accounts: the resolver). */
export interface ContractLedger {
  contracts: readonly Contract[];
  services: readonly Service[];
}

/** What a contracts (and rates) import changes. */
export interface ContractPlan {
  /** Every contract to store, new and updated, in file order (then those only the rates name). */
  contracts: Contract[];
  newCarriers: Carrier[];
  newAccounts: Account[];
  /** Contracts of the contracts file that are new, and that update a stored one. */
  created: number;
  updated: number;
  /** Rates planned. */
  rates: number;
  /** Services a rate puts on its contract: their contract link before and after. */
  serviceLinks: RecordUpdate<Service>[];
  /** Rows that cannot be applied, and why; a door applies nothing while there is one. */
  refusals: RowRefusal[];
  /**
   * Rows applied, but not as written: an account number taken as a known account's written with
   * other leading zeros (saved by a spreadsheet as a number), one note per account.
   */
  notes: RowNote[];
}

/**
 * The contract a row describes, with its carrier and accounts resolved. A stored contract keeps
 * the fields of the columns the file does not have (its amended End Date too, while the file's
 * start and term are the stored ones).
 */
function contractFromDraft(
  draft: ContractDraft,
  before: Contract | undefined,
  org: OrgResolver,
  zeros: AccountZerosNotes,
): Contract {
  const {
    line: _line,
    carrierName,
    accountNumbers,
    endDateComputed: _computed,
    absentColumns = [],
    noticeMonths,
    ...fields
  } = draft;
  const carrier = org.carrier(carrierName, accountNumbers[0]);
  const accountIds = accountNumbers.map((number) => {
    const where = { row: draft.line, column: 'Accounts' };
    const account = org.account(carrier.id, number, { file: 'the contracts file', ...where });
    zeros.add(where, number, carrier.name, account);
    return account.id;
  });
  const carrierId = carrier.id;
  const contract: Contract = {
    ...before,
    contractNumber: before?.contractNumber ?? draft.id,
    serviceIds: before?.serviceIds ?? [],
    ...fields,
    // Matched by its contract number, a contract keeps its own id (the records that point at it).
    id: before?.id ?? draft.id,
    carrierId,
    accountIds: [...new Set(accountIds)],
  };
  if (before === undefined) return contract;
  const absent = new Set<ContractColumn>(absentColumns);
  const keep = <K extends keyof Contract>(column: ContractColumn, field: K) => {
    if (absent.has(column)) contract[field] = before[field];
  };
  keep('name', 'name');
  keep('accounts', 'accountIds');
  keep('autoRenew', 'autoRenew');
  keep('renewalTermMonths', 'renewalTermMonths');
  keep('noticeDays', 'noticeDays');
  keep('marc', 'marcCents');
  keep('status', 'status');
  if (before.startDate === draft.startDate && before.termMonths === draft.termMonths)
    keep('endDate', 'endDate');
  // Months of notice count back from the end and renewal terms the contract keeps, not the file's.
  if (noticeMonths !== undefined)
    contract.noticeDays = noticeDaysForMonths(
      noticeMonths,
      contract.endDate,
      contract.renewalTermMonths,
    );
  return contract;
}

/** Services by every key a rates file may name them by: id, match key, alias keys. */
/**
 * Finds a rate's service by id or number. A number on two carriers (ported: the old carrier's
 * line kept, disconnected) is the contract carrier's service, the live one first.
 */
function serviceFinder(
  services: readonly Service[],
): (serviceId: string, carrierId: string) => Service | undefined {
  const byKey = new Map<string, Service[]>();
  for (const service of services) {
    for (const key of new Set([service.id, service.serviceKey ?? '', ...service.aliasKeys])) {
      if (key === '') continue;
      const list = byKey.get(key) ?? [];
      list.push(service);
      byKey.set(key, list);
    }
  }
  const best = (list: readonly Service[] | undefined, carrierId: string) => {
    if (list === undefined) return undefined;
    const own = list.filter((service) => service.carrierId === carrierId);
    const pool = own.length > 0 ? own : list;
    return pool.find((service) => service.status !== 'disconnected') ?? pool[pool.length - 1];
  };
  return (serviceId, carrierId) =>
    best(byKey.get(serviceId), carrierId) ??
    best(byKey.get(serviceMatchKey(serviceId) ?? ''), carrierId);
}

function rateRefusal(rate: ContractRateDraft, column: string, sentence: string): RowRefusal {
  const value = column === 'Service ID' ? (rate.serviceId ?? '') : rate.contractId;
  return {
    row: rate.line,
    column,
    value,
    message: `Row ${rate.line}, column "${column}": ${sentence}`,
  };
}

/** A rate resolved: its contract and service (if it names one), or why it is refused. */
function resolveRate(
  rate: ContractRateDraft,
  contractOf: (id: string) => Contract | undefined,
  shared: (reference: string) => boolean,
  findService: (serviceId: string, carrierId: string) => Service | undefined,
): { contract: Contract; service?: Service } | { refusal: RowRefusal } {
  const contract = contractOf(rate.contractId);
  if (contract === undefined) {
    const sentence = shared(rate.contractId)
      ? `"${rate.contractId}" is the contract number of more than one contract; name it by its Contract ID.`
      : `"${rate.contractId}" is not a contract in the file or in TEM Desk.`;
    return { refusal: rateRefusal(rate, 'Contract ID', sentence) };
  }
  if (rate.serviceId === undefined) return { contract };
  const service = findService(rate.serviceId, contract.carrierId);
  if (service !== undefined) return { contract, service };
  const sentence = `"${rate.serviceId}" is not a service in the inventory; add it first or leave the cell blank.`;
  return { refusal: rateRefusal(rate, 'Service ID', sentence) };
}

/** The rate a card holds for a plan (case and spaces aside) and service, if any. */
function sameRate(
  card: readonly ContractRate[] | undefined,
  plan: string | undefined,
  serviceId: string | undefined,
): ContractRate | undefined {
  const planKey = (text: string | undefined) => (text ?? '').toLowerCase().replace(/\s+/g, ' ');
  return card?.find(
    (rate) => rate.serviceId === serviceId && planKey(rate.planOrServiceType) === planKey(plan),
  );
}

/**
 * A rate of the file for a card. What a column the file does not have says (a month-to-month
 * rate, an allowance) comes from the rate `stored` already holds for the same plan or service.
 */
function rateOf(
  rate: ContractRateDraft,
  service: Service | undefined,
  stored: readonly ContractRate[] | undefined,
): ContractRate {
  const read: ContractRate = {
    ...(rate.planOrServiceType === undefined ? {} : { planOrServiceType: rate.planOrServiceType }),
    ...(service === undefined ? {} : { serviceId: service.id }),
    monthlyRateCents: rate.monthlyRateCents,
    ...(rate.monthToMonthRateCents === undefined
      ? {}
      : { monthToMonthRateCents: rate.monthToMonthRateCents }),
    ...allowancesOf(rate),
  };
  const before = sameRate(stored, rate.planOrServiceType, service?.id);
  if (before === undefined) return read;
  const absent = new Set(rate.absentColumns);
  if (absent.has('monthToMonthRate') && before.monthToMonthRateCents !== undefined)
    read.monthToMonthRateCents = before.monthToMonthRateCents;
  for (const { key, field } of ALLOWANCE_FIELDS) {
    const kept = before[field];
    if (absent.has(key) && kept !== undefined) read[field] = kept;
  }
  return read;
}

/**
 * Stored contracts by what a file may name them by: the Contract ID the app exports (the record's
 * id), or the contract number typed in the New contract form, as the inventory file's Contract ID
 * column does. An id wins over a number; a number two contracts share names neither (carriers
 * reuse numbers like `MSA-100`), unless the carrier tells them apart ({@link storedContractOf}).
 */
function contractsByReference(contracts: readonly Contract[]): {
  byId: Map<string, Contract>;
  byNumber: Map<string, Contract[]>;
  find: (reference: string, carrierId?: string) => Contract | undefined;
} {
  const byId = new Map(contracts.map((contract) => [contract.id, contract]));
  const byNumber = contractsByNumber(contracts);
  const find = (reference: string, carrierId?: string) => {
    const known = byId.get(reference);
    if (known !== undefined) return known;
    const numbered = (byNumber.get(reference) ?? []).filter(
      (contract) => carrierId === undefined || contract.carrierId === carrierId,
    );
    return numbered.length === 1 ? numbered[0] : undefined;
  };
  return { byId, byNumber, find };
}

/**
 * The stored contract a contracts file's row updates: the one of its Contract ID, else the one
 * contract of the row's carrier with that contract number. Another carrier's contract of the same
 * number is another contract, never merged into this one.
 */
function storedContractOf(
  draft: ContractDraft,
  stored: ReturnType<typeof contractsByReference>,
  org: OrgResolver,
): Contract | undefined {
  const byId = stored.byId.get(draft.id);
  if (byId !== undefined) return byId;
  const carrier = org.knownCarrier(draft.carrierName, draft.accountNumbers[0]);
  return carrier === undefined ? undefined : stored.find(draft.id, carrier.id);
}

/** Rate cards, services joining contracts and their links, planned onto `planned`. */
function planRates(
  rates: readonly ContractRateDraft[],
  stored: ContractLedger,
  planned: Map<string, Contract>,
  plannedIdOf: ReadonlyMap<string, string>,
): Pick<ContractPlan, 'rates' | 'serviceLinks' | 'refusals'> {
  const storedByReference = contractsByReference(stored.contracts);
  // The contracts file's own Contract IDs first: a number it matched names the contract it updates.
  const contractOf = (reference: string) => {
    const fromFile = planned.get(plannedIdOf.get(reference) ?? reference);
    if (fromFile !== undefined) return fromFile;
    const known = storedByReference.find(reference);
    return known && (planned.get(known.id) ?? known);
  };
  const findService = serviceFinder(stored.services);
  const cards = new Map<string, ContractRate[]>();
  const links = new Map<string, RecordUpdate<Service>>();
  const refusals: RowRefusal[] = [];
  for (const rate of rates) {
    const resolved = resolveRate(
      rate,
      contractOf,
      (reference) => (storedByReference.byNumber.get(reference)?.length ?? 0) > 1,
      findService,
    );
    if ('refusal' in resolved) {
      refusals.push(resolved.refusal);
      continue;
    }
    const { contract, service } = resolved;
    const target = { ...contract };
    planned.set(contract.id, target);
    cards.set(contract.id, [
      ...(cards.get(contract.id) ?? []),
      rateOf(rate, service, contract.rateCard),
    ]);
    if (service === undefined) continue;
    if (!target.serviceIds.includes(service.id))
      target.serviceIds = [...target.serviceIds, service.id];
    const before = links.get(service.id)?.before ?? service;
    links.set(service.id, { before, after: { ...service, contractId: contract.id } });
  }
  for (const [id, card] of cards) {
    const contract = planned.get(id);
    if (contract !== undefined) contract.rateCard = card;
  }
  const serviceLinks = [...links.values()].filter(
    (link) => link.before.contractId !== link.after.contractId,
  );
  return { rates: rates.length - refusals.length, serviceLinks, refusals };
}

/**
 * Plans a contracts file and a rates file (either may be empty) against what is stored. Carriers
 * and accounts are resolved (and planned when new) by `org`.
 */
export function planContracts(
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[],
  stored: ContractLedger,
  org: OrgResolver,
): ContractPlan {
  const createdByOrg = createdFrom(org);
  const storedByReference = contractsByReference(stored.contracts);
  const planned = new Map<string, Contract>();
  /** The Contract ID of each row of the contracts file → the id of the contract it plans. */
  const plannedIdOf = new Map<string, string>();
  let [created, updated] = [0, 0];
  const zeros = new AccountZerosNotes();
  for (const draft of drafts) {
    const before = storedContractOf(draft, storedByReference, org);
    if (before === undefined) created += 1;
    else updated += 1;
    const contract = contractFromDraft(draft, before, org, zeros);
    planned.set(contract.id, contract);
    plannedIdOf.set(draft.id, contract.id);
  }
  const rated = planRates(rates, stored, planned, plannedIdOf);
  const { carriers, accounts } = createdByOrg();
  return {
    contracts: [...planned.values()],
    newCarriers: carriers,
    newAccounts: accounts,
    created,
    updated,
    ...rated,
    notes: zeros.notes(),
  };
}
