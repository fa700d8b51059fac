/**
 * A set-up file far past any real one (a wrong pick: a disk image renamed .csv, a 600 MB export)
 * is refused before it is read, naming the option and the limit; before, the run read it whole and
 * died with "Invalid string length" and a stack trace. A set-up line over the length limit is said
 * as such, not as a file whose header lacks every column.
 */
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputFiles } from '../helpers/cli-workspace';

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-setup-limits-');
  await writeFile(
    join(dir, 'bills', 'bill.csv'),
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n',
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a set-up file past the limits', () => {
  it('over 100 MB is refused before it is read, with nothing written', async () => {
    // A sparse file: 150 MB to stat, nothing on disk.
    const file = await open(join(dir, 'inventory.csv'), 'w');
    await file.truncate(150 * 1024 * 1024);
    await file.close();
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `--inventory "${join(dir, 'inventory.csv')}" is 150 MB, more than the 100 MB TEM Desk reads for it: check that this is the right file.`,
    );
    expect(run.stderr).not.toContain('failed unexpectedly');
    expect(await outputFiles(dir)).toEqual([]);
  });

  it('with a line over the length limit says so, not that the header lacks its columns', async () => {
    await writeFile(
      join(dir, 'inventory.csv'),
      `Site Code,Carrier,Account Number,Service Type,Service ID,User\nSTR-1,Lumen,5-KE4X-001,mobile,555-010-0001,${'x'.repeat(1_100_000)}\n`,
    );
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Line 2 is 1,100,0\d\d characters long, over the limit of 1,000,000/,
    );
    expect(run.stderr).not.toContain('lacks required columns');
  });
});
