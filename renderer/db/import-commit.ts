/**
 * Applies a bill import to the database: the plan (`shared/ledger/bills.ts`) decides what is
 * added, completed or replaced; this module only writes it, in one transaction.
 */
import { MANUAL_PROFILE_ID } from '../../shared/billing/manual-invoice';
import { packRows, ServiceScratch, serviceTotalsOfRows } from '../../shared/import/packed-blocks';
import {
  invoiceOfPlan,
  joinedInvoice,
  plannedLineCount,
  usageRecordsOf,
} from '../../shared/ledger/bills';
import type { Invoice } from '../../shared/model';
import { packChargeLines, type ChargeBlock } from '../../shared/storage/charge-blocks';
import { serviceTotalsOfBlocks, type ServiceTotals } from '../../shared/storage/service-totals';
import { approvalPolicyOf, APPROVAL_KEYS, decideBeforeStoring } from './approvals';
import { attachStoredUsage, type AddedUsage } from './attach-usage';
import { batchRecordsOf, type BatchStats } from './import-batches';
import {
  blockWeight,
  BYTES_PER_WRITE,
  invoiceWeight,
  totalsWeight,
  usageWeight,
  VALUES_PER_WRITE,
  writeBounded,
  WritePipeline,
} from './bounded-writes';
import { deleteInvoiceRecords, Refused, refusedOutcome, renumbered } from './import-records';
import type { InvoiceUsageRecord, TemDeskDatabase } from './database';
import { mediaTypeOf } from './media-types';
import {
  deleteUnusedStagedBlocks,
  settleStagedBlocks,
  claimStagedInvoice,
  storedStagedBlocks,
  type StagedBlocks,
} from './staged-blocks';
import { claimStagedFiles, storedStagedFiles } from './staged-files';
import { recordsBeforeJoin, type CompletedBefore } from './undo-completion';
import {
  batchInUse,
  blocksImport,
  findImportConflicts,
  orgResolverOf,
  planAgainstStored,
  replaceable,
  storedInvoicesOf,
  uploadLookup,
  type ImportConflict,
  type ImportToCommit,
  type UploadToCommit,
} from './import-conflicts';

export { deleteInvoiceRecords } from './import-records';
export {
  findImportConflicts,
  type ImportConflict,
  type ImportToCommit,
  type UploadToCommit,
} from './import-conflicts';

export type CommitOutcome =
  | {
      ok: true;
      batchIds: string[];
      invoiceIds: string[];
      replacedInvoices: number;
      /** Stored invoices a companion file completed (they keep their id, status and history). */
      completedInvoices: number;
      lines: number;
      /** Usage records a usage-only file added to invoices stored earlier (see db/attach-usage). */
      attachedUsage: number;
      /** Exactly the usage figures added to stored invoices, for Undo (see db/undo-usage-import). */
      addedUsage: AddedUsage[];
      /** The stored invoices completed, as they were before, for Undo (see db/undo-completion). */
      completedBefore: CompletedBefore[];
    }
  | { ok: false; conflicts: ImportConflict[] };

function linesOf(blocks: readonly ChargeBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.count, 0);
}

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Every table an import writes (a caller wrapping the commit in its own transaction needs them all). */
export function importTables(db: TemDeskDatabase) {
  return [
    db.importBatches,
    db.originalFiles,
    db.carriers,
    db.accounts,
    db.invoices,
    db.chargeBlocks,
    db.serviceTotals,
    db.usage,
  ];
}

/**
 * Commits an import in ONE transaction: a batch and the original bytes per uploaded file, carriers
 * and accounts met for the first time, invoices with their aggregates, packed charge lines and
 * usage; a stored invoice completed by a companion file keeps its id, status and history. Any
 * failure rolls everything back. With conflicts, nothing is written unless `replace` is true, in
 * which case the older invoices (and a re-imported file's batch) are replaced — never added twice.
 */
export async function commitImport(
  db: TemDeskDatabase,
  input: ImportToCommit,
  options: {
    replace?: boolean;
    sample?: boolean;
    now?: Date;
    /**
     * Run the approval policy in the commit's transaction (default). A caller committing inside
     * its own transaction passes false and runs it after, as the policy reads tables outside the
     * import's.
     */
    approvalPolicy?: boolean;
    /** Blocks written during the preview (see db/staged-blocks): waited for, then claimed. */
    stagedBlocks?: StagedBlocks;
  } = {},
): Promise<CommitOutcome> {
  const { stagedBlocks } = options;
  // Not started or still writing when the user pressed Import: the commit starts it and waits for
  // it (the workers write on the other core, in a few large transactions). Blocks of a staging
  // that failed are not claimed: the commit writes those invoices' blocks itself and deletes them.
  stagedBlocks?.start();
  await stagedBlocks?.written;
  const now = options.now ?? new Date();
  const importedAt = now.toISOString();
  const uploadOf = uploadLookup(input);
  const withPolicy = options.approvalPolicy !== false;
  // The approval policy runs in the same transaction (it reads a few more tables): the new invoices
  // are written once, decided, and there is never a moment with them undecided.
  const tables = withPolicy
    ? [...importTables(db), db.services, db.findings, db.settings]
    : importTables(db);
  const written = db.transaction('rw', tables, async (): Promise<CommitOutcome> => {
    // The policy's settings are asked for first (nothing here writes them): their answer is in
    // before the invoices are decided, without one more round trip then (and, turned off, the
    // policy reads nothing). (A Dexie request's own promise: an async function's, pending across
    // the awaits below, would end the transaction early.)
    const policy = withPolicy ? db.settings.get(APPROVAL_KEYS.policy) : undefined;
    // Awaited once the invoices are made; a commit refused before then must not leave it unhandled.
    policy?.catch(() => undefined);
    const conflicts = await findImportConflicts(db, input);
    const blocking = conflicts.filter(
      (c) => blocksImport(c) && (!options.replace || !replaceable(c)),
    );
    if (blocking.length > 0) return { ok: false, conflicts: blocking };

    let replacedInvoices = 0;
    const batchIdByUpload = new Map<UploadToCommit, string>();
    // Originals written while the files were read (see db/staged-files) become the batches' own.
    const staged = await storedStagedFiles(
      db,
      input.uploads.flatMap((upload) => (upload.stagedBatchId ? [upload.stagedBatchId] : [])),
    );
    /** Batches of files imported before whose invoices still stored stay, the others joining them. */
    const keptBatches = new Set<string>();
    for (const upload of input.uploads) {
      // A re-imported file replaces its earlier batch, with every invoice that batch brought;
      // without "replace", a file some of whose invoices were deleted since adds them back to it.
      const oldBatches = await db.importBatches.where('fileHash').equals(upload.fileHash).toArray();
      for (const old of oldBatches) {
        const oldInvoices = await db.invoices.where('importBatchId').equals(old.id).primaryKeys();
        if (!options.replace && (await batchInUse(db, old.id))) {
          keptBatches.add(old.id);
          batchIdByUpload.set(upload, old.id);
          continue;
        }
        for (const invoiceId of oldInvoices) await deleteInvoiceRecords(db, invoiceId);
        replacedInvoices += oldInvoices.length;
        await db.importBatches.delete(old.id);
        await db.originalFiles.delete(old.id);
      }
      if (batchIdByUpload.has(upload)) continue;
      const stagedId = upload.stagedBatchId;
      batchIdByUpload.set(
        upload,
        stagedId !== undefined && staged.has(stagedId) ? stagedId : newId('batch'),
      );
    }
    const batchOfFile = (sourceFile: string) => {
      const upload = uploadOf(sourceFile);
      return (upload && batchIdByUpload.get(upload)) ?? newId('batch');
    };

    const blocksStaged = await storedStagedBlocks(db, stagedBlocks);
    const claimedBlocks = new Set<string>();
    const org = await orgResolverOf(db);
    const stored = await storedInvoicesOf(db, input.drafts, org);
    const plan = await planAgainstStored(db, input.drafts, org, stored, {
      replace: options.replace,
    });
    if (plan.needsStored.length > 0) {
      // The preview reads companion files with the stored originals; a plan that still needs them
      // (originals gone) must not store half an invoice.
      // Thrown, not returned: Replace may have deleted a re-imported file's invoices above, and
      // the refusal must take that back (a transaction that returns commits).
      throw new Refused(await findImportConflicts(db, input));
    }
    await db.carriers.bulkAdd(org.createdCarriers);
    await db.accounts.bulkAdd(org.createdAccounts);
    // Accounts known from set-up files that a bill gave back the leading zeros of its number.
    await db.accounts.bulkPut(org.renumberedAccounts.map(({ after }) => after));

    const invoices: Invoice[] = [];
    const completed: Invoice[] = [];
    const completedBefore: CompletedBefore[] = [];
    /** Packed blocks not yet written, and the lines of those written. */
    const blocks: ChargeBlock[] = [];
    let pendingWeight = 0;
    let pendingUsageWeight = 0;
    /** Every write of the loop below goes through it: two requests in flight, none longer. */
    const pipeline = new WritePipeline();
    const bounded = <T>(
      records: readonly T[],
      write: (slice: T[]) => Promise<unknown>,
      weight: (record: T) => number,
    ) => writeBounded(records, write, weight, VALUES_PER_WRITE, pipeline);
    let storedLines = 0;
    const serviceTotals: ServiceTotals[] = [];
    const usageRecords: InvoiceUsageRecord[] = [];
    const perBatch = new Map<string, BatchStats>();

    const scratch = new ServiceScratch();
    /** Lines of completed invoices that were stored before (not this import's, not counted). */
    let linesStoredBefore = 0;
    for (const planned of plan.invoices) {
      const { drafted } = planned;
      const draft = input.drafts[planned.draftIndex];
      const batchId = batchOfFile(drafted.sourceFile);
      let invoice: Invoice;
      let storedBefore = 0;
      // A new invoice whose blocks the preview wrote (see db/staged-blocks) takes their id.
      const ahead = claimStagedInvoice(stagedBlocks, blocksStaged, claimedBlocks, planned);
      if (planned.action === 'complete' && planned.stored !== undefined) {
        const before = await db.invoices.get(planned.stored.id);
        if (before === undefined) continue;
        completedBefore.push(await recordsBeforeJoin(db, before));
        // The joined lines hold the stored ones (a part's, or the page a whole bill completes).
        storedBefore = Math.min(before.lineCount, plannedLineCount(planned));
        linesStoredBefore += storedBefore;
        await deleteInvoiceRecords(db, before.id);
        const joined = invoiceOfPlan(
          planned,
          { id: before.id, importBatchId: before.importBatchId },
          batchOfFile,
        );
        const added = (joined.parts ?? []).filter((part) => part.importBatchId === batchId);
        // A bill stored under a made-up number (its first file named none) keeps it: findings'
        // ids and subjects, and the disputes naming them, key on the number (see `renumbered`).
        invoice = {
          ...joinedInvoice(before, joined),
          history: [
            ...(before.history ?? []),
            {
              status: before.status,
              at: importedAt,
              note: `Completed with ${added.map((part) => part.sourceFile).join(', ')}${renumbered(before, joined)}`,
            },
          ],
        };
        completed.push(invoice);
      } else {
        if (planned.action === 'replace' && planned.stored !== undefined) {
          if (await db.invoices.get(planned.stored.id)) {
            await deleteInvoiceRecords(db, planned.stored.id);
            replacedInvoices++;
          }
        }
        const id = ahead?.invoiceId ?? newId('invoice');
        invoice = {
          ...invoiceOfPlan(planned, { id, importBatchId: batchId }, batchOfFile),
          history: [
            {
              status: 'received',
              at: importedAt,
              note: `${draft?.profileId === MANUAL_PROFILE_ID ? 'Entered by hand with' : 'Imported from'} ${uploadOf(drafted.sourceFile)?.fileName ?? drafted.sourceFile}`,
            },
          ],
        };
        invoices.push(invoice);
      }
      // Lines still packed from the worker are stored from their columns (no line objects),
      // unless the preview wrote them already under this invoice's id.
      const invoiceBlocks =
        ahead !== undefined
          ? []
          : planned.packedRows === undefined
            ? packChargeLines(invoice.id, planned.lines)
            : packRows(invoice.id, planned.packedRows);
      if (ahead !== undefined) storedLines += plannedLineCount(planned);
      for (const block of invoiceBlocks) {
        blocks.push(block);
        pendingWeight += blockWeight(block);
      }
      serviceTotals.push(
        ahead?.totals ??
          (planned.packedRows && serviceTotalsOfRows(invoice.id, planned.packedRows, scratch)) ??
          serviceTotalsOfBlocks(invoice.id, invoiceBlocks),
      );
      if (pendingWeight >= VALUES_PER_WRITE) {
        // Written as they are packed, in bounded requests: the page gets a turn between writes
        // (a million lines never freeze it) and the blocks already written are not held twice.
        storedLines += linesOf(blocks);
        pendingWeight = 0;
        await bounded(blocks.splice(0), (slice) => db.chargeBlocks.bulkAdd(slice), blockWeight);
      }
      const usage = usageRecordsOf(planned.usage, invoice.id);
      if (usage.length > 0) {
        const record = { invoiceId: invoice.id, records: usage };
        usageRecords.push(record);
        pendingUsageWeight += usageWeight(record);
      }
      if (pendingUsageWeight >= VALUES_PER_WRITE) {
        // Usage too (a million lines' is 271,000 records), while its objects are young.
        pendingUsageWeight = 0;
        await bounded(usageRecords.splice(0), (slice) => db.usage.bulkPut(slice), usageWeight);
      }

      const stats = perBatch.get(batchId) ?? {
        profileId: draft?.profileId ?? 'unknown',
        carriers: new Set<string>(),
        invoices: 0,
        lines: 0,
        usage: 0,
      };
      stats.carriers.add(planned.carrierId);
      stats.invoices++;
      stats.lines += plannedLineCount(planned) - storedBefore;
      stats.usage += usage.length;
      perBatch.set(batchId, stats);
    }
    // The policy decides the new and completed invoices before they are written (each written
    // once, decided), with the stored ones it changes (and again after the checks run on them).
    const settings = policy && approvalPolicyOf(await policy);
    const changed = settings
      ? await decideBeforeStoring(db, now, settings, [invoices, completed])
      : [];
    if (changed.length > 0) await pipeline.send(() => db.invoices.bulkPut(changed));
    await bounded(invoices, (slice) => db.invoices.bulkAdd(slice), invoiceWeight);
    await pipeline.send(() => db.invoices.bulkPut(completed));
    storedLines += linesOf(blocks);
    await bounded(blocks, (slice) => db.chargeBlocks.bulkAdd(slice), blockWeight);
    await bounded(serviceTotals, (slice) => db.serviceTotals.bulkPut(slice), totalsWeight);
    await bounded(usageRecords, (slice) => db.usage.bulkPut(slice), usageWeight);
    await pipeline.flush();
    // Blocks staged for invoices this commit did not add (completed, refused) go with it.
    await deleteUnusedStagedBlocks(db, stagedBlocks, claimedBlocks);
    const attached = await attachStoredUsage(db, input.drafts);

    const batches = batchRecordsOf(input, {
      uploadOf,
      batchIdOf: (upload) => batchIdByUpload.get(upload) ?? newId('batch'),
      keptBatches,
      perBatch,
      attached,
      importedAt,
      sample: options.sample,
    });
    await db.importBatches.bulkAdd(batches);
    await writeBounded(
      input.uploads.flatMap((upload) => {
        const batchId = batchIdByUpload.get(upload) ?? '';
        if (staged.has(batchId) || keptBatches.has(batchId)) return [];
        return [
          {
            batchId,
            fileName: upload.fileName,
            mediaType: mediaTypeOf(upload.fileName),
            bytes: upload.bytes,
          },
        ];
      }),
      (slice) => db.originalFiles.bulkAdd(slice),
      (file) => file.bytes.byteLength,
      BYTES_PER_WRITE,
    );
    return {
      ok: true,
      batchIds: [...batchIdByUpload.values()],
      invoiceIds: invoices.map((invoice) => invoice.id),
      replacedInvoices,
      completedInvoices: completed.length,
      lines: storedLines - linesStoredBefore,
      attachedUsage: attached.records,
      addedUsage: attached.added,
      completedBefore,
    };
  });
  const outcome = await written.catch(refusedOutcome);
  performance.mark('import:commit-written');
  if (outcome.ok) claimStagedFiles(outcome.batchIds);
  if (outcome.ok && stagedBlocks !== undefined) settleStagedBlocks(stagedBlocks);
  return outcome;
}
