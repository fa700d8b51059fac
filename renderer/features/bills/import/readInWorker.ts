import { unpackDraftLines } from '../../../../shared/import/packed-lines';
import type { ReadRequest, ReadResponse } from './worker-protocol';

/** The worker's answer, each draft's lines unpacked back into it. */
export type ReadResult = Omit<Extract<ReadResponse, { type: 'done' }>, 'packedLines'>;

/** Puts each draft's packed lines back into the draft (see `worker-protocol.ts`). */
export function withLines(message: Extract<ReadResponse, { type: 'done' }>): ReadResult {
  const { packedLines, ...rest } = message;
  return {
    ...rest,
    outcomes: rest.outcomes.map((outcome, i) => {
      const packed = packedLines[i];
      if (outcome.kind !== 'draft' || !packed) return outcome;
      return { ...outcome, draft: { ...outcome.draft, lines: unpackDraftLines(packed) } };
    }),
  };
}

/** A read running in its own worker; `cancel()` stops it at once (the worker is terminated). */
export interface RunningRead {
  result: Promise<ReadResult>;
  cancel(): void;
}

export class ReadCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
  }
}

export function readInWorker(
  request: ReadRequest,
  onProgress: (fraction: number) => void,
): RunningRead {
  const worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
  let rejectRead: (error: Error) => void = () => undefined;
  const result = new Promise<ReadResult>((resolve, reject) => {
    rejectRead = reject;
    worker.onmessage = (event: MessageEvent<ReadResponse>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.fraction);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(withLines(message));
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The file reader stopped unexpectedly.'));
    };
  });
  worker.postMessage(request);
  return {
    result,
    cancel() {
      worker.terminate();
      rejectRead(new ReadCancelled());
    },
  };
}
