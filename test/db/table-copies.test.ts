/**
 * The packed copy of the services table (renderer/db/table-copies): a whole-table read is served
 * from one record when the copy exists, every write to services drops it in the same transaction,
 * it is rebuilt from the table itself, and backups neither hold nor restore it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpWorkspace, restoreWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import { tableCopyKey } from '../../renderer/db/table-copies';
import type { Service } from '../../shared/model';
import { makeService } from '../helpers/inventory';
import { putRaw, storedRaw } from '../helpers/raw-idb';

let db: TemDeskDatabase;
let counter = 0;
/** Rebuilds the scheduled ones ran (the app runs them once idle). */
let scheduled: (() => void)[];

beforeEach(async () => {
  scheduled = [];
  db = new TemDeskDatabase(`table-copies-${++counter}`, undefined, {
    schedule: (run) => scheduled.push(run),
  });
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

const COPY_KEY = tableCopyKey('services');

/** The copy as IndexedDB holds it, read under every layer of Dexie. */
function storedCopy(): Promise<{ value: { records: Service[] } } | undefined> {
  return storedRaw(db, 'settings', COPY_KEY);
}

/** Service number `i` of {@link services}. */
function service(i: number, site = 'site-a'): Service {
  return makeService({
    id: `svc-${String(i).padStart(4, '0')}`,
    siteId: site,
    serviceIdRaw: `555-01${String(i).padStart(2, '0')}`,
    serviceKey: `+1555010${i}`,
  });
}

function services(count: number, site = 'site-a'): Service[] {
  return Array.from({ length: count }, (_, i) => service(i, site));
}

describe('the packed copy of the services table', () => {
  it('is built from the table and serves whole-table reads with the same records, in key order', async () => {
    const written = services(30).reverse();
    await db.services.bulkAdd(written);
    expect(await storedCopy()).toBeUndefined();
    const expected = [...written].sort((a, b) => a.id.localeCompare(b.id));
    expect(await db.services.toArray()).toStrictEqual(expected);

    await db.rebuildTableCopies();
    expect((await storedCopy())?.value.records).toStrictEqual(expected);
    expect(await db.services.toArray()).toStrictEqual(expected);
  });

  it('is what a whole-table read returns when it exists (one record, not one per service)', async () => {
    await db.services.bulkAdd(services(3));
    await db.rebuildTableCopies();
    // A copy that differs from the table (never made by the app) shows which one a read used.
    const marked = services(1, 'site-from-the-copy');
    await putRaw(db, 'settings', { key: COPY_KEY, value: { records: marked } });
    expect(await db.services.toArray()).toStrictEqual(marked);
    // Reads that are not the whole table in key order read the table.
    expect(await db.services.limit(2).toArray()).toHaveLength(2);
    expect((await db.services.reverse().toArray()).map((s) => s.id)).toStrictEqual([
      'svc-0002',
      'svc-0001',
      'svc-0000',
    ]);
    expect(await db.services.where('siteId').equals('site-a').count()).toBe(3);
    expect(await db.services.get('svc-0001')).toMatchObject({ siteId: 'site-a' });
  });

  it('is dropped by every kind of write to services, in the same transaction', async () => {
    const writes: [string, () => Promise<unknown>][] = [
      ['put', () => db.services.put({ ...service(0), siteId: 'site-b' })],
      ['add', () => db.services.add(service(4))],
      ['update', () => db.services.update('svc-0001', { siteId: 'site-c' })],
      ['delete', () => db.services.delete('svc-0002')],
      ['bulkPut', () => db.services.bulkPut(services(2, 'site-d'))],
      ['clear', () => db.services.clear()],
      ['modify', () => db.services.toCollection().modify({ plan: 'Unlimited' })],
    ];
    for (const [name, write] of writes) {
      await db.services.clear();
      await db.services.bulkAdd(services(4));
      await db.rebuildTableCopies();
      expect(await storedCopy(), name).toBeDefined();
      scheduled = [];
      await write();
      expect(await storedCopy(), name).toBeUndefined();
      const table = await db.services.orderBy(':id').toArray();
      expect(await db.services.toArray(), name).toStrictEqual(table);
      expect(scheduled.length, `${name} schedules a rebuild`).toBeGreaterThan(0);
    }
  });

  it('stays when the write transaction that changed services aborts (both roll back)', async () => {
    await db.services.bulkAdd(services(3));
    await db.rebuildTableCopies();
    await expect(
      db.transaction('rw', db.services, async () => {
        await db.services.put({ ...service(0), siteId: 'site-z' });
        throw new Error('abort on purpose');
      }),
    ).rejects.toThrow('abort on purpose');
    expect((await storedCopy())?.value.records).toHaveLength(3);
    expect((await db.services.toArray()).map((s) => s.siteId)).toStrictEqual([
      'site-a',
      'site-a',
      'site-a',
    ]);
  });

  it('is rebuilt from the table, never from records a page changed in memory', async () => {
    await db.services.bulkAdd(services(2));
    const [first] = await db.services.toArray();
    if (first) first.siteId = 'changed-on-screen-only';
    await db.rebuildTableCopies();
    expect((await db.services.toArray()).map((s) => s.siteId)).toStrictEqual(['site-a', 'site-a']);
  });

  it('runs the scheduled rebuild after a write, and a read with no copy schedules one', async () => {
    await db.services.bulkAdd(services(2));
    expect(scheduled.length).toBeGreaterThan(0);
    for (const run of scheduled.splice(0)) run();
    await expect.poll(() => storedCopy()).toBeDefined();

    await db.services.put({ ...service(0), plan: 'Basic' });
    scheduled = [];
    await db.services.toArray();
    expect(scheduled.length).toBe(1);
  });

  it('is never in a backup, and one in a crafted backup is not restored', async () => {
    await db.services.bulkAdd(services(3));
    await db.settings.put({ key: 'organizationName', value: 'Acme' });
    await db.rebuildTableCopies();
    const dump = await dumpWorkspace(db);
    expect(dump.tables.settings).toStrictEqual([{ key: 'organizationName', value: 'Acme' }]);

    const crafted = {
      ...dump,
      tables: {
        ...dump.tables,
        settings: [
          ...(dump.tables.settings ?? []),
          { key: COPY_KEY, value: { records: services(1, 'site-crafted') } },
        ],
      },
    };
    await restoreWorkspace(db, crafted);
    expect(await storedCopy()).toBeUndefined();
    expect((await db.services.toArray()).map((s) => s.siteId)).toStrictEqual([
      'site-a',
      'site-a',
      'site-a',
    ]);
  });
});
