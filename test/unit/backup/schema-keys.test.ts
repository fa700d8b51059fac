import { describe, expect, it } from 'vitest';
import { readBackup, tableKeysFromSchema, writeBackup } from '../../../shared/backup/format';
import { tableKeysFromStore } from '../../../shared/backup/schema-keys';
import { META } from './workspace';

describe('tableKeysFromStore', () => {
  it.each([
    ['key', { primaryKey: 'key', unique: [] }],
    ['id, &name', { primaryKey: 'id', unique: ['name'] }],
    ['[invoiceId+blockIndex]', { primaryKey: ['invoiceId', 'blockIndex'], unique: [] }],
    [
      'id, carrierId, &[carrierId+accountNumber]',
      { primaryKey: 'id', unique: [['carrierId', 'accountNumber']] },
    ],
    ['++seq, serviceId', { primaryKey: 'seq', unique: [] }],
    ['id, serviceKey, *aliasKeys, siteId', { primaryKey: 'id', unique: [] }],
    ['++, at', { unique: [] }],
  ])('reads %j', (spec, expected) => {
    expect(tableKeysFromStore(spec)).toEqual(expected);
  });
});

describe('tableKeysFromSchema', () => {
  it('follows the history: later versions add tables, null deletes them', () => {
    const schema = tableKeysFromSchema([
      { version: 2, stores: { notes: 'id', old: null } },
      { version: 1, stores: { old: 'id', settings: 'key' } },
    ]);
    expect(schema).toEqual({
      knownTables: ['notes', 'settings'],
      keys: {
        notes: { primaryKey: 'id', unique: [] },
        settings: { primaryKey: 'key', unique: [] },
      },
      latestSchemaVersion: 2,
      tablesByVersion: { 1: ['old', 'settings'], 2: ['notes', 'settings'] },
    });
  });
});

describe('binary types', () => {
  it('round-trips every typed array kind and ArrayBuffer with its exact type', () => {
    const values = [
      Int8Array.from([-128, 127]),
      Uint8ClampedArray.from([0, 255]),
      Int16Array.from([-32768, 32767]),
      Uint16Array.from([65535]),
      Float32Array.from([Math.fround(1.1), Number.NaN]),
      BigInt64Array.from([-(2n ** 63n), 2n ** 63n - 1n]),
      BigUint64Array.from([2n ** 64n - 1n]),
      Uint8Array.from([1, 2, 3]).buffer,
      new Uint8Array(0),
    ];
    const dump = { schemaVersion: 1, tables: { settings: [{ key: 'binaries', value: values }] } };
    const expectations = {
      knownTables: ['settings'],
      latestSchemaVersion: 1,
      references: [],
      schemas: {},
    };
    const result = readBackup(writeBackup(dump, META), expectations);
    expect(result.ok && result.value.dump).toStrictEqual(dump);
  });
});
