import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../../shared/backup/format';
import {
  manifestChecksum,
  parseManifest,
  type BackupManifest,
} from '../../../shared/backup/manifest';
import { BACKUP_MESSAGES } from '../../../shared/backup/messages';
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

const backup = writeBackup(makeWorkspace(), META);

/** The backup's manifest, parsed by the reader's own code. */
function typedManifest(entries: Record<string, Uint8Array>): BackupManifest {
  const parsed = parseManifest(manifestJson(entries));
  if (!parsed.ok) throw new Error('fixture: manifest does not parse');
  return parsed.value;
}

/** XORs one byte in place. */
function flipByte(bytes: Uint8Array, at: number, mask: number): void {
  bytes[at] = (bytes[at] ?? 0) ^ mask;
}

function messagesOf(result: Result<unknown>): string[] {
  return result.ok ? [] : result.errors.map((error) => error.message);
}

function refusal(bytes: Uint8Array): string[] {
  const messages = messagesOf(readBackup(bytes, EXPECTATIONS));
  expect(messages.length, 'the backup should have been refused').toBeGreaterThan(0);
  return messages;
}

/** Rewrites one table's JSON text and reseals the checksums. */
function withTableText(table: string, edit: (text: string) => string): Uint8Array {
  const entries = entriesOf(backup);
  const bytes = entries[`tables/${table}.json`];
  if (!bytes) throw new Error(`no table ${table}`);
  return rezip(resealed({ ...entries, [`tables/${table}.json`]: strToU8(edit(strFromU8(bytes))) }));
}

describe('readBackup refuses a damaged or foreign file, and says why', () => {
  it('accepts the untouched backup (the baseline for every fault below)', () => {
    expect(readBackup(backup, EXPECTATIONS).ok).toBe(true);
    expect(readBackup(rezip(resealed(entriesOf(backup))), EXPECTATIONS).ok).toBe(true);
  });

  const cuts = [0, 1, 2, 3, 4, 10, 30, 100, 0.25, 0.5, 0.75, 0.9, -200, -23, -22, -21, -10, -1];
  it.each(cuts)('refuses the file cut off at %s as damaged', (cut) => {
    const at = cut < 0 ? backup.length + cut : cut < 1 ? Math.floor(backup.length * cut) : cut;
    expect(refusal(backup.slice(0, at))).toEqual([BACKUP_MESSAGES.damaged]);
  });

  it('refuses a file that is not a ZIP at all as not a backup', () => {
    expect(refusal(strToU8('Account,Invoice,Amount\n1,2,3\n'))).toEqual([
      BACKUP_MESSAGES.notBackup,
    ]);
  });

  it('refuses a changed byte inside a table file with the checksum message', () => {
    const entries = entriesOf(backup);
    const table = entries['tables/invoices.json'] ?? new Uint8Array();
    const flipped = table.slice();
    flipByte(flipped, Math.floor(flipped.length / 2), 0x01);
    const messages = refusal(rezip({ ...entries, 'tables/invoices.json': flipped }));
    expect(messages).toEqual([BACKUP_MESSAGES.checksum('the "invoices" table')]);
    expect(messages[0]).toMatch(/^The backup's contents do not match its checksum/);
  });

  it('refuses a changed byte inside an attached file with the checksum message', () => {
    const entries = entriesOf(backup);
    const flipped = (entries['binary/0.bin'] ?? new Uint8Array()).slice();
    flipByte(flipped, 0, 0xff);
    expect(refusal(rezip({ ...entries, 'binary/0.bin': flipped }))).toEqual([
      BACKUP_MESSAGES.checksum('the stored files and number columns'),
    ]);
  });

  it('never gives back different data, wherever a byte of the raw file is changed', () => {
    const original = readBackup(backup, EXPECTATIONS);
    let refused = 0;
    let positions = 0;
    for (let at = 0; at < backup.length; at += 37) {
      positions++;
      const flipped = backup.slice();
      flipByte(flipped, at, 0x5a);
      const result = readBackup(flipped, EXPECTATIONS);
      // A flip in ZIP bookkeeping the reader does not use (entry times, CRCs) changes no data.
      if (result.ok) expect(result.value).toStrictEqual(original.ok && original.value);
      else refused++;
    }
    expect(refused).toBeGreaterThan(positions / 2);
  });

  it('refuses a ZIP without manifest', () => {
    const entries = entriesOf(backup);
    delete entries['manifest.json'];
    expect(refusal(rezip(entries))).toEqual([BACKUP_MESSAGES.manifestMissing]);
  });

  it('refuses a manifest that is not JSON', () => {
    const entries = { ...entriesOf(backup), 'manifest.json': strToU8('{"format": "temdesk-') };
    expect(refusal(rezip(entries))).toEqual([BACKUP_MESSAGES.manifestUnreadable]);
  });

  it('refuses a ZIP whose manifest is of another format', () => {
    const entries = entriesOf(backup);
    const manifest = { ...manifestJson(entries), format: 'budget-export' };
    expect(refusal(rezip(withManifest(entries, manifest)))).toEqual([BACKUP_MESSAGES.notBackup]);
  });

  it('refuses a newer backup format, asking for an update', () => {
    const entries = entriesOf(backup);
    const manifest = { ...manifestJson(entries), formatVersion: 2 };
    expect(refusal(rezip(withManifest(entries, manifest)))).toEqual([
      BACKUP_MESSAGES.newerFormat(2),
    ]);
  });

  it('refuses a backup from a newer schema, asking for an update', () => {
    const entries = entriesOf(backup);
    const newer = EXPECTATIONS.latestSchemaVersion + 1;
    const manifest = { ...manifestJson(entries), schemaVersion: newer };
    const messages = refusal(rezip(withManifest(entries, manifest)));
    expect(messages).toEqual([
      `This backup was made by a newer TEM Desk (schema ${newer}); update the app to restore it. Nothing was changed.`,
    ]);
  });

  it('refuses a manifest whose listed checksums were edited', () => {
    const entries = entriesOf(backup);
    const manifest = typedManifest(entries);
    const tables = {
      ...manifest.tables,
      invoices: { count: 9, sha256: '0'.repeat(64), bytes: 1 },
    };
    expect(refusal(rezip(withManifest(entries, { ...manifest, tables })))).toEqual([
      BACKUP_MESSAGES.checksum('the list of tables'),
    ]);
  });

  it('refuses a backup holding a table this app does not know', () => {
    const dump = makeWorkspace();
    dump.tables['mystery'] = [{ id: 1 }];
    expect(refusal(writeBackup(dump, META))).toEqual([BACKUP_MESSAGES.unknownTable('mystery')]);
  });

  it('refuses stray files the manifest does not list', () => {
    const entries = entriesOf(backup);
    expect(refusal(rezip({ ...entries, 'tables/extra.json': strToU8('[\n]') }))).toEqual([
      BACKUP_MESSAGES.unlistedTable('extra'),
    ]);
    expect(refusal(rezip({ ...entries, 'notes.txt': strToU8('hello') }))).toEqual([
      BACKUP_MESSAGES.unexpectedFile('notes.txt'),
    ]);
  });

  it('refuses a backup missing a table file its manifest lists', () => {
    const entries = entriesOf(backup);
    delete entries['tables/carriers.json'];
    expect(refusal(rezip(entries))).toEqual([BACKUP_MESSAGES.missingTable('carriers')]);
  });

  it('refuses a table whose record count differs from the manifest', () => {
    const entries = entriesOf(backup);
    const manifest = typedManifest(entries);
    const invoices = manifest.tables['invoices'];
    if (!invoices) throw new Error('no invoices entry');
    invoices.count += 1;
    const forged = { ...manifest, checksum: manifestChecksum(manifest) };
    expect(refusal(rezip(withManifest(entries, forged)))).toEqual([
      BACKUP_MESSAGES.countMismatch('invoices', 2, 3),
    ]);
  });

  it('refuses a record pointing at a stored binary that does not exist', () => {
    const bytes = withTableText('attachments', (text) =>
      text.replace(/"\$bin":\d+/, '"$bin":9999'),
    );
    expect(refusal(bytes)).toEqual([
      BACKUP_MESSAGES.unreadableRecord(
        'attachments',
        1,
        'it holds a reference to a missing stored file',
      ),
    ]);
  });

  it('refuses a stored binary whose size does not fit its type', () => {
    const bytes = withTableText('chargeBlocks', (text) =>
      text
        .replace('"type":"Float64Array"', '"type":"Float32Array"')
        .replace('"type":"Uint8Array"', '"type":"BigInt64Array"'),
    );
    expect(refusal(bytes)[0]).toMatch(
      /^Record 1 of the backup's "chargeBlocks" table cannot be read \(it holds a stored/,
    );
  });

  it('refuses a record that is not valid JSON, naming its position', () => {
    const bytes = withTableText('carriers', (text) =>
      text.replace('"name":"Verizon Business"', '"name":Verizon'),
    );
    expect(refusal(bytes)).toEqual([
      BACKUP_MESSAGES.unreadableRecord('carriers', 2, 'it is not valid JSON'),
    ]);
  });

  it('refuses a dangling reference with a sentence naming the table, record and field', () => {
    const dump = makeWorkspace();
    const invoice = { ...(dump.tables['invoices']?.[0] as object) };
    dump.tables['invoices']?.push({
      ...invoice,
      id: 'inv-orphan',
      invoiceNumber: 'orphan',
      importBatchId: 'batch-gone',
    });
    expect(refusal(writeBackup(dump, META))).toEqual([
      'In the backup, invoices record "inv-orphan" has importBatchId "batch-gone", but there is no importBatches record with id "batch-gone"; the backup is inconsistent and cannot be restored. Nothing was changed.',
    ]);
  });

  it('names compound-keyed records by their key, and lists at most ten problems', () => {
    const dump = makeWorkspace();
    const block = dump.tables['chargeBlocks']?.[0] as object;
    const orphans = Array.from({ length: 12 }, (_, blockIndex) => ({
      ...block,
      invoiceId: 'inv-gone',
      blockIndex,
    }));
    dump.tables['chargeBlocks']?.push(...orphans);
    const messages = refusal(writeBackup(dump, META));
    expect(messages).toHaveLength(11);
    expect(messages[0]).toMatch(
      /^In the backup, chargeBlocks record \[inv-gone, 0\] has invoiceId "inv-gone"/,
    );
    expect(messages[10]).toBe(BACKUP_MESSAGES.moreProblems(2));
  });

  it('refuses duplicate primary keys and unique values before the database would', () => {
    const dump = makeWorkspace();
    dump.tables['carriers']?.push({ id: 'car-vz', name: 'Another name' });
    dump.tables['costCenters']?.push({
      id: 'cc-2',
      code: '0045250140',
      name: 'Copy',
      active: true,
    });
    const settings = dump.tables['settings'] ?? [];
    settings.push({ value: 'no key' });
    expect(refusal(writeBackup(dump, META))).toEqual([
      BACKUP_MESSAGES.invalidField(
        'settings',
        `number ${settings.length}`,
        'key',
        'must be text',
        'nothing',
      ),
      BACKUP_MESSAGES.duplicateKey('carriers', 'id', 'car-vz'),
      BACKUP_MESSAGES.duplicateKey('costCenters', 'code', '0045250140'),
      BACKUP_MESSAGES.missingKey('settings', settings.length, 'key'),
    ]);
  });
});
