/**
 * A bill row with two bad cells (a date and a category) is one row not read: the CLI counted
 * its problems, "2 bill rows could not be read", while invoice-math in the same run said "1 row".
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';

const BILL = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount',
  'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00',
  'Lumen,5-KE4X-001,754240482,notadate,555-010-0001,Bogus,12.34',
  '',
].join('\n');

it('counts a row with two bad cells as one row not read, refused or left out', async () => {
  const dir = await makeCliWorkspace('temdesk-cli-unread-count-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'bills', 'lumen.csv'), BILL);
  await writeFile(join(dir, 'bills', 'lumen copy.csv'), BILL.replace('754240482', '754240483'));
  const refused = await auditWorkspace(dir);
  expect(refused.code).toBe(1);
  // One row of each file, each with two problems listed.
  expect(refused.stderr).toContain('2 bill rows could not be read, so nothing was written:');
  expect(refused.stderr.match(/Row 3, column/g)).toHaveLength(4);
  const allowed = await auditWorkspace(dir, ['--allow-row-errors']);
  expect(allowed.code).toBe(0);
  expect(allowed.stdout).toContain('Left out 2 bill rows that could not be read');
});
