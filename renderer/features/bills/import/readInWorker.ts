import type { DraftChargeLine } from '../../../../shared/import/draft';
import { unpackDraftLines, type PackedDraftLines } from '../../../../shared/import/packed-lines';
import { unpackDraftUsage } from '../../../../shared/import/packed-usage';
import type { ReadRequest, ReadResponse } from './worker-protocol';

type DoneMessage = Extract<ReadResponse, { type: 'done' }>;

/** The worker's answer, each draft's lines and usage unpacked back into it. */
export type ReadResult = Omit<DoneMessage, 'packed'>;

/** Lines rebuilt per slice: a slice takes a few tens of ms, so the page keeps answering input. */
const LINES_PER_SLICE = 50_000;

/** Lets the browser run other tasks (input, paint) between two slices of work. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function linesOf(packed: PackedDraftLines): Promise<DraftChargeLine[]> {
  if (packed.count <= LINES_PER_SLICE) return unpackDraftLines(packed);
  const lines: DraftChargeLine[] = [];
  for (let start = 0; start < packed.count; start += LINES_PER_SLICE) {
    await yieldToBrowser();
    for (const line of unpackDraftLines(packed, start, start + LINES_PER_SLICE)) lines.push(line);
  }
  return lines;
}

/** Puts each draft's packed lines and usage back into the draft (see `worker-protocol.ts`). */
export async function withLines(message: DoneMessage): Promise<ReadResult> {
  const { packed, ...rest } = message;
  const outcomes: ReadResult['outcomes'] = [];
  for (const [i, outcome] of rest.outcomes.entries()) {
    const columns = packed[i];
    if (outcome.kind !== 'draft' || !columns) {
      outcomes.push(outcome);
      continue;
    }
    const lines = await linesOf(columns.lines);
    if (columns.usage.count > LINES_PER_SLICE) await yieldToBrowser();
    const usage = unpackDraftUsage(columns.usage);
    outcomes.push({ ...outcome, draft: { ...outcome.draft, lines, usage } });
  }
  return { ...rest, outcomes };
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
        if (message.type === 'done') withLines(message).then(resolve, reject);
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
