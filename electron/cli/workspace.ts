/**
 * The CLI's in-memory workspace: the sites, inventory, contracts and bills read from files and
 * given ids the way the app stores them, ready for the audit and the chargeback (both `shared/`).
 * Ids are assigned in the order things are met, so the same inputs give the same ids.
 */

import type { ContractDraft, ContractRateDraft } from '../../shared/contracts/csv';
import { readContractRatesCsv, readContractsCsv } from '../../shared/contracts/csv';
import { isoMonthOf, type IsoMonth } from '../../shared/dates/iso-date';
import { serviceMatchKey } from '../../shared/ids/identifiers';
import type { DraftChargeLine } from '../../shared/import/draft';

import {
  guessInventoryMapping,
  inventoryMappingProblems,
  readInventoryRows,
  type InventoryDraft,
} from '../../shared/inventory/import';
import { readSiteRows } from '../../shared/inventory/sites-file';
import { readTabularFile } from '../../shared/inventory/table-file';
import type {
  Account,
  Carrier,
  Contract,
  CostCenter,
  Invoice,
  Service,
  Site,
  UsageRecord,
} from '../../shared/model';
import { type Cents } from '../../shared/money/cents';
import { type ChargeBlock } from '../../shared/storage/charge-blocks';
import type { WorkspaceArgs } from './args';
import { CliError, collectBillFiles, readInputFile, type BillFiles } from './inputs';

/** One input file, by the option that named it. */
export interface NamedBytes {
  /** Path or name, for messages. */
  name: string;
  bytes: Uint8Array;
}

/** Everything the commands read, as bytes. */
export interface WorkspaceInput {
  sites: NamedBytes;
  inventory: NamedBytes;
  contracts: NamedBytes | null;
  rates: NamedBytes | null;
  bills: BillFiles;
}

/** An invoice met again (same carrier, account and number) after it was read once. */
export interface RepeatedInvoice {
  /** The invoice kept. */
  invoice: Invoice;
  /** File the kept invoice was read from. */
  firstFile: string;
  /** File the copy was met in. */
  repeatFile: string;
  /** The copy's total: its stated total, else the sum of its lines. */
  total: Cents;
}

/** A kept charge line with its invoice, for `charges.csv`. */
export interface StoredLine {
  invoiceId: string;
  line: DraftChargeLine;
}

export interface Workspace {
  carriers: Carrier[];
  accounts: Account[];
  sites: Site[];
  costCenters: CostCenter[];
  services: Service[];
  contracts: Contract[];
  invoices: Invoice[];
  chargeBlocks: ChargeBlock[];
  lines: StoredLine[];
  usage: UsageRecord[];
  repeatedInvoices: RepeatedInvoice[];
  /** Bill files read (distinct contents). */
  billFiles: number;
  /** Row problems that did not stop the run, as sentences. */
  warnings: string[];
}

/** At most this many problems are listed in one error message. */
import { problemsError, Registry } from './workspace-registry';
import { readBillFile, type BillState } from './workspace-bills';

function readSites(input: NamedBytes, registry: Registry): void {
  const table = readTabularFile(input.name, input.bytes);
  if (!table.ok) {
    throw problemsError(
      `The sites file "${input.name}"`,
      table.errors.map((e) => e.message),
    );
  }
  const { drafts, errors, missing } = readSiteRows(table.value);
  if (missing.length > 0) {
    throw new CliError(
      `The sites file "${input.name}" has no ${missing.join(' or ')} column; its header is: ${table.value.header.join(', ')}.`,
    );
  }
  if (errors.length > 0) {
    throw problemsError(
      `The sites file "${input.name}"`,
      errors.map((e) => e.message),
    );
  }
  for (const draft of drafts) registry.addSite(draft);
}

function readContracts(input: NamedBytes): ContractDraft[] {
  const read = readContractsCsv(input.bytes);
  if (read.errors.length > 0) {
    throw problemsError(
      `The contracts file "${input.name}"`,
      read.errors.map((e) => e.message),
    );
  }
  return read.rows;
}

function readRates(input: NamedBytes, contractIds: ReadonlySet<string>): ContractRateDraft[] {
  const read = readContractRatesCsv(input.bytes, { knownContractIds: contractIds });
  if (read.errors.length > 0) {
    throw problemsError(
      `The rates file "${input.name}"`,
      read.errors.map((e) => e.message),
    );
  }
  return read.rows;
}

function readInventory(input: NamedBytes): InventoryDraft[] {
  const table = readTabularFile(input.name, input.bytes);
  if (!table.ok) {
    throw problemsError(
      `The inventory file "${input.name}"`,
      table.errors.map((e) => e.message),
    );
  }
  const mapping = guessInventoryMapping(table.value.header);
  const problems = inventoryMappingProblems(mapping);
  if (problems.length > 0) {
    throw new CliError(
      `The inventory file "${input.name}" lacks required columns (its header is: ${table.value.header.join(', ')}). ${problems.join(' ')}`,
    );
  }
  const { drafts, errors } = readInventoryRows(table.value, mapping);
  if (errors.length > 0) {
    throw problemsError(
      `The inventory file "${input.name}"`,
      errors.map((e) => e.message),
    );
  }
  return drafts;
}

function buildContracts(drafts: readonly ContractDraft[], registry: Registry): Contract[] {
  return drafts.map((draft) => {
    const {
      line: _line,
      carrierName,
      accountNumbers,
      endDateComputed: _computed,
      ...fields
    } = draft;
    const carrierId = registry.carrierId(carrierName);
    return {
      ...fields,
      contractNumber: draft.id,
      carrierId,
      accountIds: accountNumbers.map((number) => registry.accountId(carrierId, number)),
      serviceIds: [],
    };
  });
}

function buildServices(
  drafts: readonly InventoryDraft[],
  registry: Registry,
  contracts: readonly Contract[] | null,
  inventoryName: string,
  warnings: string[],
): Service[] {
  const contractIds = new Map<string, string>();
  for (const contract of contracts ?? []) {
    contractIds.set(contract.id, contract.id);
    if (contract.contractNumber !== undefined)
      contractIds.set(contract.contractNumber, contract.id);
  }
  const unknownContracts: string[] = [];
  const services: Service[] = [];
  const byKey = new Map<string, number>();
  for (const draft of drafts) {
    const carrierId = registry.carrierId(draft.carrierName);
    const accountId = registry.accountId(carrierId, draft.accountNumber);
    const costCenterId = registry.costCenterId(draft.costCenterCode);
    const site = registry.siteFor(draft.siteCode, draft.siteName, costCenterId);
    const contractId = draft.contractId === '' ? undefined : contractIds.get(draft.contractId);
    if (draft.contractId !== '' && contractId === undefined && contracts !== null) {
      unknownContracts.push(`row ${draft.row}: "${draft.contractId}"`);
    }
    const index = draft.serviceKey === null ? undefined : byKey.get(draft.serviceKey);
    const service: Service = {
      id: index === undefined ? `service-${services.length + 1}` : (services[index]?.id ?? ''),
      type: draft.type,
      status: draft.status,
      carrierId,
      accountId,
      siteId: site.id,
      serviceIdRaw: draft.serviceIdRaw,
      serviceKey: draft.serviceKey,
      aliasKeys: [],
    };
    // The file's cost center is the service's own only when it differs from its site's.
    if (costCenterId !== undefined && costCenterId !== site.costCenterId)
      service.costCenterId = costCenterId;
    if (draft.description !== '') service.description = draft.description;
    if (draft.plan !== '') service.plan = draft.plan;
    if (draft.monthly !== undefined) service.expectedMonthlyCents = draft.monthly;
    if (draft.installDate !== undefined) service.activatedOn = draft.installDate;
    if (draft.disconnectDate !== undefined) service.disconnectedOn = draft.disconnectDate;
    if (contractId !== undefined) service.contractId = contractId;
    if (draft.userName !== '') service.userName = draft.userName;
    if (draft.department !== '') service.department = draft.department;
    if (index === undefined) {
      if (draft.serviceKey !== null) byKey.set(draft.serviceKey, services.length);
      services.push(service);
    } else {
      services[index] = service;
    }
  }
  if (unknownContracts.length > 0) {
    // Not fatal: the audit still finds the contract of the service's account.
    warnings.push(
      `The inventory file "${inventoryName}" names contracts the contracts file does not have (${unknownContracts.length} rows, e.g. ${unknownContracts[0] ?? ''}); those services are matched to their account's contract.`,
    );
  }
  return services;
}

function attachRates(
  rates: readonly ContractRateDraft[],
  contracts: readonly Contract[],
  services: Service[],
  ratesName: string,
): void {
  const contractById = new Map(contracts.map((contract) => [contract.id, contract]));
  const serviceByKey = new Map<string, Service>();
  for (const service of services) {
    for (const key of [service.id, service.serviceKey ?? '', ...service.aliasKeys]) {
      if (key !== '') serviceByKey.set(key, service);
    }
  }
  const errors: string[] = [];
  for (const rate of rates) {
    const contract = contractById.get(rate.contractId);
    if (contract === undefined) continue; // refused by readContractRatesCsv already
    let serviceId: string | undefined;
    if (rate.serviceId !== undefined) {
      const service =
        serviceByKey.get(rate.serviceId) ?? serviceByKey.get(serviceMatchKey(rate.serviceId) ?? '');
      if (service === undefined) {
        errors.push(
          `Row ${rate.line}, column "Service ID": "${rate.serviceId}" is not a service in the inventory.`,
        );
        continue;
      }
      serviceId = service.id;
      if (!contract.serviceIds.includes(service.id)) contract.serviceIds.push(service.id);
      service.contractId ??= contract.id;
    }
    const card = contract.rateCard ?? [];
    card.push({
      ...(rate.planOrServiceType === undefined
        ? {}
        : { planOrServiceType: rate.planOrServiceType }),
      ...(serviceId === undefined ? {} : { serviceId }),
      monthlyRateCents: rate.monthlyRateCents,
    });
    contract.rateCard = card;
  }
  if (errors.length > 0) throw problemsError(`The rates file "${ratesName}"`, errors);
}

/** The sentence for a bill file the importer could not turn into a draft. */
export function buildWorkspace(input: WorkspaceInput): Workspace {
  const registry = new Registry();
  readSites(input.sites, registry);
  const contractDrafts = input.contracts === null ? null : readContracts(input.contracts);
  const rateDrafts =
    input.rates === null
      ? []
      : readRates(input.rates, new Set((contractDrafts ?? []).map((draft) => draft.id)));
  const contracts = contractDrafts === null ? null : buildContracts(contractDrafts, registry);
  const inventoryDrafts = readInventory(input.inventory);
  const warnings: string[] = [];
  const services = buildServices(
    inventoryDrafts,
    registry,
    contracts,
    input.inventory.name,
    warnings,
  );
  if (contracts !== null && input.rates !== null)
    attachRates(rateDrafts, contracts, services, input.rates.name);

  const state: BillState = {
    registry,
    invoices: [],
    chargeBlocks: [],
    lines: [],
    usage: [],
    repeatedInvoices: [],
    warnings,
    kept: new Map(),
    keysByFile: new Map(),
  };
  for (const file of input.bills.files) readBillFile(file.path, file.name, file.bytes, state);
  // A byte-identical copy holds exactly the invoices of the file read first.
  for (const repeat of input.bills.repeated) {
    for (const key of state.keysByFile.get(repeat.sameAs) ?? []) {
      const kept = state.kept.get(key);
      if (kept === undefined) continue;
      state.repeatedInvoices.push({
        invoice: kept.invoice,
        firstFile: kept.file,
        repeatFile: repeat.path,
        total: kept.invoice.statedTotal ?? kept.invoice.linesTotal,
      });
    }
  }
  return {
    carriers: registry.carriers,
    accounts: registry.accounts,
    sites: registry.sites,
    costCenters: registry.costCenters,
    services,
    contracts: contracts ?? [],
    invoices: state.invoices,
    chargeBlocks: state.chargeBlocks,
    lines: state.lines,
    usage: state.usage,
    repeatedInvoices: state.repeatedInvoices,
    billFiles: input.bills.files.length,
    warnings: state.warnings,
  };
}

/** The billing month of an invoice (its invoice date's month), as the audit counts it. */
export function invoiceMonth(invoice: Pick<Invoice, 'invoiceDate'>): IsoMonth {
  return isoMonthOf(invoice.invoiceDate);
}

/** Reads the files the arguments name and builds the workspace. */
export async function loadWorkspace(args: WorkspaceArgs): Promise<Workspace> {
  const named = async (path: string, option: string): Promise<NamedBytes> => ({
    name: path,
    bytes: await readInputFile(path, option),
  });
  return buildWorkspace({
    sites: await named(args.sites, 'sites'),
    inventory: await named(args.inventory, 'inventory'),
    contracts: args.contracts === null ? null : await named(args.contracts, 'contracts'),
    rates: args.rates === null ? null : await named(args.rates, 'rates'),
    bills: await collectBillFiles(args.bills),
  });
}
