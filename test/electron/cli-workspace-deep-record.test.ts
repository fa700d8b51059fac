/**
 * A `--workspace` backup with a record nested 8,000 lists deep: the CLI stops with the reader's
 * sentence naming the table and record (exit 1), never "failed unexpectedly" with a stack overflow.
 */
import { strFromU8, strToU8 } from 'fflate';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../shared/backup/format';
import { makeCliWorkspace, outputFiles, runCliCaptured } from '../helpers/cli-workspace';
import { entriesOf, makeWorkspace, META, resealed, rezip } from '../unit/backup/workspace';

/** A backup whose first carrier holds an extra field nested `levels` lists deep. */
function deepBackup(levels: number): Uint8Array {
  const entries = entriesOf(writeBackup(makeWorkspace(), META));
  const bytes = entries['tables/carriers.json'];
  if (!bytes) throw new Error('fixture: no carriers table');
  const deep = '['.repeat(levels) + ']'.repeat(levels);
  const text = strFromU8(bytes).replace('\n{', `\n{"deep":${deep},`);
  return rezip(resealed({ ...entries, 'tables/carriers.json': strToU8(text) }));
}

describe('the CLI with a --workspace backup nested 8,000 levels deep', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await makeCliWorkspace('temdesk-cli-deep-');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses the backup with a sentence naming the table and record, writing nothing', async () => {
    const backup = join(dir, 'deep.temdesk');
    await writeFile(backup, deepBackup(8_000));
    const run = await runCliCaptured([
      'audit',
      ...['--workspace', backup, '--bills', join(dir, 'bills')],
      ...['--out', join(dir, 'out'), '--as-of', '2026-11-20'],
    ]);
    expect(run.stderr).not.toMatch(/failed unexpectedly|Maximum call stack|\n\s+at /);
    expect(run.stderr).toContain(
      `Record 1 of the backup's "carriers" table cannot be read (its fields are nested more than 64 levels deep, which no TEM Desk record is, so the file is damaged or was not made by TEM Desk).`,
    );
    expect(run.code).toBe(1);
    expect(await outputFiles(dir)).toEqual([]);
  });
});
