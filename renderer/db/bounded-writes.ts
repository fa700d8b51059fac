/**
 * Splits an import's writes into requests of bounded size. IndexedDB clones every value of a
 * request in the task that makes it, so one request's size is one main-thread task's length: a
 * million lines' usage (271,000 records) written 200 invoices at a time was a 0.4–1 s task.
 * Between two requests the page gets a turn (input, paint) while the transaction stays open.
 */

/**
 * What one request may clone, in values (a string, a number or one object's field each): about
 * 5,000 lines of packed blocks.
 */
export const VALUES_PER_WRITE = 25_000;

/** Records per request whatever their size (the slice of invoices each request had before). */
export const RECORDS_PER_WRITE = 200;

/**
 * Bytes of kept original files per request: 16 MB in one request was a 100–150 ms task, and 4 MB
 * still 110–122 ms in a trace of the million-line import (the machine slow that hour).
 */
export const BYTES_PER_WRITE = 2 ** 20;

/**
 * Keeps two write requests in flight: the next one is cloned while the database writes the one
 * before, so bounding the tasks adds no wait. (A request can only be made while the transaction
 * is active, i.e. in the callback of an earlier one: never after a timer.) Shared by the writes of
 * one transaction, so the pipeline carries on from one table's writes to the next.
 */
export class WritePipeline {
  private inFlight: Promise<unknown> | null = null;

  /** Makes the request `write` makes, then waits for the one before it. */
  async send(write: () => Promise<unknown>): Promise<void> {
    const sent = write();
    // Awaited later; until then a failure must not count as unhandled.
    sent.catch(() => undefined);
    const before = this.inFlight;
    this.inFlight = sent;
    if (before !== null) await before;
  }

  /** Waits for every request made. */
  async flush(): Promise<void> {
    const last = this.inFlight;
    this.inFlight = null;
    if (last !== null) await last;
  }
}

/**
 * Writes `records` in requests of at most {@link RECORDS_PER_WRITE} records and at most `budget`
 * by `weight` (a record heavier than the budget goes alone). Makes one request even when there
 * is nothing to write, as the single bulk write it replaces did. Requests run in order, through
 * `pipeline` when given (the caller flushes it), else through one of its own.
 */
export async function writeBounded<T>(
  records: readonly T[],
  write: (slice: T[]) => Promise<unknown>,
  weight: (record: T) => number = () => 1,
  budget = VALUES_PER_WRITE,
  pipeline?: WritePipeline,
): Promise<void> {
  const through = pipeline ?? new WritePipeline();
  let slice: T[] = [];
  let sliceWeight = 0;
  for (const record of records) {
    const own = weight(record);
    if (slice.length > 0 && (slice.length >= RECORDS_PER_WRITE || sliceWeight + own > budget)) {
      const full = slice;
      await through.send(() => write(full));
      slice = [];
      sliceWeight = 0;
    }
    slice.push(record);
    sliceWeight += own;
  }
  if (slice.length > 0 || records.length === 0) {
    const last = slice;
    await through.send(() => write(last));
  }
  if (pipeline === undefined) await through.flush();
}

/**
 * Cloned values of a usage record (`InvoiceUsageRecord`): per month and service an object of ten
 * fields, each written with its name (objects, unlike a block's columns, repeat their keys).
 */
export function usageWeight(record: { records: readonly unknown[] }): number {
  return 20 * record.records.length + 1;
}

/** Cloned values of per-service totals: one key string per entry (the columns are typed arrays). */
export function totalsWeight(totals: { keys: readonly string[] }): number {
  return totals.keys.length + 1;
}

/** Cloned values of an invoice record: its fields, its history and parts. */
export function invoiceWeight(invoice: {
  history?: readonly unknown[];
  parts?: readonly unknown[];
}): number {
  return 30 + 4 * ((invoice.history?.length ?? 0) + (invoice.parts?.length ?? 0));
}

/** Cloned values of a packed block: its string columns (typed arrays are copied as bytes). */
export function blockWeight(block: { count: number; accountNumber?: readonly string[] }): number {
  return block.count * (block.accountNumber === undefined ? 5 : 6) + 1;
}
