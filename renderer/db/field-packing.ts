import type { DBCoreCursor, DBCoreTable } from 'dexie';

/**
 * How a middleware stores one field of a table's records packed (`usage-packing.ts`,
 * `service-totals-packing.ts`): the field is replaced, in the same place among the record's keys,
 * by `packedField` holding what `pack` made of it; a read puts the field back from it. `pack`
 * returns null for a value it cannot pack exactly, and the record is stored as it is; a record
 * stored as it is (before the packing, or not packable) reads as it is.
 */
export function fieldPacking(
  field: string,
  packedField: string,
  pack: (value: unknown[]) => unknown,
  unpack: (packed: unknown) => unknown[] | null,
): { pack: (record: unknown) => unknown; unpack: (record: unknown) => unknown } {
  return {
    pack: (record) => {
      if (typeof record !== 'object' || record === null || !(field in record)) return record;
      const value: unknown = (record as Record<string, unknown>)[field];
      if (packedField in record || !Array.isArray(value)) return record;
      const packed = pack(value);
      if (packed === null) return record;
      const stored: Record<string, unknown> = {};
      for (const [key, kept] of Object.entries(record))
        stored[key === field ? packedField : key] = key === field ? packed : kept;
      return stored;
    },
    unpack: (stored) => {
      if (typeof stored !== 'object' || stored === null || !(packedField in stored)) return stored;
      const value = unpack((stored as Record<string, unknown>)[packedField]);
      if (value === null) return stored;
      const record: Record<string, unknown> = {};
      for (const [key, kept] of Object.entries(stored))
        if (key === packedField) record[field] = value;
        else record[key] = kept;
      return record;
    },
  };
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
