/**
 * A bill of more charge lines than a function call takes arguments (about 120,000 in V8) is read
 * and checked whole by the CLI: every check runs on it. Before, `out-of-contract` overflowed the
 * call stack on such a bill and the run said the check "could not run", exit 0, its money finding
 * lost.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const LINES = 150_000;

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-large-');
  // The account's contract ended at the end of 2024: October 2026's bill is out of contract.
  await writeFile(
    join(dir, 'contracts.csv'),
    'Contract ID,Carrier,Accounts,Start Date,Term Months\nLU-1,Lumen,5-KE4X-001,2024-01-01,12\n',
  );
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a bill of 150,000 charge lines', () => {
  it('is audited whole: every check runs, the money after the contract ended is found', async () => {
    const rows = Array.from(
      { length: LINES },
      (_, i) => `Lumen,5-KE4X-001,INV-BIG,2026-10-01,555-010-0001,Port ${i},MRC,0.01`,
    );
    await writeFile(
      join(dir, 'bills', 'big.csv'),
      `Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount\n${rows.join('\n')}\n`,
    );
    const run = await auditWorkspace(dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('could not run');
    expect(run.stdout).toContain(`${LINES.toLocaleString('en-US')} charge lines`);
    const findings = await outputRows(dir, 'findings.csv');
    const outOfContract = findings.filter((finding) => finding['Rule'] === 'out-of-contract');
    expect(outOfContract).toHaveLength(1);
  }, 120_000);
});
