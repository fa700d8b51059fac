import type { DBCore, Middleware } from 'dexie';
import { fieldPacking, packingTable } from './field-packing';

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

/** A record's `keys` as runs (`packedKeys`), read back as the keys given. */
const totalsKeys = fieldPacking('keys', 'packedKeys', packKeys, (packed) =>
  isPackedKeys(packed) ? unpackKeys(packed) : null,
);

/**
 * Stores each invoice's per-service totals with their keys packed (see {@link packKeys}), below
 * every other layer of Dexie as `usagePacking` is (see `fieldPacking`): every reader, backup and restore sees the
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
        ? packingTable(down.table(name), totalsKeys.pack, totalsKeys.unpack)
        : down.table(name),
  }),
};
