/**
 * Links in a bills folder are followed: a link to a bill is read, a link to a folder is walked
 * once (a link back up the tree is not walked again), and a link to nothing stops the run by name.
 * Before, every link was passed over without a word: a month's bill linked into the folder was
 * silently left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputFiles } from '../helpers/cli-workspace';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount';
const row = (invoice: string, date: string, amount: string) =>
  `Lumen,5-KE4X-001,${invoice},${date},555-010-0001,MRC,${amount}`;

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-links-');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('links in a bills folder', () => {
  it('reads a bill linked into the folder', async () => {
    await writeFile(
      join(dir, 'september.csv'),
      `${HEADER}\n${row('S-1', '2026-09-01', '850.00')}\n`,
    );
    await writeFile(
      join(dir, 'bills', 'october.csv'),
      `${HEADER}\n${row('O-1', '2026-10-01', '850.00')}\n`,
    );
    await symlink(join(dir, 'september.csv'), join(dir, 'bills', 'september.csv'));
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Read 2 bill files: 2 invoices, 2 charge lines, $1,700.00 billed.',
    );
  });

  it('walks a linked folder once, and not again through a link back up the tree', async () => {
    await mkdir(join(dir, 'archive'));
    await writeFile(
      join(dir, 'archive', 'august.csv'),
      `${HEADER}\n${row('A-1', '2026-08-01', '850.00')}\n`,
    );
    await symlink(join(dir, 'archive'), join(dir, 'bills', 'archive'));
    await symlink(join(dir, 'bills'), join(dir, 'archive', 'loop'));
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 bill file: 1 invoice, 1 charge line, $850.00 billed.');
  });

  it('reads a bill once when a link in the folder leads to it too', async () => {
    await writeFile(
      join(dir, 'bills', 'october.csv'),
      `${HEADER}\n${row('O-1', '2026-10-01', '850.00')}\n`,
    );
    await mkdir(join(dir, 'bills', 'latest'));
    await symlink(join(dir, 'bills', 'october.csv'), join(dir, 'bills', 'latest', 'bill.csv'));
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 bill file: 1 invoice, 1 charge line, $850.00 billed.');
    expect(run.stdout).not.toContain('met more than once');
  });

  it('passes over a link to a pipe as it passes over a pipe', async () => {
    await writeFile(
      join(dir, 'bills', 'october.csv'),
      `${HEADER}\n${row('O-1', '2026-10-01', '850.00')}\n`,
    );
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await symlink(join(dir, 'pipe'), join(dir, 'bills', 'pipe.csv'));
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 bill file: 1 invoice, 1 charge line, $850.00 billed.');
  });

  it('stops the run at a link to nothing, naming it and where it leads, writing nothing', async () => {
    await writeFile(
      join(dir, 'bills', 'october.csv'),
      `${HEADER}\n${row('O-1', '2026-10-01', '850.00')}\n`,
    );
    await symlink('/nonexistent/November bill.csv', join(dir, 'bills', 'november.csv'));
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Cannot read the bill file "${join(dir, 'bills', 'november.csv')}": it is a link to "/nonexistent/November bill.csv", which does not exist.`,
    );
    expect(await outputFiles(dir)).toEqual([]);
  });
});
