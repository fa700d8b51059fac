/**
 * The set-up files the CLI reads (cost centers, sites, contracts, rates, inventory), each read by
 * the app's own reader and refused whole, with every problem listed, when a row is wrong.
 */
import type { ContractDraft, ContractRateDraft } from '../../shared/contracts/csv';
import { readContractRatesCsv, readContractsCsv } from '../../shared/contracts/csv';
import { CHOOSE_DATE_ORDER } from '../../shared/contracts/csv-table';
import type { DateOrder, IsoDate } from '../../shared/dates/iso-date';
import { readCostCenterRows } from '../../shared/inventory/cost-centers-file';
import {
  guessInventoryMapping,
  INVENTORY_FIELDS,
  REQUIRED_INVENTORY_FIELDS,
  readInventoryRows,
  type InventoryDraft,
} from '../../shared/inventory/import';
import { readSiteRows } from '../../shared/inventory/sites-file';
import { readTabularFile, readTabularTables } from '../../shared/inventory/table-file';
import type { Table } from '../../shared/import/table';
import { isXlsx } from '../../shared/import/xlsx/package';
import { setupKindOf } from '../../shared/ledger/setup-files';
import { pushAll } from '../../shared/arrays';
import { planCostCenters } from '../../shared/ledger/cost-centers';
import { planSites, type UnknownCostCenters } from '../../shared/ledger/sites';
import { CliError } from './inputs';
import { problemsError, type Registry } from './workspace-registry';

/** One input file, by the option that named it. */
export interface NamedBytes {
  /** Path or name, for messages. */
  name: string;
  bytes: Uint8Array;
}

export function readCostCenters(input: NamedBytes, registry: Registry): void {
  const what = `The cost centers file "${input.name}"`;
  const table = readTabularFile(input.name, input.bytes);
  if (!table.ok)
    throw problemsError(
      what,
      table.errors.map((e) => e.message),
    );
  const { drafts, errors, missing } = readCostCenterRows(table.value);
  if (missing.length > 0) {
    throw new CliError(
      `${what} has no ${missing.join(' or ')} column; its header is: ${table.value.header.join(', ')}.`,
    );
  }
  if (errors.length > 0)
    throw problemsError(
      what,
      errors.map((e) => e.message),
    );
  registry.applyCostCenters(planCostCenters(drafts, registry.costCenters, registry.newId));
}

/**
 * A setup file's problems. A date two orders read differently asks, in the app, to choose the
 * file's order; here it is an option.
 */
function setupProblems(what: string, messages: readonly string[]): CliError {
  return problemsError(
    what,
    messages.map((message) =>
      message.replace(
        CHOOSE_DATE_ORDER,
        'run again with --setup-date-order MDY (month first) or DMY (day first)',
      ),
    ),
  );
}

export function readSites(
  input: NamedBytes,
  registry: Registry,
  unknown: UnknownCostCenters,
  dateOrder: DateOrder | undefined,
): void {
  const table = readTabularFile(input.name, input.bytes);
  if (!table.ok) {
    throw problemsError(
      `The sites file "${input.name}"`,
      table.errors.map((e) => e.message),
    );
  }
  const { drafts, errors, missing } = readSiteRows(table.value, dateOrder);
  if (missing.length > 0) {
    throw new CliError(
      `The sites file "${input.name}" has no ${missing.join(' or ')} column; its header is: ${table.value.header.join(', ')}.`,
    );
  }
  if (errors.length > 0) {
    throw setupProblems(
      `The sites file "${input.name}"`,
      errors.map((e) => e.message),
    );
  }
  const plan = planSites(drafts, registry, { newId: registry.newId, unknownCostCenters: unknown });
  if (plan.refusals.length > 0) {
    throw problemsError(
      `The sites file "${input.name}"`,
      plan.refusals.map((refusal) => refusal.message),
    );
  }
  registry.applySites(plan);
}

export function readContracts(
  input: NamedBytes,
  dateOrder: DateOrder | undefined,
): ContractDraft[] {
  const read = readContractsCsv(input.bytes, dateOrder === undefined ? {} : { dateOrder });
  if (read.errors.length > 0) {
    throw setupProblems(
      `The contracts file "${input.name}"`,
      read.errors.map((e) => e.message),
    );
  }
  return read.rows;
}

/** Whether a contracts file is a workbook with a sheet of rates (the app's contracts export). */
export function hasRatesSheet(input: NamedBytes): boolean {
  if (!isXlsx(input.bytes)) return false;
  const read = readTabularTables(input.name, input.bytes);
  return read.ok && read.value.some(({ table }) => setupKindOf(table.header) === 'rates');
}

export function readRates(
  input: NamedBytes,
  contractIds: ReadonlySet<string>,
): ContractRateDraft[] {
  const read = readContractRatesCsv(input.bytes, { knownContractIds: contractIds });
  if (read.errors.length > 0) {
    throw problemsError(
      `The rates file "${input.name}"`,
      read.errors.map((e) => e.message),
    );
  }
  return read.rows;
}

/**
 * The inventory file's services as of `today` (a Disconnect Date after it is a disconnect still to
 * come); each Total row it reads past is said in `warnings`.
 */
export function readInventory(
  input: NamedBytes,
  dateOrder: DateOrder | undefined,
  today: IsoDate,
  warnings: string[],
): InventoryDraft[] {
  const what = `The inventory file "${input.name}"`;
  const read = readTabularTables(input.name, input.bytes);
  if (!read.ok) {
    throw problemsError(
      what,
      read.errors.map((e) => e.message),
    );
  }
  // A workbook may keep its services on several sheets (Mobile, Circuits): every sheet whose
  // columns are an inventory's is read; any other sheet with a table is said, never passed over.
  const sheets = read.value;
  const inventories = sheets.filter(({ table }) => setupKindOf(table.header) === 'inventory');
  const chosen = inventories.length > 0 ? inventories : sheets.slice(0, 1);
  for (const { sheet, table } of sheets) {
    if (sheet === null || chosen.some((one) => one.sheet === sheet)) continue;
    warnings.push(
      `${what}: its sheet "${sheet}" is not an inventory (its columns: ${table.header.slice(0, 8).join(', ')}${table.header.length > 8 ? ', …' : ''}), so its rows were not read.`,
    );
  }
  const drafts: InventoryDraft[] = [];
  for (const { sheet, table } of chosen) {
    const where = sheet === null || sheets.length === 1 ? what : `${what}, sheet "${sheet}",`;
    pushAll(drafts, readInventoryTable(table, where, dateOrder, today, warnings));
  }
  return drafts;
}

/** One table of an inventory file, refused whole (every problem listed) when a row is wrong. */
function readInventoryTable(
  table: Table,
  what: string,
  dateOrder: DateOrder | undefined,
  today: IsoDate,
  warnings: string[],
): InventoryDraft[] {
  const mapping = guessInventoryMapping(table.header);
  // Said as the contracts file says it: the app's wizard lets the user choose a column, the
  // command line can only ask for one named so.
  const missing = REQUIRED_INVENTORY_FIELDS.filter((field) => mapping[field] < 0).map(
    (field) => INVENTORY_FIELDS[field],
  );
  if (missing.length > 0) {
    throw new CliError(
      `${what} lacks required columns (its header is: ${table.header.join(', ')}). ${missing
        .map(
          (spec) =>
            `Add a column named ${spec.header}${spec.aliases.length > 0 ? ` (or ${spec.aliases.slice(0, 2).join(', ')})` : ''}.`,
        )
        .join(' ')}`,
    );
  }
  const { drafts, errors, skipped } = readInventoryRows(table, mapping, today, dateOrder);
  if (errors.length > 0) {
    throw setupProblems(
      what,
      errors.map((e) => e.message),
    );
  }
  for (const { message } of skipped) warnings.push(`${what}: ${message}`);
  return drafts;
}
