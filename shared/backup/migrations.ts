/**
 * Brings the records of a backup written by an older database schema up to the latest one, the
 * same way `renderer/db/schema.ts` upgrades a stored database: pure functions over the tables,
 * run in version order before the records are checked. A version that only added tables needs no
 * step (its tables are simply empty in older backups).
 */
import { serviceTotalsOfBlocks } from '../storage/service-totals';
import { lineAccountsOfBlocks, type ChargeBlock } from '../storage/charge-blocks';
import { chargeBlockSchema } from './schemas/billing';

/** Tables as read from a backup, by name. */
export type BackupTables = Record<string, unknown[]>;

/** One schema upgrade: applied to backups older than `toVersion`. */
export interface BackupMigration {
  toVersion: number;
  /** What it does, for messages and the README. */
  note: string;
  migrate(tables: BackupTables): void;
}

/** A record's text field, or undefined when the record or field is not what it should be. */
function textField(record: unknown, field: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(record, field)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Each invoice record with an id, and its blocks in order (those matching their schema). */
function invoicesWithBlocks(
  tables: BackupTables,
): { invoice: unknown; id: string; blocks: ChargeBlock[] }[] {
  const blocksByInvoice = new Map<string, ChargeBlock[]>();
  for (const record of tables['chargeBlocks'] ?? []) {
    const block = chargeBlockSchema.safeParse(record);
    if (!block.success) continue;
    const list = blocksByInvoice.get(block.data.invoiceId) ?? [];
    list.push(block.data);
    blocksByInvoice.set(block.data.invoiceId, list);
  }
  return (tables['invoices'] ?? []).flatMap((invoice) => {
    const id = textField(invoice, 'id');
    if (id === undefined) return [];
    const blocks = (blocksByInvoice.get(id) ?? []).sort((a, b) => a.blockIndex - b.blockIndex);
    return [{ invoice, id, blocks }];
  });
}

/**
 * Version 4 keeps per-invoice totals by service, computed as `schema.ts` computes them. Blocks
 * that do not match their schema are left out here; the check that follows reports them.
 */
function addServiceTotals(tables: BackupTables): void {
  tables['serviceTotals'] = invoicesWithBlocks(tables).map(({ id, blocks }) =>
    serviceTotalsOfBlocks(id, blocks),
  );
}

/**
 * Version 6, as the database's upgrade: an invoice whose lines name billing accounts of their own
 * lists them (`lineAccounts`), and its totals keep each line's account.
 */
function addLineAccounts(tables: BackupTables): void {
  const totals = new Map<string, unknown>();
  for (const record of tables['serviceTotals'] ?? []) {
    const id = textField(record, 'invoiceId');
    if (id !== undefined) totals.set(id, record);
  }
  for (const { invoice, id, blocks } of invoicesWithBlocks(tables)) {
    const lineAccounts = lineAccountsOfBlocks(blocks);
    if (lineAccounts === undefined || typeof invoice !== 'object' || invoice === null) continue;
    Object.assign(invoice, { lineAccounts });
    totals.set(id, serviceTotalsOfBlocks(id, blocks));
  }
  if (tables['serviceTotals'] !== undefined) tables['serviceTotals'] = [...totals.values()];
}

export const BACKUP_MIGRATIONS: readonly BackupMigration[] = [
  {
    toVersion: 4,
    note: 'per-invoice totals by service, computed from the stored charge lines',
    migrate: addServiceTotals,
  },
  {
    toVersion: 6,
    note: "invoices list the billing accounts their lines name, and their totals keep each line's",
    migrate: addLineAccounts,
  },
];

/**
 * Runs every migration after `fromVersion` up to `toVersion`, in order, on the tables (changed in
 * place). Returns false when a step failed on records it could not make sense of.
 */
export function migrateTables(
  tables: BackupTables,
  fromVersion: number,
  toVersion: number,
  migrations: readonly BackupMigration[] = BACKUP_MIGRATIONS,
): boolean {
  try {
    for (const step of migrations) {
      if (step.toVersion > fromVersion && step.toVersion <= toVersion) step.migrate(tables);
    }
    return true;
  } catch {
    // Records of a crafted or damaged backup can break a step; that is a refusal, not a crash.
    return false;
  }
}
