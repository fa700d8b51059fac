/**
 * Usage records are stored as columns under every layer of Dexie (renderer/db/usage-packing):
 * what IndexedDB holds is packed, what every read, backup and restore sees is the records as
 * written, and a record stored unpacked (before, or not packable) reads as it is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpWorkspace, restoreWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase, type InvoiceUsageRecord } from '../../renderer/db/database';
import { isoMonth } from '../../shared/dates/iso-date';
import type { UsageRecord } from '../../shared/model';
import { putRaw, storedRaw } from '../helpers/raw-idb';

let db: TemDeskDatabase;
let counter = 0;

beforeEach(async () => {
  db = new TemDeskDatabase(`usage-packing-${++counter}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

function usageOf(invoiceId: string, count: number): InvoiceUsageRecord {
  const records: UsageRecord[] = Array.from({ length: count }, (_, i) => ({
    serviceKey: `+1555${1_000_000 + i}`,
    serviceIdRaw: `555-${1_000_000 + i}`,
    month: isoMonth(2026, 10),
    invoiceId,
    minutes: i % 4 === 0 ? null : i * 1.25,
    messages: i % 5 === 0 ? null : i,
    dataKb: i === 1 ? -0 : i * 1_024,
    roamingMinutes: 0,
    roamingDataKb: i % 7,
    usageCharges: (i * 137) as UsageRecord['usageCharges'],
  }));
  return { invoiceId, records };
}

describe('usage records stored as columns', () => {
  it('are packed in IndexedDB and read back exactly as written, by every kind of read', async () => {
    const a = usageOf('invoice-a', 300);
    const b = usageOf('invoice-b', 2);
    await db.usage.bulkPut([a, b]);

    const raw = await storedRaw(db, 'usage', 'invoice-a');
    expect(raw).not.toHaveProperty('records');
    expect(raw?.packedRecords).toMatchObject({ count: 300 });

    expect(await db.usage.get('invoice-a')).toStrictEqual(a);
    expect(await db.usage.bulkGet(['invoice-b', 'missing', 'invoice-a'])).toStrictEqual([
      b,
      undefined,
      a,
    ]);
    expect(await db.usage.toArray()).toStrictEqual([a, b]);
    expect(await db.usage.where('invoiceId').equals('invoice-b').first()).toStrictEqual(b);
    const seen: InvoiceUsageRecord[] = [];
    await db.usage.each((record) => void seen.push(record));
    expect(seen).toStrictEqual([a, b]);
    expect(await db.usage.filter((record) => record.records.length === 2).toArray()).toStrictEqual([
      b,
    ]);
    // Key order and -0 survive too.
    const first = (await db.usage.get('invoice-a'))?.records[1];
    expect(Object.keys(first ?? {})).toEqual(Object.keys(a.records[1] ?? {}));
    expect(Object.is(first?.dataKb, -0)).toBe(true);
    expect(await db.usage.toCollection().primaryKeys()).toEqual(['invoice-a', 'invoice-b']);
  });

  it('keeps a record stored unpacked (an older one) as it is, and packs it when it is written again', async () => {
    const old = usageOf('invoice-old', 5);
    await putRaw(db, 'usage', old);
    expect(await db.usage.get('invoice-old')).toStrictEqual(old);
    await db.usage
      .where('invoiceId')
      .equals('invoice-old')
      .modify((record) => {
        record.records = record.records.slice(1);
      });
    expect(await storedRaw(db, 'usage', 'invoice-old')).toHaveProperty('packedRecords.count', 4);
    expect(await db.usage.get('invoice-old')).toStrictEqual({
      invoiceId: 'invoice-old',
      records: old.records.slice(1),
    });
  });

  it('stores records that cannot be packed exactly as they are', async () => {
    const mixed = {
      invoiceId: 'invoice-mixed',
      records: [
        { serviceKey: 'a', minutes: 1 },
        { minutes: 2, serviceKey: 'b' },
      ],
    } as unknown as InvoiceUsageRecord;
    const empty = { invoiceId: 'invoice-empty', records: [] };
    await db.usage.bulkPut([mixed, empty]);
    expect(await storedRaw(db, 'usage', 'invoice-mixed')).toStrictEqual(mixed);
    expect(await storedRaw(db, 'usage', 'invoice-empty')).toStrictEqual(empty);
    expect(await db.usage.bulkGet(['invoice-mixed', 'invoice-empty'])).toStrictEqual([
      mixed,
      empty,
    ]);
  });

  it('leave a backup of the workspace as before (records, not columns), and a restore packs them again', async () => {
    const a = usageOf('invoice-a', 40);
    await db.usage.put(a);
    const dump = await dumpWorkspace(db);
    expect(dump.tables.usage).toStrictEqual([a]);
    await db.usage.clear();
    await restoreWorkspace(db, dump);
    expect(await storedRaw(db, 'usage', 'invoice-a')).toHaveProperty('packedRecords.count', 40);
    expect(await db.usage.get('invoice-a')).toStrictEqual(a);
  });
});
