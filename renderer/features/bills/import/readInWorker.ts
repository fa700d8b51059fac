import { draftWithPackedLines } from '../../../../shared/import/packed-drafts';
import type { UploadedFile } from '../../../../shared/import/archive';
import { joinShares, shareGroups } from '../../../../shared/import/read-shares';
import type { PackedDraftLines } from '../../../../shared/import/packed-lines';
import type { ServiceTotals } from '../../../../shared/storage/service-totals';
import type { WorkerStaging } from '../../../db/staged-blocks';
import type { PlannedStagedInvoice } from '../../../db/staged-blocks-writer';
import { sha256Hex } from '../../../platform/hash';
import type { ReadRequest, ReadResponse, StageNow } from './worker-protocol';

type DoneMessage = Extract<ReadResponse, { type: 'done' }>;

/**
 * The worker's answer, each draft's lines and usage put back into it, and the charge-line blocks
 * its workers write after answering (see db/staged-blocks), if any.
 */
export type ReadResult = Omit<DoneMessage, 'packed' | 'staging'> & { staging?: WorkerStaging };

/** The blocks a read's workers write after answering: their totals when written, a start, a stop. */
interface StagingRun {
  totals: Promise<ServiceTotals[]>;
  start(): void;
  stop(): void;
}

/** Lets the browser run other tasks (input, paint) between two slices of work. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Puts each draft's packed lines and usage back into the draft (see `worker-protocol.ts`). They
 * stay packed: the preview, the plan and the commit read their columns, and a line or usage object
 * is built only for a reader of `draft.lines` or `draft.usage` (see `shared/import/packed-drafts.ts`).
 */
export async function withLines(message: DoneMessage, run?: StagingRun): Promise<ReadResult> {
  const { packed, staging: plan, ...rest } = message;
  const outcomes: ReadResult['outcomes'] = [];
  const byPacked = new WeakMap<PackedDraftLines, readonly PlannedStagedInvoice[]>();
  for (const [i, outcome] of rest.outcomes.entries()) {
    const columns = packed[i];
    if (outcome.kind !== 'draft' || !columns) {
      outcomes.push(outcome);
      continue;
    }
    const planned = plan?.[i];
    if (planned) byPacked.set(columns.lines, planned);
    // Each draft in a task of its own (216 small files add up).
    await yieldToBrowser();
    const { lines: _lines, usage: _usage, ...draft } = outcome.draft;
    outcomes.push({
      ...outcome,
      draft: draftWithPackedLines(draft, columns.lines, columns.usage),
    });
  }
  const invoiceIds = (plan ?? []).flatMap((planned) =>
    (planned ?? []).map(({ invoiceId }) => invoiceId),
  );
  if (run === undefined || invoiceIds.length === 0) return { ...rest, outcomes };
  return { ...rest, outcomes, staging: { byPacked, invoiceIds, ...run } };
}

/** A read running in its own worker; `cancel()` stops it at once (the worker is terminated). */
export interface RunningRead {
  result: Promise<ReadResult>;
  cancel(): void;
}

export class ReadCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ReadCancelled';
  }
}

/** The buffers of a read's files, each once. */
function bytesToMove(request: ReadRequest): ArrayBuffer[] {
  if (request.kind !== 'read') return [];
  const buffers = new Set<ArrayBuffer>();
  for (const file of request.files)
    if (file.bytes.buffer instanceof ArrayBuffer) buffers.add(file.bytes.buffer);
  return [...buffers];
}

/**
 * The files a read was given, from its answer: their bytes went to the worker and came back with
 * the answer, in the order sent. Undefined when the answer does not hold them all.
 */
export function filesBack(
  sent: readonly UploadedFile[],
  result: ReadResult,
): UploadedFile[] | undefined {
  const back = result.files.slice(0, sent.length);
  if (back.length !== sent.length || back.some((file, i) => file.name !== sent[i]?.name))
    return undefined;
  return back.map((file) => ({ name: file.name, bytes: file.bytes }));
}

function newReader(): Worker {
  return new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
}

/** A reader started ahead of a read (see {@link warmReader}); each read takes it and ends it. */
let spare: Worker | null = null;

/**
 * Starts the file reader while the user is still choosing files (the Import button calls it as
 * the file dialog opens), so the read begins with its worker loaded and compiled: a worker's
 * start is some 50–100 ms of a 100,000-line import. At most one waits; it does nothing until asked.
 */
export function warmReader(): void {
  if (spare === null && typeof Worker !== 'undefined') spare = newReader();
}

/**
 * Files worth two workers: several (one file is one carrier's group, which one worker reads) and
 * together large enough that a second worker's start and its copy of the files pay off.
 */
export const SHARED_READ_MIN_BYTES = 8 * 2 ** 20;

function bytesOf(files: readonly UploadedFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
}

function worthSharing(request: ReadRequest): boolean {
  if (request.kind !== 'read' || request.files.length < 2) return false;
  if (typeof MessageChannel === 'undefined') return false;
  return bytesOf(request.files) >= SHARED_READ_MIN_BYTES;
}

/** One worker's answer, raw (its drafts still packed apart), and how to stop it. */
function answerOf(
  worker: Worker,
  request: ReadRequest,
  transfer: Transferable[],
  onProgress: (fraction: number) => void,
): {
  answer: Promise<DoneMessage>;
  /** The totals of the blocks it writes after answering ([] when none); rejects if it fails. */
  staged: Promise<ServiceTotals[]>;
  /** Tells it to write its blocks (once every worker of the read has answered). */
  stage: () => void;
  stop: (error: Error) => void;
} {
  let settleStaged: (totals: ServiceTotals[]) => void = () => undefined;
  let failStaged: (error: Error) => void = () => undefined;
  const staged = new Promise<ServiceTotals[]>((resolve, reject) => {
    settleStaged = resolve;
    failStaged = reject;
  });
  staged.catch(() => undefined);
  let stop: (error: Error) => void = () => undefined;
  /** The totals sent so far (a part per message, each a short task to receive). */
  const parts: ServiceTotals[] = [];
  const answer = new Promise<DoneMessage>((resolve, reject) => {
    // Rejecting a settled promise does nothing: once answered, a stop or an error ends the staging.
    const end = (error: Error) => {
      worker.terminate();
      reject(error);
      failStaged(error);
    };
    stop = end;
    worker.onmessage = (event: MessageEvent<ReadResponse>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.fraction);
      else if (message.type === 'done') {
        resolve(message);
        // A worker staging blocks is left to write them (it answers `staged` or `staging-failed`).
        if (message.staging === undefined) {
          worker.terminate();
          settleStaged([]);
        }
      } else if (message.type === 'staged-part') parts.push(...message.totals);
      else if (message.type === 'staged') {
        worker.terminate();
        settleStaged(parts);
      } else end(new Error(message.message));
    };
    worker.onerror = (event) => {
      end(new Error(event.message || 'The file reader stopped unexpectedly.'));
    };
  });
  worker.postMessage(request, transfer);
  const stage = () => {
    const go: StageNow = { kind: 'stage' };
    worker.postMessage(go);
  };
  return { answer, staged, stage, stop };
}

/**
 * Files of a read together no larger than this are hashed by the page while one worker reads
 * them (a copy each, taken before their bytes move): the page is idle during the read, and the
 * worker then spends its time on the read alone. At this size a file's copy and digest are a task
 * of about 40 ms; larger reads are hashed by their workers.
 */
export const PAGE_HASH_MAX_BYTES = 16 * 2 ** 20;

/**
 * Which files each worker of a shared read hashes (by position): the largest first, each to the
 * worker with fewer bytes to hash so far, so the digests cost both about the same.
 */
export function hashShares(sizes: readonly number[]): [number[], number[]] {
  const owners = shareGroups(sizes);
  const shares: [number[], number[]] = [[], []];
  owners.forEach((owner, i) => shares[owner].push(i));
  return shares;
}

/** Each copy's SHA-256, one digest per task (the page gets a turn between files). */
async function hashCopies(copies: readonly Uint8Array[]): Promise<string[]> {
  const hashes: string[] = [];
  for (const copy of copies) hashes.push(await sha256Hex(copy));
  return hashes;
}

/**
 * The answer with each file's hash, from the answer itself or from `hashes` (by position) where
 * it has none. Every file must have one: an import is recognised again by it.
 */
export function withHashes(message: DoneMessage, hashes: readonly string[]): DoneMessage {
  const files = message.files.map((file, i) => ({
    ...file,
    fileHash: file.fileHash || (hashes[i] ?? ''),
  }));
  const unhashed = files.find((file) => file.fileHash === '');
  if (unhashed !== undefined) throw new Error(`"${unhashed.name}" could not be fingerprinted.`);
  return { ...message, files };
}

/** The two answers of a shared read as one, in the order one worker reading it all gives. */
export function joinAnswers(first: DoneMessage, second: DoneMessage): DoneMessage {
  const elsewhere = first.elsewhere ?? [];
  return withHashes(
    {
      ...first,
      outcomes: joinShares(first.outcomes, elsewhere, second.outcomes),
      packed: joinShares(first.packed, elsewhere, second.packed),
      staging:
        first.staging === undefined && second.staging === undefined
          ? undefined
          : joinShares(
              first.staging ?? first.outcomes.map(() => null),
              elsewhere,
              second.staging ?? second.outcomes.map(() => null),
            ),
      elsewhere: undefined,
    },
    second.hashes ?? [],
  );
}

export function readInWorker(
  request: ReadRequest,
  onProgress: (fraction: number) => void,
): RunningRead {
  const first = spare ?? newReader();
  spare = null;
  let answer: Promise<DoneMessage>;
  let staged: Promise<ServiceTotals[]>;
  let stops: ((error: Error) => void)[];
  let stages: (() => void)[];
  if (request.kind === 'read' && worthSharing(request)) {
    // Two workers, one per core: both recognise every file, each reads half the carriers' groups.
    const channel = new MessageChannel();
    const fractions = [0, 0];
    const progress = (i: number) => (fraction: number) => {
      fractions[i] = fraction;
      onProgress(((fractions[0] ?? 0) + (fractions[1] ?? 0)) / 2);
    };
    const [hashA, hashB] = hashShares(request.files.map((file) => file.bytes.byteLength));
    const a = answerOf(
      first,
      { ...request, share: { shard: 0, peer: channel.port1 }, hash: hashA },
      [...bytesToMove(request), channel.port1],
      progress(0),
    );
    const b = answerOf(
      newReader(),
      { ...request, files: [], share: { shard: 1, peer: channel.port2 }, hash: hashB },
      [channel.port2],
      progress(1),
    );
    stops = [a.stop, b.stop];
    stages = [a.stage, b.stage];
    staged = Promise.all([a.staged, b.staged]).then(([one, two]) => [...one, ...two]);
    // One failing stops the other: its answer would be half a read.
    const both = Promise.all([a.answer, b.answer]);
    both.catch((error: unknown) => {
      const reason = error instanceof Error ? error : new Error(String(error));
      for (const stop of stops) stop(reason);
    });
    answer = both.then(([one, two]) => joinAnswers(one, two));
  } else {
    // The files' bytes are moved, not copied (58 MB copied at a million lines was a 230 ms task);
    // the worker moves them back with its answer (see `filesBack`).
    const copies =
      request.kind === 'read' && bytesOf(request.files) <= PAGE_HASH_MAX_BYTES
        ? request.files.map((file) => file.bytes.slice())
        : undefined;
    const only = answerOf(
      first,
      copies === undefined || request.kind !== 'read' ? request : { ...request, hash: [] },
      bytesToMove(request),
      onProgress,
    );
    stops = [only.stop];
    stages = [only.stage];
    staged = only.staged;
    if (copies === undefined) answer = only.answer;
    else {
      // Hashed here while the worker reads (see `PAGE_HASH_MAX_BYTES`).
      const hashes = hashCopies(copies);
      hashes.catch(() => undefined);
      answer = Promise.all([only.answer, hashes]).then(([message, own]) =>
        withHashes(message, own),
      );
    }
  }
  const cancel = () => {
    for (const stop of stops) stop(new ReadCancelled());
  };
  // A shared read's staging failing in one worker ends the other's too: the commit writes what
  // was not staged, and no worker should still be writing blocks while it does.
  staged.catch(cancel);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const stage of stages) stage();
  };
  const result = answer.then((message) => {
    performance.mark('import:worker-answered');
    return withLines(message, { totals: staged, start, stop: cancel });
  });
  // An answer the page cannot take (a file left without a fingerprint) ends the workers too: one
  // waiting to stage would otherwise hold its copy of the lines for the rest of the session.
  result.catch(cancel);
  return { result, cancel };
}
