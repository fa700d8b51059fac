/**
 * Reads table names and keys from a Dexie schema history (`version(n).stores({...})` strings), so
 * the backup reader checks keys the way the database will enforce them. Takes plain data: shared/
 * cannot import the renderer's `SCHEMA_HISTORY`, but the caller passes it in.
 */
import type { KeyPath, TableKeys } from './integrity';

/** One entry of a Dexie schema history: table name → store spec, `null` deleting the table. */
export interface SchemaStores {
  version: number;
  stores: Readonly<Record<string, string | null>>;
}

/** A Dexie index spec (`&name`, `++id`, `*tags`, `[a+b]`) → its key path. */
function keyPathOf(spec: string): KeyPath | undefined {
  const bare = spec.replace(/^(\+\+|&|\*)+/, '').trim();
  if (bare === '') return undefined;
  if (bare.startsWith('[') && bare.endsWith(']')) {
    return bare
      .slice(1, -1)
      .split('+')
      .map((part) => part.trim());
  }
  return bare;
}

/** The keys a Dexie store spec declares: its first entry is the primary key, `&` marks unique indexes. */
export function tableKeysFromStore(spec: string): TableKeys {
  const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
  const primaryKey = keyPathOf(primary);
  const unique = indexes
    .filter((index) => index.startsWith('&') && !index.includes('*'))
    .map(keyPathOf)
    .filter((keyPath) => keyPath !== undefined);
  return { ...(primaryKey === undefined ? {} : { primaryKey }), unique };
}

/**
 * The tables of the latest schema, their keys and the latest version, from the whole history; and
 * the tables each version had, so a backup claiming an old version is checked against that one.
 */
export function tableKeysFromSchema(history: readonly SchemaStores[]): {
  knownTables: string[];
  keys: Record<string, TableKeys>;
  latestSchemaVersion: number;
  tablesByVersion: Record<number, string[]>;
} {
  const stores = new Map<string, string>();
  let latestSchemaVersion = 0;
  const tablesByVersion: Record<number, string[]> = {};
  for (const entry of [...history].sort((a, b) => a.version - b.version)) {
    latestSchemaVersion = entry.version;
    for (const [table, spec] of Object.entries(entry.stores)) {
      if (spec === null) stores.delete(table);
      else stores.set(table, spec);
    }
    tablesByVersion[entry.version] = [...stores.keys()].sort();
  }
  const keys: Record<string, TableKeys> = {};
  for (const [table, spec] of stores) keys[table] = tableKeysFromStore(spec);
  return { knownTables: [...stores.keys()].sort(), keys, latestSchemaVersion, tablesByVersion };
}
