/**
 * An inventory kept in Excel, its account numbers typed as numbers (the LibreOffice workbook
 * test/fixtures/xlsx/inventory-account-zeros.xlsx): `0012345` in a General cell is saved as 12345,
 * `0067890` in a cell formatted `0000000` is saved as 67890 and shown as 0067890. Verizon's bills
 * say `0012345` and `0067890`. Before, the CLI read the accounts as 12345 and 67890, other
 * accounts than the bills', and reported each line as billed on the wrong account: two false
 * `wrong-account` findings. Now the formatted cell reads as shown, and the General one is the
 * bills' account (the same number but for leading zeros), which the run says.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli-workspace';
import { accountZerosLines, verizonSummaryText } from '../helpers/verizon-summary';

const INVENTORY = 'test/fixtures/xlsx/inventory-account-zeros.xlsx';
let dir = '';

/** Audits the bills with the LibreOffice inventory and `contracts` (a CSV), into `out/`. */
async function audit(out: string, contracts: string) {
  await writeFile(join(dir, `${out}-contracts.csv`), contracts);
  const run = await runCliCaptured([
    'audit',
    ...['--sites', join(dir, 'sites.csv'), '--inventory', INVENTORY],
    ...['--contracts', join(dir, `${out}-contracts.csv`)],
    ...['--bills', join(dir, 'bills'), '--out', join(dir, out), '--as-of', '2026-11-20'],
  ]);
  const read = (name: string) => readFile(join(dir, out, name), 'utf8').catch(() => '');
  return { ...run, findings: await read('findings.csv'), invoices: await read('invoices.csv') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'temdesk-cli-account-zeros-'));
  await writeFile(
    join(dir, 'sites.csv'),
    'Site Code,Site Name,Cost Center\nSTR-0300,Store 300,4100\n',
  );
  await mkdir(join(dir, 'bills'));
  await writeFile(
    join(dir, 'bills', 'Account & Wireless Summary.txt'),
    verizonSummaryText(accountZerosLines()),
  );
}, 60_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('an inventory workbook whose account numbers are numbers', () => {
  it('matches the bills’ accounts: no false wrong-account, the bills’ numbers kept, and it says so', async () => {
    const run = await audit(
      'setup-first',
      'Contract ID,Carrier,Accounts,Start Date,Term Months\nVZW-1,Verizon Wireless,0067890,2025-01-01,36\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 findings');
    expect(run.findings).not.toContain('wrong-account');
    expect(
      run.invoices
        .split('\n')
        .slice(1, 3)
        .map((row) => row.split(',').slice(0, 3)),
    ).toEqual([
      ['Verizon Wireless', '0012345', '8800000101'],
      ['Verizon Wireless', '0067890', '8800000102'],
    ]);
    expect(run.stderr).toBe(
      'Notice: Verizon Wireless account 12345 (the inventory, row 2, Account Number) is 0012345 on its bills: the same number with its leading zeros, which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them). It is taken as 0012345.\n',
    );
  });

  it('takes the inventory’s 12345 as the contracts file’s 0012345, naming the row', async () => {
    const run = await audit(
      'contract-first',
      'Contract ID,Carrier,Accounts,Start Date,Term Months\nVZW-1,Verizon Wireless,0012345;0067890,2025-01-01,36\n',
    );
    expect(run.code).toBe(0);
    expect(run.findings).not.toContain('wrong-account');
    expect(run.stderr).toBe(
      `Warning: The inventory file "${INVENTORY}": Row 2: account 12345 is taken as Verizon Wireless account 0012345, already known: the same number without its leading zeros, which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them).\n`,
    );
  });
});
