/** A small workspace holding every table shape of the current schema, for backup tests. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  tableKeysFromSchema,
  type BackupExpectations,
  type WorkspaceDump,
} from '../../../shared/backup/format';
import type { ColumnMapping } from '../../../shared/import/mapping';
import type { Account, Carrier, ImportBatch, Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { isoDate, isoMonth } from '../../../shared/dates/iso-date';
import { packChargeLines, type PackableLine } from '../../../shared/storage/charge-blocks';
import {
  binariesChecksum,
  manifestChecksum,
  type TableEntry,
} from '../../../shared/backup/manifest';
import { sha256Hex } from '../../../shared/backup/sha256';
import { TABLE_SCHEMAS } from '../../../shared/backup/schemas';
import { appBackupExpectations } from '../../../shared/backup/app-expectations';
import { SCHEMA_HISTORY } from '../../../renderer/db/schema';
import { V5_RECORDS } from '../../fixtures/db/v5';

const schema = tableKeysFromSchema(SCHEMA_HISTORY);

/** What the app will pass to `readBackup`: the real schema's tables and keys, and its references. */
export const EXPECTATIONS: BackupExpectations = {
  knownTables: schema.knownTables,
  latestSchemaVersion: schema.latestSchemaVersion,
  tablesByVersion: schema.tablesByVersion,
  keys: schema.keys,
  schemas: TABLE_SCHEMAS,
  references: [
    // The app's own, and stricter ones the tests check the reader with.
    ...appBackupExpectations().references,
    { table: 'importBatches', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
    { table: 'sites', field: 'costCenterId', references: { table: 'costCenters', key: 'id' } },
    { table: 'services', field: 'accountId', references: { table: 'accounts', key: 'id' } },
    { table: 'services', field: 'siteId', references: { table: 'sites', key: 'id' } },
    { table: 'serviceEvents', field: 'serviceId', references: { table: 'services', key: 'id' } },
    { table: 'contracts', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
    { table: 'disputes', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
    { table: 'findings', field: 'disputeId', references: { table: 'disputes', key: 'id' } },
  ],
};

export const META = {
  appVersion: '0.1.0',
  createdAt: '2024-09-01T08:30:00.000Z',
  organizationName: 'Acme Corp',
};

const carrier: Carrier = {
  id: 'car-vz',
  name: 'Verizon Business',
  defaultProfileId: 'verizon-raw-data',
};
const account: Account = {
  id: 'acc-1',
  carrierId: 'car-vz',
  accountNumber: '0012-345',
  status: 'open',
  billCycleDay: 22,
};

const batch: ImportBatch = {
  id: 'batch-acme',
  fileName: 'verizon-2024-08.zip',
  fileHash: 'ab'.repeat(32),
  fileSize: 6,
  importedAt: '2024-08-05T13:45:00.000Z',
  profileId: 'verizon-raw-data',
  carrierId: 'car-vz',
  counts: {
    rowsRead: 3,
    invoices: 1,
    chargeLines: 3,
    usageRecords: 1,
    rowsSkipped: 0,
    rowErrors: 0,
  },
  encoding: 'utf-8',
};

const invoice: Invoice = {
  id: 'inv-acme',
  carrierId: 'car-vz',
  accountNumber: '0012-345',
  invoiceNumber: '9876',
  invoiceDate: isoDate(2024, 8, 1),
  periodStart: isoDate(2024, 7, 2),
  periodEnd: isoDate(2024, 8, 1),
  statedTotal: cents(12_345),
  linesTotal: cents(12_345),
  lineCount: 3,
  categoryTotals: { recurring: cents(10_000), tax: cents(2_345) },
  status: 'reviewed',
  history: [
    { status: 'received', at: '2024-08-05T13:45:00.000Z' },
    { status: 'reviewed', at: '2024-08-06T09:00:00.000Z', note: 'Checked against contract' },
  ],
  importBatchId: 'batch-acme',
  sourceFile: 'AccountSummary.txt',
};

const lines: PackableLine[] = [
  {
    serviceIdRaw: '555-010-0001',
    serviceKey: '15550100001',
    description: 'Unlimited plan',
    category: 'recurring',
    quantity: 1,
    amount: cents(10_000),
    sourceRow: 2,
  },
  {
    serviceIdRaw: '',
    serviceKey: null,
    description: 'State 911 — "fee", ünïcødé',
    category: 'tax',
    quantity: null,
    amount: cents(2_345),
    sourceRow: 3,
    periodStart: isoDate(2024, 7, 2),
    periodEnd: isoDate(2024, 8, 1),
  },
  {
    serviceIdRaw: '555-010-0002',
    serviceKey: '15550100002',
    description: 'Credit\nwith a line break',
    category: 'credit',
    quantity: 2.5,
    amount: cents(0),
    sourceRow: 4,
  },
];

const mapping: ColumnMapping = {
  id: 'map-1',
  signature: 'account|invoice|amount',
  carrierName: 'Local Fiber Co',
  // Header text is user data: a header literally named like the backup's tags must survive.
  columns: { Account: 'accountNumber', $bin: 'ignore', $$odd: 'ignore', ['__proto__']: 'ignore' },
  dateOrder: 'MDY',
  decimal: '.',
  signConvention: 'credits-positive',
  defaultCategory: 'recurring',
};

/** Every byte value, so no byte is special. */
function allBytes(): Uint8Array {
  return Uint8Array.from({ length: 512 }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
}

/** Awkward records of our own, added to the frozen fixture's, to push every shape to its edges. */
function awkwardRecords(): Record<string, unknown[]> {
  const [block] = packChargeLines('inv-acme', lines);
  if (!block) throw new Error('fixture: no block');
  // The awkward numbers a Float64Array column can hold must come back bit for bit (amounts are
  // whole cents, so the other awkward doubles are kept in a setting below).
  block.quantity = Float64Array.from([Number.NaN, -0, 2 ** 53 - 1]);
  block.amount = Float64Array.from([-(2 ** 53 - 1), 0, 2 ** 53 - 1]);
  block.sourceRow = Uint32Array.from([0, 1, 0xffff_ffff]);
  const file = allBytes();
  file[0] = 0x00;
  file[1] = 0xff;
  return {
    settings: [
      { key: 'organization', value: { name: 'Acme Corp', fiscalYearStart: 4 } },
      { key: 'thresholds', value: [1, 2.5, -0, Number.NaN, Infinity, null, 'x', [true, false]] },
      { key: 'nothing', value: undefined },
      { key: 'lastBackupAt', value: new Date(Date.UTC(2024, 7, 1)) },
      { key: 'signature', value: Int32Array.from([-1, 0, 2 ** 31 - 1]) },
      { key: 'doubles', value: Float64Array.from([1e308, Number.MIN_VALUE, -0]) },
    ],
    carriers: [carrier, { id: 'car-att', name: 'AT&T Mobility' }],
    accounts: [account],
    importBatches: [batch],
    originalFiles: [
      {
        batchId: 'batch-acme',
        fileName: 'verizon-2024-08.zip',
        mediaType: 'application/zip',
        bytes: file,
      },
    ],
    invoices: [invoice],
    chargeBlocks: [block],
    usage: [
      {
        invoiceId: 'inv-acme',
        records: [
          {
            serviceKey: '15550100001',
            serviceIdRaw: '555-010-0001',
            month: isoMonth(2024, 8),
            invoiceId: 'inv-acme',
            minutes: 120.5,
            messages: 300,
            dataKb: 1_048_576,
            roamingMinutes: 0,
            roamingDataKb: 0,
            usageCharges: cents(0),
          },
        ],
      },
    ],
    columnMappings: [mapping],
  };
}

/**
 * A fresh workspace dump (a new one each call, so tests may change it): the frozen records of the
 * latest schema's migration fixture — one of every table — plus our awkward ones.
 */
export function makeWorkspace(): WorkspaceDump {
  const tables: Record<string, unknown[]> = {};
  for (const [name, records] of Object.entries(V5_RECORDS))
    tables[name] = structuredClone([...records]);
  for (const [name, records] of Object.entries(awkwardRecords())) {
    tables[name] = [...(tables[name] ?? []), ...records];
  }
  return { schemaVersion: schema.latestSchemaVersion, tables };
}

/**
 * {@link makeWorkspace} as the app could have written it: without the awkward charge block (its
 * amounts of ±(2⁵³ − 1) cents are beyond any bill), the invoice it belonged to then holding no
 * lines. The app's restore checks that figures agree (`billingConsistency`); this one passes.
 */
export function makeConsistentWorkspace(): WorkspaceDump {
  const dump = makeWorkspace();
  dump.tables['chargeBlocks'] = (dump.tables['chargeBlocks'] as { invoiceId: string }[]).filter(
    (block) => block.invoiceId !== 'inv-acme',
  );
  dump.tables['invoices'] = (dump.tables['invoices'] as { id: string }[]).map((invoice) =>
    invoice.id === 'inv-acme' ? { ...invoice, linesTotal: 0, lineCount: 0 } : invoice,
  );
  return dump;
}

/** The entries of a backup ZIP, to tamper with. */
export function entriesOf(backup: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(backup);
}

/** A ZIP of entries, written the way the backup writer writes them. */
export function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries, { level: 6, mtime: new Date(1980, 0, 1) });
}

/** The parsed manifest of a backup, to edit. */
export function manifestJson(entries: Record<string, Uint8Array>): Record<string, unknown> {
  const bytes = entries['manifest.json'];
  if (!bytes) throw new Error('fixture: no manifest');
  const json: unknown = JSON.parse(strFromU8(bytes));
  if (typeof json !== 'object' || json === null) throw new Error('fixture: bad manifest');
  return { ...json };
}

/** Entries with the manifest replaced. */
export function withManifest(
  entries: Record<string, Uint8Array>,
  manifest: unknown,
): Record<string, Uint8Array> {
  return { ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) };
}

/**
 * Entries with the manifest's checksums recomputed, as a careful forger would: what is left for
 * the reader to catch is what the checksums cannot (stray files, bad records, dangling references).
 */
export function resealed(entries: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const manifest = manifestJson(entries);
  const tables: Record<string, TableEntry> = {};
  for (const [path, bytes] of Object.entries(entries)) {
    const name = /^tables\/(.+)\.json$/.exec(path)?.[1];
    if (name === undefined) continue;
    const count = strFromU8(bytes).split('\n').length - 2;
    tables[name] = { count, sha256: sha256Hex(bytes), bytes: bytes.length };
  }
  const binaries = Object.keys(entries)
    .filter((path) => path.startsWith('binary/'))
    .sort((a, b) => parseInt(a.slice(7), 10) - parseInt(b.slice(7), 10))
    .map((path) => entries[path] ?? new Uint8Array());
  const sealed = {
    ...manifest,
    tables,
    binaries: {
      count: binaries.length,
      bytes: binaries.reduce((sum, bytes) => sum + bytes.length, 0),
      sha256: binariesChecksum(binaries),
    },
    formatVersion: 1,
    schemaVersion: Number(manifest['schemaVersion']),
  };
  return withManifest(entries, { ...sealed, checksum: manifestChecksum(sealed) });
}
