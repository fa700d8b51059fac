import type { DraftChargeLine } from '../../../../shared/import/draft';
import { keepLinesByInvoice } from '../../../../shared/ledger/bills';
import { unpackDraftLines, type PackedDraftLines } from '../../../../shared/import/packed-lines';
import { unpackDraftUsage } from '../../../../shared/import/packed-usage';
import type { ReadRequest, ReadResponse } from './worker-protocol';

type DoneMessage = Extract<ReadResponse, { type: 'done' }>;

/** The worker's answer, each draft's lines and usage unpacked back into it. */
export type ReadResult = Omit<DoneMessage, 'packed'>;

/** Lines rebuilt per slice: a slice takes a few tens of ms, so the page keeps answering input. */
const LINES_PER_SLICE = 25_000;

/** Lets the browser run other tasks (input, paint) between two slices of work. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Lines rebuilt since the page last had a turn, across drafts (216 small files add up). */
interface SliceBudget {
  lines: number;
}

async function spend(budget: SliceBudget, lines: number): Promise<void> {
  budget.lines += lines;
  if (budget.lines < LINES_PER_SLICE) return;
  budget.lines = 0;
  await yieldToBrowser();
}

/**
 * Rebuilds a draft's lines slice by slice, grouping them by invoice on the way (kept for the
 * import's plan: see `linesByInvoice`), so no pass over all lines runs in one task.
 */
async function linesOf(packed: PackedDraftLines, budget: SliceBudget): Promise<DraftChargeLine[]> {
  const lines: DraftChargeLine[] = [];
  const groups = new Map<string, DraftChargeLine[]>();
  for (let start = 0; start < packed.count; start += LINES_PER_SLICE) {
    await spend(budget, Math.min(LINES_PER_SLICE, packed.count - start));
    let group: DraftChargeLine[] | undefined;
    let key: string | undefined;
    for (const line of unpackDraftLines(packed, start, start + LINES_PER_SLICE)) {
      lines.push(line);
      // Lines of one invoice follow each other: most lines join the previous line's group.
      if (line.invoiceKey !== key) {
        key = line.invoiceKey;
        group = groups.get(key);
        if (group === undefined) groups.set(key, (group = []));
      }
      group?.push(line);
    }
  }
  keepLinesByInvoice(lines, groups);
  return lines;
}

/** Puts each draft's packed lines and usage back into the draft (see `worker-protocol.ts`). */
export async function withLines(message: DoneMessage): Promise<ReadResult> {
  const { packed, ...rest } = message;
  const outcomes: ReadResult['outcomes'] = [];
  const budget: SliceBudget = { lines: 0 };
  for (const [i, outcome] of rest.outcomes.entries()) {
    const columns = packed[i];
    if (outcome.kind !== 'draft' || !columns) {
      outcomes.push(outcome);
      continue;
    }
    const lines = await linesOf(columns.lines, budget);
    await spend(budget, columns.usage.count);
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
        if (message.type === 'done') {
          performance.mark('import:worker-answered');
          withLines(message).then(resolve, reject);
        } else reject(new Error(message.message));
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
