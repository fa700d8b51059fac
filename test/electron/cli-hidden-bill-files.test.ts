/**
 * A bill saved with a name starting with a dot (`.bill.csv`), or into a folder that does
 * (`.old/`), is hidden on macOS and Linux: the CLI leaves it out of a bills folder or a ZIP, as
 * before, but names it in a `Notice:`; it was passed over without a word. The system's own files
 * (`.DS_Store`, `._bill.csv`, `__MACOSX/`, `Thumbs.db`) are still left out unsaid.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { expect, it, onTestFinished } from 'vitest';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';
import { storedZip } from '../helpers/zip-craft';

const BILL =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n';
const OTHER_BILL =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240999,2026-11-01,555-010-0001,MRC,850.00\n';

it('names the hidden files and folders of a bills folder it leaves out, not the system’s own', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-hidden-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const bills = join(dir, 'bills');
  await writeFile(join(bills, 'real.csv'), BILL);
  await writeFile(join(bills, '.bill.csv'), OTHER_BILL);
  await mkdir(join(bills, '.old'));
  await writeFile(join(bills, '.old', 'bill.csv'), OTHER_BILL);
  await writeFile(join(bills, '.DS_Store'), 'Bud1');
  await writeFile(join(bills, '._real.csv'), 'Mac OS X resource fork');
  await mkdir(join(bills, '__MACOSX'));
  await writeFile(join(bills, '__MACOSX', 'real.csv'), 'Mac OS X resource fork');
  const run = await auditWorkspace(dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('$850.00 billed');
  const notices = run.stderr.split('\n').filter((line) => line.startsWith('Notice:'));
  expect(notices).toEqual([
    `Notice: Left out, as hidden (the name starts with a dot): "${join(bills, '.bill.csv')}", "${join(bills, '.old')}/"; if one is a bill, rename it without the dot.`,
  ]);
});

it('names the hidden members of a ZIP it leaves out, as of a folder', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-hidden-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const zip = join(dir, 'bills', 'bills.zip');
  await writeFile(
    zip,
    storedZip({
      'real.csv': strToU8(BILL),
      '.bill.csv': strToU8(OTHER_BILL),
      '.old/bill.csv': strToU8(OTHER_BILL),
      '.DS_Store': strToU8('Bud1'),
      '__MACOSX/._real.csv': strToU8('Mac OS X resource fork'),
    }),
  );
  const run = await auditWorkspace(dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('$850.00 billed');
  expect(run.stderr).toContain(
    `Notice: Left out, as hidden (the name starts with a dot): "${zip} › .bill.csv", "${zip} › .old/bill.csv"; if one is a bill, rename it without the dot.`,
  );
});

it('lists a dozen hidden files a few at a time', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-hidden-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const bills = join(dir, 'bills');
  await writeFile(join(bills, 'real.csv'), BILL);
  for (let i = 10; i < 22; i++) await writeFile(join(bills, `.draft${String(i)}.csv`), OTHER_BILL);
  const run = await auditWorkspace(dir);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(`"${join(bills, '.draft19.csv')}" and 2 more; if one is a bill`);
  expect(run.stderr).not.toContain('.draft20.csv');
});

it('names the hidden files when they are all a folder holds', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-hidden-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'bills', '.bill.csv'), BILL);
  const run = await auditWorkspace(dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(
    `No bill files found in "${join(dir, 'bills')}". Left out, as hidden (the name starts with a dot): "${join(dir, 'bills', '.bill.csv')}"; if one is a bill, rename it without the dot.`,
  );
});
