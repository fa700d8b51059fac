/**
 * Setting a company up from its files, decided once: cost centers, sites, contracts, inventory and
 * rates files — given in any order — are planned in that order, each against what is stored plus
 * what the files before it plan, so an inventory may name a contract of the contracts file and a
 * rate a service of the inventory. What one file implies for another is created (a site an
 * inventory names, a carrier or account a contract names), except a cost center named only by its
 * code: that one is created only when the user says so (`confirmedCodes`), else its rows are
 * refused. The preview shows this plan; the commit plans again in its transaction and writes it,
 * all of it or nothing.
 */
import type { Account, Carrier, Contract, CostCenter, Service, Site } from '../model';
import type { ContractPlan } from './contracts';
import { planContracts } from './contracts';
import type { CostCenterPlan } from './cost-centers';
import { costCentersAfter, planCostCenters } from './cost-centers';
import type { InventoryLedger, InventoryPlan } from './inventory';
import { planInventory } from './inventory';
import { OrgResolver } from './org';
import type { NewRecordId } from './records';
import type { ContractDraft, ContractRateDraft } from '../contracts/csv';
import type { CostCenterDraft } from '../inventory/cost-centers-file';
import type { InventoryDraft } from '../inventory/import';
import type { SiteDraft } from '../inventory/sites-file';
import type { SetupFile, SetupFileKind, SetupProblem } from './setup-files';
import { SETUP_KIND_LABELS, SETUP_KINDS } from './setup-files';
import type { SitePlan } from './sites';
import { planSites } from './sites';
import { pushAll } from '../arrays';

/** What is stored: the records a set-up is planned against. */
export interface SetupLedger extends InventoryLedger {
  carriers: readonly Carrier[];
  accounts: readonly Account[];
}

export interface SetupOptions {
  newId: NewRecordId;
  /** Cost center codes, named only by a code in the sites or inventory file, the user agreed to create. */
  confirmedCodes: ReadonlySet<string>;
}

/** One file in the preview: how many of its rows will be stored, and every problem. */
export interface SetupFileReport {
  name: string;
  kind: SetupFileKind | 'unknown';
  /** Rows that will be stored. */
  ready: number;
  problems: SetupProblem[];
  /** Rows read past on purpose (an inventory's Total row), each with why. */
  skipped?: SetupProblem[];
  /**
   * Rows stored, but not as written (an account number taken as a known account's written with
   * its leading zeros), each with what was done.
   */
  notes?: SetupProblem[];
}

/** A cost center named only by a code, which nothing has: to create (if the user agrees) or not. */
export interface CodeOnlyCostCenter {
  code: string;
  /** Where it is named: file name and its rows. */
  namedIn: { file: string; rows: number[] }[];
  /** Whether the plan creates it (the user ticked it). */
  created: boolean;
}

/** Everything a set-up writes, each record once in its final state. */
export interface SetupWrites {
  costCenters: CostCenter[];
  sites: Site[];
  carriers: Carrier[];
  accounts: Account[];
  contracts: Contract[];
  services: Service[];
}

/** What a set-up changes. */
export interface SetupPlan {
  /** One report per file, in the order the files are applied. */
  files: SetupFileReport[];
  /** Cost centers named only by a code: the preview asks about each. */
  codeOnly: CodeOnlyCostCenter[];
  costCenters: CostCenterPlan;
  sites: SitePlan;
  contracts: ContractPlan;
  inventory: InventoryPlan;
  rates: ContractPlan;
  writes: SetupWrites;
  /** Total problems; a set-up with any writes nothing. */
  problemCount: number;
}

/** The drafts of each kind a set-up applies. */
interface SetupDrafts {
  'cost-centers': CostCenterDraft[];
  sites: SiteDraft[];
  contracts: ContractDraft[];
  inventory: InventoryDraft[];
  rates: ContractRateDraft[];
}

/** The file of each kind; a second file of one kind, or a file of no kind, is a problem. */
function filesByKind(files: readonly SetupFile[]) {
  const byKind = new Map<SetupFileKind, SetupFile>();
  const extra: SetupFileReport[] = [];
  const drafts: SetupDrafts = {
    'cost-centers': [],
    sites: [],
    contracts: [],
    inventory: [],
    rates: [],
  };
  for (const file of files) {
    if (file.kind === 'unknown') {
      extra.push({ name: file.name, kind: file.kind, ready: 0, problems: file.problems });
      continue;
    }
    const first = byKind.get(file.kind);
    if (first !== undefined) {
      const message = `${file.name} is a second ${SETUP_KIND_LABELS[file.kind].toLowerCase()} file (after ${first.name}): set-up takes one file of each kind; put their rows in one file, or import this one afterwards.`;
      const problems = [{ row: 0, column: '', message }];
      extra.push({ name: file.name, kind: file.kind, ready: 0, problems });
      continue;
    }
    byKind.set(file.kind, file);
    if (file.kind === 'cost-centers') drafts['cost-centers'] = file.drafts;
    else if (file.kind === 'sites') drafts.sites = file.drafts;
    else if (file.kind === 'contracts') drafts.contracts = file.drafts;
    else if (file.kind === 'inventory') drafts.inventory = file.drafts;
    else drafts.rates = file.drafts;
  }
  return { byKind, extra, drafts };
}

/** Records by id, later ones replacing earlier ones, in the order first met. */
function merged<T extends { id: string }>(...lists: readonly (readonly T[])[]): T[] {
  const byId = new Map<string, T>();
  for (const list of lists) for (const record of list) byId.set(record.id, record);
  return [...byId.values()];
}

function rowsRefused(problems: readonly { row: number }[]): number {
  return new Set(problems.map((problem) => problem.row)).size;
}

/** Cost centers named only by a code, from the sites and inventory plans. */
function codeOnlyOf(
  sources: readonly { file: string | undefined; codes: ReadonlyMap<string, number[]> }[],
  confirmed: ReadonlySet<string>,
): CodeOnlyCostCenter[] {
  const byCode = new Map<string, CodeOnlyCostCenter>();
  for (const { file, codes } of sources) {
    for (const [code, rows] of codes) {
      const entry = byCode.get(code) ?? { code, namedIn: [], created: confirmed.has(code) };
      entry.namedIn.push({ file: file ?? '', rows });
      byCode.set(code, entry);
    }
  }
  return [...byCode.values()];
}

/** Plans a set-up: the files in any order, applied cost centers → sites → contracts → inventory → rates. */
export function planSetup(
  files: readonly SetupFile[],
  stored: SetupLedger,
  options: SetupOptions,
): SetupPlan {
  const { byKind, extra, drafts } = filesByKind(files);
  const { newId, confirmedCodes } = options;
  const costCenterOptions = { newId, unknownCostCenters: 'refuse', confirmedCodes } as const;

  const costCenters = planCostCenters(drafts['cost-centers'], stored.costCenters, newId);
  const costCentersNow = costCentersAfter(stored.costCenters, costCenters);
  const sites = planSites(
    drafts.sites,
    { sites: stored.sites, costCenters: costCentersNow },
    costCenterOptions,
  );
  const org = new OrgResolver(stored.carriers, stored.accounts, newId);
  const contracts = planContracts(drafts.contracts, [], stored, org);
  const contractsNow = merged(stored.contracts, contracts.contracts);
  const inventory = planInventory(
    drafts.inventory,
    {
      costCenters: [...costCentersNow, ...sites.newCostCenters],
      sites: merged(
        stored.sites,
        sites.added,
        sites.updated.map(({ after }) => after),
      ),
      services: stored.services,
      contracts: contractsNow,
    },
    org,
    { ...costCenterOptions, unknownContracts: 'refuse' },
  );
  const servicesNow = merged(stored.services, inventory.services);
  const rates = planContracts(
    [],
    drafts.rates,
    { contracts: contractsNow, services: servicesNow },
    org,
  );

  const reports: Record<
    SetupFileKind,
    { ready: number; refused: SetupProblem[]; notes?: SetupProblem[] }
  > = {
    'cost-centers': { ready: drafts['cost-centers'].length, refused: [] },
    sites: { ready: drafts.sites.length - rowsRefused(sites.refusals), refused: sites.refusals },
    contracts: {
      ready: contracts.contracts.length,
      refused: contracts.refusals,
      notes: contracts.notes,
    },
    inventory: {
      ready: inventory.changes.length,
      refused: inventory.refusals,
      notes: inventory.notes,
    },
    rates: { ready: rates.rates, refused: rates.refusals },
  };
  const fileReports: SetupFileReport[] = [];
  for (const kind of SETUP_KINDS) {
    const file = byKind.get(kind);
    if (file === undefined) continue;
    const { ready, refused, notes = [] } = reports[kind];
    fileReports.push({
      name: file.name,
      kind,
      ready,
      problems: [...file.problems, ...refused],
      ...(file.skipped === undefined ? {} : { skipped: file.skipped }),
      ...(notes.length === 0 ? {} : { notes }),
    });
  }
  pushAll(fileReports, extra);

  const writes: SetupWrites = {
    costCenters: [
      ...costCenters.added,
      ...costCenters.updated.map(({ after }) => after),
      ...sites.newCostCenters,
      ...inventory.newCostCenters,
    ],
    sites: [...sites.added, ...sites.updated.map(({ after }) => after), ...inventory.newSites],
    carriers: org.createdCarriers,
    accounts: org.createdAccounts,
    contracts: merged(contracts.contracts, rates.contracts),
    services: merged(
      inventory.services,
      rates.serviceLinks.map(({ after }) => after),
    ),
  };
  return {
    files: fileReports,
    codeOnly: codeOnlyOf(
      [
        { file: byKind.get('sites')?.name, codes: sites.unknownCostCenterCodes },
        { file: byKind.get('inventory')?.name, codes: inventory.unknownCostCenterCodes },
      ],
      confirmedCodes,
    ),
    costCenters,
    sites,
    contracts,
    inventory,
    rates,
    writes,
    problemCount: fileReports.reduce((sum, report) => sum + report.problems.length, 0),
  };
}

/**
 * What the preview and the summary after the import say of rows stored not as written, each
 * sentence after its file's name (`inventory.xlsx: Row 2: account 12345 is taken as …`).
 */
export function setupNotes(plan: Pick<SetupPlan, 'files'>): string[] {
  return plan.files.flatMap((file) =>
    (file.notes ?? []).map(({ message }) => `${file.name}: ${message}`),
  );
}

/** How many records of each kind a set-up stores (the Import button and the summary say these). */
export function setupCounts(plan: SetupPlan): {
  costCenters: number;
  sites: number;
  contracts: number;
  services: number;
  rates: number;
} {
  return {
    costCenters: plan.writes.costCenters.length,
    sites: plan.writes.sites.length,
    contracts: plan.contracts.contracts.length,
    services: plan.inventory.changes.length,
    rates: plan.rates.rates,
  };
}
