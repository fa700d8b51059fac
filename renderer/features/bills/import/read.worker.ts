/// <reference lib="webworker" />
/**
 * Reads bill files off the UI thread: unzip, decode, parse, recognise the carrier, build drafts.
 * Progress is posted while it works; the page cancels by terminating the worker.
 */
import { inflateAhead, type UploadedFile } from '../../../../shared/import/archive';
import { importLimits } from '../../../../shared/import/limits';
import type { BillDraft } from '../../../../shared/import/draft';
import { packedLinesOf } from '../../../../shared/import/packed-drafts';
import {
  packDraftLines,
  packedLinesCopy,
  packedTransferables,
  type PackedDraftLines,
} from '../../../../shared/import/packed-lines';
import { packDraftUsage, packedUsageTransferables } from '../../../../shared/import/packed-usage';
import { readBillsPart, type ReadOutcome } from '../../../../shared/import/read-bill';
import { generateSampleCompany } from '../../../../shared/sample';
import { sha256Hex } from '../../../platform/hash';
import {
  openStagingDatabase,
  planStaging,
  stagesAny,
  totalsParts,
  writeStagedBlocks,
  type StagingPlan,
} from '../../../db/staged-blocks-writer';
import type { ReadRequest, ReadResponse, StageNow } from './worker-protocol';

// The renderer's tsconfig has the DOM lib, where `postMessage` is the window's; in a worker it
// takes only the message. Name the one signature we use.
const scope = self as unknown as {
  postMessage(message: ReadResponse, transfer?: Transferable[]): void;
};

/**
 * The outcomes with each draft's lines and usage packed apart, and the buffers to transfer; with
 * `keepLines`, a copy of each draft's lines (`kept`, same index) this worker stages the blocks of
 * after answering.
 */
function packed(outcomes: ReadOutcome[], keepLines: boolean) {
  const columns: Extract<ReadResponse, { type: 'done' }>['packed'] = [];
  const kept: (PackedDraftLines | null)[] = [];
  const transfer: ArrayBuffer[] = [];
  const light = outcomes.map((outcome) => {
    if (outcome.kind !== 'draft') {
      columns.push(null);
      kept.push(null);
      return outcome;
    }
    const { draft } = outcome;
    // Read straight into columns by the draft builder, unless something rebuilt the lines.
    const lines = packedLinesOf(draft) ?? packDraftLines(draft.lines);
    const usage = packDraftUsage(draft.usage);
    columns.push({ lines, usage });
    kept.push(keepLines ? packedLinesCopy(lines) : null);
    transfer.push(...packedTransferables(lines), ...packedUsageTransferables(usage));
    return { ...outcome, draft: withoutLines(draft) };
  });
  return { outcomes: light, packed: columns, kept, transfer };
}

/**
 * The draft with no lines or usage (they cross packed), its own fields copied one by one: a spread
 * would read `lines`, and so rebuild lines kept packed.
 */
function withoutLines(draft: BillDraft): BillDraft {
  const light: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof BillDraft)[]) {
    if (key !== 'lines' && key !== 'usage') light[key] = draft[key];
  }
  return { ...(light as Omit<BillDraft, 'lines' | 'usage'>), lines: [], usage: [] };
}

/** The files shard 0 passes on (see `ReadRequest.share`). */
function filesFrom(peer: MessagePort): Promise<UploadedFile[]> {
  return new Promise((resolve) => {
    peer.onmessage = (event: MessageEvent<UploadedFile[]>) => resolve(event.data);
  });
}

function hashOf(file: UploadedFile): Promise<string> {
  return sha256Hex(file.bytes);
}

/**
 * Whether to stage the drafts' blocks (see db/staged-blocks-writer): only a read that goes to the
 * preview (one asking a question is read again once answered), and where IndexedDB is.
 */
function stagesBlocks(request: ReadRequest, outcomes: readonly ReadOutcome[]): boolean {
  return (
    request.stageInto !== undefined &&
    typeof indexedDB !== 'undefined' &&
    outcomes.some((outcome) => outcome.kind === 'draft') &&
    !outcomes.some((outcome) => outcome.kind.startsWith('needs-'))
  );
}

/**
 * The page's word to start writing (see `StageNow`): sent once the preview is painted, so the
 * writing takes no core from the page building it (nor from a worker still reading).
 */
function stageWhenTold(): Promise<void> {
  return new Promise((resolve) => {
    self.onmessage = (event: MessageEvent<StageNow>) => {
      if (event.data.kind === 'stage') resolve();
    };
  });
}

/** Writes the planned blocks, then tells the page (`staged`, or `staging-failed`). */
async function stageBlocks(
  databaseName: string,
  lines: readonly (PackedDraftLines | null)[],
  plan: StagingPlan,
): Promise<void> {
  try {
    await stageWhenTold();
    const database = await openStagingDatabase(indexedDB, databaseName);
    try {
      const totals = await writeStagedBlocks(database, lines, plan);
      for (const part of totalsParts(totals))
        scope.postMessage(
          { type: 'staged-part', totals: part },
          part.flatMap((t) => [t.categories.buffer, t.amounts.buffer]),
        );
      scope.postMessage({ type: 'staged' });
    } finally {
      database.close();
    }
  } catch (error) {
    scope.postMessage({
      type: 'staging-failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  try {
    const request = event.data;
    // As of the page's today: each account's bills up to its last bill date, so the audit of the
    // demo finds only the planted errors whatever day of the month it is.
    const company =
      request.kind === 'sample' ? generateSampleCompany({ today: request.asOf }) : undefined;
    const share = request.kind === 'read' ? request.share : undefined;
    const files: UploadedFile[] = company
      ? company.files.map((file) => ({ name: file.name, bytes: file.bytes }))
      : request.kind === 'read'
        ? share?.shard === 1
          ? await filesFrom(share.peer)
          : request.files
        : [];
    // The other worker gets its copy from here (cloned in this thread, not the page's).
    if (share?.shard === 0) share.peer.postMessage(files);
    share?.peer.close();
    // Hashed off the page's thread (58 MB copied and hashed there was a long task of its own),
    // each file here or where the page asked (see `ReadRequest.hash`). (Chromium digests in the
    // calling thread: 14 MB is about 30 ms of this one.)
    const ownHashes = request.kind === 'read' ? request.hash : undefined;
    const hashedHere = (i: number) =>
      ownHashes === undefined ? share?.shard !== 1 : ownHashes.includes(i);
    const hashing = Promise.all(
      files.map((file, i) => (hashedHere(i) ? hashOf(file) : Promise.resolve(''))),
    );
    hashing.catch(() => undefined);
    const options = request.kind === 'read' ? request.options : {};
    // Unzipped by the platform's zlib first (asynchronous); the read then finds the members done.
    const inflated = await inflateAhead(files, importLimits(options.limits));
    const read = readBillsPart(
      files,
      {
        ...options,
        inflated,
        onProgress: (fraction) => scope.postMessage({ type: 'progress', fraction }),
      },
      share?.shard,
    );
    const staging = stagesBlocks(request, read.outcomes);
    const handOver = packed(read.outcomes, staging);
    const plan = staging
      ? planStaging(handOver.kept, () => `invoice-${crypto.randomUUID()}`)
      : undefined;
    const stagingPlan = plan !== undefined && stagesAny(plan) ? plan : undefined;
    if (share?.shard === 1) {
      // Shard 1 gives only its drafts and hashes; shard 0 hands the files back.
      scope.postMessage(
        {
          type: 'done',
          outcomes: handOver.outcomes,
          packed: handOver.packed,
          files: [],
          hashes: await hashing,
          staging: stagingPlan,
        },
        handOver.transfer,
      );
      if (stagingPlan && request.stageInto !== undefined)
        void stageBlocks(request.stageInto, handOver.kept, stagingPlan);
      return;
    }
    const hashes = await hashing;
    // The files go back moved, not copied (58 MB at a million lines): the worker is done with them.
    const fileBuffers = new Set<ArrayBuffer>();
    for (const file of files) {
      if (file.bytes.buffer instanceof ArrayBuffer) fileBuffers.add(file.bytes.buffer);
    }
    scope.postMessage(
      {
        type: 'done',
        outcomes: handOver.outcomes,
        packed: handOver.packed,
        elsewhere: share ? read.elsewhere : undefined,
        files: files.map((file, i) => ({
          ...file,
          // As the read expanded them (expanding every ZIP again here took a second at a million lines).
          memberNames: read.memberNames[i] ?? [file.name],
          fileHash: hashes[i] ?? '',
        })),
        organization: company && {
          carriers: company.carriers,
          accounts: company.accounts,
          sites: company.sites,
          costCenters: company.costCenters,
          services: company.services,
          contracts: company.contracts,
        },
        staging: stagingPlan,
      },
      [...handOver.transfer, ...fileBuffers],
    );
    if (stagingPlan && request.stageInto !== undefined)
      void stageBlocks(request.stageInto, handOver.kept, stagingPlan);
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
