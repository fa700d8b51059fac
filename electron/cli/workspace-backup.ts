/**
 * `--workspace backup.temdesk`: the app's state, read from one of its backups, as the CLI's
 * starting point. The file is read by the same validated reader as the app's restore
 * (`shared/backup`: checksums, record schemas, migrations of older versions), with the same
 * expectations; a damaged backup, or one from a newer TEM Desk, is refused with its sentences.
 */
import { appBackupExpectations } from '../../shared/backup/app-expectations';
import { readBackup } from '../../shared/backup/read';
import {
  auditDisputeOf,
  auditSettingsOf,
  AUDIT_SETTINGS_KEY,
} from '../../shared/audit/stored-state';
import type { AuditDispute } from '../../shared/audit/snapshot';
import type { UploadedFile } from '../../shared/import/archive';
import type { ColumnMapping } from '../../shared/import/mapping';
import { readMappingsFile } from '../../shared/import/mappings-file';
import type {
  Account,
  AuditSettings,
  Carrier,
  Contract,
  CostCenter,
  Dispute,
  Invoice,
  Service,
  Site,
  UsageRecord,
} from '../../shared/model';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import { CliError } from './inputs';
import { problemsError } from './workspace-registry';

/** The app's state a backup holds, as the CLI's workspace starts from it. */
export interface WorkspaceBackup {
  /** The backup's path, for messages. */
  name: string;
  carriers: Carrier[];
  accounts: Account[];
  costCenters: CostCenter[];
  sites: Site[];
  services: Service[];
  contracts: Contract[];
  invoices: Invoice[];
  chargeBlocks: ChargeBlock[];
  usage: UsageRecord[];
  /** The audit thresholds the user changed. */
  settings: AuditSettings;
  disputes: AuditDispute[];
  /** Column mappings saved in the mapping wizard. */
  mappings: ColumnMapping[];
  /**
   * The original bill files, by their import batch: read again with a file that completes a stored
   * invoice, as the app reads them (see `shared/ledger/companions.ts`).
   */
  originals: Map<string, UploadedFile>;
}

/**
 * The records of a validated backup's table. The reader checked each against its table's schema
 * (`shared/backup/schemas`, proven in sync with these types), so the cast only names the type.
 */
function table<T>(tables: Readonly<Record<string, unknown[]>>, name: string): T[] {
  return (tables[name] ?? []) as T[];
}

/** Reads a `.temdesk` backup; a {@link CliError} with the reader's sentences when it is refused. */
export function readWorkspaceBackup(bytes: Uint8Array, name: string): WorkspaceBackup {
  const read = readBackup(bytes, appBackupExpectations());
  if (!read.ok) {
    throw problemsError(
      `The --workspace backup "${name}" cannot be used; it`,
      read.errors.map((error) => error.message),
    );
  }
  const { tables } = read.value.dump;
  const settingsRecord = table<{ key: string; value: unknown }>(tables, 'settings').find(
    (record) => record.key === AUDIT_SETTINGS_KEY,
  );
  return {
    name,
    carriers: table<Carrier>(tables, 'carriers'),
    accounts: table<Account>(tables, 'accounts'),
    costCenters: table<CostCenter>(tables, 'costCenters'),
    sites: table<Site>(tables, 'sites'),
    services: table<Service>(tables, 'services'),
    contracts: table<Contract>(tables, 'contracts'),
    invoices: table<Invoice>(tables, 'invoices'),
    chargeBlocks: table<ChargeBlock>(tables, 'chargeBlocks'),
    usage: table<{ records: UsageRecord[] }>(tables, 'usage').flatMap((record) => record.records),
    settings: auditSettingsOf(settingsRecord?.value),
    disputes: table<Dispute>(tables, 'disputes').map(auditDisputeOf),
    mappings: table<ColumnMapping>(tables, 'columnMappings'),
    originals: new Map(
      table<{ batchId: string; fileName: string; bytes: Uint8Array }>(tables, 'originalFiles').map(
        (file) => [file.batchId, { name: file.fileName, bytes: file.bytes }],
      ),
    ),
  };
}

/** Reads a `--mappings` file; a {@link CliError} listing its problems when it is refused. */
export function readMappingsOption(bytes: Uint8Array, name: string): ColumnMapping[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      `The --mappings file "${name}" is not a TEM Desk column mappings file: it is not text.`,
    );
  }
  const read = readMappingsFile(text, name);
  if (!read.ok) {
    throw problemsError(
      `The --mappings file "${name}"`,
      read.errors.map((error) => error.message),
    );
  }
  return read.value;
}
