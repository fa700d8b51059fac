import type { DBCore, Middleware } from 'dexie';
import {
  packRecords,
  unpackRecords,
  type PackedRecords,
} from '../../shared/storage/packed-records';
import { fieldPacking, packingTable } from './field-packing';

/**
 * A usage record's `records` as columns (`packedRecords`) when they pack exactly (same key order);
 * read back as the records given.
 */
const usageRecords = fieldPacking(
  'records',
  'packedRecords',
  (records) => packRecords(records as object[]),
  (packed) => unpackRecords(packed as PackedRecords),
);

/**
 * Stores each invoice's usage records as columns (see shared/storage/packed-records): a
 * million-line import's 271,000 records were its slowest write, cloned key by key. Below every
 * other layer of Dexie (its caches, hooks and change tracking see the records as they are), so
 * every reader, backup and restore is unchanged, and a record stored before, unpacked, reads as
 * it always did.
 */
export const usagePacking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'UsagePacking',
  // Dexie's own middlewares sit at -1 to 2; lower is nearer IndexedDB.
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) =>
      name === 'usage'
        ? packingTable(down.table(name), usageRecords.pack, usageRecords.unpack)
        : down.table(name),
  }),
};
