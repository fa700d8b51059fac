/**
 * Records crafted to exhaust the reader rather than to fool it: fields nested thousands of levels
 * deep (which overflowed the stack of the decoder), and a field of millions of `{}` (a 519 KB file
 * that parsed into 6 GB). Each is refused with a sentence before it is parsed; real records, and
 * brackets inside their texts, are read as before.
 */
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecodeProblem, decodeValue, MAX_DECODE_DEPTH } from '../../../shared/backup/codec';
import { readBackup, writeBackup } from '../../../shared/backup/format';
import { DEFAULT_BACKUP_LIMITS } from '../../../shared/backup/limits';
import { BACKUP_MESSAGES } from '../../../shared/backup/messages';
import { MAX_RECORD_DEPTH, scanRecord } from '../../../shared/backup/record-scan';
import type { Result } from '../../../shared/result';
import { EXPECTATIONS, entriesOf, makeWorkspace, META, resealed, rezip } from './workspace';

const backup = writeBackup(makeWorkspace(), META);

function messagesOf(result: Result<unknown>): string[] {
  return result.ok ? [] : result.errors.map((error) => error.message);
}

/** The backup with the first carrier's record given an extra field written as raw JSON text. */
function withExtraField(json: string): Uint8Array {
  const entries = entriesOf(backup);
  const bytes = entries['tables/carriers.json'];
  if (!bytes) throw new Error('fixture: no carriers table');
  const text = strFromU8(bytes).replace('\n{', `\n{"extra":${json},`);
  return rezip(resealed({ ...entries, 'tables/carriers.json': strToU8(text) }));
}

const nothing = () => new DecodeProblem('no binaries here');

describe('a record nested deeper than any TEM Desk writes', () => {
  it('is refused with a sentence naming the table and record, not a stack overflow', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const result = readBackup(withExtraField(deep), EXPECTATIONS);
    expect(messagesOf(result)).toEqual([
      BACKUP_MESSAGES.unreadableRecord(
        'carriers',
        1,
        `its fields are nested more than ${MAX_RECORD_DEPTH} levels deep, which no TEM Desk record is, so the file is damaged or was not made by TEM Desk`,
      ),
    ]);
  });

  it('is refused for nested objects too, and a record at the limit is read', () => {
    const depth = (levels: number) => '{"a":'.repeat(levels) + '0' + '}'.repeat(levels);
    // The record itself is the first level.
    expect(messagesOf(readBackup(withExtraField(depth(MAX_RECORD_DEPTH)), EXPECTATIONS))).toEqual([
      expect.stringContaining('nested more than 64 levels deep'),
    ]);
    expect(readBackup(withExtraField(depth(MAX_RECORD_DEPTH - 1)), EXPECTATIONS).ok).toBe(true);
  });

  it('counts brackets inside texts as text, escaped quotes included', () => {
    const text = JSON.stringify(`\\"${'['.repeat(5_000)}{"`);
    const result = readBackup(withExtraField(`[${text},${text}]`), EXPECTATIONS);
    expect(messagesOf(result)).toEqual([]);
  });

  it('is a problem, not an exception, for the decoder on its own', () => {
    let value: unknown = 0;
    for (let i = 0; i < 20_000; i++) value = [value];
    const decoded = decodeValue(value, nothing);
    expect(decoded).toBeInstanceOf(DecodeProblem);
    expect((decoded as DecodeProblem).reason).toBe(
      `fields nested more than ${MAX_DECODE_DEPTH} levels deep`,
    );
  });
});

describe('a record packed with empty objects or lists', () => {
  it('is refused from its text, before it is parsed', () => {
    const packed = `[${Array.from({ length: 100_000 }, () => '{}').join(',')}]`;
    expect(messagesOf(readBackup(withExtraField(packed), EXPECTATIONS))).toEqual([
      BACKUP_MESSAGES.unreadableRecord(
        'carriers',
        1,
        'it holds 100,002 empty groups of fields or lists, which no TEM Desk record does, so the file is damaged or was not made by TEM Desk',
      ),
    ]);
  });

  it('leaves real records alone: a few empty lists, or many groups that hold data', () => {
    expect(scanRecord(strToU8('{"aliasKeys":[],"tags":[[],[]],"o":{}}'))).toEqual({
      structures: 6,
      values: 9,
    });
    const usage = JSON.stringify({
      invoiceId: 'inv-1',
      records: Array.from({ length: 5_000 }, (_, i) => ({ serviceKey: `s${i}`, minutes: i })),
    });
    // One value per comma: the records' second fields, the separators between them, `records`.
    expect(scanRecord(strToU8(usage))).toEqual({ structures: 5_002, values: 5_002 + 10_000 });
  });
});

describe('the values of all records together are within the limits, counted before parsing', () => {
  it('refuses a backup past the "values in a backup" limit', () => {
    const limits = { ...DEFAULT_BACKUP_LIMITS, maxValues: 20 };
    expect(messagesOf(readBackup(backup, { ...EXPECTATIONS, limits }))).toEqual([
      BACKUP_MESSAGES.tooManyValues(20),
    ]);
    expect(BACKUP_MESSAGES.tooManyValues(20)).toMatch(/"values in a backup" limit.*can be raised/);
  });

  it('refuses a backup past the "groups in a backup" limit', () => {
    const limits = { ...DEFAULT_BACKUP_LIMITS, maxStructures: 3 };
    expect(messagesOf(readBackup(backup, { ...EXPECTATIONS, limits }))).toEqual([
      BACKUP_MESSAGES.tooManyStructures(3),
    ]);
  });

  it('reads the workspace under the default limits', () => {
    expect(readBackup(backup, EXPECTATIONS).ok).toBe(true);
  });
});

describe('table files the manifest does not list', () => {
  it('says the manifest does not list a table this app knows, not that the app does not know it', () => {
    const withoutBudgets = entriesOf(writeBackup(withoutTable('budgets'), META));
    const added = rezip({ ...withoutBudgets, 'tables/budgets.json': strToU8('[\n]') });
    const messages = messagesOf(readBackup(added, EXPECTATIONS));
    expect(messages).toEqual([BACKUP_MESSAGES.unlistedTable('budgets')]);
    expect(messages[0]).toBe(
      'The backup holds a table named "budgets" that its manifest does not list, so the file was damaged or edited after it was made. Nothing was changed.',
    );
  });

  it('names tables without "a" before a vowel', () => {
    expect(BACKUP_MESSAGES.unknownTable('invoices')).toMatch(
      /^The backup holds a table named "invoices" that/,
    );
    expect(BACKUP_MESSAGES.tableNotInSchema('invoices', 2)).toMatch(
      /^The backup holds a table named "invoices", but schema version 2/,
    );
  });
});

function withoutTable(name: string) {
  const dump = makeWorkspace();
  const tables = Object.entries(dump.tables).filter(([table]) => table !== name);
  return { ...dump, tables: Object.fromEntries(tables) };
}
