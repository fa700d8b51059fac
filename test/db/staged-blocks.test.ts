import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { loadAuditSnapshot } from '../../renderer/db/findings';
import { commitImport, type ImportToCommit } from '../../renderer/db/import-commit';
import {
  discardStagedBlocks,
  stagedByWorker,
  sweepUnclaimedBlocks,
  type StagedBlocks,
} from '../../renderer/db/staged-blocks';
import {
  openStagingDatabase,
  planStaging,
  writeStagedBlocks,
} from '../../renderer/db/staged-blocks-writer';
import { isoDate } from '../../shared/dates';
import type { BillDraft } from '../../shared/import/draft';
import { packDraftLines, type PackedDraftLines } from '../../shared/import/packed-lines';
import { draftWithPackedLines, packedLinesOf } from '../../shared/import/packed-drafts';
import type { Invoice } from '../../shared/model';
import { makeDraft, makeDraftInvoice, makeDraftLine, textBytes } from '../helpers/drafts';

let db: TemDeskDatabase;
let counter = 0;
const now = new Date('2026-12-02T10:00:00Z');
beforeEach(async () => {
  db = new TemDeskDatabase(`staged-blocks-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** A file of `invoices` invoices of `perInvoice` lines, packed as the worker hands them over. */
function packedImport(name: string, invoices: number, perInvoice: number): ImportToCommit {
  const made = Array.from({ length: invoices }, (_, i) =>
    makeDraftInvoice({ invoiceNumber: `${name}-${i}`, sourceFile: name, statedTotal: null }),
  );
  const lines = made.flatMap((invoice, i) =>
    Array.from({ length: perInvoice }, (_, row) =>
      makeDraftLine(invoice, 'recurring', 1_00 + row, {
        sourceRow: row + 2,
        serviceIdRaw: `555-010-${String((row + i) % 40).padStart(4, '0')}`,
        serviceKey: `+1555010${String((row + i) % 40).padStart(4, '0')}`,
      }),
    ),
  );
  const { lines: drafted, ...rest } = makeDraft(made, lines);
  return {
    uploads: [
      {
        fileName: name,
        bytes: textBytes(name),
        fileHash: name.padEnd(64, '0'),
        memberNames: [name],
      },
    ],
    drafts: [draftWithPackedLines(rest, packDraftLines(drafted))],
  };
}

/** What a test's stand-in for the import worker staged, and its writing itself. */
interface StagedLikeTheWorker extends StagedBlocks {
  /**
   * Settles when the writer is done. A stop ends the staging at once (as `terminate` does) but,
   * as a worker finishing the transactions it had made, this writer goes on to the end.
   */
  writing: Promise<unknown>;
}

/**
 * The drafts' blocks staged as the import worker stages them: planned, then written by the
 * worker's writer through raw IndexedDB into `db` once started (at once unless `waits`, as the
 * preview starts it once painted), `perTransaction` values per transaction. `fail`: an invoice
 * planned half way has no lines, so the writer fails there, the invoices before it written.
 */
function stageLikeTheWorker(
  drafts: readonly BillDraft[],
  { fail = false, waits = false, perTransaction = 200_000 } = {},
): StagedLikeTheWorker {
  const lines = drafts.map((draft) => packedLinesOf(draft) ?? null);
  const plan = planStaging(lines, () => `invoice-${crypto.randomUUID()}`);
  if (fail) {
    // Its writer fails half way: the invoices planned after this one are never written.
    const last = plan.length - 1;
    const planned = [...(plan[last] ?? [])];
    planned.splice(Math.floor(planned.length / 2), 0, {
      key: 'no such invoice',
      invoiceId: 'invoice-none',
      rows: 1,
      blocks: 1,
    });
    plan[last] = planned;
  }
  const byPacked = new WeakMap<PackedDraftLines, NonNullable<(typeof plan)[number]>>();
  lines.forEach((packed, i) => {
    const planned = plan[i];
    if (packed !== null && planned) byPacked.set(packed, planned);
  });
  let start: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    start = resolve;
  });
  let stopped = false;
  const writing = started.then(async () => {
    if (stopped) throw new Error('The worker stopped.');
    const database = await openStagingDatabase(indexedDB, db.name);
    try {
      return await writeStagedBlocks(database, lines, plan, perTransaction);
    } finally {
      database.close();
    }
  });
  writing.catch(() => undefined);
  let stop: (error: Error) => void = () => undefined;
  const totals = Promise.race([
    writing,
    new Promise<never>((_, reject) => {
      stop = reject;
    }),
  ]);
  const staged = stagedByWorker(
    {
      byPacked,
      invoiceIds: plan.flatMap((planned) => (planned ?? []).map(({ invoiceId }) => invoiceId)),
      totals,
      start,
      stop: () => {
        stopped = true;
        stop(new Error('The worker stopped.'));
      },
    },
    drafts,
  );
  if (!waits) staged.start();
  return Object.assign(staged, { writing });
}

/** Every stored invoice, block and total, ids replaced by the invoice's number. */
async function storedByNumber(database: TemDeskDatabase) {
  const invoices = await database.invoices.toArray();
  const numberOf = new Map(invoices.map((invoice) => [invoice.id, invoice.invoiceNumber]));
  const strip = ({
    id: _id,
    importBatchId: _batch,
    carrierId: _carrier,
    parts,
    ...rest
  }: Invoice) => ({ ...rest, parts: parts?.map(({ importBatchId: _part, ...part }) => part) });
  return {
    invoices: invoices.map(strip).sort((a, b) => a.invoiceNumber.localeCompare(b.invoiceNumber)),
    blocks: (await database.chargeBlocks.toArray())
      .map((block) => ({ ...block, invoiceId: numberOf.get(block.invoiceId) ?? 'no invoice' }))
      .sort((a, b) =>
        `${a.invoiceId}/${a.blockIndex}`.localeCompare(`${b.invoiceId}/${b.blockIndex}`),
      ),
    totals: (await database.serviceTotals.toArray())
      .map((totals) => ({ ...totals, invoiceId: numberOf.get(totals.invoiceId) ?? 'no invoice' }))
      .sort((a, b) => a.invoiceId.localeCompare(b.invoiceId)),
  };
}

/** Blocks whose invoice is not stored. */
async function orphanBlocks(database: TemDeskDatabase): Promise<number> {
  const invoices = new Set(await database.invoices.toCollection().primaryKeys());
  const keys = await database.chargeBlocks.toCollection().primaryKeys();
  return keys.filter(([invoiceId]) => !invoices.has(invoiceId)).length;
}

/** `db` holds what the same import committed without staging stores, and no orphan block. */
async function expectStoredAsWithoutStaging(input: () => ImportToCommit): Promise<void> {
  const other = new TemDeskDatabase(`staged-blocks-unstaged-${counter}`);
  await other.open();
  try {
    const same = await commitImport(other, input(), { now });
    if (!same.ok) throw new Error('refused');
    expect(await storedByNumber(db)).toEqual(await storedByNumber(other));
  } finally {
    await other.delete();
  }
  expect(await orphanBlocks(db)).toBe(0);
}

describe('charge-line blocks staged during the preview', () => {
  it('are claimed by the commit, which stores exactly what a commit without staging stores', async () => {
    const input = packedImport('march.csv', 12, 1_500);
    const staged = stageLikeTheWorker(input.drafts);
    await staged.written;
    expect(staged.finished()).toBe(true);
    expect(await db.chargeBlocks.count()).toBe(24);

    const outcome = await commitImport(db, input, { now, stagedBlocks: staged });
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.lines).toBe(18_000);
    // The invoices took the staged ids: their blocks were not written again.
    expect(new Set(outcome.invoiceIds)).toEqual(
      new Set(staged.invoices.map((invoice) => invoice.invoiceId)),
    );

    await expectStoredAsWithoutStaging(() => packedImport('march.csv', 12, 1_500));
  });

  it('not started, or still being written, when Import is pressed: the commit starts them, waits and claims every invoice', async () => {
    const input = packedImport('march.csv', 12, 1_500);
    const staged = stageLikeTheWorker(input.drafts, { waits: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The preview was not painted yet: nothing written.
    expect(await db.chargeBlocks.count()).toBe(0);
    expect(staged.finished()).toBe(false);
    const outcome = await commitImport(db, input, { now, stagedBlocks: staged });
    if (!outcome.ok) throw new Error('refused');
    expect(staged.finished()).toBe(true);
    expect(outcome.lines).toBe(18_000);
    expect(new Set(outcome.invoiceIds)).toEqual(
      new Set(staged.invoices.map((invoice) => invoice.invoiceId)),
    );
    await expectStoredAsWithoutStaging(() => packedImport('march.csv', 12, 1_500));
  });

  it('whose writing failed part way are claimed by no invoice: the commit writes every block itself and deletes them', async () => {
    const input = packedImport('march.csv', 12, 1_500);
    const staged = stageLikeTheWorker(input.drafts, { fail: true, perTransaction: 5_000 });
    await staged.written;
    expect(staged.finished()).toBe(false);
    // The six invoices before the failure were written, a transaction per block: none is taken.
    expect(await db.chargeBlocks.count()).toBe(12);
    const outcome = await commitImport(db, input, { now, stagedBlocks: staged });
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.lines).toBe(18_000);
    const stagedIds = new Set(staged.invoices.map((invoice) => invoice.invoiceId));
    expect(outcome.invoiceIds.filter((id) => stagedIds.has(id))).toEqual([]);
    await expectStoredAsWithoutStaging(() => packedImport('march.csv', 12, 1_500));
  });

  it('of lines the preview rebuilt are not claimed for the rebuilt lines, and go', async () => {
    const input = packedImport('march.csv', 3, 600);
    const staged = stageLikeTheWorker(input.drafts);
    await staged.written;
    // The page rebuilt the draft's lines (the same lines, other columns): no staged rows match.
    const rebuilt = input.drafts.map((draft) => {
      const { lines, ...rest } = draft;
      return draftWithPackedLines(rest, packDraftLines(lines));
    });
    const outcome = await commitImport(
      db,
      { ...input, drafts: rebuilt },
      { now, stagedBlocks: staged },
    );
    if (!outcome.ok) throw new Error('refused');
    const stagedIds = new Set(staged.invoices.map((invoice) => invoice.invoiceId));
    expect(outcome.invoiceIds.filter((id) => stagedIds.has(id))).toEqual([]);
    await expectStoredAsWithoutStaging(() => packedImport('march.csv', 3, 600));
  });

  it('swept before the commit (by another window) are written again by it', async () => {
    const input = packedImport('march.csv', 3, 2_500);
    const staged = stageLikeTheWorker(input.drafts);
    await staged.written;
    const [first] = staged.invoices;
    await db.chargeBlocks
      .where('invoiceId')
      .equals(first?.invoiceId ?? '')
      .delete();
    await db.chargeBlocks.delete([staged.invoices[1]?.invoiceId ?? '', 0]);

    const outcome = await commitImport(db, input, { now, stagedBlocks: staged });
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.lines).toBe(7_500);
    expect(await db.chargeBlocks.count()).toBe(9);
    expect(await orphanBlocks(db)).toBe(0);
    const invoices = await db.invoices.toArray();
    expect(invoices.map((invoice) => invoice.lineCount)).toEqual([2_500, 2_500, 2_500]);
  });

  it('are seen by no reader until claimed: not the checks, not a backup', async () => {
    const kept = await commitImport(db, packedImport('february.csv', 2, 500), { now });
    if (!kept.ok) throw new Error('refused');
    const staged = stageLikeTheWorker(packedImport('march.csv', 4, 1_200).drafts);
    await staged.written;
    expect(await orphanBlocks(db)).toBe(8);

    const snapshot = await loadAuditSnapshot(db, isoDate(2026, 12, 2));
    expect(new Set(snapshot.chargeBlocks.map((block) => block.invoiceId))).toEqual(
      new Set(kept.invoiceIds),
    );
    const dump = await dumpWorkspace(db);
    const dumped = (dump.tables.chargeBlocks ?? []) as { invoiceId: string }[];
    expect(dumped).toHaveLength(2);
    expect(new Set(dumped.map((block) => block.invoiceId))).toEqual(new Set(kept.invoiceIds));
  });

  it('are discarded when the preview is cancelled or read again, claimed blocks kept', async () => {
    const kept = await commitImport(db, packedImport('february.csv', 2, 500), { now });
    if (!kept.ok) throw new Error('refused');
    // A transaction per block: the worker is told to end while it writes.
    const staged = stageLikeTheWorker(packedImport('march.csv', 4, 1_200).drafts, {
      perTransaction: 5_000,
    });
    while ((await db.chargeBlocks.count()) === 2) await new Promise((r) => setTimeout(r, 0));
    const later: (() => Promise<void>)[] = [];
    await discardStagedBlocks(db, staged, (deleteAgain) => later.push(deleteAgain));
    // Ending, it still commits what it had made (here: to the end), after the first delete.
    await staged.writing;
    expect(await orphanBlocks(db)).toBeGreaterThan(0);
    // The second delete, a few seconds on, takes those too.
    expect(later).toHaveLength(1);
    await later[0]?.();
    expect(await db.chargeBlocks.count()).toBe(2);
    expect(await orphanBlocks(db)).toBe(0);
  });

  it('discarded or left unused, go alone: stored blocks of ids among theirs stay', async () => {
    const kept = await commitImport(db, packedImport('february.csv', 1, 500), { now });
    if (!kept.ok) throw new Error('refused');
    const stored = await db.invoices.get(kept.invoiceIds[0] ?? '');
    const [storedBlock] = await db.chargeBlocks.toArray();
    if (stored === undefined || storedBlock === undefined) throw new Error('nothing stored');
    const staged = stageLikeTheWorker(packedImport('march.csv', 6, 10).drafts);
    await staged.written;
    // Invoices stored under ids between the staged ones (ids sort as text).
    const between = staged.invoices.slice(0, -1).map(({ invoiceId }) => `${invoiceId}~`);
    for (const id of between) {
      await db.invoices.add({ ...stored, id, invoiceNumber: id });
      await db.chargeBlocks.add({ ...storedBlock, invoiceId: id });
    }
    // A commit of other drafts deletes the staged blocks it did not use, and only those.
    const other = await commitImport(db, packedImport('april.csv', 1, 10), {
      now,
      stagedBlocks: staged,
    });
    if (!other.ok) throw new Error('refused');
    expect(await orphanBlocks(db)).toBe(0);
    expect(await db.chargeBlocks.count()).toBe(between.length + 2);

    const again = stageLikeTheWorker(packedImport('may.csv', 6, 10).drafts);
    await again.written;
    for (const { invoiceId } of again.invoices.slice(0, -1)) {
      await db.invoices.add({ ...stored, id: `${invoiceId}~`, invoiceNumber: `${invoiceId}~` });
      await db.chargeBlocks.add({ ...storedBlock, invoiceId: `${invoiceId}~` });
    }
    await discardStagedBlocks(db, again, () => undefined);
    expect(await orphanBlocks(db)).toBe(0);
    expect(await db.chargeBlocks.count()).toBe(2 * between.length + 2);
  });

  it('are kept unclaimed by a refused commit, then discarded', async () => {
    const first = await commitImport(db, packedImport('march.csv', 2, 500), { now });
    if (!first.ok) throw new Error('refused');
    // The same file again: refused without Replace.
    const again = packedImport('march.csv', 2, 500);
    const staged = stageLikeTheWorker(again.drafts);
    await staged.written;
    const outcome = await commitImport(db, again, { now, stagedBlocks: staged });
    expect(outcome.ok).toBe(false);
    const ids = staged.invoices.map((invoice) => invoice.invoiceId);
    expect(await db.invoices.where(':id').anyOf(ids).count()).toBe(0);
    await discardStagedBlocks(db, staged, () => undefined);
    expect(await db.chargeBlocks.count()).toBe(2);
    expect(await orphanBlocks(db)).toBe(0);
  });

  it('left by a closed window are swept; those staged in this window are not', async () => {
    const staged = stageLikeTheWorker(packedImport('march.csv', 2, 500).drafts);
    await staged.written;
    const [block] = await db.chargeBlocks.toArray();
    if (block === undefined) throw new Error('nothing staged');
    await db.chargeBlocks.add({ ...block, invoiceId: 'invoice-of-a-closed-window' });
    expect(await sweepUnclaimedBlocks(db)).toBe(1);
    expect(await db.chargeBlocks.count()).toBe(2);
    const outcome = await commitImport(db, packedImport('april.csv', 1, 10), {
      now,
      stagedBlocks: staged,
    });
    if (!outcome.ok) throw new Error('refused');
    // A commit of other drafts claims none and deletes the staged blocks it did not use.
    expect(await orphanBlocks(db)).toBe(0);
    expect(await db.chargeBlocks.count()).toBe(1);
  });
});
