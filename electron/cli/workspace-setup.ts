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
import { readTabularFile } from '../../shared/inventory/table-file';
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
  const table = readTabularFile(input.name, input.bytes);
  if (!table.ok) {
    throw problemsError(
      `The inventory file "${input.name}"`,
      table.errors.map((e) => e.message),
    );
  }
  const mapping = guessInventoryMapping(table.value.header);
  // Said as the contracts file says it: the app's wizard lets the user choose a column, the
  // command line can only ask for one named so.
  const missing = REQUIRED_INVENTORY_FIELDS.filter((field) => mapping[field] < 0).map(
    (field) => INVENTORY_FIELDS[field],
  );
  if (missing.length > 0) {
    throw new CliError(
      `The inventory file "${input.name}" lacks required columns (its header is: ${table.value.header.join(', ')}). ${missing
        .map(
          (spec) =>
            `Add a column named ${spec.header}${spec.aliases.length > 0 ? ` (or ${spec.aliases.slice(0, 2).join(', ')})` : ''}.`,
        )
        .join(' ')}`,
    );
  }
  const { drafts, errors, skipped } = readInventoryRows(table.value, mapping, today, dateOrder);
  if (errors.length > 0) {
    throw setupProblems(
      `The inventory file "${input.name}"`,
      errors.map((e) => e.message),
    );
  }
  for (const { message } of skipped)
    warnings.push(`The inventory file "${input.name}": ${message}`);
  return drafts;
}
