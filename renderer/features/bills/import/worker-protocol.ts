import type { IsoDate } from '../../../../shared/dates';
import type { UploadedFile } from '../../../../shared/import/archive';
import type { PackedDraftLines } from '../../../../shared/import/packed-lines';
import type { PackedDraftUsage } from '../../../../shared/import/packed-usage';
import type { ReadBillOptions, ReadOutcome } from '../../../../shared/import/read-bill';
import type { SampleCompany } from '../../../../shared/sample';
import type { ServiceTotals } from '../../../../shared/storage/service-totals';
import type { StagingPlan } from '../../../db/staged-blocks-writer';

/** The sample company's records (everything but its bill files, which are read like any bills). */
export type SampleOrganization = Pick<
  SampleCompany,
  'carriers' | 'accounts' | 'sites' | 'costCenters' | 'services' | 'contracts'
>;

/**
 * The name of the page's database: the worker writes the drafts' charge-line blocks into it after
 * answering (see db/staged-blocks-writer). Absent: it stages nothing.
 */
interface Staging {
  stageInto?: string;
}

/**
 * What the page asks the import worker to do. `sample` carries the page's today (`asOf`): the
 * sample ends with the month before it, and the worker never reads its own clock.
 */
export type ReadRequest = Staging &
  (
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
    | { kind: 'sample'; asOf: IsoDate }
  );

/**
 * Tells a worker that answered with a staging plan to write its blocks: the page sends it once
 * the preview is painted, or when the user imports first (on two cores, a worker writing while
 * the page builds the preview, or while the other worker of a shared read still reads, slows
 * both).
 */
export interface StageNow {
  kind: 'stage';
}

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
      /**
       * The invoices whose charge-line blocks this worker writes next (see db/staged-blocks), by
       * outcome (same index as `outcomes`); absent when it stages none. It then answers `staged`
       * or `staging-failed`, and must be left running until it does.
       */
      staging?: StagingPlan;
    }
  | { type: 'failed'; message: string }
  /**
   * Some planned invoices' per-service totals (one per invoice), sent in parts of bounded size:
   * the page receives each in a task of its own.
   */
  | { type: 'staged-part'; totals: ServiceTotals[] }
  /** Every planned invoice's blocks are written, and their totals sent. */
  | { type: 'staged' }
  | { type: 'staging-failed'; message: string };
