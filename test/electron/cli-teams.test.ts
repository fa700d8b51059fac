/**
 * The CLI on a Teams PSTN usage report, which names no billing account: it stops and names the
 * option that gives one; with `--account-number` each month of calls is an invoice of that account,
 * and the seats in the inventory (by UPN) are matched.
 */
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

let dir = '';

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-teams-');
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID,User',
      'STR-1,Microsoft Teams,MS-100200,ucaas-seat,Jane.Doe@contoso.example,Jane Doe',
      'STR-1,Microsoft Teams,MS-100200,ucaas-seat,bob.li@contoso.example,Bob Li',
      '',
    ].join('\n'),
  );
  await copyFile(
    new URL('../fixtures/carriers/teams-pstn-usage.synthetic.csv', import.meta.url),
    join(dir, 'bills', 'PSTN usage.csv'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on a Teams PSTN usage report', () => {
  it('stops, naming the account it lacks and the option that gives it', async () => {
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The bill file "PSTN usage.csv" does not say its account number. A Teams PSTN usage report names no billing account',
    );
    expect(run.stderr).toContain('Run again with --account-number NUMBER, or import it in the app');
  });

  it('with --account-number, makes an invoice of that account per month and matches the seats by UPN', async () => {
    const run = await auditWorkspace(dir, ['--account-number', 'MS-100200', '--allow-row-errors']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 bill file: 2 invoices, 6 charge lines, $3.26 billed.');
    // One of each is said in the singular.
    expect(run.stdout).toContain('Inventory: 2 services at 1 site; 1 contract.');
    const invoices = await outputRows(dir, 'invoices.csv');
    expect(
      invoices.map((row) => [
        row['Carrier'],
        row['Account Number'],
        row['Invoice Number'],
        row['Lines Total'],
      ]),
    ).toEqual([
      ['Microsoft Teams', 'MS-100200', 'MS-100200-20261031', '3.22'],
      ['Microsoft Teams', 'MS-100200', 'MS-100200-20261130', '0.04'],
    ]);
    // Jane's and Bob's seats are in the inventory (Jane's written in another case); Maria's is not.
    const unknown = (await outputRows(dir, 'findings.csv')).filter(
      (row) => row['Rule'] === 'unknown-service',
    );
    expect(unknown.map((row) => row['Service ID'])).toEqual(['maria.garcia@contoso.example']);
  });

  it('refuses an invoice date it cannot read', async () => {
    const run = await auditWorkspace(dir, ['--invoice-date', '10/31/2026']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--invoice-date must be a date written YYYY-MM-DD (like 2026-11-15), not "10/31/2026".',
    );
  });
});
