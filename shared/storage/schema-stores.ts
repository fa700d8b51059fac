/**
 * The tables and indexes of every version of the app's one IndexedDB database, oldest first, as
 * plain data: the renderer's Dexie class opens them (with its upgrade functions, in
 * `renderer/db/schema.ts`), and the backup reader checks a backup's keys against them in the app
 * and in the command line alike. Never edit a published entry: add a new version.
 */
import type { SchemaStores } from '../backup/schema-keys';

/** One version of the schema: its stores (table → Dexie store spec, `null` deleting it). */
export interface SchemaStoresEntry extends SchemaStores {
  /** What changed, for the README and the migration test's messages. */
  note: string;
}

export const SCHEMA_STORES: readonly SchemaStoresEntry[] = [
  {
    version: 1,
    note: 'Initial schema: settings, carriers, accounts, import batches, original files, invoices, packed charge blocks.',
    stores: {
      settings: 'key',
      carriers: 'id, &name',
      accounts: 'id, carrierId, &[carrierId+accountNumber]',
      importBatches: 'id, &fileHash, importedAt',
      originalFiles: 'batchId',
      invoices: 'id, &[carrierId+accountNumber+invoiceNumber], invoiceDate, importBatchId',
      chargeBlocks: '[invoiceId+blockIndex]',
    },
  },
  {
    version: 2,
    note: 'Bill import: usage per invoice, saved column mappings (by header signature).',
    stores: {
      usage: 'invoiceId',
      columnMappings: 'id, signature',
    },
  },
  {
    version: 3,
    note: 'Inventory, contracts, audit and chargeback: sites, cost centers, services (matched by key and alias keys) with their change history, contracts with attached files, findings, disputes, allocation rules, export presets, the action log.',
    stores: {
      sites: 'id, &code',
      costCenters: 'id, &code',
      services: 'id, serviceKey, *aliasKeys, siteId, accountId',
      serviceEvents: '++seq, serviceId',
      contracts: 'id, carrierId',
      attachments: 'id, ownerId',
      findings: 'id, ruleId, status',
      disputes: 'id, carrierId',
      allocationRules: 'id',
      exportPresets: 'id',
      actionLog: '++seq, at',
    },
  },
  {
    version: 4,
    note: 'Dashboard: per-invoice totals by service and charge category (serviceTotals), computed from the stored lines of every existing invoice.',
    stores: {
      serviceTotals: 'invoiceId',
    },
  },
  {
    version: 5,
    note: 'Budgets: one record per cost center (× carrier, blank for all) and month, in cents.',
    stores: {
      budgets: 'id, month, costCenterId',
    },
  },
  {
    version: 6,
    note: "Per-service totals of an invoice whose lines are billed on accounts of their own (a FAN's BANs, an EDI 811's sub-accounts) keep each line's account, computed again from the stored lines.",
    stores: {},
  },
];

/** The latest schema version. */
export const LATEST_SCHEMA_VERSION = SCHEMA_STORES[SCHEMA_STORES.length - 1]?.version ?? 0;
