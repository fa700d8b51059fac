import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TemDeskDatabase } from '../../renderer/db/database';
import type { InventoryData } from '../../renderer/db/inventory';
import { claimInventoryRead, startInventoryRead } from '../../renderer/db/inventory-early';
import { makeService, makeSite } from '../helpers/inventory';

let db: TemDeskDatabase;
let counter = 0;
beforeEach(async () => {
  db = new TemDeskDatabase(`inventory-early-test-${++counter}`);
  await db.open();
  await db.sites.add(makeSite());
  await db.services.add(makeService());
});
afterEach(async () => {
  // A read a test left running stops, so the next test starts with none.
  claimInventoryRead(db)
    ?.subscribe({ next: () => undefined, error: () => undefined })
    .unsubscribe();
  await db.delete();
});

/** Subscribes and keeps every value it reports. */
function record(source: NonNullable<ReturnType<typeof claimInventoryRead>>) {
  const seen: InventoryData[] = [];
  const subscription = source.subscribe({
    next: (value) => seen.push(value),
    error: (error: unknown) => {
      throw error;
    },
  });
  return { seen, subscription };
}

describe('the inventory read started at launch', () => {
  it('is there to claim only once started, and only for its own database', () => {
    expect(claimInventoryRead(db)).toBeUndefined();
    startInventoryRead(db);
    expect(claimInventoryRead(new TemDeskDatabase('another'))).toBeUndefined();
    expect(claimInventoryRead(db)).toBeDefined();
  });

  it('hands what it read to the page, then every change, until the page lets go', async () => {
    startInventoryRead(db);
    await vi.waitFor(() => expect(claimInventoryRead(db)?.latest?.services).toHaveLength(1));
    const source = claimInventoryRead(db);
    if (!source) throw new Error('no early read');
    const { seen, subscription } = record(source);
    // The first value arrives at once: what was read before the page mounted.
    expect(seen.map((d) => d.services.map((s) => s.id))).toEqual([['service-1']]);
    await db.services.add(makeService({ id: 'service-2', serviceIdRaw: '555-010-0002' }));
    await vi.waitFor(() => expect(seen.at(-1)?.services).toHaveLength(2));
    subscription.unsubscribe();
    // Let go: nothing left to claim, and a later change reaches no one.
    expect(claimInventoryRead(db)).toBeUndefined();
    const reported = seen.length;
    await db.services.delete('service-2');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(reported);
  });

  it('reads afresh for a second subscriber (the page mounted again)', async () => {
    startInventoryRead(db);
    const source = claimInventoryRead(db);
    if (!source) throw new Error('no early read');
    record(source).subscription.unsubscribe();
    expect(source.latest).toBeUndefined();
    const again = record(source);
    await vi.waitFor(() => expect(again.seen.at(-1)?.services).toHaveLength(1));
    await db.services.add(makeService({ id: 'service-2', serviceIdRaw: '555-010-0002' }));
    await vi.waitFor(() => expect(again.seen.at(-1)?.services).toHaveLength(2));
    again.subscription.unsubscribe();
  });

  it('stops when no page claims it (the user went elsewhere first)', async () => {
    startInventoryRead(db, 0);
    await vi.waitFor(() => expect(claimInventoryRead(db)).toBeUndefined());
  });
});
