/**
 * The schema history of the one IndexedDB database, oldest first. Never edit a published entry:
 * add a new version with its `stores` and, when records change shape, an `upgrade`.
 * `test/db/migrations.test.ts` opens a database written by every earlier version and checks that
 * every record survives the upgrade to the latest one.
 *
 * Charge lines are not stored one record per line (IndexedDB writes ~6,700 records/s here):
 * they are packed per invoice in blocks of column arrays (`chargeBlocks`), and each invoice keeps
 * its own aggregates so the dashboard never needs the lines.
 */
import Dexie, { type Transaction } from 'dexie';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks } from '../../shared/storage/service-totals';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** What changed, for the README and the migration test's messages. */
  note: string;
  /** Fills in or reshapes records written by the version before, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DATABASE_NAME = 'tem-desk';

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
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
    upgrade: async (tx) => {
      const blocks = tx.table<ChargeBlock, [string, number]>('chargeBlocks');
      const invoiceIds = await tx
        .table<{ id: string }, string>('invoices')
        .toCollection()
        .primaryKeys();
      for (const invoiceId of invoiceIds) {
        const own = await blocks
          .where('[invoiceId+blockIndex]')
          .between([invoiceId, Dexie.minKey], [invoiceId, Dexie.maxKey])
          .toArray();
        await tx.table('serviceTotals').put(serviceTotalsOfBlocks(invoiceId, own));
      }
    },
  },
  {
    version: 5,
    note: 'Budgets: one record per cost center (× carrier, blank for all) and month, in cents.',
    stores: {
      budgets: 'id, month, costCenterId',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version ?? 0;
