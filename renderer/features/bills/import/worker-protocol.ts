import type { IsoDate } from '../../../../shared/dates';
import type { UploadedFile } from '../../../../shared/import/archive';
import type { PackedDraftLines } from '../../../../shared/import/packed-lines';
import type { PackedDraftUsage } from '../../../../shared/import/packed-usage';
import type { ReadBillOptions, ReadOutcome } from '../../../../shared/import/read-bill';
import type { SampleCompany } from '../../../../shared/sample';

/** The sample company's records (everything but its bill files, which are read like any bills). */
export type SampleOrganization = Pick<
  SampleCompany,
  'carriers' | 'accounts' | 'sites' | 'costCenters' | 'services' | 'contracts'
>;

/**
 * What the page asks the import worker to do. `sample` carries the page's today (`asOf`): the
 * sample ends with the month before it, and the worker never reads its own clock.
 */
export type ReadRequest =
  | {
      kind: 'read';
      files: UploadedFile[];
      options: Omit<ReadBillOptions, 'onProgress'>;
      /**
       * A read two workers share (see `readBillsPart`): shard 0 is sent the files and passes a
       * copy to shard 1 through `peer`, so the page copies nothing; shard 1 is sent no files.
       */
      share?: { shard: 0 | 1; peer: MessagePort };
      /**
       * The positions of the files this worker hashes (absent: every file, or none for shard 1).
       * The others are hashed elsewhere at the same time — by the other worker of a shared read,
       * or by the page — so no worker spends its read's time on every file's digest.
       */
      hash?: number[];
    }
  | { kind: 'sample'; asOf: IsoDate };

/** What the import worker answers, in order: progress…, then one `done` or `failed`. */
export type ReadResponse =
  | { type: 'progress'; fraction: number }
  | {
      type: 'done';
      /**
       * Drafts cross with empty `lines` and `usage`: those come packed in `packed` (same index),
       * their buffers transferred — see `shared/import/packed-lines.ts`.
       */
      outcomes: ReadOutcome[];
      packed: ({ lines: PackedDraftLines; usage: PackedDraftUsage } | null)[];
      /**
       * The files read (for `sample`, the generated bill files), with the names inside each ZIP and
       * their SHA-256 (lower-case hex); the bytes are transferred back, not copied.
       */
      files: { name: string; bytes: Uint8Array; memberNames: string[]; fileHash: string }[];
      /** Shard 1 of a shared read: the SHA-256 of each file it hashed, by position ('' for the others). */
      hashes?: string[];
      /** Shard 0 of a shared read: where shard 1's outcomes go among these (see `joinShares`). */
      elsewhere?: number[];
      /** For `sample`: the company's inventory and contracts, stored before its bills. */
      organization?: SampleOrganization;
    }
  | { type: 'failed'; message: string };
