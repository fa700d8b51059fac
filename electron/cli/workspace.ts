/**
 * The CLI's in-memory workspace: the sites, inventory, contracts and bills read from files and
 * given ids the way the app stores them, ready for the audit and the chargeback (both `shared/`).
 * Ids are assigned in the order things are met, so the same inputs give the same ids.
 */

import { plural } from '../../shared/text/wording';
import type { ContractDraft, ContractRateDraft } from '../../shared/contracts/csv';
import {
  isoMonthOf,
  type DateOrder,
  type IsoDate,
  type IsoMonth,
} from '../../shared/dates/iso-date';

import type { InventoryDraft } from '../../shared/inventory/import';
import { isPdfBill } from '../../shared/import/pdf';
import { planContracts } from '../../shared/ledger/contracts';
import { planInventory } from '../../shared/ledger/inventory';
import type { UnknownCostCenters } from '../../shared/ledger/sites';
import type {
  Account,
  AuditSettings,
  Carrier,
  Contract,
  CostCenter,
  Invoice,
  Service,
  Site,
} from '../../shared/model';
import type { AuditDispute } from '../../shared/audit/snapshot';
import { auditSettingProblems, DEFAULT_AUDIT_SETTINGS } from '../../shared/audit/settings';
import type { ColumnMapping } from '../../shared/import/mapping';
import type { WorkspaceBackup } from './workspace-backup';
import { CliError, hiddenSentence, type BillFiles } from './inputs';

import {
  hasRatesSheet,
  readContracts,
  readCostCenters,
  readInventory,
  readRates,
  readSites,
  type NamedBytes,
} from './workspace-setup';

export type { NamedBytes };

/** Everything the commands read, as bytes. */
export interface WorkspaceInput {
  /** A cost centers file (`Cost Center, Name, GL Account, Status`); without it the sites' codes make them. */
  costCenters?: NamedBytes | null;
  /** Null only with a {@link WorkspaceInput.backup}, which then gives the sites. */
  sites: NamedBytes | null;
  /** Null only with a {@link WorkspaceInput.backup}, which then gives the inventory. */
  inventory: NamedBytes | null;
  contracts: NamedBytes | null;
  rates: NamedBytes | null;
  bills: BillFiles;
  /** Import limits for the bills (from the CLI's flags); the defaults when absent. */
  billOptions?: BillReadOptions;
  /**
   * `--workspace`: the app's state to start from. The files given with it are imported over it
   * as the app would import them (a row updates the record with its key, a new one is added).
   */
  backup?: WorkspaceBackup | null;
  /** `--mappings`: saved column mappings, used as well as the backup's (these win for a header). */
  mappings?: readonly ColumnMapping[];
  /** The `--mappings` file's path, for messages. */
  mappingsName?: string;
  /** `--setup-date-order`: how the sites, inventory and contracts files write their dates. */
  setupDateOrder?: DateOrder;
  /** The run's date (`--as-of`, else today): an inventory's Disconnect Date after it is still to come. */
  today: IsoDate;
}

export interface Workspace extends BillsRead {
  /** The audit thresholds the user changed (a backup's); the rules' defaults otherwise. */
  settings?: AuditSettings;
  /** Disputes a backup holds, as the rules read them. */
  disputes?: AuditDispute[];
  /** Invoices that came from the backup (the first ones of {@link Workspace.invoices}). */
  backupInvoices?: number;
  carriers: Carrier[];
  accounts: Account[];
  sites: Site[];
  costCenters: CostCenter[];
  services: Service[];
  contracts: Contract[];
  /** Bill files read (distinct contents). */
  billFiles: number;
}

import { problemsError, Registry } from './workspace-registry';
import type { BillsRead } from './bill-state';
import { readBillFiles, type BillState, type BillReadOptions } from './workspace-bills';

/**
 * What a cost center code no file gave does: without --cost-centers it makes a cost center named
 * by its code (the CLI's only way to have any); with one, the file is the list, and a code it
 * lacks (a typo) is refused on its row rather than charged to a cost center nobody has.
 */
function unknownCostCenters(input: WorkspaceInput): UnknownCostCenters {
  return input.costCenters ? 'refuse' : 'create';
}

/** Applies a contracts or rates file (`what` names it in messages) to the workspace. */
function importContracts(
  drafts: readonly ContractDraft[],
  rates: readonly ContractRateDraft[],
  registry: Registry,
  what: string,
  warnings: string[],
): void {
  const plan = planContracts(drafts, rates, registry, registry.org);
  if (plan.refusals.length > 0) {
    throw problemsError(
      what,
      plan.refusals.map((refusal) => refusal.message),
    );
  }
  registry.applyContracts(plan);
  for (const note of plan.notes) warnings.push(`${what}: ${note.message}`);
}

/**
 * Applies the inventory file to the workspace. Cost centers it names that the sites file did not
 * are created; a contract the contracts file lacks is a warning, not an error: the audit then
 * finds the contract of the service's account.
 */
function importInventory(
  drafts: readonly InventoryDraft[],
  registry: Registry,
  input: WorkspaceInput,
  warnings: string[],
): void {
  const plan = planInventory(drafts, registry, registry.org, {
    newId: registry.newId,
    unknownCostCenters: unknownCostCenters(input),
    unknownContracts: 'unlink',
  });
  const what = `The inventory file "${input.inventory?.name ?? ''}"`;
  if (plan.refusals.length > 0) {
    throw problemsError(
      what,
      plan.refusals.map((refusal) => refusal.message),
    );
  }
  registry.applyInventory(plan);
  for (const note of plan.notes) warnings.push(`${what}: ${note.message}`);
  const [first] = plan.unlinkedContracts;
  if (input.contracts !== null && first !== undefined) {
    warnings.push(
      `${what} names contracts the contracts file does not have for their carrier (${plural(plan.unlinkedContracts.length, 'row')}; the first: ${first.message}) Those services are matched to their account's contract.`,
    );
  }
  // A site code the sites file does not have (a typo of one it has?) makes a new site with no
  // cost center: the charges of its services that name none of their own go unallocated. Said,
  // never done in silence.
  if (input.sites !== null && plan.newSites.length > 0) {
    const newCodes = new Set(plan.newSites.map((site) => site.code));
    const rows = drafts.filter(
      (draft) => newCodes.has(draft.siteCode) && draft.costCenterCode.trim() === '',
    );
    const codes = new Set(rows.map((draft) => draft.siteCode));
    const [row] = rows;
    if (row === undefined) return;
    const named = [...codes].slice(0, 3).map((code) => `"${code}"`);
    warnings.push(
      `${what} names ${plural(codes.size, 'site code')} the sites file "${input.sites.name}" does not have (${named.join(', ')}${codes.size > 3 ? ', …' : ''}: ${plural(rows.length, 'row')}, e.g. row ${row.row}); a site was made for each, with no cost center, so the charges of those rows' services are unallocated unless their account has one. Check the codes against the sites file.`,
    );
  }
}

/**
 * Reads the input files into the workspace through the shared plans, in the order a user would
 * import them in the app: sites, contracts, inventory, rates, then the bills.
 */
export function buildWorkspace(input: WorkspaceInput): Workspace {
  const backup = input.backup ?? null;
  const registry = new Registry(backup ?? undefined);
  const warnings: string[] = [];
  const notices = backup === null ? [] : backupNotices(input, backup);
  // Hidden bill files left out are named, as empty files and PDFs are.
  const hidden = hiddenSentence(input.bills.hidden ?? []).trim();
  if (hidden !== '') notices.push(hidden);
  if (input.costCenters) readCostCenters(input.costCenters, registry);
  if (input.sites !== null)
    readSites(input.sites, registry, unknownCostCenters(input), input.setupDateOrder);
  else if (backup === null) throw new CliError('--sites is needed without --workspace.');
  const contractDrafts =
    input.contracts === null ? null : readContracts(input.contracts, input.setupDateOrder);
  const knownContractIds = new Set([
    ...(contractDrafts ?? []).map((draft) => draft.id),
    ...registry.contracts.map((contract) => contract.id),
    // A rate may name a contract by the number typed in the app, as the app's import does.
    ...registry.contracts.flatMap((contract) => contract.contractNumber ?? []),
  ]);
  // The app's contracts export is one workbook with a Contracts and a Rates sheet: given as
  // --contracts, its rates are read too (a --rates file, when given, is the one read).
  const ratesSheet = input.contracts === null ? false : hasRatesSheet(input.contracts);
  if (input.rates !== null && input.contracts !== null && ratesSheet)
    warnings.push(
      `The contracts workbook "${input.contracts.name}" has a Rates sheet too; the rates file "${input.rates.name}" was read instead.`,
    );
  const ratesInput = input.rates ?? (ratesSheet ? input.contracts : null);
  const rateDrafts = ratesInput === null ? [] : readRates(ratesInput, knownContractIds);
  if (input.contracts !== null && contractDrafts !== null) {
    importContracts(
      contractDrafts,
      [],
      registry,
      `The contracts file "${input.contracts.name}"`,
      warnings,
    );
  }
  if (input.inventory !== null)
    importInventory(
      readInventory(input.inventory, input.setupDateOrder, input.today, warnings),
      registry,
      input,
      warnings,
    );
  else if (backup === null) throw new CliError('--inventory is needed without --workspace.');
  if ((contractDrafts !== null || backup !== null) && ratesInput !== null)
    importContracts(
      [],
      rateDrafts,
      registry,
      input.rates === null
        ? `The Rates sheet of the contracts workbook "${ratesInput.name}"`
        : `The rates file "${ratesInput.name}"`,
      warnings,
    );

  const state: BillState = {
    registry,
    invoices: [...(backup?.invoices ?? [])],
    chargeBlocks: [...(backup?.chargeBlocks ?? [])],
    lines: [],
    linesFromBackup: 0,
    usage: [...(backup?.usage ?? [])],
    originals: backup?.originals ?? new Map(),
    repeatedInvoices: [],
    warnings,
    unreadRows: [],
    unlistedUnreadRows: 0,
    notices,
    skippedRows: [],
    billNotes: [],
  };
  readBillFiles(
    input.bills.files,
    state,
    {
      ...input.billOptions,
      savedMappings: savedMappingsOf(backup?.mappings ?? [], input.mappings ?? []),
    },
    mappingSource(input, backup),
  );
  return {
    settings: backup?.settings ?? DEFAULT_AUDIT_SETTINGS,
    disputes: backup?.disputes ?? [],
    backupInvoices: backup?.invoices.length ?? 0,
    carriers: registry.org.carriers(),
    accounts: registry.org.accounts(),
    sites: registry.sites,
    costCenters: registry.costCenters,
    services: registry.services,
    contracts: registry.contracts,
    invoices: state.invoices,
    chargeBlocks: state.chargeBlocks,
    lines: state.lines,
    linesFromBackup: state.linesFromBackup,
    usage: state.usage,
    repeatedInvoices: state.repeatedInvoices,
    // A PDF is not read: it waits to be entered in the app (see readBillFiles).
    billFiles: input.bills.files.filter((file) => !isPdfBill(file)).length,
    warnings: state.warnings,
    unreadRows: state.unreadRows,
    unlistedUnreadRows: state.unlistedUnreadRows,
    notices: state.notices,
    skippedRows: state.skippedRows,
    billNotes: state.billNotes,
  };
}

/** The mappings the bills are read with: `--mappings` first, then the backup's other ones. */
function savedMappingsOf(
  fromBackup: readonly ColumnMapping[],
  fromFile: readonly ColumnMapping[],
): ColumnMapping[] {
  const signatures = new Set(fromFile.map((mapping) => mapping.signature));
  return [...fromFile, ...fromBackup.filter((mapping) => !signatures.has(mapping.signature))];
}

/** Where a saved mapping comes from, by its signature: the --mappings file, else the backup. */
function mappingSource(
  input: WorkspaceInput,
  backup: WorkspaceBackup | null,
): (signature: string) => string {
  const fromFile = new Set((input.mappings ?? []).map((mapping) => mapping.signature));
  return (signature) =>
    fromFile.has(signature) || backup === null
      ? `the --mappings file "${input.mappingsName ?? ''}"`
      : `the --workspace backup "${backup.name}"`;
}

/** What the run takes from the backup, and which files are imported over it. */
function backupNotices(input: WorkspaceInput, backup: WorkspaceBackup): string[] {
  const over = [
    ['cost centers', input.costCenters],
    ['sites', input.sites],
    ['inventory', input.inventory],
    ['contracts', input.contracts],
    ['rates', input.rates],
  ] as const;
  const notices = [
    `Starting from the backup "${backup.name}": ${plural(backup.sites.length, 'site')}, ${plural(backup.services.length, 'service')}, ${plural(backup.contracts.length, 'contract')}, ${plural(backup.invoices.length, 'invoice')}, ${plural(backup.mappings.length, 'saved column mapping')}, its audit settings and ${plural(backup.disputes.length, 'dispute')}.`,
  ];
  for (const problem of auditSettingProblems(backup.settings)) {
    notices.push(`The backup's audit settings hold a threshold the checks cannot use: ${problem}`);
  }
  for (const [what, file] of over) {
    if (file === null || file === undefined) continue;
    notices.push(
      `The ${what} file "${file.name}" is imported over the backup's ${what}, as the app would import it: its rows update the records with the same key and add new ones; the backup's other records stay.`,
    );
  }
  return notices;
}

/** The billing month of an invoice (its invoice date's month), as the audit counts it. */
export function invoiceMonth(invoice: Pick<Invoice, 'invoiceDate'>): IsoMonth {
  return isoMonthOf(invoice.invoiceDate);
}
