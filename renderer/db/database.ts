import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ColumnMapping } from '../../shared/import/mapping';
import type { Account, Carrier, ImportBatch, Invoice, UsageRecord } from '../../shared/model';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import { DATABASE_NAME, SCHEMA_HISTORY } from './schema';

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

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const entry of SCHEMA_HISTORY) {
      this.version(entry.version).stores(entry.stores);
    }
  }
}

let shared: TemDeskDatabase | undefined;

/** The app's database, opened lazily once per page. Tests create their own instances instead. */
export function appDatabase(): TemDeskDatabase {
  shared ??= new TemDeskDatabase();
  return shared;
}
