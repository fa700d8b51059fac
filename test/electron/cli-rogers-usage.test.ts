/**
 * The CLI reads Rogers usage archives from a bills folder with the Rogers bill they belong to (a
 * TEM Desk charges CSV): the archives' usage is counted onto that bill's lines and reaches the
 * optimisation table. Alone, the archives are named as not imported, with the sentence naming the
 * bill, and the run goes on: the policy of every usage-only file without its bill
 * (test/electron/cli-files-not-imported.test.ts).
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace, outputRows } from '../helpers/cli-workspace';

const FIXTURES = new URL('../fixtures/carriers/', import.meta.url);
const fixture = async (name: string) => new Uint8Array(await readFile(new URL(name, FIXTURES)));

let dir = '';

async function writeArchives(): Promise<void> {
  await writeFile(
    join(dir, 'bills', 'Rogers voice.zip'),
    zipSync({
      'Header-Voice.txt': await fixture('rogers/Header-Voice.txt'),
      'ALL_CALLS-Voice.txt': await fixture('rogers/ALL_CALLS-Voice.txt'),
      'ALL_CALLS-Voice-2.txt': await fixture('rogers/ALL_CALLS-Voice-2.txt'),
    }),
  );
  await writeFile(
    join(dir, 'bills', 'Rogers sms.zip'),
    zipSync({
      'Header-SMS.txt': await fixture('rogers/Header-SMS.txt'),
      'ALL_CALLS-SMS.txt': await fixture('rogers/ALL_CALLS-SMS.txt'),
    }),
  );
}

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-rogers-');
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID',
      'STR-1,Rogers,800123456,mobile,416-555-0101',
      'STR-1,Rogers,800123456,mobile,416-555-0102',
      '',
    ].join('\n'),
  );
  await writeArchives();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI on Rogers usage archives', () => {
  // This stopped the run (exit 1, nothing written) when usage-only files without their bill were
  // a failure of the run; they are now said as not imported and the run goes on, as the app's
  // preview names them and imports the rest, and as Bell's call detail always was.
  it('without their bill, names them as not imported with the bill to import, and goes on', async () => {
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 invoices, 0 charge lines, $0.00 billed.');
    expect(run.stdout).toContain(
      'not imported: Rogers usage archives hold usage only: import the Rogers bill of account 800123456 for the cycle ending 2026-03-20',
    );
  });

  it('with their bill, counts the archives’ usage on its lines in optimisation.csv', async () => {
    await copyFile(
      new URL('rogers-bill.temdesk.csv', FIXTURES),
      join(dir, 'bills', 'Rogers March.csv'),
    );
    const run = await auditWorkspace(dir, ['--allow-row-errors']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Notice: Usage-only files added the usage of 3 lines to bills they do not hold',
    );
    const invoices = await outputRows(dir, 'invoices.csv');
    expect(invoices.map((row) => [row['Invoice Number'], row['Lines Total']])).toEqual([
      ['R260320001', '172.20'],
    ]);
    const lines = await outputRows(dir, 'optimisation.csv');
    const line = (digits: string) =>
      lines.find((row) => row['Wireless Number']?.replace(/\D/g, '').endsWith(digits));
    expect(line('4165550101')).toMatchObject({
      'Minutes Highest': '8.00',
      'Messages Highest': '2.00',
    });
    expect(line('4165550102')).toMatchObject({ 'Minutes Highest': '2.00' });
  });
});
