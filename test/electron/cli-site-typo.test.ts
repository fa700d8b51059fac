/**
 * An inventory row naming a site code the sites file does not have (`STR-300` for `STR-0300`)
 * makes a site with no cost center, and its charges go unallocated: the run says so, naming the
 * code and a row, instead of only listing the service among the exceptions.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-site-typo-');
  await writeFile(
    join(dir, 'bills', 'bill.csv'),
    'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00\n',
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an inventory site code the sites file does not have', () => {
  it('is said, with the code and a row', async () => {
    await writeFile(
      join(dir, 'inventory.csv'),
      'Site Code,Carrier,Account Number,Service Type,Service ID\nSTR-01,Lumen,5-KE4X-001,mobile,555-010-0001\n',
    );
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `Warning: The inventory file "${join(dir, 'inventory.csv')}" names 1 site code the sites file "${join(dir, 'sites.csv')}" does not have ("STR-01": 1 row, e.g. row 2)`,
    );
  });

  it('is not said when every code is in the sites file', async () => {
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('site code');
  });
});
