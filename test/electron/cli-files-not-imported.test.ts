/**
 * A bill file a layout recognises but does not import — Bell's call detail (DTL) or a TELUS
 * Airtime Detail report without the file of their invoice — is said with why in the run's
 * summary, never passed over in silence or called empty.
 *
 * Every usage-only file given without its bill follows the same policy, whatever the carrier: its
 * usage belongs to a bill the run does not have, which is no fault in the file, so the run goes on
 * (exit 0) and its summary says the file was not imported, with the bill to import it with — as
 * the app's preview names such a file as not imported and imports the rest of the pick. Before,
 * AT&T's and Verizon's usage detail (and AT&T's pooling report, Verizon's charges detail, Rogers'
 * usage archives) stopped the run with exit 1 and nothing written, even for the other bills.
 */
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditWorkspace,
  makeCliWorkspace,
  outputFiles,
  outputRows,
} from '../helpers/cli-workspace';

const FIXTURES = new URL('../fixtures/carriers/', import.meta.url);

let dir = '';

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function auditAlone(fixture: string, name: string) {
  dir = await makeCliWorkspace('temdesk-cli-not-imported-');
  await copyFile(new URL(fixture, FIXTURES), join(dir, 'bills', name));
  return auditWorkspace(dir, ['--exchange-rate', 'CAD=1']);
}

describe('the CLI on a file it recognises but does not import', () => {
  it("names Bell's call detail read without its ACC or MOB file, and why", async () => {
    const run = await auditAlone('bell-dtl.synthetic.csv', 'calls.csv');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 1 bill file: 0 invoices, 0 charge lines, $0.00 billed.');
    expect(run.stdout).toContain(
      'calls.csv: not imported: call detail is read with the ACC or MOB file of the same invoice (same account and invoice date); import them together.',
    );
  });

  it('names a TELUS Airtime Detail report read alone, and does not call it empty', async () => {
    const run = await auditAlone('telus-airtime-detail.synthetic.txt', 'airtime.txt');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'airtime.txt: not imported: airtime detail is read with the Invoice Summary or Individual Detail report of the same invoice; import them together.',
    );
    expect(run.stderr).not.toContain('holds column names but no rows');
  });

  it.each([
    [
      'att-usage-detail.synthetic.csv',
      'usage detail.csv',
      'AT&T usage detail holds usage only: import it together with the AT&T Premier billing summary report of account 287099000001',
    ],
    [
      'att-pooling.synthetic.csv',
      'pooling.csv',
      'An AT&T pooling report holds usage only: import it together with the AT&T Premier billing summary report of account 287099000001',
    ],
    [
      'verizon-usage-detail.synthetic.txt',
      'Wireless Usage Detail.txt',
      "Verizon's Wireless Usage Detail holds usage only: import it together with the Account & Wireless Summary of account",
    ],
    [
      'verizon-charges-detail-usage.synthetic.txt',
      'Acct & Wireless Charges Detail Summary Usage.txt',
      "Verizon's Acct & Wireless Charges Detail Summary Usage holds usage only (its charges are the summary's): import it together with the Account & Wireless Summary of account",
    ],
  ])(
    'names %s read without its bill as not imported, and goes on (exit 0)',
    async (fixture, name, why) => {
      const run = await auditAlone(fixture, name);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Read 1 bill file: 0 invoices, 0 charge lines, $0.00 billed.');
      expect(run.stdout).toContain(`${name}: not imported: ${why}`);
      expect(run.stderr).not.toContain('Cannot read the bill file');
      expect(await outputFiles(dir)).toContain('findings.csv');
    },
  );

  it('imports the other bills of the run beside a usage file whose bill is not among them', async () => {
    dir = await makeCliWorkspace('temdesk-cli-not-imported-');
    await copyFile(
      new URL('att-usage-detail.synthetic.csv', FIXTURES),
      join(dir, 'bills', 'usage detail.csv'),
    );
    await writeFile(
      join(dir, 'bills', 'lumen.csv'),
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount\nLumen,5-KE4X-001,L-100,2026-10-01,555-010-0001,MRC,45.00\n',
    );
    const run = await auditWorkspace(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Read 2 bill files: 1 invoice, 1 charge line, $45.00 billed.');
    expect(run.stdout).toContain(
      'usage detail.csv: not imported: AT&T usage detail holds usage only',
    );
    const invoices = await outputRows(dir, 'invoices.csv');
    expect(invoices.map((row) => [row['Invoice Number'], row['Source File']])).toEqual([
      ['L-100', 'lumen.csv'],
    ]);
  });
});
