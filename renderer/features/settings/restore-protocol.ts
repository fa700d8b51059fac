/**
 * What the page and the restore worker say to each other. The worker reads and checks a backup
 * (unpacking, checksums, every record) off the UI thread, so a large or crafted file never
 * freezes the page; the page then restores the checked workspace in one transaction.
 */
import type { ReadBackup, ReadProgress } from '../../../shared/backup/format';
import type { Result } from '../../../shared/result';
import { fail } from '../../../shared/result';
import { inspectBackup } from '../../db/backup';

/** The page asks the worker to check one backup file. */
export interface RestoreRequest {
  bytes: Uint8Array;
}

/** What the worker answers, in order: progress…, then one `done`. */
export type RestoreResponse =
  { type: 'progress'; progress: ReadProgress } | { type: 'done'; result: Result<ReadBackup> };

/** Said when the checker itself fails (a bug, or the worker ran out of memory), never a stack trace. */
export const CHECKER_STOPPED =
  'The backup could not be checked: the checker stopped unexpectedly (the file may be too large for this computer). Nothing was changed.';

/**
 * The worker's whole job, apart from the worker plumbing so it can be tested in Node: check the
 * backup, posting progress, and always answer with a result, never an exception.
 */
export function answerRestoreRequest(
  request: RestoreRequest,
  post: (response: RestoreResponse) => void,
): void {
  let result: Result<ReadBackup>;
  try {
    result = inspectBackup(request.bytes, {
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
  } catch {
    // readBackup returns refusals as results; reaching here is a bug, shown as a sentence.
    result = fail(CHECKER_STOPPED);
  }
  post({ type: 'done', result });
}
