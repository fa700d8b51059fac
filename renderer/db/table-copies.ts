import type { DBCore, DBCoreQueryRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * A packed copy of the whole `services` table, kept in one settings record, so the pages that read
 * every service (the dashboard, Inventory) read one record instead of one per service. IndexedDB
 * reads many small records slowly: 20,000 services took 630-770 ms as records and 160-190 ms as
 * one record of the same objects in Chromium here.
 *
 * Never stale, by construction:
 * - every write transaction that includes `services` also includes `settings`, and every write to
 *   `services` deletes the copy in that same transaction (so it commits or aborts with it);
 * - the copy is rebuilt in one read-write transaction over both stores (nothing writes services
 *   meanwhile), from the table itself, never from records a page was handed (it may have changed
 *   them in memory).
 * A whole-table read (`db.services.toArray()`) gets the copy when there is one, else the records.
 * It sits below every other layer of Dexie, which sees the same records either way.
 */

/** The tables a copy is kept of. */
const COPIED_TABLES = ['services'];
const SETTINGS = 'settings';
/** Dexie's `DBCoreRangeType.Any` (a const enum, not importable as a value). */
const ANY_RANGE_TYPE = 3;
/** Every key: Dexie's own `AnyRange`. */
const WHOLE_RANGE = {
  type: ANY_RANGE_TYPE,
  lower: -Infinity,
  lowerOpen: false,
  upper: [[]],
  upperOpen: false,
};

/** The settings key a table's copy is kept under (never backed up, never restored). */
export function tableCopyKey(table: string): string {
  return `copy:${table}`;
}

/** Whether a settings record is a table copy (derived data: backups leave it out). */
export function isTableCopySetting(record: { key: string }): boolean {
  return COPIED_TABLES.some((table) => record.key === tableCopyKey(table));
}

interface CopyRecord {
  key: string;
  value: { records: unknown[] };
}

function isCopy(value: unknown): value is CopyRecord {
  if (typeof value !== 'object' || value === null || !('value' in value)) return false;
  const inner = value.value;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    'records' in inner &&
    Array.isArray(inner.records)
  );
}

/** Whether the transaction (an `IDBTransaction` at this level) can reach the settings store. */
function reachesSettings(trans: DBCoreTransaction): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return names !== undefined && names.contains(SETTINGS);
}

/** A read of every record in key order: what `Table.toArray()` asks for. */
function isWholeRead(req: DBCoreQueryRequest): boolean {
  return (
    req.values === true &&
    req.query.index.isPrimaryKey === true &&
    req.query.range.type === ANY_RANGE_TYPE &&
    (req.limit === undefined || req.limit === Infinity) &&
    (req.direction === undefined || req.direction === 'next')
  );
}

function copiedTable(table: DBCoreTable, settings: DBCoreTable, onStale: () => void): DBCoreTable {
  const key = tableCopyKey(table.name);
  return {
    ...table,
    mutate: async (req) => {
      if (reachesSettings(req.trans))
        await settings.mutate({ type: 'delete', trans: req.trans, keys: [key] });
      const result = await table.mutate(req);
      onStale();
      return result;
    },
    query: async (req) => {
      if (!isWholeRead(req) || !reachesSettings(req.trans)) return table.query(req);
      const stored: unknown = await settings.get({ trans: req.trans, key });
      if (isCopy(stored)) return { result: stored.value.records };
      onStale();
      return table.query(req);
    },
  };
}

/** Settles when a write transaction at the IndexedDB level commits. */
function committed(trans: DBCoreTransaction): Promise<void> {
  const idb = trans as IDBTransaction;
  return new Promise((resolve, reject) => {
    idb.addEventListener('complete', () => resolve());
    idb.addEventListener('abort', () => reject(idb.error ?? new Error('transaction aborted')));
    idb.addEventListener('error', () => reject(idb.error ?? new Error('transaction failed')));
  });
}

/**
 * Rebuilds the copy of every copied table that has none, each in one read-write transaction over
 * the table and `settings`. `core` is the level below the copies (the tables as stored).
 */
async function rebuild(core: DBCore): Promise<void> {
  for (const name of COPIED_TABLES) {
    const key = tableCopyKey(name);
    const table = core.table(name);
    const settings = core.table(SETTINGS);
    const trans = core.transaction([name, SETTINGS], 'readwrite');
    const done = committed(trans);
    try {
      if (!isCopy(await settings.get({ trans, key }))) {
        const { result } = await table.query({
          trans,
          values: true,
          query: { index: table.schema.primaryKey, range: WHOLE_RANGE },
        });
        await settings.mutate({
          type: 'put',
          trans,
          values: [{ key, value: { records: result } }],
        });
      }
    } catch (error) {
      trans.abort();
      throw error;
    }
    await done;
  }
}

/** When a stale copy is rebuilt: `schedule(run)` calls `run` later, once the app is idle. */
export interface TableCopyOptions {
  schedule?: (run: () => void) => void;
}

/** Runs `run` once the page has been idle a moment after the last call (debounced). */
export function whenIdle(quietMs = 1_500): ((run: () => void) => void) | undefined {
  if (typeof requestIdleCallback !== 'function') return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (run) => {
    if (timer !== undefined) clearTimeout(timer);
    // clock: a timer, not a date
    timer = setTimeout(() => {
      timer = undefined;
      requestIdleCallback(run, { timeout: 10_000 });
    }, quietMs);
  };
}

/** The middleware and, once the database is open, a rebuild of every missing copy. */
export function tableCopies(options: TableCopyOptions = {}): {
  middleware: Middleware<DBCore>;
  rebuild: () => Promise<void>;
} {
  let below: DBCore | undefined;
  const rebuildNow = async () => {
    if (below) await rebuild(below);
  };
  const onStale = () =>
    options.schedule?.(() => {
      // A rebuild that fails (the database closed meanwhile) leaves the copy missing: the tables
      // are read as records, as before, and the next write or read schedules another.
      rebuildNow().catch(() => undefined);
    });
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'TableCopies',
    // Below Dexie's own middlewares (-1 to 2), so its caches and change tracking see plain tables.
    level: -10,
    create: (down) => {
      below = down;
      return {
        ...down,
        transaction: (stores, mode, txOptions) =>
          down.transaction(
            stores.some((store) => COPIED_TABLES.includes(store)) && !stores.includes(SETTINGS)
              ? [...stores, SETTINGS]
              : stores,
            mode,
            txOptions,
          ),
        table: (name) =>
          COPIED_TABLES.includes(name)
            ? copiedTable(down.table(name), down.table(SETTINGS), onStale)
            : down.table(name),
      };
    },
  };
  return { middleware, rebuild: rebuildNow };
}
