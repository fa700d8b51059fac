/**
 * What the CLI says of a bill whose stated total its read lines miss. Rows left out under
 * `--allow-row-errors` are rows the carrier itemised: invoice-math claims none of their money.
 * A bill stating more than its lines itemise: the chargeback CSV says the difference on a line of
 * its own, so it adds up to the invoice as billed.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseChargebackCsv } from '../helpers/chargeback-csv';
import {
  auditWorkspace,
  makeCliWorkspace,
  outputRows,
  runCliCaptured,
} from '../helpers/cli-workspace';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total';
const ROW = 'Lumen,5-KE4X-001,754240482,2026-10-01';

let dir = '';
beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-stated-');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a stated total the lines read miss', () => {
  it('is no money at stake when rows left out under --allow-row-errors make it', async () => {
    const bill = [
      HEADER,
      `${ROW},555-010-0001,Plan,MRC,800.00,870.00`,
      `${ROW},,Late Payment Charge,Other,12.00,870.00`,
      `${ROW},,Finance charge 1.5%,Misc,13.00,870.00`,
      `${ROW},,Late payment fee,Account Charges,14.00,870.00`,
      `${ROW},,Late fee,,15.00,870.00`,
      `${ROW},,Administrative fee,Surcharges,16.00,870.00`,
    ];
    await writeFile(join(dir, 'bills', 'bill.csv'), `${bill.join('\n')}\n`);
    const run = await auditWorkspace(dir, ['--allow-row-errors']);
    expect(run.code).toBe(0);
    const math = (await outputRows(dir, 'findings.csv')).filter(
      (row) => row.Rule === 'invoice-math',
    );
    expect(math).toHaveLength(1);
    expect(math[0]?.Severity).toBe('warning');
    expect(math[0]?.Impact).toBe('0.00');
    expect(math[0]?.Message).toContain(
      '$54.00 more than itemised, of which $54.00 is in 4 rows of the bill not read',
    );
  });

  it('stands on a line of its own in the chargeback CSV, which adds up to the bill', async () => {
    const bill = [
      HEADER,
      `${ROW},555-010-0001,Plan,MRC,1000.00,1100.00`,
      `${ROW},,State sales tax,Tax,30.00,1100.00`,
    ];
    await writeFile(join(dir, 'bills', 'bill.csv'), `${bill.join('\n')}\n`);
    const out = join(dir, 'cb.csv');
    const files = ['sites', 'inventory'].flatMap((name) => [`--${name}`, join(dir, `${name}.csv`)]);
    const run = await runCliCaptured([
      'chargeback',
      ...files,
      ...['--bills', join(dir, 'bills'), '--month', '2026-10', '--out', out, '--total-row'],
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "The month's invoices state $1,100.00 in all, $70.00 more than their charge lines ($1,030.00): invoice 754240482 $70.00.",
    );
    const rows = parseChargebackCsv(await readFile(out, 'utf8'));
    const own = rows.find((row) => row['Cost center name']?.includes('not itemised'));
    expect(own?.['Cost center']).toBe('UNALLOCATED');
    expect(own?.Amount).toBe('70.00');
    expect(own?.Invoice).toBe('754240482');
    expect(rows.at(-1)?.Amount).toBe('1100.00');
  });
});
