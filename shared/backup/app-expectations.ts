/**
 * What the app's own database expects of a backup: its tables and keys (from the schema's stores),
 * the references a restore insists on and each table's record schema. The app's restore and the
 * command line's `--workspace` read a `.temdesk` file with the same expectations, so a backup one
 * refuses the other refuses too.
 */
import { SCHEMA_STORES } from '../storage/schema-stores';
import type { BackupExpectations } from './read';
import { tableKeysFromSchema } from './schema-keys';
import { TABLE_SCHEMAS } from './schemas';

/**
 * References a restore insists on: the ones whose loss would corrupt what the user sees (a charge
 * block without its invoice, an invoice without its import). Looser links (a site's cost center)
 * are not checked, so a workspace with an imperfect link can always be restored.
 */
const REFERENCES: BackupExpectations['references'] = [
  { table: 'accounts', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
  { table: 'originalFiles', field: 'batchId', references: { table: 'importBatches', key: 'id' } },
  { table: 'invoices', field: 'importBatchId', references: { table: 'importBatches', key: 'id' } },
  { table: 'invoices', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
  {
    table: 'invoices',
    field: ['carrierId', 'accountNumber'],
    references: { table: 'accounts', key: ['carrierId', 'accountNumber'] },
  },
  { table: 'chargeBlocks', field: 'invoiceId', references: { table: 'invoices', key: 'id' } },
  { table: 'usage', field: 'invoiceId', references: { table: 'invoices', key: 'id' } },
  { table: 'serviceTotals', field: 'invoiceId', references: { table: 'invoices', key: 'id' } },
];

/** The expectations of the app's current database schema. */
export function appBackupExpectations(): BackupExpectations {
  return {
    ...tableKeysFromSchema(SCHEMA_STORES),
    references: REFERENCES,
    schemas: TABLE_SCHEMAS,
  };
}
