import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type WorkspaceDump } from '../../../shared/backup/format';
import { EXPECTATIONS, entriesOf, makeWorkspace, manifestJson, META } from './workspace';

function restored(dump: WorkspaceDump, expectations = EXPECTATIONS): WorkspaceDump {
  const result = readBackup(writeBackup(dump, META), expectations);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.value.dump;
}

/** The record of a table whose `field` is `value` (our awkward records, not the fixture's). */
function recordOf(dump: WorkspaceDump, table: string, field: string, value: unknown): unknown {
  return dump.tables[table]?.find(
    (record) =>
      typeof record === 'object' &&
      record !== null &&
      Object.getOwnPropertyDescriptor(record, field)?.value === value,
  );
}

/** A record's field, checked to be an instance of `type` (failing the test otherwise). */
function fieldOf<T>(record: unknown, field: string, type: abstract new (...args: never[]) => T): T {
  const value: unknown =
    typeof record === 'object' && record !== null
      ? Object.getOwnPropertyDescriptor(record, field)?.value
      : undefined;
  if (!(value instanceof type)) throw new Error(`${field} is not a ${type.name}`);
  return value;
}

describe('writeBackup → readBackup', () => {
  it('holds every table of the current schema', () => {
    expect(Object.keys(makeWorkspace().tables).sort()).toEqual([...EXPECTATIONS.knownTables]);
  });

  it('gives back the workspace exactly, typed arrays as the same types', () => {
    const dump = makeWorkspace();
    const back = restored(dump);
    expect(back).toStrictEqual(dump);

    const block = recordOf(back, 'chargeBlocks', 'invoiceId', 'inv-acme');
    expect(block).toMatchObject({
      category: expect.any(Uint8Array),
      quantity: expect.any(Float64Array),
      amount: expect.any(Float64Array),
      sourceRow: expect.any(Uint32Array),
    });
    const file = recordOf(back, 'originalFiles', 'batchId', 'batch-acme');
    expect(file).toMatchObject({ bytes: expect.any(Uint8Array) });
  });

  it('gives back arrays without holes, as IndexedDB then stores them densely', () => {
    // V8's structured clone (IndexedDB's) writes an array with holes as a sparse one, key by key.
    const block = recordOf(restored(makeWorkspace()), 'chargeBlocks', 'invoiceId', 'inv-acme');
    const columns = Object.values(block as object).filter(Array.isArray);
    expect(columns.length).toBeGreaterThan(2);
    for (const column of columns) expect(serialize(column)[2]).toBe('A'.charCodeAt(0));
  });

  it('keeps awkward numbers bit for bit: NaN, −0, the largest safe integers, 0xFFFFFFFF', () => {
    const block = recordOf(restored(makeWorkspace()), 'chargeBlocks', 'invoiceId', 'inv-acme');
    const quantity = fieldOf(block, 'quantity', Float64Array);
    const amount = fieldOf(block, 'amount', Float64Array);
    const sourceRow = fieldOf(block, 'sourceRow', Uint32Array);
    expect(Number.isNaN(quantity[0])).toBe(true);
    expect(Object.is(quantity[1], -0)).toBe(true);
    expect(quantity[2]).toBe(2 ** 53 - 1);
    expect(amount[0]).toBe(-(2 ** 53 - 1));
    expect(amount[2]).toBe(2 ** 53 - 1);
    const doubles = recordOf(restored(makeWorkspace()), 'settings', 'key', 'doubles');
    expect(Array.from(fieldOf(doubles, 'value', Float64Array))).toEqual([
      1e308,
      Number.MIN_VALUE,
      -0,
    ]);
    expect(sourceRow[2]).toBe(0xffff_ffff);
  });

  it('keeps original file bytes exactly, 0x00 and 0xFF included', () => {
    const dump = makeWorkspace();
    const before = recordOf(dump, 'originalFiles', 'batchId', 'batch-acme');
    const after = recordOf(restored(dump), 'originalFiles', 'batchId', 'batch-acme');
    const bytesOf = (record: unknown): number[] => Array.from(fieldOf(record, 'bytes', Uint8Array));
    expect(bytesOf(after)).toEqual(bytesOf(before));
    expect(bytesOf(after).slice(0, 2)).toEqual([0x00, 0xff]);
  });

  it('keeps keys that look like its own tags, and a key named __proto__ as a plain key', () => {
    const mapping = recordOf(restored(makeWorkspace()), 'columnMappings', 'id', 'map-1');
    const columns = fieldOf(mapping, 'columns', Object);
    expect(Object.keys(columns)).toEqual(['Account', '$bin', '$$odd', '__proto__']);
    expect(Object.getPrototypeOf(columns)).toBe(Object.prototype);
  });

  it('keeps a typed array that is a view into a larger buffer as just its own bytes', () => {
    const buffer = new Float64Array([1, 2, 3, 4]).buffer;
    const dump: WorkspaceDump = {
      schemaVersion: 2,
      tables: { settings: [{ key: 'view', value: new Float64Array(buffer, 8, 2) }] },
    };
    expect(restored(dump).tables['settings']).toStrictEqual([
      { key: 'view', value: Float64Array.from([2, 3]) },
    ]);
  });

  it('summarises the backup for the restore dialog', () => {
    const dump = makeWorkspace();
    const result = readBackup(writeBackup(dump, META), EXPECTATIONS);
    expect(result.ok && result.value.summary).toEqual({
      tables: Object.entries(dump.tables)
        .map(([name, records]) => ({ name, count: records.length }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      createdAt: META.createdAt,
      appVersion: META.appVersion,
      schemaVersion: EXPECTATIONS.latestSchemaVersion,
      organizationName: 'Acme Corp',
    });
  });

  it('writes the manifest the format promises', () => {
    const manifest = manifestJson(entriesOf(writeBackup(makeWorkspace(), META)));
    expect(manifest).toMatchObject({
      format: 'temdesk-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      schemaVersion: EXPECTATIONS.latestSchemaVersion,
      createdAt: META.createdAt,
      organizationName: 'Acme Corp',
      binaries: {
        count: 15,
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(manifest['tables']).toMatchObject({
      invoices: {
        count: 2,
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
  });

  it('stores binaries outside the JSON, referenced by a tag', () => {
    const entries = entriesOf(writeBackup(makeWorkspace(), META));
    const table = new TextDecoder().decode(entries['tables/chargeBlocks.json']);
    expect(table).toContain('"quantity":{"$bin":');
    expect(table).toContain('"type":"Float64Array"');
    // One per typed array: 4 columns × 2 blocks, 2 service-total columns, 2 original files, 1
    // attachment, 2 settings.
    expect(Object.keys(entries).filter((path) => path.startsWith('binary/'))).toHaveLength(15);
  });

  it('writes the same bytes for the same workspace and meta (no clock, no random)', () => {
    const first = writeBackup(makeWorkspace(), META);
    const second = writeBackup(makeWorkspace(), META);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('writes an organization-less manifest when none is given', () => {
    const bytes = writeBackup(makeWorkspace(), { appVersion: '0.1.0', createdAt: META.createdAt });
    const result = readBackup(bytes, EXPECTATIONS);
    expect(result.ok && 'organizationName' in result.value.summary).toBe(false);
  });

  it('refuses to write what IndexedDB records of this app never hold (a programmer error)', () => {
    const withMap: WorkspaceDump = {
      schemaVersion: 2,
      tables: { settings: [{ key: 'm', value: new Map() }] },
    };
    expect(() => writeBackup(withMap, META)).toThrow(/Map/);
    const cyclic: Record<string, unknown> = { key: 'self' };
    cyclic['value'] = cyclic;
    expect(() => writeBackup({ schemaVersion: 2, tables: { settings: [cyclic] } }, META)).toThrow(
      /contains itself/,
    );
    expect(() => writeBackup({ schemaVersion: 2, tables: { '../evil': [] } }, META)).toThrow(
      /table named/,
    );
  });
});

/** JSON-able values plus the things JSON alone would lose. */
const storedValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.uint8Array({ maxLength: 40 }),
    fc.float64Array({ maxLength: 10 }),
    fc.float64Array({ maxLength: 10 }).map((values) => Float64Array.from(values)),
    fc.uint32Array({ maxLength: 10 }),
    fc.int32Array({ maxLength: 10 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));

describe('round trip of random records', () => {
  it('gives back any records of plain values, nested arrays and objects, and typed arrays', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.dictionary(fc.string(), storedValue.value, { maxKeys: 5, noNullPrototype: true }),
          {
            maxLength: 5,
          },
        ),
        (records) => {
          const dump: WorkspaceDump = {
            schemaVersion: EXPECTATIONS.latestSchemaVersion,
            tables: { settings: records },
          };
          const back = restored(dump, { ...EXPECTATIONS, keys: {}, schemas: {} });
          expect(back).toStrictEqual(dump);
        },
      ),
      { numRuns: 200 },
    );
  });
});
