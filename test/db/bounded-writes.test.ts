import { describe, expect, it } from 'vitest';
import {
  RECORDS_PER_WRITE,
  usageWeight,
  VALUES_PER_WRITE,
  writeBounded,
} from '../../renderer/db/bounded-writes';

/** Runs `writeBounded` with a writer that keeps each request's records. */
async function requestsOf<T>(
  records: readonly T[],
  weight?: (record: T) => number,
  budget?: number,
): Promise<T[][]> {
  const requests: T[][] = [];
  await writeBounded(
    records,
    (slice) => {
      requests.push(slice);
      return Promise.resolve();
    },
    weight,
    budget,
  );
  return requests;
}

describe('writes of bounded size', () => {
  it('keep every record once, in order', async () => {
    const records = Array.from({ length: 1_234 }, (_, i) => i);
    const requests = await requestsOf(records, () => 7, 100);
    expect(requests.flat()).toEqual(records);
  });

  it('never put more than the budget in one request, nor more records than the cap', async () => {
    const weights = Array.from({ length: 5_000 }, (_, i) => (i * 37) % 90);
    const requests = await requestsOf(weights, (w) => w, 1_000);
    for (const request of requests) {
      expect(request.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(1_000);
      expect(request.length).toBeLessThanOrEqual(RECORDS_PER_WRITE);
    }
    expect(requests.length).toBeGreaterThan(5_000 / RECORDS_PER_WRITE);
  });

  it('write a record heavier than the budget in a request of its own', async () => {
    const requests = await requestsOf([1, 500, 2, 3], (w) => w, 100);
    expect(requests).toEqual([[1], [500], [2, 3]]);
  });

  it('clone the next request while the one before is written, never more than two at once', async () => {
    const pending: (() => void)[] = [];
    const issued: number[][] = [];
    const done = writeBounded(
      [1, 2, 3, 4, 5],
      (slice) => {
        issued.push(slice);
        return new Promise<void>((resolve) => pending.push(resolve));
      },
      () => 1,
      1,
    );
    await Promise.resolve();
    // The first two are sent at once; the third waits for the first to be written.
    expect(issued).toEqual([[1], [2]]);
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(issued).toEqual([[1], [2], [3]]);
    while (pending.length > 0) {
      pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await done;
    expect(issued.flat()).toEqual([1, 2, 3, 4, 5]);
  });

  it('make one request when there is nothing to write', async () => {
    expect(await requestsOf([])).toEqual([[]]);
  });

  it('split a million lines’ usage (271,000 records over 287 invoices) into many requests', async () => {
    const usage = Array.from({ length: 287 }, (_, i) => ({
      invoiceId: `invoice-${i}`,
      records: new Array<number>(946).fill(0),
    }));
    const requests = await requestsOf(usage, usageWeight);
    // Before: two requests of 200 and 87 invoices, the first cloning 189,000 records in one task.
    expect(requests.length).toBeGreaterThanOrEqual(Math.ceil((287 * 946 * 20) / VALUES_PER_WRITE));
    for (const request of requests)
      expect(request.reduce((sum, r) => sum + usageWeight(r), 0)).toBeLessThanOrEqual(
        VALUES_PER_WRITE,
      );
  });
});
