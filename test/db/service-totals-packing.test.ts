/**
 * An invoice's per-service totals are stored with each run of equal keys once
 * (renderer/db/service-totals-packing): what IndexedDB holds is packed, what every read, backup
 * and restore sees is the record as written, and one stored unpacked (before) reads as it is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpWorkspace, restoreWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import type { ServiceTotals } from '../../shared/storage/service-totals';
import { putRaw, storedRaw } from '../helpers/raw-idb';

let db: TemDeskDatabase;
let counter = 0;

beforeEach(async () => {
  db = new TemDeskDatabase(`service-totals-packing-${++counter}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

/** `services` services of `perService` categories each, then one key met again later. */
function totalsOf(invoiceId: string, services: number, perService: number): ServiceTotals {
  const keys: string[] = [];
  const categories: number[] = [];
  const amounts: number[] = [];
  for (let s = 0; s < services; s++)
    for (let c = 0; c < perService; c++) {
      keys.push(s === 0 ? '' : `+1555${1_000_000 + s}`);
      categories.push(c);
      amounts.push(s * 100 + c - 50);
    }
  keys.push('+15551000001');
  categories.push(7);
  amounts.push(-0);
  return {
    invoiceId,
    keys,
    categories: Uint8Array.from(categories),
    amounts: Float64Array.from(amounts),
  };
}

describe('per-service totals stored with their keys packed', () => {
  it('keep each run of equal keys once in IndexedDB and read back exactly as written', async () => {
    const a = totalsOf('invoice-a', 200, 3);
    const b = totalsOf('invoice-b', 1, 1);
    await db.serviceTotals.bulkPut([a, b]);

    const raw = await storedRaw(db, 'serviceTotals', 'invoice-a');
    expect(raw).not.toHaveProperty('keys');
    expect(Object.keys(raw ?? {})).toEqual(['invoiceId', 'packedKeys', 'categories', 'amounts']);
    // 200 runs of 3, and the key met again at the end is a run of its own.
    expect((raw?.packedKeys as { distinct: string[] }).distinct).toHaveLength(201);

    expect(await db.serviceTotals.get('invoice-a')).toStrictEqual(a);
    expect(await db.serviceTotals.bulkGet(['invoice-b', 'missing', 'invoice-a'])).toStrictEqual([
      b,
      undefined,
      a,
    ]);
    expect(await db.serviceTotals.toArray()).toStrictEqual([a, b]);
    const seen: ServiceTotals[] = [];
    await db.serviceTotals.each((record) => void seen.push(record));
    expect(seen).toStrictEqual([a, b]);
    const read = await db.serviceTotals.get('invoice-a');
    expect(Object.keys(read ?? {})).toEqual(Object.keys(a));
    expect(Object.is(read?.amounts[600], -0)).toBe(true);
  });

  it('read a record stored unpacked (an older one) as it is, and pack it when written again', async () => {
    const old = totalsOf('invoice-old', 4, 2);
    await putRaw(db, 'serviceTotals', old);
    expect(await db.serviceTotals.get('invoice-old')).toStrictEqual(old);
    await db.serviceTotals.put(old);
    expect(await storedRaw(db, 'serviceTotals', 'invoice-old')).toHaveProperty('packedKeys');
    expect(await db.serviceTotals.get('invoice-old')).toStrictEqual(old);
  });

  it('store keys that are not all strings as they are', async () => {
    const odd = { ...totalsOf('invoice-odd', 2, 1), keys: ['a', 7] } as unknown as ServiceTotals;
    await db.serviceTotals.put(odd);
    expect(await storedRaw(db, 'serviceTotals', 'invoice-odd')).toHaveProperty('keys', ['a', 7]);
    expect(await db.serviceTotals.get('invoice-odd')).toStrictEqual(odd);
  });

  it('leave a backup as before (keys, not runs), and a restore packs them again', async () => {
    const a = totalsOf('invoice-a', 30, 2);
    await db.serviceTotals.put(a);
    const dump = await dumpWorkspace(db);
    expect(dump.tables.serviceTotals).toStrictEqual([a]);
    await db.serviceTotals.clear();
    await restoreWorkspace(db, dump);
    expect(await storedRaw(db, 'serviceTotals', 'invoice-a')).toHaveProperty('packedKeys');
    expect(await db.serviceTotals.get('invoice-a')).toStrictEqual(a);
  });
});
