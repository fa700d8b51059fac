import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import {
  packRecords,
  unpackRecords,
  type PackedRecords,
} from '../../shared/storage/packed-records';

/** The field a stored usage record keeps its records in when they are packed. */
const PACKED_FIELD = 'packedRecords';

/** The usage record to store: its `records` as columns when they pack exactly (same key order). */
export function packUsageValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('records' in value)) return value;
  if (PACKED_FIELD in value || !Array.isArray(value.records)) return value;
  const packed = packRecords(value.records as object[]);
  if (packed === null) return value;
  const stored: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    stored[key === 'records' ? PACKED_FIELD : key] = key === 'records' ? packed : field;
  return stored;
}

/** The usage record as it was given to {@link packUsageValue}; one stored unpacked as it is. */
export function unpackUsageValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(PACKED_FIELD in value)) return value;
  const record: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    if (key === PACKED_FIELD) record.records = unpackRecords(field as PackedRecords);
    else record[key] = field;
  return record;
}

/** A cursor whose values are unpacked (as Dexie's own middlewares wrap cursors). */
function unpackingCursor(cursor: DBCoreCursor, unpack: (value: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let unpacked: unknown;
  return Object.create(cursor, {
    value: {
      get() {
        const value: unknown = cursor.value;
        if (value !== raw) {
          raw = value;
          unpacked = unpack(value);
        }
        return unpacked;
      },
    },
    next: {
      value: () => cursor.next().then((next) => unpackingCursor(next, unpack)),
    },
  }) as DBCoreCursor;
}

/**
 * `table` with every value written through `pack` and every value read through `unpack`, by every
 * kind of read (get, getMany, query, cursors).
 */
export function packingTable(
  table: DBCoreTable,
  pack: (value: unknown) => unknown,
  unpack: (value: unknown) => unknown,
): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map(pack) })
        : table.mutate(req),
    get: (req) => table.get(req).then(unpack),
    getMany: (req) => table.getMany(req).then((values) => values.map(unpack)),
    query: (req) =>
      table
        .query(req)
        .then((response) =>
          req.values ? { ...response, result: response.result.map(unpack) } : response,
        ),
    openCursor: (req) =>
      table
        .openCursor(req)
        .then((cursor) =>
          cursor && req.values !== false ? unpackingCursor(cursor, unpack) : cursor,
        ),
  };
}

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
        ? packingTable(down.table(name), packUsageValue, unpackUsageValue)
        : down.table(name),
  }),
};
