/**
 * What an inventory file changes, decided once for both doors (the app's Dexie commit and the
 * CLI's in-memory workspace); the doors only apply the plan. Each row is one service, found by its
 * match key (`serviceMatchKey`): a stored service with that key is updated, else a service is
 * added. A file names each service once: a later row with the same key that says the same is
 * passed over, one that says otherwise is refused (which row is right is the user's to say, not
 * the file order's). Carriers and accounts
 * are resolved by their keys (any spacing, case or punctuation is one record), sites by code (a
 * new code is a new site), cost centers by code and contracts by id or number; what nothing has is
 * refused, or created or left off, as the door says.
 */
import type { InventoryDraft, InventoryField } from '../inventory/import';
import type { Account, Carrier, Contract, CostCenter, Service, Site } from '../model';
import type { OrgResolver } from './org';
import { AccountZerosNotes } from './account-zeros';
import type { RowNote, RowRefusal } from './records';
import { contractsByNumber, createdFrom, withoutUndefined } from './records';
import type { CostCenterLookup, CostCenterOptions, SiteLedger } from './sites';
import { CostCenterBook, differentColumns, SiteBook } from './sites';
import { pushAll } from '../arrays';

/** What to do with a Contract ID nothing stored has. */
export type UnknownContracts = 'refuse' | 'unlink';

/** How an inventory plan treats what nothing stored has, and how it names new records. */
export interface InventoryOptions extends CostCenterOptions {
  /**
   * `refuse` the row (the app), or import the service without the contract (`unlink`, the CLI:
   * its audit then prices the service by its account's contract).
   */
  unknownContracts: UnknownContracts;
}

/** The stored records an inventory file is planned against (carriers and accounts: the resolver). */
export interface InventoryLedger extends SiteLedger {
  services: readonly Service[];
  contracts: readonly Contract[];
}

/** What one row does: adds a service (no `before`) or updates a stored or earlier-planned one. */
export interface ServiceChange {
  row: number;
  before?: Service;
  after: Service;
}

/** What an inventory file changes. */
export interface InventoryPlan {
  /** Every service to store, each once in its final state, in the order first met. */
  services: Service[];
  /** What each applied row does, in file order (the app's history has one entry per row). */
  changes: ServiceChange[];
  newCarriers: Carrier[];
  newAccounts: Account[];
  newSites: Site[];
  /** Cost centers met for the first time (`unknownCostCenters: 'create'`, or confirmed codes). */
  newCostCenters: CostCenter[];
  /** Cost center codes nothing has, with the rows naming them (created or refused). */
  unknownCostCenterCodes: Map<string, number[]>;
  /** Rows left out, and why (one entry per reason). */
  refusals: RowRefusal[];
  /** Contracts nothing has, left off their services (only with `unknownContracts: 'unlink'`). */
  unlinkedContracts: RowRefusal[];
  /**
   * Rows applied, but not as written: an account number taken as a known account's written with
   * other leading zeros (saved by a spreadsheet as a number), one note per account.
   */
  notes: RowNote[];
}

/**
 * What an inventory row's Contract ID may name: a contract's id, or the contract number typed in
 * the app of a contract of the row's own carrier (carriers reuse numbers like `MSA-100`: a number
 * never links a service to another carrier's contract, nor to one of two that share it).
 */
interface ContractReferences {
  byId: ReadonlyMap<string, Contract>;
  byNumber: ReadonlyMap<string, readonly Contract[]>;
}

function contractReferencesOf(contracts: readonly Contract[]): ContractReferences {
  return {
    byId: new Map(contracts.map((contract) => [contract.id, contract])),
    byNumber: contractsByNumber(contracts),
  };
}

/** Stored services by `keyOf` (the first one stored, when several share a key). */
function servicesBy(
  services: readonly Service[],
  keyOf: (service: Service) => string | null,
): Map<string, Service> {
  const byKey = new Map<string, Service>();
  for (const service of services) {
    const key = keyOf(service);
    if (key !== null && !byKey.has(key)) byKey.set(key, service);
  }
  return byKey;
}

/**
 * A service's key within its carrier: a number ported from one carrier to another is two
 * services (the old one disconnected, the new one live), each matched by its own carrier's bills.
 */
function carrierServiceKey(carrierId: string, serviceKey: string | null): string | null {
  return serviceKey === null ? null : `${carrierId}|${serviceKey}`;
}

/** The contract a row names: its id, none (blank), or the problem with it. */
function contractOf(
  draft: InventoryDraft,
  references: ContractReferences,
  carrierId: string | undefined,
): { id?: string; problem?: RowRefusal } {
  if (draft.contractId === '') return {};
  const named = references.byId.get(draft.contractId);
  // A contract id links a service to that contract only if it is of the service's own carrier:
  // a Lumen circuit named on Verizon's contract would be checked against Verizon's rates (a false
  // rate-mismatch on every bill) and counted in Verizon's spend. Said, as a contract nothing has.
  // A carrier not known yet (`carrierId` undefined: its first row) has no contract stored.
  if (named !== undefined && named.carrierId === carrierId) return { id: named.id };
  if (named !== undefined) {
    const message = `Row ${draft.row}: contract “${draft.contractId}” is another carrier's contract, not ${draft.carrierName}'s: a service is checked against its own carrier's contract. Name a ${draft.carrierName} contract, or leave Contract ID blank.`;
    return { problem: { row: draft.row, column: 'Contract ID', value: draft.contractId, message } };
  }
  const numbered = (references.byNumber.get(draft.contractId) ?? []).filter(
    (contract) => contract.carrierId === carrierId,
  );
  const [only] = numbered;
  if (numbered.length === 1 && only !== undefined) return { id: only.id };
  const message = `Row ${draft.row}: there is no contract “${draft.contractId}”.`;
  return { problem: { row: draft.row, column: 'Contract ID', value: draft.contractId, message } };
}

/** Ids a row's service points at. */
interface ServiceRefs {
  id: string;
  carrierId: string;
  accountId: string;
  /** Undefined for a row with no Site Code: a service at no site (as the app lets one be). */
  site: Site | undefined;
  costCenterId: string | undefined;
  contractId: string | undefined;
}

/**
 * The status of a known service from a file with no Status column. A Disconnect Date says it as
 * the row read it (`statusWithDate`): a date after today is a disconnect still to come, the service
 * a pending disconnect with that date; a date today or earlier disconnects it, a pending one too
 * (its planned date has come, as a first import that day would say). A blank one in a file that
 * has the column says the service is not disconnected: a disconnected service is active again
 * (never disconnected with no date). A pending disconnect keeps its plan and its planned date: a
 * carrier's export leaves the date blank until the line is cut, and re-importing it must not call
 * off a disconnect the user planned (its status calls one off: the Inventory's bulk edit, or a file
 * with a Status column). With neither column the stored status stays.
 */
function statusWithoutColumn(draft: InventoryDraft, before: Service | undefined) {
  if (before === undefined) return draft.status;
  if (draft.disconnectDate !== undefined) return draft.status;
  if (draft.absentColumns?.includes('disconnectDate') === true) return before.status;
  return before.status === 'disconnected' ? 'active' : before.status;
}

/** Whether a row keeps the stored planned date of a pending disconnect (see `statusWithoutColumn`). */
function keepsPlannedDate(draft: InventoryDraft, before: Service | undefined): boolean {
  return (
    before?.status === 'pending-disconnect' &&
    draft.disconnectDate === undefined &&
    draft.absentColumns?.includes('status') === true
  );
}

/** The service a row describes; a blank cell clears its field, fields the file lacks are kept. */
function serviceFromDraft(
  draft: InventoryDraft,
  before: Service | undefined,
  refs: ServiceRefs,
): Service {
  const { site, costCenterId } = refs;
  /** The file's value of a field, or the stored one when the file has no such column. */
  const read = <T>(column: InventoryField, value: T, stored: T): T =>
    before !== undefined && draft.absentColumns?.includes(column) === true ? stored : value;
  return withoutUndefined<Service>({
    ...before,
    aliasKeys: before?.aliasKeys ?? [],
    id: refs.id,
    type: read('serviceType', draft.type, before?.type ?? draft.type),
    status: read('status', draft.status, statusWithoutColumn(draft, before)),
    carrierId: refs.carrierId,
    accountId: refs.accountId,
    siteId: site?.id,
    // The file's cost center is the service's own only when it differs from its site's.
    costCenterId: read(
      'costCenter',
      costCenterId !== site?.costCenterId ? costCenterId : undefined,
      before?.costCenterId,
    ),
    serviceIdRaw: draft.serviceIdRaw,
    serviceKey: draft.serviceKey,
    description: read('description', draft.description || undefined, before?.description),
    plan: read('plan', draft.plan || undefined, before?.plan),
    expectedMonthlyCents: read('monthly', draft.monthly, before?.expectedMonthlyCents),
    activatedOn: read('installDate', draft.installDate, before?.activatedOn),
    disconnectedOn: keepsPlannedDate(draft, before)
      ? before?.disconnectedOn
      : read('disconnectDate', draft.disconnectDate, before?.disconnectedOn),
    contractId: read('contractId', refs.contractId, before?.contractId),
    userName: read('user', draft.userName || undefined, before?.userName),
    department: read('department', draft.department || undefined, before?.department),
  });
}

/** What a row may not do: a cost center nothing has, a contract nothing has (when refused). */
function refusalsOf(
  costCenter: CostCenterLookup,
  contract: { problem?: RowRefusal },
  options: InventoryOptions,
): RowRefusal[] {
  const refusals = costCenter.ok ? [] : [costCenter.refusal];
  if (contract.problem !== undefined && options.unknownContracts === 'refuse')
    refusals.push(contract.problem);
  return refusals;
}

/**
 * Plans an inventory file against what is stored. Carriers and accounts are resolved (and planned
 * when new) by `org`; `options` says what to do with cost centers and contracts nothing has.
 */
export function planInventory(
  drafts: readonly InventoryDraft[],
  stored: InventoryLedger,
  org: OrgResolver,
  options: InventoryOptions,
): InventoryPlan {
  const created = createdFrom(org);
  const costCenters = new CostCenterBook(stored.costCenters, options);
  const sites = new SiteBook(stored.sites, options.newId);
  const contractReferences = contractReferencesOf(stored.contracts);
  const storedByKey = new Map<string, Service[]>();
  for (const service of stored.services) {
    const key = carrierServiceKey(service.carrierId, service.serviceKey);
    if (key !== null) storedByKey.set(key, [...(storedByKey.get(key) ?? []), service]);
  }
  // A number stored on several accounts (moved between them) is the service on the row's own
  // account, else the live one, else the first — as the chargeback matches its bills — never a
  // disconnected line of another account that a blank Disconnect Date would make active again.
  const storedOf = (key: string, carrierId: string, accountNumber: string) => {
    const candidates = storedByKey.get(key) ?? [];
    if (candidates.length <= 1) return candidates[0];
    const accountId = org.accountId(carrierId, accountNumber);
    return (
      candidates.find((service) => service.accountId === accountId) ??
      candidates.find((service) => service.status !== 'disconnected') ??
      candidates[0]
    );
  };
  // A row whose carrier changed (a typing error corrected) still updates the stored service of
  // its number, unless the file lists that service under its own carrier too, or a row of the
  // file already took it.
  const storedByNumber = servicesBy(stored.services, (service) => service.serviceKey);
  const keysInFile = new Set(
    drafts.map((draft) => {
      const known = org.knownCarrier(draft.carrierName, draft.accountNumber);
      return known === undefined ? null : carrierServiceKey(known.id, draft.serviceKey);
    }),
  );
  const taken = new Set<string>();
  const moved = (serviceKey: string | null): Service | undefined => {
    const service = serviceKey === null ? undefined : storedByNumber.get(serviceKey);
    if (service === undefined || taken.has(service.id)) return undefined;
    // A disconnected line is the number's past on its old carrier (ported away), not a typo.
    if (service.status === 'disconnected' || service.disconnectedOn !== undefined) return undefined;
    return keysInFile.has(carrierServiceKey(service.carrierId, service.serviceKey))
      ? undefined
      : service;
  };
  const plannedByKey = new Map<string, Service>();
  /** The row of the file that planned each key, and how it wrote the service. */
  const firstOfKey = new Map<string, InventoryDraft>();
  const services = new Map<string, Service>();
  const changes: ServiceChange[] = [];
  const refusals: RowRefusal[] = [];
  const unlinkedContracts: RowRefusal[] = [];
  const zeros = new AccountZerosNotes();
  for (const draft of drafts) {
    const costCenter = costCenters.resolve(draft.costCenterCode, draft.row);
    const contract = contractOf(
      draft,
      contractReferences,
      org.knownCarrier(draft.carrierName, draft.accountNumber)?.id,
    );
    const refused = refusalsOf(costCenter, contract, options);
    pushAll(refusals, refused);
    if (refused.length > 0 || !costCenter.ok) continue;
    if (contract.problem !== undefined) unlinkedContracts.push(contract.problem);
    const carrier = org.carrier(draft.carrierName, draft.accountNumber);
    const carrierId = carrier.id;
    const key = carrierServiceKey(carrierId, draft.serviceKey);
    const before =
      key === null
        ? undefined
        : (plannedByKey.get(key) ??
          storedOf(key, carrierId, draft.accountNumber) ??
          moved(draft.serviceKey));
    const account = org.account(carrierId, draft.accountNumber, {
      file: 'the inventory',
      row: draft.row,
      column: 'Account Number',
    });
    const after = serviceFromDraft(draft, before, {
      id: before?.id ?? options.newId('service'),
      carrierId,
      accountId: account.id,
      site:
        draft.siteCode === ''
          ? undefined
          : sites.siteFor(draft.siteCode, draft.siteName, costCenter.id),
      costCenterId: costCenter.id,
      contractId: contract.id,
    });
    const first = key === null ? undefined : firstOfKey.get(key);
    if (first !== undefined && before !== undefined) {
      // The same service again: nothing to do when the rows agree, a refusal when they do not.
      const refusal = repeatedServiceRefusal(draft, first, before, after);
      if (refusal !== null) refusals.push(refusal);
      continue;
    }
    if (key !== null) {
      plannedByKey.set(key, after);
      firstOfKey.set(key, draft);
    }
    zeros.add(
      { row: draft.row, column: 'Account Number' },
      draft.accountNumber,
      carrier.name,
      account,
    );
    taken.add(after.id);
    services.set(after.id, after);
    changes.push({ row: draft.row, ...(before === undefined ? {} : { before }), after });
  }
  const { carriers, accounts } = created();
  return {
    services: [...services.values()],
    changes,
    newCarriers: carriers,
    newAccounts: accounts,
    newSites: sites.created,
    newCostCenters: costCenters.created,
    unknownCostCenterCodes: costCenters.unknownCodes,
    refusals,
    unlinkedContracts,
    notes: zeros.notes(),
  };
}

/** The columns of a service's fields (the inventory file's canonical headers). */
const COLUMN_OF_FIELD: Partial<Record<keyof Service, string>> = {
  type: 'Service Type',
  status: 'Status',
  carrierId: 'Carrier',
  accountId: 'Account Number',
  siteId: 'Site Code',
  costCenterId: 'Cost Center',
  description: 'Description',
  plan: 'Plan',
  expectedMonthlyCents: 'Expected Monthly Cost',
  activatedOn: 'Install Date',
  disconnectedOn: 'Disconnect Date',
  contractId: 'Contract ID',
  userName: 'User',
  department: 'Department',
};

/**
 * A row naming a service an earlier row of the file already planned: null when it says the same
 * (its spelling of the Service ID aside), else the refusal naming both rows and what differs.
 */
function repeatedServiceRefusal(
  draft: InventoryDraft,
  first: InventoryDraft,
  planned: Service,
  again: Service,
): RowRefusal | null {
  const columns: string[] = [];
  for (const [field, column] of Object.entries(COLUMN_OF_FIELD) as [keyof Service, string][]) {
    if (planned[field] !== again[field] && !columns.includes(column)) columns.push(column);
  }
  if (columns.length === 0) return null;
  const spelled =
    first.serviceIdRaw === draft.serviceIdRaw ? '' : ` (written “${first.serviceIdRaw}”)`;
  return {
    row: draft.row,
    column: 'Service ID',
    value: draft.serviceIdRaw,
    message: `Row ${draft.row}: service “${draft.serviceIdRaw}” is already listed on row ${first.row}${spelled}, with ${differentColumns(columns)}. List each service once: keep the row that is right and remove the other.`,
  };
}
