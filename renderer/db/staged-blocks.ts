/**
 * Charge-line blocks written while the user looks at the preview, so the import's one transaction
 * does not pack and write them (most of a 100,000-line commit's time). As for the originals (see
 * db/staged-files), the commit only claims them.
 *
 * Each invoice a draft holds packed lines for gets an invoice id chosen ahead; its blocks are
 * packed and written under that id, a few per task. The commit gives a new invoice whose planned
 * rows are the very rows staged (`PackedRows.rows`: one array per draft and invoice key, the same
 * in every plan of that draft) the staged id and writes neither its blocks nor its totals. Until
 * then the blocks belong to no invoice: every reader of blocks goes through invoices (or skips
 * blocks of none), backups leave them out, the import discards them when cancelled, read again or
 * failed, and {@link sweepUnclaimedBlocks} removes any left by a closed window.
 */
import Dexie from 'dexie';
import {
  blockCountOfRows,
  packRowBlocks,
  serviceTotalsOfRows,
  ServiceScratch,
} from '../../shared/import/packed-blocks';
import type { BillDraft } from '../../shared/import/draft';
import {
  packedLinesOf,
  packedRowsByInvoice,
  type PackedRows,
} from '../../shared/import/packed-drafts';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks, type ServiceTotals } from '../../shared/storage/service-totals';
import { blockWeight, VALUES_PER_WRITE } from './bounded-writes';
import type { TemDeskDatabase } from './database';

/** One invoice's staged blocks. */
export interface StagedInvoice {
  invoiceId: string;
  /** The draft's packed lines the rows index (checked with the rows at the commit). */
  packed: PackedRows['packed'];
  /** How many blocks make the invoice's lines. */
  blocks: number;
  /**
   * Its per-service totals, summed once its blocks are all sent (the commit writes them with the
   * invoice); undefined until then, and the invoice is not claimed.
   */
  totals?: ServiceTotals;
}

/** What a preview staged. */
export interface StagedBlocks {
  /** By the rows of a draft's invoice (`PackedRows.rows`). */
  byRows: WeakMap<Uint32Array, StagedInvoice>;
  /** Every invoice staged, in the order written. */
  invoices: readonly StagedInvoice[];
  /** Settles when every block is written, or the staging stopped or failed. */
  written: Promise<void>;
  /** Whether every block was written (false while writing, and after a stop or failure). */
  finished(): boolean;
  /**
   * Stops writing after the write in flight (the blocks written stay until claimed or discarded):
   * `written` then settles at once.
   */
  stop(): void;
}

/** The invoice ids staged in this window, so a sweep never takes blocks a commit will claim. */
const stagedHere = new Set<string>();

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The keys of every stored block of the invoices `ids`, from one key read over the span of the ids
 * (then kept by id): Dexie's `inAnyRange` merges its ranges pairwise, a quadratic task of seconds
 * for the thousands of invoices a million lines make.
 */
async function blockKeysOf(
  db: TemDeskDatabase,
  ids: readonly string[],
): Promise<[string, number][]> {
  if (ids.length === 0) return [];
  let first = ids[0] ?? '';
  let last = first;
  for (const id of ids) {
    if (id < first) first = id;
    if (id > last) last = id;
  }
  const wanted = new Set(ids);
  const keys = await db.chargeBlocks
    .where('[invoiceId+blockIndex]')
    .between([first, Dexie.minKey], [last, Dexie.maxKey])
    .primaryKeys();
  return keys.filter(([invoiceId]) => wanted.has(invoiceId));
}

/**
 * Packs and writes the blocks of every invoice `drafts` hold packed lines for, under ids chosen
 * ahead, about {@link VALUES_PER_WRITE} values per write, each write its own transaction and the
 * page given a turn between them (the million-line import must have no long task).
 */
export function stageChargeBlocks(
  db: TemDeskDatabase,
  drafts: readonly BillDraft[],
  /** When to start writing (the preview painted first). */
  start: Promise<void> = Promise.resolve(),
): StagedBlocks {
  const byRows = new WeakMap<Uint32Array, StagedInvoice>();
  const work: { staged: StagedInvoice; rows: PackedRows }[] = [];
  for (const draft of drafts) {
    const packed = packedLinesOf(draft);
    if (packed === undefined) continue;
    for (const rows of packedRowsByInvoice(packed).values()) {
      if (rows.length === 0) continue;
      const packedRows = { packed, rows };
      const invoiceId = `invoice-${crypto.randomUUID()}`;
      stagedHere.add(invoiceId);
      // Totals are summed as the blocks are written (below); a placeholder until then.
      const staged: StagedInvoice = {
        invoiceId,
        packed,
        blocks: blockCountOfRows(packedRows),
      };
      byRows.set(rows, staged);
      work.push({ staged, rows: packedRows });
    }
  }
  let stopped = false;
  let done = false;
  const write = async () => {
    const scratch = new ServiceScratch();
    let inFlight: Promise<unknown> | null = null;
    let pending: ChargeBlock[] = [];
    let pendingWeight = 0;
    const send = async () => {
      const slice = pending;
      pending = [];
      pendingWeight = 0;
      const sent = db.chargeBlocks.bulkAdd(slice);
      sent.catch(() => undefined);
      const before = inFlight;
      inFlight = sent;
      // The next slice is packed while this one is written; one write waits for the other.
      if (before !== null) await before;
      await nextTask();
    };
    for (const { staged, rows } of work) {
      if (stopped) break;
      // The blocks of an invoice whose key column is plain are summed (see serviceTotalsOfRows).
      const own: ChargeBlock[] = [];
      const plain = rows.packed.serviceKey.index === null;
      let packed = 0;
      for (; packed < staged.blocks && !stopped; packed++) {
        const [block] = packRowBlocks(staged.invoiceId, rows, packed, packed + 1);
        if (block === undefined) break;
        if (plain) own.push(block);
        pending.push(block);
        pendingWeight += blockWeight(block);
        if (pendingWeight >= VALUES_PER_WRITE) await send();
      }
      if (packed < staged.blocks) break;
      staged.totals =
        serviceTotalsOfRows(staged.invoiceId, rows, scratch) ??
        serviceTotalsOfBlocks(staged.invoiceId, own);
    }
    if (!stopped && pending.length > 0) await send();
    if (inFlight !== null) await inFlight;
    done = !stopped;
    // The bench tells whether the blocks were all written before the user pressed Import.
    if (done) performance.mark('import:blocks-staged');
  };
  const written = work.length === 0 ? Promise.resolve() : start.then(write).catch(() => undefined);
  return {
    byRows,
    invoices: work.map(({ staged }) => staged),
    written,
    finished: () => done,
    stop: () => {
      stopped = true;
    },
  };
}

/**
 * The staged invoice ids whose blocks are all stored and claimed by no invoice (key reads only).
 * The commit calls this inside its transaction: blocks swept, or not all written when the staging
 * was stopped, are written again.
 */
export async function storedStagedBlocks(
  db: TemDeskDatabase,
  staged: StagedBlocks | undefined,
): Promise<Set<string>> {
  if (staged === undefined || staged.invoices.length === 0) return new Set();
  const ids = staged.invoices.map((invoice) => invoice.invoiceId);
  const keys = await blockKeysOf(db, ids);
  const counts = new Map<string, number>();
  for (const [invoiceId] of keys) counts.set(invoiceId, (counts.get(invoiceId) ?? 0) + 1);
  const claimed = new Set(await db.invoices.where(':id').anyOf(ids).primaryKeys());
  return new Set(
    staged.invoices
      .filter(
        ({ invoiceId, blocks, totals }) =>
          totals !== undefined &&
          stagedHere.has(invoiceId) &&
          !claimed.has(invoiceId) &&
          counts.get(invoiceId) === blocks,
      )
      .map(({ invoiceId }) => invoiceId),
  );
}

/** The staged invoice of `rows` when its blocks are among `stored`, else undefined. */
export function stagedInvoiceOf(
  staged: StagedBlocks | undefined,
  stored: ReadonlySet<string>,
  rows: PackedRows | undefined,
): StagedInvoice | undefined {
  if (staged === undefined || rows === undefined) return undefined;
  const found = staged.byRows.get(rows.rows);
  return found !== undefined && found.packed === rows.packed && stored.has(found.invoiceId)
    ? found
    : undefined;
}

/**
 * The staged invoice a planned invoice takes the id of, noted in `claimed`: a new invoice (not
 * one completing a stored invoice, which keeps its id) whose rows were staged and stored.
 */
export function claimStagedInvoice(
  staged: StagedBlocks | undefined,
  stored: ReadonlySet<string>,
  claimed: Set<string>,
  planned: { action: string; packedRows?: PackedRows },
): StagedInvoice | undefined {
  if (planned.action === 'complete') return undefined;
  const found = stagedInvoiceOf(staged, stored, planned.packedRows);
  if (found === undefined || claimed.has(found.invoiceId)) return undefined;
  claimed.add(found.invoiceId);
  return found;
}

/**
 * Deletes the staged blocks of every invoice id of `staged` but `used` (call inside the commit's
 * transaction: blocks it did not claim are gone with it, and stay if it rolls back).
 */
export async function deleteUnusedStagedBlocks(
  db: TemDeskDatabase,
  staged: StagedBlocks | undefined,
  used: ReadonlySet<string>,
): Promise<void> {
  const unused = (staged?.invoices ?? []).filter(({ invoiceId }) => !used.has(invoiceId));
  if (unused.length === 0) return;
  await db.chargeBlocks.bulkDelete(
    await blockKeysOf(
      db,
      unused.map(({ invoiceId }) => invoiceId),
    ),
  );
}

/** Marks staged blocks as settled by a committed import (claimed or deleted by it). */
export function settleStagedBlocks(staged: StagedBlocks): void {
  for (const { invoiceId } of staged.invoices) stagedHere.delete(invoiceId);
}

/**
 * Stops the staging and removes the staged blocks no invoice claimed (a cancelled preview, one
 * read again, a failed commit).
 */
export async function discardStagedBlocks(
  db: TemDeskDatabase,
  staged: StagedBlocks,
): Promise<void> {
  staged.stop();
  await staged.written;
  const ids = staged.invoices.map(({ invoiceId }) => invoiceId);
  if (ids.length > 0)
    await db.transaction('rw', db.chargeBlocks, db.invoices, async () => {
      // Only those still unclaimed: an invoice of that id means an import committed them.
      const claimed = new Set(await db.invoices.where(':id').anyOf(ids).primaryKeys());
      const unclaimed = ids.filter((id) => !claimed.has(id));
      if (unclaimed.length > 0) await db.chargeBlocks.bulkDelete(await blockKeysOf(db, unclaimed));
    });
  settleStagedBlocks(staged);
}

/**
 * Removes blocks of no invoice that were not staged in this window: blocks staged by a window
 * closed during its preview. Reads keys only.
 */
export async function sweepUnclaimedBlocks(db: TemDeskDatabase): Promise<number> {
  return db.transaction('rw', db.chargeBlocks, db.invoices, async () => {
    const invoices = new Set(await db.invoices.toCollection().primaryKeys());
    const keys = await db.chargeBlocks.toCollection().primaryKeys();
    const orphans = keys.filter(
      ([invoiceId]) => !invoices.has(invoiceId) && !stagedHere.has(invoiceId),
    );
    await db.chargeBlocks.bulkDelete(orphans);
    return orphans.length;
  });
}

/** Only the blocks of `invoices` (blocks staged for an import not committed yet belong to none). */
export function blocksOfInvoices<T extends { invoiceId: string }>(
  blocks: readonly T[],
  invoices: readonly { id: string }[],
): T[] {
  const ids = new Set(invoices.map((invoice) => invoice.id));
  return blocks.filter((block) => ids.has(block.invoiceId));
}
