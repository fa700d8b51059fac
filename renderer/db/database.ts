import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ColumnMapping } from '../../shared/import/mapping';
import type {
  Account,
  AllocationRule,
  BudgetLine,
  Carrier,
  Contract,
  CostCenter,
  Dispute,
  Finding,
  ImportBatch,
  Invoice,
  Service,
  Site,
  UsageRecord,
} from '../../shared/model';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import { DATABASE_NAME, SCHEMA_HISTORY } from './schema';
import { serviceTotalsPacking } from './service-totals-packing';
import { tableCopies, whenIdle, type TableCopyOptions } from './table-copies';
import { usagePacking } from './usage-packing';

/** A stored setting: a key and any structured-clonable value (see `settings.ts` for the typed map). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The original bytes of an imported file, kept so the user can download it from the invoice. */
export interface OriginalFileRecord {
  batchId: string;
  fileName: string;
  /** MIME type guessed from the extension, for the download. */
  mediaType: string;
  bytes: Uint8Array;
}

/** One invoice's usage records, stored together (a few thousand at most per invoice). */
export interface InvoiceUsageRecord {
  invoiceId: string;
  records: UsageRecord[];
}

/** One step in a service's life (added, moved, re-planned, disconnected, edited), with what changed. */
export interface ServiceEventRecord {
  seq?: number;
  serviceId: string;
  /** ISO 8601 timestamp in UTC. */
  at: string;
  kind: 'added' | 'moved' | 'changed' | 'disconnected' | 'edited' | 'matched';
  /** A sentence for the history panel, e.g. `Moved from STR-0142 to STR-0007`. */
  summary: string;
  /** Field → [before, after], as displayed. */
  changes?: Record<string, [string, string]>;
}

/** A file attached to a record (a contract's signed PDF), kept byte for byte. */
export interface AttachmentRecord {
  id: string;
  /** The record it belongs to, e.g. a contract id. */
  ownerId: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  /** ISO 8601 timestamp in UTC. */
  addedAt: string;
}

/** A named column layout for chargeback exports (choose, order, rename). */
export interface ExportPresetRecord {
  id: string;
  name: string;
  columns: { field: string; header: string }[];
}

/** What the user did that can be undone or audited later ("Deleted invoice 123"). */
export interface ActionLogRecord {
  seq?: number;
  /** ISO 8601 timestamp in UTC. */
  at: string;
  action: string;
  summary: string;
}

/** The one Dexie class of the app. Every table is typed; the schema comes from `SCHEMA_HISTORY`. */
export class TemDeskDatabase extends Dexie {
  settings!: EntityTable<SettingRecord, 'key'>;
  carriers!: EntityTable<Carrier, 'id'>;
  accounts!: EntityTable<Account, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  originalFiles!: EntityTable<OriginalFileRecord, 'batchId'>;
  invoices!: EntityTable<Invoice, 'id'>;
  chargeBlocks!: Table<ChargeBlock, [string, number]>;
  usage!: EntityTable<InvoiceUsageRecord, 'invoiceId'>;
  columnMappings!: EntityTable<ColumnMapping, 'id'>;
  sites!: EntityTable<Site, 'id'>;
  costCenters!: EntityTable<CostCenter, 'id'>;
  services!: EntityTable<Service, 'id'>;
  serviceEvents!: EntityTable<ServiceEventRecord, 'seq'>;
  contracts!: EntityTable<Contract, 'id'>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  findings!: EntityTable<Finding, 'id'>;
  disputes!: EntityTable<Dispute, 'id'>;
  allocationRules!: EntityTable<AllocationRule, 'id'>;
  exportPresets!: EntityTable<ExportPresetRecord, 'id'>;
  actionLog!: EntityTable<ActionLogRecord, 'seq'>;
  serviceTotals!: EntityTable<ServiceTotals, 'invoiceId'>;
  budgets!: EntityTable<BudgetLine, 'id'>;

  /**
   * Rebuilds the packed copy of every table read whole (see table-copies.ts) that a write left
   * without one. The app does it by itself once idle after the write (in a browser); tests and
   * benchmarks call it to stand for that idle moment.
   */
  readonly rebuildTableCopies: () => Promise<void>;

  constructor(
    name = DATABASE_NAME,
    options?: ConstructorParameters<typeof Dexie>[1],
    copies: TableCopyOptions = { schedule: whenIdle() },
  ) {
    super(name, options);
    this.use(usagePacking);
    this.use(serviceTotalsPacking);
    const { middleware, rebuild } = tableCopies(copies);
    this.use(middleware);
    this.rebuildTableCopies = rebuild;
    for (const entry of SCHEMA_HISTORY) {
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade) version.upgrade(entry.upgrade);
    }
  }
}

let shared: TemDeskDatabase | undefined;

/** The app's database, opened lazily once per page. Tests create their own instances instead. */
export function appDatabase(): TemDeskDatabase {
  shared ??= new TemDeskDatabase();
  return shared;
}
