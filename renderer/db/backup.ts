import {
  readBackup,
  writeBackup,
  type BackupExpectations,
  type ReadBackup,
  type ReadBackupOptions,
  type WorkspaceDump,
} from '../../shared/backup/format';
import type {
  actionLogSchema,
  attachmentSchema,
  exportPresetSchema,
  invoiceUsageSchema,
  originalFileSchema,
  serviceEventSchema,
  settingSchema,
} from '../../shared/backup/schemas';
import type { AllProven, Proof } from '../../shared/backup/schemas';
import { appBackupExpectations } from '../../shared/backup/app-expectations';
import type { Result } from '../../shared/result';
import { fillMissingServiceTotals } from './charges';
import type {
  ActionLogRecord,
  AttachmentRecord,
  ExportPresetRecord,
  InvoiceUsageRecord,
  OriginalFileRecord,
  ServiceEventRecord,
  SettingRecord,
  TemDeskDatabase,
} from './database';
import { LATEST_SCHEMA_VERSION } from './schema';
import { isTableCopySetting } from './table-copies';
import { blocksOfInvoices } from './staged-blocks';

/**
 * The build fails here when a record type of this database and the schema that checks it in a
 * backup drift apart (the model's own types are proven in `shared/backup/schemas/index.ts`).
 */
export type DatabaseSchemasInSync = AllProven<
  [
    Proof<typeof settingSchema, SettingRecord>,
    Proof<typeof originalFileSchema, OriginalFileRecord>,
    Proof<typeof invoiceUsageSchema, InvoiceUsageRecord>,
    Proof<typeof serviceEventSchema, ServiceEventRecord>,
    Proof<typeof attachmentSchema, AttachmentRecord>,
    Proof<typeof exportPresetSchema, ExportPresetRecord>,
    Proof<typeof actionLogSchema, ActionLogRecord>,
  ]
>;

/** What a backup must be to be restored here (shared with the command line's `--workspace`). */
export function backupExpectations(): BackupExpectations {
  return appBackupExpectations();
}

/**
 * Every table of the workspace, records exactly as stored, but for the originals and charge-line
 * blocks of an import still being previewed (staged, see db/staged-files and db/staged-blocks):
 * they belong to no batch or invoice yet.
 */
export async function dumpWorkspace(db: TemDeskDatabase): Promise<WorkspaceDump> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  const batches = new Set(
    (tables.importBatches ?? []).map((batch) => (batch as { id: string }).id),
  );
  tables.originalFiles = (tables.originalFiles ?? []).filter((file) =>
    batches.has((file as OriginalFileRecord).batchId),
  );
  // Nor its charge-line blocks, staged for invoices not stored yet (see db/staged-blocks).
  tables.chargeBlocks = blocksOfInvoices(
    (tables.chargeBlocks ?? []) as { invoiceId: string }[],
    (tables.invoices ?? []) as { id: string }[],
  );
  // A table's packed copy is derived data, rebuilt from the table: never in a backup.
  tables.settings = (tables.settings ?? []).filter(
    (setting) => !isTableCopySetting(setting as SettingRecord),
  );
  return { schemaVersion: LATEST_SCHEMA_VERSION, tables };
}

/** The `.temdesk` file of the whole workspace. */
export async function createBackup(
  db: TemDeskDatabase,
  meta: { appVersion: string; now?: Date; organizationName?: string },
): Promise<Uint8Array> {
  const dump = await dumpWorkspace(db);
  return writeBackup(
    dump,
    {
      appVersion: meta.appVersion,
      createdAt: (meta.now ?? new Date()).toISOString(),
      organizationName: meta.organizationName || undefined,
    },
    { level: 1 },
  );
}

/** Reads and validates a backup completely; nothing in the database is touched. */
export function inspectBackup(
  bytes: Uint8Array,
  options: ReadBackupOptions = {},
): Result<ReadBackup> {
  return readBackup(bytes, backupExpectations(), options);
}

/**
 * Replaces the whole workspace with a validated backup in ONE transaction: every table cleared and
 * refilled. If anything fails midway the transaction aborts and the current data stays as it was.
 */
export async function restoreWorkspace(db: TemDeskDatabase, dump: WorkspaceDump): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const all = dump.tables[table.name] ?? [];
      // A backup never holds a table's packed copy; one in a crafted file could disagree with the
      // table it claims to copy, so it is left out (the copy is rebuilt from the restored table).
      const records =
        table.name === 'settings'
          ? all.filter((setting) => !isTableCopySetting(setting as SettingRecord))
          : all;
      if (records.length > 0) await table.bulkAdd(records);
    }
    // A backup made before the dashboard kept totals per service gets them computed now.
    await fillMissingServiceTotals(db);
  });
}

/** File name of a backup made now, e.g. `temdesk-2026-11-26-1015.temdesk`. */
export function backupFileName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `temdesk-${stamp}.temdesk`;
}
