/**
 * The import worker's half of staging charge-line blocks (see db/staged-blocks): once it has
 * handed its drafts to the page, the worker that read them packs each invoice's blocks and writes
 * them under an invoice id it chose and sent with the drafts, on its own thread, while the page
 * shows the preview. The page's thread clones none of them, and on two cores the writing is done
 * by the time a user (or the benchmark's script) presses Import.
 *
 * Raw IndexedDB, not Dexie: the worker writes one store whose records Dexie stores as they are (no
 * middleware reshapes charge blocks), and opens the page's database at the version the page made.
 */
import {
  blockCountOfRows,
  packRowBlocks,
  ServiceScratch,
  serviceTotalsOfRows,
} from '../../shared/import/packed-blocks';
import { packedRowsByInvoice } from '../../shared/import/packed-drafts';
import type { PackedDraftLines } from '../../shared/import/packed-lines';
import { serviceTotalsOfBlocks, type ServiceTotals } from '../../shared/storage/service-totals';
import { blockWeight } from './bounded-writes';

/** One invoice of a draft whose blocks the worker writes. */
export interface PlannedStagedInvoice {
  /** The draft's invoice key (`PackedDraftLines.invoiceKey`): the page finds the rows by it. */
  key: string;
  /** The id its blocks are written under (the committed invoice takes it). */
  invoiceId: string;
  /** How many lines, and how many blocks they make (checked by the page against its rows). */
  rows: number;
  blocks: number;
}

/** Per outcome of a read (same index), the invoices staged for a draft (null: none). */
export type StagingPlan = (readonly PlannedStagedInvoice[] | null)[];

const CHARGE_BLOCKS = 'chargeBlocks';

/**
 * Values (see `blockWeight`) per transaction: some 40,000 lines. Each commits on its own, so a
 * worker ended part way leaves whole transactions, which the commit counts before it claims (and
 * a discard deletes again once such a worker is surely gone: see `discardStagedBlocks`).
 */
const VALUES_PER_TRANSACTION = 200_000;

/** An id per invoice of each draft's packed lines, in the order `packedRowsByInvoice` gives. */
export function planStaging(
  lines: readonly (PackedDraftLines | null)[],
  newInvoiceId: () => string,
): StagingPlan {
  return lines.map((packed) => {
    if (packed === null) return null;
    const planned: PlannedStagedInvoice[] = [];
    for (const [key, rows] of packedRowsByInvoice(packed)) {
      if (rows.length === 0) continue;
      planned.push({
        key,
        invoiceId: newInvoiceId(),
        rows: rows.length,
        blocks: blockCountOfRows({ packed, rows }),
      });
    }
    return planned.length > 0 ? planned : null;
  });
}

/**
 * Entries (a service's sum in one category) per `staged-part` message: a million lines' totals,
 * hundreds of thousands of keys, received as one message was a long task on the page.
 */
const TOTALS_PER_MESSAGE = 20_000;

/** The totals in parts of about {@link TOTALS_PER_MESSAGE} entries. */
export function totalsParts(totals: readonly ServiceTotals[]): ServiceTotals[][] {
  const parts: ServiceTotals[][] = [];
  let part: ServiceTotals[] = [];
  let entries = 0;
  for (const total of totals) {
    part.push(total);
    entries += total.keys.length;
    if (entries >= TOTALS_PER_MESSAGE) {
      parts.push(part);
      part = [];
      entries = 0;
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Whether a plan stages anything. */
export function stagesAny(plan: StagingPlan): boolean {
  return plan.some((planned) => planned !== null);
}

function settled(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('The staged blocks were not written.'));
    transaction.onerror = () => undefined;
  });
}

/**
 * Writes the blocks of every planned invoice and sums its per-service totals (returned, one per
 * invoice: the commit writes them with the invoice). Rejects when a write fails; the transactions
 * written before stay (the page deletes blocks no invoice claims).
 */
export async function writeStagedBlocks(
  database: IDBDatabase,
  lines: readonly (PackedDraftLines | null)[],
  plan: StagingPlan,
  valuesPerTransaction = VALUES_PER_TRANSACTION,
): Promise<ServiceTotals[]> {
  const totals: ServiceTotals[] = [];
  const scratch = new ServiceScratch();
  /** The transaction being filled, and the one before it, still committing. */
  let transaction: IDBTransaction | null = null;
  let committing: Promise<void> | null = null;
  let weight = 0;
  /**
   * Ends the transaction being filled: the next is filled while it commits, and no more than two
   * are ever made ahead, so a worker ended part way has made at most the one after it.
   */
  const close = async () => {
    if (transaction === null) return;
    const done = settled(transaction);
    done.catch(() => undefined);
    transaction = null;
    weight = 0;
    const before = committing;
    committing = done;
    if (before !== null) await before;
  };
  for (const [i, planned] of plan.entries()) {
    const packed = lines[i];
    if (planned === null || packed === null || packed === undefined) continue;
    const rowsByKey = packedRowsByInvoice(packed);
    for (const { key, invoiceId } of planned) {
      const rows = rowsByKey.get(key);
      if (rows === undefined) throw new Error(`No lines of invoice key "${key}" to stage.`);
      const packedRows = { packed, rows };
      const blocks = packRowBlocks(invoiceId, packedRows, 0, Number.POSITIVE_INFINITY);
      for (const block of blocks) {
        transaction ??= database.transaction(CHARGE_BLOCKS, 'readwrite');
        transaction.objectStore(CHARGE_BLOCKS).add(block);
        weight += blockWeight(block);
        if (weight >= valuesPerTransaction) await close();
      }
      totals.push(
        serviceTotalsOfRows(invoiceId, packedRows, scratch) ??
          serviceTotalsOfBlocks(invoiceId, blocks),
      );
    }
  }
  await close();
  await committing;
  return totals;
}

/**
 * The page's database, opened at the version it has. Refuses a database that does not exist (the
 * page makes it, with its schema; a worker must not make an empty one) or has no charge blocks.
 */
export function openStagingDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only a database that did not exist upgrades here: made by nobody, it is not made now.
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const database = request.result;
      // A newer page upgrading the schema must not wait for this worker.
      database.onversionchange = () => database.close();
      if (!database.objectStoreNames.contains(CHARGE_BLOCKS)) {
        database.close();
        reject(new Error('The database has no charge blocks to stage into.'));
        return;
      }
      resolve(database);
    };
    request.onerror = () => reject(request.error ?? new Error('The database could not be opened.'));
  });
}
