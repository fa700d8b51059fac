/**
 * A bill whose header is printed again further down, after a page number (two exports joined into
 * one file), runs through the CLI as through the app: both are rows skipped on purpose, said in
 * the summary; they no longer stop the run as rows that could not be read.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount';

it('reads both invoices of two exports joined into one file, the page number and second header skipped', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-repeated-header-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(
    join(dir, 'bills', 'joined.csv'),
    [
      HEADER,
      'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00',
      'Page 1 of 2',
      HEADER,
      'Lumen,5-KE4X-001,754240483,2026-11-01,555-010-0001,MRC,850.00',
      '',
    ].join('\n'),
  );
  const run = await auditWorkspace(dir, []);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('$1,700.00 billed');
  expect(run.stdout).toMatch(
    /Rows not read as charges, by design:\n {2}joined\.csv: 2 rows \(row 3: a page number of a report[^;]*; row 4: the column names again, below the header[^\n]*\)\n/,
  );
});
