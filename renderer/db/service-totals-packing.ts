import type { DBCore, Middleware } from 'dexie';
import { packingTable } from './usage-packing';

/** The field a stored `serviceTotals` record keeps its keys in when they are packed. */
const PACKED_FIELD = 'packedKeys';

/** `keys` as each run of equal keys once (`distinct`) and, per entry, the run it belongs to. */
interface PackedKeys {
  distinct: string[];
  at: Uint32Array;
}

/**
 * The keys of one invoice's per-service totals, each run of equal neighbours kept once: a
 * service's categories sit side by side, so a record names each service once instead of once per
 * category. IndexedDB clones every string of an array one by one, and reading those strings (and
 * collecting them) was most of the dashboard's read at a million lines.
 */
function packKeys(keys: readonly unknown[]): PackedKeys | null {
  const distinct: string[] = [];
  const at = new Uint32Array(keys.length);
  let last: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string') return null;
    if (key !== last || distinct.length === 0) {
      distinct.push(key);
      last = key;
    }
    at[i] = distinct.length - 1;
  }
  return { distinct, at };
}

function unpackKeys(packed: PackedKeys): string[] {
  const keys: string[] = [];
  for (let i = 0; i < packed.at.length; i++) keys.push(packed.distinct[packed.at[i] ?? 0] ?? '');
  return keys;
}

function isPackedKeys(value: unknown): value is PackedKeys {
  return (
    typeof value === 'object' &&
    value !== null &&
    'distinct' in value &&
    Array.isArray(value.distinct) &&
    'at' in value &&
    value.at instanceof Uint32Array
  );
}

/** The record to store: its `keys` packed (in the same place among its fields) when they can be. */
export function packServiceTotalsValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('keys' in value)) return value;
  if (PACKED_FIELD in value || !Array.isArray(value.keys)) return value;
  const packed = packKeys(value.keys as unknown[]);
  if (packed === null) return value;
  const stored: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    stored[key === 'keys' ? PACKED_FIELD : key] = key === 'keys' ? packed : field;
  return stored;
}

/** The record as given to {@link packServiceTotalsValue}; one stored unpacked reads as it is. */
export function unpackServiceTotalsValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(PACKED_FIELD in value)) return value;
  const packed = value[PACKED_FIELD];
  if (!isPackedKeys(packed)) return value;
  const record: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    if (key === PACKED_FIELD) record.keys = unpackKeys(packed);
    else record[key] = field;
  return record;
}

/**
 * Stores each invoice's per-service totals with their keys packed (see {@link packKeys}), below
 * every other layer of Dexie as `usagePacking` is: every reader, backup and restore sees the
 * records as written, and one stored before, unpacked, reads as it always did.
 */
export const serviceTotalsPacking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ServiceTotalsPacking',
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) =>
      name === 'serviceTotals'
        ? packingTable(down.table(name), packServiceTotalsValue, unpackServiceTotalsValue)
        : down.table(name),
  }),
};
