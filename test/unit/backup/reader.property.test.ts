/**
 * Whatever bytes it is given, the backup reader returns a workspace or a clean refusal: never a
 * throw, and never a workspace other than the one that was backed up. Bounded runs: seconds.
 */
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type ReadBackup } from '../../../shared/backup/format';
import { manifestChecksum, type BackupManifest } from '../../../shared/backup/manifest';
import { TABLE_SCHEMAS } from '../../../shared/backup/schemas';
import type { Result } from '../../../shared/result';
import {
  EXPECTATIONS,
  entriesOf,
  makeWorkspace,
  manifestJson,
  META,
  resealed,
  rezip,
  withManifest,
} from './workspace';

const original = makeWorkspace();
const backup = writeBackup(original, META);
const RUNS = { numRuns: 60 };

/** A refusal is a non-empty list of sentences; a success is a whole workspace. */
function expectClean(result: Result<ReadBackup>): void {
  if (result.ok) {
    expect(result.value.dump.tables).toBeTypeOf('object');
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.message).toMatch(/^\S.*[.)]$/s);
    expect(error.message.length).toBeLessThan(1_000);
  }
}

/** Reads without letting a throw escape unnoticed: a throw fails the property. */
function read(bytes: Uint8Array): Result<ReadBackup> {
  const result = readBackup(bytes, EXPECTATIONS);
  expectClean(result);
  return result;
}

describe('the backup reader never throws', () => {
  it('on any bytes, with or without a ZIP signature in front', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 4_000 }), (zipLike, bytes) => {
        const input = zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        expect(read(input).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('on a valid backup with bytes flipped: refused, or read back exactly', () => {
    const flip = fc.record({
      at: fc.nat({ max: backup.length - 1 }),
      mask: fc.integer({ min: 1, max: 255 }),
    });
    fc.assert(
      fc.property(fc.array(flip, { minLength: 1, maxLength: 4 }), (flips) => {
        const bytes = backup.slice();
        for (const { at, mask } of flips) bytes[at] = (bytes[at] ?? 0) ^ mask;
        const result = read(bytes);
        if (result.ok) expect(result.value.dump).toStrictEqual(original);
      }),
      RUNS,
    );
  });

  it('on a valid backup cut off anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: backup.length - 1 }), (length) => {
        expect(read(backup.slice(0, length)).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('on any edit of the manifest', () => {
    const manifest = manifestJson(entriesOf(backup));
    const fields = Object.keys(manifest);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const entries = withManifest(entriesOf(backup), { ...manifest, [field]: value });
        read(rezip(entries));
      }),
      RUNS,
    );
  });

  it('on any value in any field of any record: accepted only when the record fits its schema', () => {
    const tables = Object.keys(original.tables).filter((name) => original.tables[name]?.length);
    fc.assert(
      fc.property(
        fc.constantFrom(...tables),
        fc.nat(),
        fc.oneof(fc.nat(), fc.string({ maxLength: 12 })),
        fc.jsonValue(),
        (table, index, field, value) => {
          const dump = makeWorkspace();
          const records = dump.tables[table] ?? [];
          const at = index % records.length;
          const record = { ...(records[at] as Record<string, unknown>) };
          const keys = Object.keys(record);
          // A number picks one of the record's own fields; a string adds or replaces any.
          const name = typeof field === 'number' ? (keys[field % keys.length] ?? '') : field;
          record[name] = value;
          records[at] = record;
          const result = read(writeBackup(dump, META));
          if (result.ok) expect(TABLE_SCHEMAS[table]?.safeParse(record).success).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('on any count or size the manifest claims, checksum resealed', () => {
    const manifest = manifestJson(entriesOf(backup));
    const tableNames = Object.keys(manifest['tables'] as object);
    fc.assert(
      fc.property(
        fc.constantFrom('binaries', ...tableNames),
        fc.constantFrom('count', 'bytes'),
        fc.nat({ max: 2 ** 32 }),
        (part, field, claim) => {
          const edited = structuredClone(manifest) as Record<string, Record<string, unknown>>;
          const target = part === 'binaries' ? edited['binaries'] : edited['tables']?.[part];
          Object.assign(target as object, { [field]: claim });
          const sealed = {
            ...edited,
            checksum: manifestChecksum(edited as unknown as BackupManifest),
          };
          read(rezip(withManifest(entriesOf(backup), sealed)));
        },
      ),
      RUNS,
    );
  });

  it('on a table file rewritten with arbitrary text, checksums resealed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('invoices', 'chargeBlocks', 'settings'),
        fc.string(),
        (table, text) => {
          const entries = { ...entriesOf(backup), [`tables/${table}.json`]: strToU8(text) };
          read(rezip(resealed(entries)));
        },
      ),
      RUNS,
    );
  });
});
