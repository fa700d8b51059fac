import type { ReadBackup, ReadProgress } from '../../../shared/backup/format';
import type { Result } from '../../../shared/result';
import { fail } from '../../../shared/result';
import { CHECKER_STOPPED, type RestoreRequest, type RestoreResponse } from './restore-protocol';

/**
 * Checks a backup in its own worker, reporting progress. Always resolves: a refusal, or the
 * worker failing, is a result with a sentence, never a rejected promise on the UI thread.
 */
export function inspectInWorker(
  bytes: Uint8Array,
  onProgress: (progress: ReadProgress) => void,
): Promise<Result<ReadBackup>> {
  const worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<RestoreResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
        return;
      }
      worker.terminate();
      resolve(message.result);
    };
    worker.onerror = (event) => {
      // Keep the error off the console as an uncaught one: it is answered with a sentence.
      event.preventDefault();
      worker.terminate();
      resolve(fail(CHECKER_STOPPED));
    };
    const request: RestoreRequest = { bytes };
    worker.postMessage(request);
  });
}
