/**
 * Crafted `.temdesk` files, one per probe of issue 18: each is refused with its sentence before
 * anything grows, or read back exactly. Each fixture is generated here from a valid backup.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { billingConsistency } from '../../../shared/backup/app-expectations';
import { readBackup, writeBackup } from '../../../shared/backup/format';
import { DEFAULT_BACKUP_LIMITS } from '../../../shared/backup/limits';
import { manifestChecksum, type BackupManifest } from '../../../shared/backup/manifest';
import { BACKUP_MESSAGES } from '../../../shared/backup/messages';
import type { Result } from '../../../shared/result';
import {
  EXPECTATIONS,
  entriesOf,
  makeConsistentWorkspace,
  makeWorkspace,
  manifestJson,
  META,
  resealed,
  rezip,
  withManifest,
} from './workspace';
import { withClaimedSize, withRenamedMember, withWrongCrc } from './zip-bytes';

const backup = writeBackup(makeWorkspace(), META);

function refusal(bytes: Uint8Array, expectations = EXPECTATIONS): string[] {
  const result: Result<unknown> = readBackup(bytes, expectations);
  expect(result.ok, 'the backup should have been refused').toBe(false);
  return result.ok ? [] : result.errors.map((error) => error.message);
}

/** The backup with its manifest edited and its checksum recomputed, as a careful forger would. */
function withForgedManifest(edit: (manifest: Record<string, unknown>) => void): Uint8Array {
  const entries = entriesOf(backup);
  const manifest = manifestJson(entries);
  edit(manifest);
  // The edited manifest is what the forger signs; the reader must still refuse it.
  manifest['checksum'] = manifestChecksum(manifest as unknown as BackupManifest);
  return rezip(withManifest(entries, manifest));
}

/** The backup with one record of a table replaced, checksums resealed. */
function withRecord(table: string, index: number, edit: (record: Record<string, unknown>) => void) {
  const dump = makeWorkspace();
  const records = dump.tables[table] ?? [];
  // A copy: the workspace's own records are shared between calls.
  const record = { ...(records[index] as Record<string, unknown>) };
  edit(record);
  records[index] = record;
  return writeBackup(dump, META);
}

describe('sizes and counts are checked before anything is unpacked', () => {
  it('refuses a manifest claiming 30,000,000 stored files, from the directory alone', () => {
    const forged = withForgedManifest((manifest) => {
      (manifest['binaries'] as { count: number }).count = 30_000_000;
    });
    expect(refusal(forged)).toEqual([BACKUP_MESSAGES.binaryCountMismatch(30_000_000, 15)]);
  });

  it('refuses a table claiming more records than its file could hold', () => {
    const forged = withForgedManifest((manifest) => {
      const tables = manifest['tables'] as Record<string, { count: number }>;
      if (tables['invoices']) tables['invoices'].count = 30_000_000;
    });
    expect(refusal(forged)).toEqual([BACKUP_MESSAGES.implausibleCount('invoices', 30_000_000)]);
  });

  it('refuses a member claiming 4 GB before unpacking it', () => {
    const forged = withClaimedSize(backup, 'tables/invoices.json', 0xffff_ffff);
    expect(refusal(forged)).toEqual([
      BACKUP_MESSAGES.memberTooLarge(
        'tables/invoices.json',
        0xffff_ffff,
        DEFAULT_BACKUP_LIMITS.maxMemberBytes,
      ),
    ]);
    expect(refusal(forged)[0]).toMatch(/"size of one file" limit.*can be raised/);
  });

  it('refuses a member whose claimed size deflate could not produce from its packed bytes', () => {
    const forged = withClaimedSize(backup, 'tables/invoices.json', 400 * 1024 * 1024);
    expect(refusal(forged)).toEqual([BACKUP_MESSAGES.damaged]);
  });

  it('refuses a ZIP bomb (2 MB of zeros in a few KB) under a 1 MB member limit', () => {
    const bomb = zipSync({ 'binary/0.bin': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    const limits = { ...DEFAULT_BACKUP_LIMITS, maxMemberBytes: 1024 * 1024 };
    expect(refusal(bomb, { ...EXPECTATIONS, limits })).toEqual([
      BACKUP_MESSAGES.memberTooLarge('binary/0.bin', 2 * 1024 * 1024, 1024 * 1024),
    ]);
  });

  it('refuses a backup past the whole-backup size and member-count limits', () => {
    const small = { ...DEFAULT_BACKUP_LIMITS, maxTotalBytes: 1_000 };
    expect(refusal(backup, { ...EXPECTATIONS, limits: small })).toEqual([
      BACKUP_MESSAGES.totalTooLarge(1_000),
    ]);
    const few = { ...DEFAULT_BACKUP_LIMITS, maxEntries: 5 };
    expect(refusal(backup, { ...EXPECTATIONS, limits: few })[0]).toMatch(
      /more than the 5 a backup may hold \(the "files in a backup" limit\)/,
    );
  });

  it('refuses a member that unpacks to more than it claims, stopping at the claim', () => {
    // The manifest and the ZIP directory agree on 100 bytes; only unpacking can tell.
    const manifestSays100 = withForgedManifest((manifest) => {
      const tables = manifest['tables'] as Record<string, { bytes: number }>;
      if (tables['invoices']) tables['invoices'].bytes = 100;
    });
    const forged = withClaimedSize(manifestSays100, 'tables/invoices.json', 100);
    expect(refusal(forged)).toEqual([BACKUP_MESSAGES.damagedMember('tables/invoices.json')]);
  });
});

describe('ZIP members are checked as they are unpacked', () => {
  it('refuses a member whose CRC-32 does not match its data', () => {
    expect(refusal(withWrongCrc(backup, 'tables/carriers.json'))).toEqual([
      BACKUP_MESSAGES.damagedMember('tables/carriers.json'),
    ]);
  });

  it('catches a changed byte of a stored (uncompressed) member by its CRC-32', () => {
    const stored = zipSync(entriesOf(backup), { level: 0, mtime: new Date(1980, 0, 1) });
    const text = new TextDecoder('latin1').decode(stored);
    const at = text.indexOf('"linesTotal":12345');
    expect(at).toBeGreaterThan(0);
    const changed = stored.slice();
    changed[at + '"linesTotal":'.length] = '9'.charCodeAt(0);
    expect(refusal(changed)).toEqual([BACKUP_MESSAGES.damagedMember('tables/invoices.json')]);
  });

  it('refuses two members with the same name', () => {
    expect(refusal(withRenamedMember(backup, 'binary/1.bin', 'binary/0.bin'))).toEqual([
      BACKUP_MESSAGES.duplicateEntry('binary/0.bin'),
    ]);
  });

  it.each(['../evil.json', '/etc/passwd', 'C:/temp/x', 'tables/__proto__', 'a\\..\\b'])(
    'refuses a member named %s',
    (name) => {
      const entries = { ...entriesOf(backup), [name]: strToU8('{}') };
      expect(refusal(rezip(entries))).toEqual([BACKUP_MESSAGES.unsafeEntryName(name)]);
    },
  );
});

describe('every record is checked against its schema, with a sentence naming it', () => {
  it('refuses linesTotal "abc"', () => {
    const forged = withRecord('invoices', 1, (invoice) => {
      invoice['linesTotal'] = 'abc';
    });
    expect(refusal(forged)).toEqual([
      'The backup\'s invoices table, record "inv-acme": linesTotal must be a whole number of cents, found "abc". Nothing was changed.',
    ]);
  });

  it.each([
    ['lineCount', -5, 'lineCount must be a whole number, zero or more, found -5'],
    ['statedTotal', 12.5, 'statedTotal must be a whole number of cents, found 12.5'],
    [
      'invoiceDate',
      '9999-12-31',
      'invoiceDate must be a date like 2024-08-31 in the years 1990 to 2100, found "9999-12-31"',
    ],
    [
      'invoiceDate',
      '1900-01-01',
      'invoiceDate must be a date like 2024-08-31 in the years 1990 to 2100, found "1900-01-01"',
    ],
    [
      'status',
      'lost',
      'status must be one of received, reviewed, approved, paid, on-hold, found "lost"',
    ],
    ['importBatchId', undefined, 'importBatchId must be text, found nothing'],
  ])('refuses %s = %s', (field, value, sentence) => {
    const forged = withRecord('invoices', 1, (invoice) => {
      invoice[field] = value;
    });
    expect(refusal(forged)[0]).toBe(
      `The backup's invoices table, record "inv-acme": ${sentence}. Nothing was changed.`,
    );
  });

  it('names nested fields and packed columns', () => {
    const history = withRecord('invoices', 1, (invoice) => {
      invoice['history'] = [{ status: 'received', at: 'yesterday' }];
    });
    expect(refusal(history)[0]).toMatch(
      /record "inv-acme": history entry 1 at must be a date and time/,
    );
    const amounts = withRecord('chargeBlocks', 1, (block) => {
      block['amount'] = Float64Array.from([1, 0.5, 2]);
    });
    expect(refusal(amounts)[0]).toMatch(
      /chargeBlocks table, record \[inv-acme, 0\]: amount entry 2 must hold whole numbers of cents, found 0.5/,
    );
    const short = withRecord('chargeBlocks', 1, (block) => {
      block['count'] = 4;
    });
    expect(refusal(short)[0]).toMatch(
      /serviceIdRaw must hold 4 entries, one per line of the block/,
    );
  });

  it('refuses an invoice whose carrier account does not exist', () => {
    const forged = withRecord('invoices', 1, (invoice) => {
      invoice['accountNumber'] = '9999';
    });
    expect(refusal(forged)).toEqual([
      expect.stringMatching(
        /^In the backup, invoices record "inv-acme" has carrierId and accountNumber \[car-vz, 9999\], but there is no accounts record/,
      ),
    ]);
  });

  it('caps the list: ten sentences, then how many more', () => {
    const dump = makeWorkspace();
    dump.tables['invoices'] = (dump.tables['invoices'] ?? []).map((invoice) => ({
      ...(invoice as object),
      linesTotal: 'x',
      lineCount: -1,
      invoiceDate: '0000-00-00',
      status: 'lost',
      statedTotal: 'y',
      categoryTotals: [],
    }));
    const messages = refusal(writeBackup(dump, META));
    expect(messages).toHaveLength(11);
    expect(messages[10]).toBe(BACKUP_MESSAGES.moreProblems(2 * 6 - 10));
  });
});

describe('versions', () => {
  function withVersions(formatVersion: number, schemaVersion: number): Uint8Array {
    const entries = entriesOf(backup);
    const manifest = { ...manifestJson(entries), schemaVersion };
    const sealed = resealed(withManifest(entries, manifest));
    return rezip(withManifest(sealed, { ...manifestJson(sealed), formatVersion }));
  }

  it.each([
    [0, 4, BACKUP_MESSAGES.formatVersionInvalid(0)],
    [1.5, 4, BACKUP_MESSAGES.formatVersionInvalid(1.5)],
    [2, 4, BACKUP_MESSAGES.newerFormat(2)],
    [1, 0, BACKUP_MESSAGES.schemaVersionUnknown(0)],
    [1, 99, BACKUP_MESSAGES.newerSchema(99)],
  ])('format version %s with schema version %s is refused', (format, schema, sentence) => {
    expect(refusal(withVersions(format, schema))).toEqual([sentence]);
  });

  it('refuses a backup holding a table its schema version did not have', () => {
    // Version 1 had no sites; this backup says version 1 but holds every table.
    expect(refusal(withVersions(1, 1))[0]).toMatch(
      /holds a table named "[a-zA-Z]+", but schema version 1 \(the one it says it uses\) has no such table/,
    );
  });
  it('refuses, never throws, on an object that cannot be printed in any field of a record', () => {
    // Found by the property test (reader.property.test.ts, seed 540113312): a site whose field
    // held {"toString": null} made the refusal's sentence throw while quoting it.
    const fields = Object.keys(makeWorkspace().tables.sites?.[0] as object);
    expect(fields.length).toBeGreaterThan(1);
    for (const field of fields) {
      const dump = makeWorkspace();
      const sites = dump.tables.sites ?? [];
      sites[0] = { ...(sites[0] as object), [field]: JSON.parse('{"toString": null}') as unknown };
      const messages = refusal(writeBackup(dump, META));
      for (const message of messages) expect(message.length, field).toBeLessThan(1_000);
    }
  });
});

describe('a backup whose figures contradict each other', () => {
  const app = { ...EXPECTATIONS, consistency: billingConsistency };
  /** The frozen fixture's records alone (no awkward numbers), with `edit` applied. */
  const workspace = (edit: (tables: Record<string, unknown[]>) => void) => {
    const dump = makeConsistentWorkspace();
    edit(dump.tables);
    return writeBackup(dump, META);
  };

  it('reads a workspace whose invoices are their lines', () => {
    expect(
      readBackup(
        workspace(() => undefined),
        app,
      ).ok,
    ).toBe(true);
  });

  it('refuses an invoice whose lines total is not its charge lines', () => {
    const bytes = workspace((tables) => {
      const [first] = tables['invoices'] as { linesTotal: number }[];
      if (first) first.linesTotal += 99_999;
    });
    expect(refusal(bytes, app).join('\n')).toMatch(
      /says its lines total \$[\d,.]+, but its charge lines add up to \$[\d,.]+\. The backup is damaged or was edited by hand; nothing was restored\./,
    );
  });

  it('refuses a charge beyond what one charge can be (2⁵³ − 1 cents), before any figure is made of it', () => {
    const messages = refusal(writeBackup(makeWorkspace(), META), app);
    expect(messages).toEqual([
      expect.stringMatching(
        /^chargeBlocks: block 0 of invoice "inv-acme" holds a charge of -\$90,071,992,547,409\.9\d, beyond the \$1,000,000,000\.00 one charge can be\./,
      ),
    ]);
  });
});
