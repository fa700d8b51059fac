/**
 * Charge-line blocks written while the user looks at the preview, so the import's one transaction
 * does not pack and write them (most of a 100,000-line commit's time). As for the originals (see
 * db/staged-files), the commit only claims them.
 *
 * The worker that read the drafts writes them (see db/staged-blocks-writer), once it has answered:
 * each invoice of a draft's packed lines gets an invoice id chosen there and sent with the drafts,
 * and its blocks are written under that id on the worker's thread. The commit gives a new invoice
 * whose planned rows are the very rows staged (`PackedRows.rows`: one array per draft and invoice
 * key, the same in every plan of that draft) the staged id and writes neither its blocks nor its
 * totals. Until then the blocks belong to no invoice: every reader of blocks goes through invoices
 * (or skips blocks of none), backups leave them out, the import discards them when cancelled, read
 * again or failed, and {@link sweepUnclaimedBlocks} removes any left by a closed window.
 */
import Dexie from 'dexie';
import { blockCountOfRows } from '../../shared/import/packed-blocks';
import type { BillDraft } from '../../shared/import/draft';
import {
  packedLinesOf,
  packedRowsByInvoice,
  type PackedRows,
} from '../../shared/import/packed-drafts';
import type { PackedDraftLines } from '../../shared/import/packed-lines';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import type { TemDeskDatabase } from './database';
import type { PlannedStagedInvoice } from './staged-blocks-writer';

/** One invoice's staged blocks. */
export interface StagedInvoice {
  invoiceId: string;
  /**
   * The draft's packed lines the rows index (checked with the rows at the commit); undefined for
   * an invoice staged for lines the preview no longer holds (the commit deletes its blocks).
   */
  packed?: PackedRows['packed'];
  /** How many blocks make the invoice's lines. */
  blocks: number;
  /**
   * Its per-service totals, summed once its blocks are all written (the commit writes them with
   * the invoice); undefined until then, and the invoice is not claimed.
   */
  totals?: ServiceTotals;
}

/** What a preview staged. */
export interface StagedBlocks {
  /** The invoice staged for the rows of a draft's invoice (`PackedRows`), if any. */
  of(rows: PackedRows): StagedInvoice | undefined;
  /** Every invoice staged. */
  invoices: readonly StagedInvoice[];
  /**
   * Starts the writing (the preview calls it once painted; the commit, if it comes first). Until
   * then the workers wait: on two cores, writing would slow the page building the preview.
   */
  start(): void;
  /**
   * Settles when every block is written, or the staging stopped or failed. The commit starts the
   * writing and waits for it: it goes on in the workers, on the other core, and is soon done.
   */
  written: Promise<void>;
  /** Whether every block was written (false while writing, and after a stop or failure). */
  finished(): boolean;
  /** Stops writing at once (the blocks written stay until claimed or discarded). */
  stop(): void;
}

/** The blocks a read's workers write after answering (see `readInWorker`). */
export interface WorkerStaging {
  /** Each draft's staged invoices, by the draft's packed lines as the worker handed them over. */
  byPacked: WeakMap<PackedDraftLines, readonly PlannedStagedInvoice[]>;
  /** Every invoice id they write blocks under. */
  invoiceIds: readonly string[];
  /** Every staged invoice's per-service totals, once all blocks are written; rejects on failure. */
  totals: Promise<ServiceTotals[]>;
  /** Tells the workers to write (they wait for it after answering). */
  start(): void;
  /** Ends the writing (its workers terminated). */
  stop(): void;
}

/** The invoice ids staged in this window, so a sweep never takes blocks a commit will claim. */
const stagedHere = new Set<string>();

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
 * The preview's staged blocks, from what the workers write. A draft's planned invoice is found
 * among its rows by its key when the commit asks (the commit groups the rows anyway; a million
 * lines grouped here as well would be one long task as the read ends), and taken only with as
 * many rows and blocks as the worker counted. An invoice of lines the drafts no longer hold
 * (rebuilt on the page) is never claimed, and its blocks go.
 */
export function stagedByWorker(staging: WorkerStaging, drafts: readonly BillDraft[]): StagedBlocks {
  /** Each draft's planned invoices by key, by its packed lines as the page holds them. */
  const byPacked = new Map<PackedDraftLines, Map<string, StagedInvoice & { rows: number }>>();
  const byId = new Map<string, StagedInvoice>();
  for (const draft of drafts) {
    const packed = packedLinesOf(draft);
    const planned = packed === undefined ? undefined : staging.byPacked.get(packed);
    if (packed === undefined || planned === undefined) continue;
    const byKey = new Map<string, StagedInvoice & { rows: number }>();
    for (const { key, invoiceId, rows, blocks } of planned) {
      const staged = { invoiceId, packed, blocks, rows };
      byKey.set(key, staged);
      byId.set(invoiceId, staged);
    }
    byPacked.set(packed, byKey);
  }
  /** Per draft's packed lines, its invoices' rows → the invoice staged for them. */
  const byRows = new WeakMap<PackedDraftLines, WeakMap<Uint32Array, StagedInvoice>>();
  const of = ({ packed, rows }: PackedRows): StagedInvoice | undefined => {
    let found = byRows.get(packed);
    if (found === undefined) {
      found = new WeakMap();
      for (const [key, keyRows] of packedRowsByInvoice(packed)) {
        const staged = byPacked.get(packed)?.get(key);
        if (staged === undefined || staged.rows !== keyRows.length) continue;
        if (blockCountOfRows({ packed, rows: keyRows }) !== staged.blocks) continue;
        found.set(keyRows, staged);
      }
      byRows.set(packed, found);
    }
    return found.get(rows);
  };
  const invoices = staging.invoiceIds.map((invoiceId) => {
    stagedHere.add(invoiceId);
    return byId.get(invoiceId) ?? { invoiceId, blocks: 0 };
  });
  let done = false;
  const written = staging.totals.then(
    (totals) => {
      for (const total of totals) {
        const staged = byId.get(total.invoiceId);
        if (staged !== undefined) staged.totals = total;
      }
      done = true;
      // The bench tells whether the blocks were all written before the user pressed Import.
      performance.mark('import:blocks-staged');
    },
    (error: unknown) => {
      // Not the user's concern (the commit writes what was not staged), but a staging that keeps
      // failing would make every import write its blocks twice: said where a developer looks.
      if (!(error instanceof Error && error.name === 'ReadCancelled'))
        console.warn('The staged charge blocks were not all written:', error);
    },
  );
  return {
    of,
    invoices,
    start: () => staging.start(),
    written,
    finished: () => done,
    stop: () => staging.stop(),
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
  const found = staged.of(rows);
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
 * How long after a discard its blocks are deleted again: a worker told to end may still finish
 * the transaction it had made (and make one more) after the first delete.
 */
export const DISCARD_AGAIN_MS = 3_000;

/** Deletes the blocks of `ids` that no invoice claimed (an invoice of that id means a commit did). */
async function deleteUnclaimed(db: TemDeskDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.chargeBlocks, db.invoices, async () => {
    const claimed = new Set(
      await db.invoices
        .where(':id')
        .anyOf([...ids])
        .primaryKeys(),
    );
    const unclaimed = ids.filter((id) => !claimed.has(id));
    if (unclaimed.length > 0) await db.chargeBlocks.bulkDelete(await blockKeysOf(db, unclaimed));
  });
}

/**
 * Stops the staging and removes the staged blocks no invoice claimed (a cancelled preview, one
 * read again, a failed commit), then again {@link DISCARD_AGAIN_MS} later: what a worker ending
 * wrote after the first delete goes too. Settles after the first delete; the second is `again`.
 */
export async function discardStagedBlocks(
  db: TemDeskDatabase,
  staged: StagedBlocks,
  again: (deleteAgain: () => Promise<void>) => void = (deleteAgain) => {
    setTimeout(() => void deleteAgain().catch(() => undefined), DISCARD_AGAIN_MS);
  },
): Promise<void> {
  staged.stop();
  await staged.written;
  const ids = staged.invoices.map(({ invoiceId }) => invoiceId);
  await deleteUnclaimed(db, ids);
  again(async () => {
    await deleteUnclaimed(db, ids);
    settleStagedBlocks(staged);
  });
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
