/** The restore worker's job, run in Node: check a backup, post progress, always answer. */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, dumpWorkspace, restoreWorkspace } from '../../renderer/db/backup';
import { TemDeskDatabase } from '../../renderer/db/database';
import {
  answerRestoreRequest,
  CHECKER_STOPPED,
  type RestoreRequest,
  type RestoreResponse,
} from '../../renderer/features/settings/restore-protocol';
import { BACKUP_MESSAGES } from '../../shared/backup/messages';
import { loadSampleIntoDb } from '../helpers/sample-db';
import { resealed, rezip } from '../unit/backup/workspace';
import { withWrongCrc } from '../unit/backup/zip-bytes';

let db: TemDeskDatabase;
let counter = 0;

beforeEach(async () => {
  db = new TemDeskDatabase(`restore-worker-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function answers(request: RestoreRequest): RestoreResponse[] {
  const posted: RestoreResponse[] = [];
  answerRestoreRequest(request, (response) => posted.push(response));
  return posted;
}

function finalResult(posted: readonly RestoreResponse[]) {
  const last = posted.at(-1);
  if (last?.type !== 'done') throw new Error('the worker did not answer');
  return last.result;
}

describe('the restore worker', () => {
  it('posts progress, then the checked backup, which restores the workspace exactly', async () => {
    await loadSampleIntoDb(db);
    const before = await dumpWorkspace(db);
    const bytes = await createBackup(db, { appVersion: '0.1.0', now: new Date('2026-01-01') });
    const posted = answers({ bytes });
    expect(posted.filter((response) => response.type === 'progress').length).toBeGreaterThan(3);
    const result = finalResult(posted);
    if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
    await restoreWorkspace(db, { schemaVersion: before.schemaVersion, tables: {} });
    await restoreWorkspace(db, result.value.dump);
    expect(await dumpWorkspace(db)).toEqual(before);
  });

  it('answers a damaged backup with sentences, and the workspace stays as it was', async () => {
    await loadSampleIntoDb(db);
    const before = await dumpWorkspace(db);
    const bytes = await createBackup(db, { appVersion: '0.1.0', now: new Date('2026-01-01') });
    const result = finalResult(answers({ bytes: withWrongCrc(bytes, 'tables/invoices.json') }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { message: BACKUP_MESSAGES.damagedMember('tables/invoices.json') },
      ]);
    }
    expect(await dumpWorkspace(db)).toEqual(before);
  });

  it('answers a record nested 8,000 lists deep with the reader’s sentence, not "stopped"', async () => {
    await loadSampleIntoDb(db);
    const bytes = await createBackup(db, { appVersion: '0.1.0', now: new Date('2026-01-01') });
    const entries = unzipSync(bytes);
    const sites = entries['tables/sites.json'];
    if (!sites) throw new Error('fixture: no sites table');
    const deep = '['.repeat(8_000) + ']'.repeat(8_000);
    const text = strFromU8(sites).replace('\n{', `\n{"deep":${deep},`);
    const forged = rezip(resealed({ ...entries, 'tables/sites.json': strToU8(text) }));
    const result = finalResult(answers({ bytes: forged }));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          message: BACKUP_MESSAGES.unreadableRecord(
            'sites',
            1,
            'its fields are nested more than 64 levels deep, which no TEM Desk record is, so the file is damaged or was not made by TEM Desk',
          ),
        },
      ],
    });
  });

  it('answers with a sentence even when the checker itself fails', () => {
    const broken = { bytes: undefined } as unknown as RestoreRequest;
    const result = finalResult(answers(broken));
    expect(result).toEqual({ ok: false, errors: [{ message: CHECKER_STOPPED }] });
  });
});
