/**
 * The files of a set-up: each one's kind recognised from its header (cost centers, sites,
 * contracts, inventory or rates — whatever its name or the order it was picked in), then read into
 * drafts with a located sentence per bad cell, by the same readers the single-file imports use.
 */
import type { ContractDraft, ContractRateDraft } from '../contracts/csv';
import {
  CONTRACT_FILE_COLUMNS,
  guessColumnChoice,
  headerFitsContractFile,
  RATE_FILE_COLUMNS,
  readChosenContracts,
  readChosenRates,
} from '../contracts/mapping';
import type { IsoDate } from '../dates/iso-date';
import { headerKey, type Table } from '../import/table';
import { readCostCenterRows, type CostCenterDraft } from '../inventory/cost-centers-file';
import {
  guessInventoryMapping,
  inventoryMappingProblems,
  readInventoryRows,
  type InventoryDraft,
} from '../inventory/import';
import { readSiteRows, SITE_FIELDS, type SiteDraft } from '../inventory/sites-file';
import { readTabularFile, readTabularTables } from '../inventory/table-file';

/** The kinds of file a set-up takes, in the order they are applied. */
export const SETUP_KINDS = ['cost-centers', 'sites', 'contracts', 'inventory', 'rates'] as const;
export type SetupFileKind = (typeof SETUP_KINDS)[number];

/** How the preview names each kind. */
export const SETUP_KIND_LABELS: Record<SetupFileKind | 'unknown', string> = {
  'cost-centers': 'Cost centers',
  sites: 'Sites',
  contracts: 'Contracts',
  inventory: 'Inventory',
  rates: 'Contract rates',
  unknown: 'Not recognised',
};

/** A problem with a file, located (row 0: the whole file). */
export interface SetupProblem {
  row: number;
  column: string;
  /** A full sentence. */
  message: string;
}

interface FileOf<K extends SetupFileKind | 'unknown', D> {
  kind: K;
  /** The file's name, as picked. */
  name: string;
  drafts: D[];
  /** Cells and rows that cannot be read. */
  problems: SetupProblem[];
  /** Rows read past on purpose (an inventory's Total row), each with why. */
  skipped?: SetupProblem[];
}

/** One file of a set-up, read. */
export type SetupFile =
  | FileOf<'cost-centers', CostCenterDraft>
  | FileOf<'sites', SiteDraft>
  | FileOf<'contracts', ContractDraft>
  | FileOf<'inventory', InventoryDraft>
  | FileOf<'rates', ContractRateDraft>
  | FileOf<'unknown', never>;

/**
 * The kind of file a header belongs to, or 'unknown'. An inventory names a site, an account and a
 * service; a rates file a contract and a monthly rate; a contracts file a contract and its start;
 * a sites file a site code and name; a cost centers file a cost center and its name, but no site.
 */
export function setupKindOf(header: readonly string[]): SetupFileKind | 'unknown' {
  const inventory = guessInventoryMapping(header);
  if (inventoryMappingProblems(inventory).length === 0) return 'inventory';
  if (headerFitsContractFile('contracts', header)) return 'contracts';
  if (headerFitsContractFile('rates', header)) return 'rates';
  const keys = header.map(headerKey);
  const hasAny = (spec: { header: string; aliases: readonly string[] }) =>
    [spec.header, ...spec.aliases].map(headerKey).some((name) => keys.includes(name));
  if (hasAny(SITE_FIELDS.code) && hasAny(SITE_FIELDS.name)) return 'sites';
  const costCenters = readCostCenterRows({ header: [...header], rows: [] });
  if (costCenters.missing.length === 0) return 'cost-centers';
  return 'unknown';
}

function problemsOf(
  errors: readonly { row?: number; column?: string; message: string }[],
): SetupProblem[] {
  return errors.map(({ row, column, message }) => ({
    row: row ?? 0,
    column: column ?? '',
    message,
  }));
}

/**
 * Reads one picked file (CSV, TSV, pipe or XLSX) as a set-up file of the kind its header says, as
 * of `today` (an inventory's Disconnect Date after it is a disconnect still to come).
 */
export function readSetupFile(name: string, bytes: Uint8Array, today: IsoDate): SetupFile {
  const read = readTabularFile(name, bytes);
  if (!read.ok) return { kind: 'unknown', name, drafts: [], problems: problemsOf(read.errors) };
  return setupFileOf(name, read.value, today);
}

/**
 * Reads one picked file as the set-up files it holds: a CSV-like file is one; each sheet of a
 * workbook whose columns are those of a set-up file is one (the contracts export's Contracts and
 * Rates sheets are a contracts and a rates file, never the rates left out), named with its sheet
 * when there are several. A workbook none of whose sheets is recognised is its first sheet,
 * reported as not recognised.
 */
export function readSetupFiles(name: string, bytes: Uint8Array, today: IsoDate): SetupFile[] {
  const read = readTabularTables(name, bytes);
  if (!read.ok) return [{ kind: 'unknown', name, drafts: [], problems: problemsOf(read.errors) }];
  const known = read.value.filter(({ table }) => setupKindOf(table.header) !== 'unknown');
  if (known.length <= 1) {
    const [only] = known.length === 1 ? known : read.value;
    return only === undefined ? [] : [setupFileOf(name, only.table, today)];
  }
  return known.map(({ sheet, table }) =>
    setupFileOf(sheet === null ? name : `${name}, sheet ${sheet}`, table, today),
  );
}

/** A table read as a set-up file of the kind its header says. */
function setupFileOf(name: string, table: Table, today: IsoDate): SetupFile {
  const kind = setupKindOf(table.header);
  switch (kind) {
    case 'cost-centers': {
      const { drafts, errors } = readCostCenterRows(table);
      return { kind, name, drafts, problems: problemsOf(errors) };
    }
    case 'sites': {
      const { drafts, errors } = readSiteRows(table);
      return { kind, name, drafts, problems: problemsOf(errors) };
    }
    case 'inventory': {
      const read = readInventoryRows(table, guessInventoryMapping(table.header), today);
      const skipped = read.skipped.map(({ row, message }) => ({ row, column: '', message }));
      return { kind, name, drafts: read.drafts, problems: problemsOf(read.errors), skipped };
    }
    // Read through the columns their names give, as the Contracts page's import reads them: a
    // row the file reader could not take (a quote never closed, a value no column takes) is said
    // first, as it is for the other kinds.
    case 'contracts': {
      const choice = guessColumnChoice(table.header, CONTRACT_FILE_COLUMNS);
      const { rows, errors } = readChosenContracts(table, choice);
      return { kind, name, drafts: rows, problems: problemsOf(errors) };
    }
    case 'rates': {
      const choice = guessColumnChoice(table.header, RATE_FILE_COLUMNS);
      const { rows, errors } = readChosenRates(table, choice);
      return { kind, name, drafts: rows, problems: problemsOf(errors) };
    }
    case 'unknown': {
      const message = `${name}: its columns (${table.header.join(', ')}) are not those of a cost centers, sites, contracts, inventory or rates file.`;
      return { kind, name, drafts: [], problems: [{ row: 1, column: '', message }] };
    }
  }
}
