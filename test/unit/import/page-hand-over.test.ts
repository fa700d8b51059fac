import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BillDraft, DraftChargeLine } from '../../../shared/import/draft';
import { draftLineCount, packedLinesOf } from '../../../shared/import/packed-drafts';
import { packDraftLines } from '../../../shared/import/packed-lines';
import { packDraftUsage } from '../../../shared/import/packed-usage';
import type { ReadOutcome } from '../../../shared/import/read-bill';
import { linesByInvoice } from '../../../shared/ledger/bills';
import { cents } from '../../../shared/money/cents';
import {
  filesBack,
  hashShares,
  joinAnswers,
  readInWorker,
  warmReader,
  withHashes,
  withLines,
  type ReadResult,
} from '../../../renderer/features/bills/import/readInWorker';
import { makeDraft, makeDraftInvoice } from '../../helpers/drafts';

function linesFor(keys: string[], count: number, file: string): DraftChargeLine[] {
  return Array.from({ length: count }, (_, i) => ({
    // Two invoices taking turns in runs of 7 lines: groups are not one run each.
    invoiceKey: keys[Math.floor(i / 7) % keys.length] ?? '',
    serviceIdRaw: `555-010-${String(i % 100).padStart(4, '0')}`,
    serviceKey: null,
    description: 'Monthly service',
    category: 'recurring',
    quantity: 1,
    amount: cents(i),
    sourceFile: file,
    sourceRow: i + 2,
  }));
}

/** The worker's `done` answer for drafts whose lines and usage cross packed. */
function doneMessage(drafts: BillDraft[]) {
  const outcomes = drafts.map((draft): ReadOutcome => ({
    kind: 'draft',
    draft: { ...draft, lines: [], usage: [] },
    files: [],
  })) as ReadOutcome[];
  return {
    type: 'done' as const,
    outcomes,
    packed: drafts.map((draft) => ({
      lines: packDraftLines(draft.lines),
      usage: packDraftUsage(draft.usage),
    })),
    files: [],
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the page taking the worker’s drafts back', () => {
  it('keeps every draft’s lines packed, the same lines when read, giving the page a turn per draft', async () => {
    const a = makeDraftInvoice({ invoiceNumber: 'A' });
    const b = makeDraftInvoice({ invoiceNumber: 'B' });
    const drafts = ['1.csv', '2.csv', '3.csv'].map((file) =>
      makeDraft([a, b], linesFor([a.key, b.key], 20_000, file)),
    );
    const turns = vi.spyOn(globalThis, 'setTimeout');
    const result = await withLines(doneMessage(drafts));
    expect(turns).toHaveBeenCalledTimes(3);
    result.outcomes.forEach((outcome, i) => {
      if (outcome.kind !== 'draft') throw new Error('not a draft');
      // No line object was built on the way: the preview, plan and commit read the columns.
      expect(packedLinesOf(outcome.draft)?.count).toBe(20_000);
      expect(draftLineCount(outcome.draft)).toBe(20_000);
      const groups = linesByInvoice(outcome.draft.lines);
      expect(outcome.draft.lines).toEqual(drafts[i]?.lines);
      expect([...groups.keys()]).toEqual([a.key, b.key]);
      expect(outcome.draft.usage).toEqual(drafts[i]?.usage);
    });
  });
});

describe('the reader started while files are chosen', () => {
  it('is the one the next read uses, and only one waits', () => {
    const started: { posted: unknown[]; terminated: boolean }[] = [];
    class FakeWorker {
      readonly own = { posted: [] as unknown[], terminated: false };
      onmessage: unknown = null;
      onerror: unknown = null;
      constructor() {
        started.push(this.own);
      }
      postMessage(message: unknown) {
        this.own.posted.push(message);
      }
      terminate() {
        this.own.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    try {
      warmReader();
      warmReader();
      expect(started).toHaveLength(1);
      const request = { kind: 'sample' as const, asOf: '2026-12-02' };
      const first = readInWorker(request as never, () => undefined);
      expect(started).toHaveLength(1);
      expect(started[0]?.posted).toEqual([request]);
      const second = readInWorker(request as never, () => undefined);
      expect(started).toHaveLength(2);
      for (const read of [first, second]) {
        read.result.catch(() => undefined);
        read.cancel();
      }
      expect(started.every((worker) => worker.terminated)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the files of a read', () => {
  it('move to the worker, each buffer once, and are taken back from its answer', () => {
    const moved: unknown[][] = [];
    class FakeWorker {
      onmessage: unknown = null;
      onerror: unknown = null;
      postMessage(_message: unknown, transfer: unknown[] = []) {
        moved.push(transfer);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    try {
      const shared = new Uint8Array([1, 2, 3, 4]);
      const files = [
        { name: 'a.csv', bytes: new Uint8Array([5, 6]) },
        { name: 'b.csv', bytes: shared.subarray(0, 2) },
        { name: 'c.csv', bytes: shared.subarray(2) },
      ];
      const read = readInWorker({ kind: 'read', files, options: {} } as never, () => undefined);
      read.result.catch(() => undefined);
      read.cancel();
      expect(moved[0]).toEqual([files[0]?.bytes.buffer, shared.buffer]);
    } finally {
      vi.unstubAllGlobals();
    }
    const answer = (names: string[]) =>
      ({
        outcomes: [],
        files: names.map((name) => ({
          name,
          bytes: new Uint8Array([1]),
          memberNames: [name],
          fileHash: 'h',
        })),
      }) as unknown as ReadResult;
    const sent = [
      { name: 'a.csv', bytes: new Uint8Array(0) },
      { name: 'b.csv', bytes: new Uint8Array(0) },
    ];
    expect(filesBack(sent, answer(['a.csv', 'b.csv', 'stored.csv']))).toEqual([
      { name: 'a.csv', bytes: new Uint8Array([1]) },
      { name: 'b.csv', bytes: new Uint8Array([1]) },
    ]);
    expect(filesBack(sent, answer(['a.csv']))).toBeUndefined();
    expect(filesBack(sent, answer(['b.csv', 'a.csv']))).toBeUndefined();
  });
});

describe('the fingerprints of a read’s files', () => {
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('are taken by the page for a small read while the worker reads, the worker hashing none', async () => {
    const posted: { hash?: number[] }[] = [];
    class AnsweringWorker {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onerror: unknown = null;
      postMessage(message: { files: { name: string; bytes: Uint8Array }[]; hash?: number[] }) {
        posted.push(message);
        // The worker moves the bytes back with an empty hash for each file it did not hash.
        const files = message.files.map((file) => ({
          ...file,
          memberNames: [file.name],
          fileHash: '',
        }));
        setTimeout(() =>
          this.onmessage?.({ data: { type: 'done', outcomes: [], packed: [], files } }),
        );
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', AnsweringWorker);
    try {
      const files = [
        { name: 'a.csv', bytes: new TextEncoder().encode('Account,Amount\n1,2\n') },
        { name: 'b.csv', bytes: new TextEncoder().encode('Account,Amount\n3,4\n') },
      ];
      const expected = files.map((file) => sha256(file.bytes));
      const read = readInWorker({ kind: 'read', files, options: {} } as never, () => undefined);
      const result = await read.result;
      expect(posted[0]?.hash).toEqual([]);
      expect(result.files.map((file) => file.fileHash)).toEqual(expected);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('are shared by the two workers of a shared read by bytes, and joined from both answers', () => {
    expect(hashShares([10, 1, 1, 8])).toEqual([[0], [1, 2, 3]]);
    expect(hashShares([5, 5, 5, 5])).toEqual([
      [0, 2],
      [1, 3],
    ]);
    const file = (name: string, fileHash: string) => ({
      name,
      bytes: new Uint8Array(0),
      memberNames: [name],
      fileHash,
    });
    const first = {
      type: 'done' as const,
      outcomes: [],
      packed: [],
      elsewhere: [],
      files: [file('a.csv', 'aa'), file('b.csv', '')],
    };
    const second = { type: 'done' as const, outcomes: [], packed: [], files: [] };
    expect(
      joinAnswers(first, { ...second, hashes: ['', 'bb'] }).files.map((f) => f.fileHash),
    ).toEqual(['aa', 'bb']);
    // A file neither worker hashed would import without the fingerprint that recognises it again.
    expect(() => joinAnswers(first, { ...second, hashes: ['', ''] })).toThrow(
      '"b.csv" could not be fingerprinted.',
    );
    expect(() => withHashes(first, [])).toThrow('"b.csv" could not be fingerprinted.');
  });
});

describe('a worker staging its drafts’ blocks after answering', () => {
  /** A worker answering `done` with a staging plan; `after` sends what it says once written. */
  function stagingWorker(events: string[]) {
    return class {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onerror: unknown = null;
      postMessage(message: { kind: string }) {
        if (message.kind === 'stage') {
          events.push('told to stage');
          return;
        }
        const a = makeDraftInvoice({ invoiceNumber: 'A' });
        const drafts = [makeDraft([a], linesFor([a.key], 10, 'a.csv'))];
        const plan = [[{ key: a.key, invoiceId: 'invoice-staged', rows: 10, blocks: 1 }]];
        setTimeout(() => this.onmessage?.({ data: { ...doneMessage(drafts), staging: plan } }));
      }
      /** What the worker says once the blocks are written (the test sends it). */
      say(data: unknown) {
        this.onmessage?.({ data });
      }
      terminate() {
        events.push('terminated');
      }
    };
  }

  /** Stubs `Worker` with staging workers: what they were told, and each one started. */
  function stubStagingWorkers() {
    const events: string[] = [];
    const Staging = stagingWorker(events);
    const workers: InstanceType<typeof Staging>[] = [];
    vi.stubGlobal(
      'Worker',
      class extends Staging {
        constructor() {
          super();
          workers.push(this);
        }
      },
    );
    return { events, workers };
  }

  it('is left running until it says the blocks are written, its totals then handed over', async () => {
    const { events, workers } = stubStagingWorkers();
    try {
      const read = readInWorker({ kind: 'sample', asOf: '2026-12-02' } as never, () => undefined);
      const result = await read.result;
      const staging = result.staging;
      if (staging === undefined) throw new Error('no staging');
      expect(staging.invoiceIds).toEqual(['invoice-staged']);
      const outcome = result.outcomes[0];
      if (outcome?.kind !== 'draft') throw new Error('not a draft');
      const packed = packedLinesOf(outcome.draft);
      expect(packed && staging.byPacked.get(packed)?.map((p) => p.invoiceId)).toEqual([
        'invoice-staged',
      ]);
      // Answered, not ended: it waits to be told to write (the preview, once painted, tells it).
      expect(events).toEqual([]);
      staging.start();
      staging.start();
      expect(events).toEqual(['told to stage']);
      const totals = {
        invoiceId: 'invoice-staged',
        keys: [''],
        categories: new Uint8Array([0]),
        amounts: new Float64Array([45]),
      };
      const other = { ...totals, invoiceId: 'invoice-other' };
      // The totals come in parts, then the word that all is written.
      workers[0]?.say({ type: 'staged-part', totals: [totals] });
      workers[0]?.say({ type: 'staged-part', totals: [other] });
      expect(events).toEqual(['told to stage']);
      workers[0]?.say({ type: 'staged' });
      expect(await staging.totals).toEqual([totals, other]);
      expect(events).toEqual(['told to stage', 'terminated']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('failing, or stopped, ends the worker and settles as failed (the commit then claims none)', async () => {
    const { events, workers } = stubStagingWorkers();
    try {
      const request = { kind: 'sample', asOf: '2026-12-02' } as never;
      const failing = (await readInWorker(request, () => undefined).result).staging;
      workers[0]?.say({ type: 'staging-failed', message: 'The disk is full.' });
      await expect(failing?.totals).rejects.toThrow('The disk is full.');
      expect(events).toContain('terminated');

      events.length = 0;
      const stopped = (await readInWorker(request, () => undefined).result).staging;
      expect(events).toEqual([]);
      stopped?.stop();
      await expect(stopped?.totals).rejects.toThrow('The import was cancelled.');
      expect(events).toContain('terminated');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('ends with an answer the page cannot take: no worker is left waiting to stage', async () => {
    const terminated: number[] = [];
    let started = 0;
    vi.stubGlobal(
      'Worker',
      class {
        readonly own = started++;
        onmessage: ((event: { data: unknown }) => void) | null = null;
        onerror: unknown = null;
        postMessage(message: { kind: string; share?: { shard: number } }) {
          if (message.kind === 'stage') return;
          const plan = [[{ key: 'k', invoiceId: `invoice-${this.own}`, rows: 1, blocks: 1 }]];
          const file = (name: string) => ({
            name,
            bytes: new Uint8Array(0),
            memberNames: [name],
            fileHash: '',
          });
          // Neither worker fingerprinted b.csv: the page cannot take the joined answer.
          const data =
            message.share?.shard === 1
              ? { type: 'done', outcomes: [], packed: [], files: [], hashes: ['', ''] }
              : {
                  type: 'done',
                  outcomes: [],
                  packed: [],
                  elsewhere: [],
                  staging: plan,
                  files: [{ ...file('a.csv'), fileHash: 'aa' }, file('b.csv')],
                };
          setTimeout(() => this.onmessage?.({ data }));
        }
        terminate() {
          terminated.push(this.own);
        }
      },
    );
    try {
      // Two files of 4.5 MB: a read two workers share.
      const files = ['a.csv', 'b.csv'].map((name) => ({
        name,
        bytes: new Uint8Array(4.5 * 2 ** 20),
      }));
      const read = readInWorker({ kind: 'read', files, options: {} } as never, () => undefined);
      await expect(read.result).rejects.toThrow('"b.csv" could not be fingerprinted.');
      expect(started).toBe(2);
      expect(new Set(terminated)).toEqual(new Set([0, 1]));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('in a shared read, is joined at each draft’s place', () => {
    const plan = (id: string) => [{ key: 'k', invoiceId: id, rows: 1, blocks: 1 }];
    const draft = (name: string): ReadOutcome =>
      ({ kind: 'draft', draft: { name }, files: [] }) as unknown as ReadOutcome;
    const first = {
      type: 'done' as const,
      outcomes: [draft('a'), draft('c')],
      packed: [null, null],
      staging: [plan('invoice-a'), null],
      // Shard 1's one draft goes second.
      elsewhere: [1],
      files: [],
    };
    const second = {
      type: 'done' as const,
      outcomes: [draft('b')],
      packed: [null],
      staging: [plan('invoice-b')],
      files: [],
    };
    expect(joinAnswers(first, second).staging).toEqual([
      plan('invoice-a'),
      plan('invoice-b'),
      null,
    ]);
    // A shard that stages nothing holds its drafts' places.
    expect(joinAnswers(first, { ...second, staging: undefined }).staging).toEqual([
      plan('invoice-a'),
      null,
      null,
    ]);
  });
});
