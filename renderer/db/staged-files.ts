/**
 * Original bill files written while they are read, so the import's one transaction does not write
 * them. Kept originals are the biggest write of a commit (13.9 MB for 100,000 lines, about 40% of
 * its time): staged as soon as the files are picked, they are written while the worker reads.
 *
 * A staged file is an `originalFiles` record under a batch id chosen ahead; the commit writes the
 * import batch of that id, which makes the record the batch's original (see `commitImport`). Until
 * then it belongs to no batch: the import discards it when it is cancelled or replaced by another
 * pick, {@link sweepUnclaimedFiles} removes any left by a closed window, and backups skip it.
 */
import { BYTES_PER_WRITE, writeBounded } from './bounded-writes';
import type { OriginalFileRecord, TemDeskDatabase } from './database';
import { mediaTypeOf } from './media-types';

/** The files staged in this window, by batch id, so a sweep never takes one an import will claim. */
const stagedHere = new Set<string>();

/** What a pick staged: each file's batch id by its name, and the write itself. */
export interface StagedFiles {
  batchIds: ReadonlyMap<string, string>;
  /** Settles when the bytes are copied: only then may the picked files' buffers move elsewhere. */
  copied: Promise<void>;
  /** Settles when the files are written (or failed to be: the commit then writes them itself). */
  written: Promise<void>;
}

/** Bytes copied per task: 58 MB copied at once was a long task of the million-line import. */
const COPY_PER_TASK = 8 * 2 ** 20;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A copy of each file's bytes, made a few megabytes per task. */
async function copiesOf(files: readonly { bytes: Uint8Array }[]): Promise<Uint8Array[]> {
  const copies: Uint8Array[] = [];
  let inTask = 0;
  for (const file of files) {
    if (inTask > 0 && inTask + file.bytes.byteLength > COPY_PER_TASK) {
      await nextTask();
      inTask = 0;
    }
    copies.push(file.bytes.slice());
    inTask += file.bytes.byteLength;
  }
  return copies;
}

/**
 * Writes picked files as originals of batches to come, in requests of at most 1 MB. The bytes are
 * copied first (the picked files' own buffers move to the reader's worker): the caller moves them
 * only once `copied` has settled.
 */
export function stageOriginalFiles(
  db: TemDeskDatabase,
  files: readonly { name: string; bytes: Uint8Array }[],
): StagedFiles {
  const batchIds = new Map<string, string>();
  const ids = files.map((file) => {
    const batchId = `batch-${crypto.randomUUID()}`;
    batchIds.set(file.name, batchId);
    stagedHere.add(batchId);
    return batchId;
  });
  const copies = copiesOf(files);
  const records = copies.then((bytes) =>
    files.map((file, i): OriginalFileRecord => ({
      batchId: ids[i] ?? '',
      fileName: file.name,
      mediaType: mediaTypeOf(file.name),
      bytes: bytes[i] ?? new Uint8Array(),
    })),
  );
  const written = records
    .then((all) =>
      db.transaction('rw', db.originalFiles, () =>
        writeBounded(
          all,
          (slice) => db.originalFiles.bulkPut(slice),
          (record) => record.bytes.byteLength,
          BYTES_PER_WRITE,
        ),
      ),
    )
    .catch(() => undefined);
  return { batchIds, copied: copies.then(() => undefined), written };
}

/**
 * The staged originals among `batchIds` that are still unclaimed and stored (key reads only). The
 * commit calls this inside its transaction: a staged file swept meanwhile is written again.
 */
export async function storedStagedFiles(
  db: TemDeskDatabase,
  batchIds: readonly string[],
): Promise<Set<string>> {
  if (batchIds.length === 0) return new Set();
  const stored = await db.originalFiles.where(':id').anyOf(batchIds).primaryKeys();
  const claimed = await db.importBatches.where(':id').anyOf(batchIds).primaryKeys();
  const taken = new Set(claimed);
  return new Set(stored.filter((id) => !taken.has(id)));
}

/** Marks staged files as claimed by a committed import: they are now its batches' originals. */
export function claimStagedFiles(batchIds: Iterable<string>): void {
  for (const id of batchIds) stagedHere.delete(id);
}

/** Removes staged files no import will claim (a cancelled or superseded pick). */
export async function discardStagedFiles(
  db: TemDeskDatabase,
  staged: StagedFiles,
  keep: ReadonlySet<string> = new Set(),
): Promise<void> {
  await staged.written;
  const ids = [...staged.batchIds.values()].filter((id) => !keep.has(id));
  await db.transaction('rw', db.originalFiles, db.importBatches, async () => {
    // Only those still unclaimed: a batch of that id means an import committed them.
    const claimed = new Set(await db.importBatches.where(':id').anyOf(ids).primaryKeys());
    await db.originalFiles.bulkDelete(ids.filter((id) => !claimed.has(id)));
  });
  for (const id of ids) stagedHere.delete(id);
}

/**
 * Removes originals that belong to no import batch and were not staged in this window: files
 * staged by a window closed before its import was committed. Reads keys only.
 */
export async function sweepUnclaimedFiles(db: TemDeskDatabase): Promise<number> {
  return db.transaction('rw', db.originalFiles, db.importBatches, async () => {
    const batches = new Set(await db.importBatches.toCollection().primaryKeys());
    const files = await db.originalFiles.toCollection().primaryKeys();
    const unclaimed = files.filter((id) => !batches.has(id) && !stagedHere.has(id));
    await db.originalFiles.bulkDelete(unclaimed);
    return unclaimed.length;
  });
}

/**
 * The same staged files under the names they are read by now: a picked file named as a stored
 * original it is read with is read under a name of its own (see `besideCompanions`), its staged
 * original still claimed by the commit.
 */
export function stagedUnderNames(
  staged: StagedFiles,
  before: readonly { name: string }[],
  after: readonly { name: string }[],
): StagedFiles {
  const batchIds = new Map(staged.batchIds);
  before.forEach((file, i) => {
    const name = after[i]?.name;
    const id = staged.batchIds.get(file.name);
    if (name === undefined || name === file.name || id === undefined) return;
    batchIds.delete(file.name);
    batchIds.set(name, id);
  });
  return { ...staged, batchIds };
}
