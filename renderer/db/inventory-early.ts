import { liveQuery } from 'dexie';
import type { TemDeskDatabase } from './database';
import { loadInventory, type InventoryData } from './inventory';

/** What a live read of the inventory reports, as Dexie's observables do. */
export interface InventoryObserver {
  next(value: InventoryData): void;
  error(error: unknown): void;
}

/** A live read of the inventory: it reports the data now and again whenever its tables change. */
export interface InventorySource {
  /** The data already read, if any: the page's first render can show it. */
  readonly latest: InventoryData | undefined;
  subscribe(observer: InventoryObserver): { unsubscribe(): void };
}

interface EarlyRead {
  db: TemDeskDatabase;
  latest?: InventoryData;
  failed?: { error: unknown };
  observer?: InventoryObserver;
  source?: InventorySource;
  stopped?: boolean;
  stop(): void;
}

let early: EarlyRead | undefined;

/** A fresh live read of the inventory (what the page uses unless it claims an early one). */
export function liveInventory(db: TemDeskDatabase): InventorySource {
  return {
    latest: undefined,
    subscribe: (observer) => liveQuery(() => loadInventory(db)).subscribe(observer),
  };
}

/**
 * Starts the Inventory's live read now, when the app opens on Inventory: the services are read
 * while the page's chunk (and AG Grid) still load, not after. The page claims it when it mounts;
 * unclaimed after `unclaimedMs` (the user went elsewhere first), it stops.
 */
export function startInventoryRead(db: TemDeskDatabase, unclaimedMs = 10_000): void {
  if (early) return;
  // Marks for the benchmark (test/bench/inventory.bench.ts): where an opening's time goes.
  performance.mark('inventory:read-start');
  const read: EarlyRead = { db, stop: () => undefined };
  const subscription = liveQuery(() => loadInventory(db)).subscribe({
    next: (value) => {
      if (!read.latest) performance.mark('inventory:read-done');
      read.latest = value;
      read.observer?.next(value);
    },
    error: (error: unknown) => {
      read.failed = { error };
      read.observer?.error(error);
    },
  });
  // clock: a timer, not a date
  const timer = globalThis.setTimeout(() => {
    if (!read.observer) read.stop();
  }, unclaimedMs);
  read.stop = () => {
    globalThis.clearTimeout(timer);
    subscription.unsubscribe();
    read.stopped = true;
    if (early === read) early = undefined;
  };
  early = read;
}

/**
 * The early read of `db`'s inventory, handed over once (its first subscriber gets what was read so
 * far, then every change); any later subscribe starts a fresh live read. Undefined when none runs.
 */
export function claimInventoryRead(db: TemDeskDatabase): InventorySource | undefined {
  const read = early;
  if (!read || read.db !== db) return undefined;
  return (read.source ??= handOver(read));
}

function handOver(read: EarlyRead): InventorySource {
  const { db } = read;
  let handedOver = false;
  return {
    get latest() {
      return handedOver || read.stopped ? undefined : read.latest;
    },
    subscribe(observer) {
      if (handedOver || read.stopped) return liveInventory(db).subscribe(observer);
      handedOver = true;
      read.observer = observer;
      if (read.failed) observer.error(read.failed.error);
      else if (read.latest) observer.next(read.latest);
      return {
        unsubscribe() {
          read.observer = undefined;
          read.stop();
        },
      };
    },
  };
}
