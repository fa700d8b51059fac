/**
 * A bill file a layout recognises but does not import — Bell's call detail (DTL) or a TELUS
 * Airtime Detail report without the file of their invoice — is said with why in the run's
 * summary, never passed over in silence or called empty.
 */
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditWorkspace, makeCliWorkspace } from '../helpers/cli-workspace';

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
});
