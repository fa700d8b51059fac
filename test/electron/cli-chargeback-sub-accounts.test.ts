/**
 * An AT&T Raw Data Output bill of one FAN over several BANs (a consolidated bill): each BAN's
 * account-level charges (its administrative fee) are spread over that BAN's own lines only; the
 * FAN's own fee, and the fee of a BAN with no line on the bill, over every line of the invoice.
 * The CSV and the workbook still add up to the invoice, to the cent.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvAmountSum, isTotalRow, parseChargebackCsv } from '../helpers/chargeback-csv';
import { makeCliWorkspace, runCliCaptured } from '../helpers/cli-workspace';
import { inspectXlsx } from '../helpers/xlsx-inspect';

const FIXTURE = new URL(
  '../fixtures/carriers/att-raw-data-consolidated.synthetic.txt',
  import.meta.url,
);
/** The invoice's $100.80, in cents. */
const INVOICE_TOTAL = 10_080;
let dir = '';

beforeAll(async () => {
  dir = await makeCliWorkspace('temdesk-cli-chargeback-sub-accounts-');
  await writeFile(
    join(dir, 'sites.csv'),
    'Site Code,Site Name,Cost Center\nSTR-1,Store 1,4100\nSTR-2,Store 2,4200\n',
  );
  // Each line is filed under its BAN; the FAN the invoice is addressed to holds none.
  await writeFile(
    join(dir, 'inventory.csv'),
    [
      'Site Code,Carrier,Account Number,Service Type,Service ID',
      'STR-1,AT&T Mobility,287000333,mobile,555-010-0011',
      'STR-2,AT&T Mobility,287000444,mobile,555-010-0012',
      '',
    ].join('\n'),
  );
  await copyFile(FIXTURE, join(dir, 'bills', 'october.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function chargeback(out: string) {
  return runCliCaptured([
    'chargeback',
    ...['--sites', join(dir, 'sites.csv'), '--inventory', join(dir, 'inventory.csv')],
    ...['--contracts', join(dir, 'contracts.csv'), '--bills', join(dir, 'bills')],
    ...['--month', '2026-10', '--out', out, '--total-row'],
  ]);
}

describe('chargeback of an AT&T FAN invoice over several BANs', () => {
  it('spreads a BAN’s fee over its own lines, the FAN’s over all, and reconciles', async () => {
    const out = join(dir, 'chargeback.csv');
    const run = await chargeback(out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 invoice, $100.80: $100.80 allocated to 2 cost centers');
    const text = await readFile(out, 'utf8');
    const rows = parseChargebackCsv(text);
    const accountLevel = rows
      .filter((row) => !isTotalRow(row) && row['Service ID'] === '')
      .map((row) => [row['Description'], row['Cost center'], row['Amount']]);
    const fee = 'Account Charges › Company Fees & Surcharges';
    expect(accountLevel).toEqual([
      // The FAN's own fee: over 4100's $64.80 and 4200's $30.00.
      [`${fee} › Consolidated Billing Fee`, '4100', '0.68'],
      [`${fee} › Consolidated Billing Fee`, '4200', '0.32'],
      // BAN 287000444's fee: over its own line only (4200), not the whole invoice.
      [`${fee} › Administrative Fee (BAN 287000444)`, '4200', '3.00'],
      // BAN 287000555 bills no line: its fee is spread over the whole invoice.
      [`${fee} › Administrative Fee (BAN 287000555)`, '4100', '1.37'],
      [`${fee} › Administrative Fee (BAN 287000555)`, '4200', '0.63'],
    ]);
    expect(csvAmountSum(text, { amount: 'Amount' })).toBe(INVOICE_TOTAL);
    expect(rows.filter(isTotalRow).map((row) => row['Amount'])).toEqual(['100.80']);
  });

  it('writes a workbook whose detail and summary add up to the invoice', async () => {
    const out = join(dir, 'chargeback.xlsx');
    const run = await chargeback(out);
    expect(run.code).toBe(0);
    const book = inspectXlsx(new Uint8Array(await readFile(out)));
    const sheet = (name: string) => book.sheets.find((found) => found.name === name)?.values ?? [];
    const cents = (value: unknown) => Math.round(Number(value) * 100);
    // Summary: per cost center, Total is column 7; 4200 takes the whole BAN 287000444 fee.
    expect(
      sheet('Summary')
        .slice(1)
        .map((row) => [row[0], cents(row[6])]),
    ).toEqual([
      ['4100', 6_685],
      ['4200', 3_395],
      ['Total', INVOICE_TOTAL],
    ]);
    const detail = sheet('Detail');
    const lines = detail.slice(1, -1);
    expect(lines.reduce((sum, row) => sum + cents(row[12]), 0)).toBe(INVOICE_TOTAL);
    expect(detail.at(-1)?.[0]).toBe('Total');
    expect(cents(detail.at(-1)?.[12])).toBe(INVOICE_TOTAL);
    expect(
      lines
        .filter((row) => String(row[11]).endsWith('(BAN 287000444)'))
        .map((row) => [row[1], row[12]]),
    ).toEqual([['4200', 3]]);
  });
});
