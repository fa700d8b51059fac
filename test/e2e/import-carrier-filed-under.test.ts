/**
 * The import preview names the carrier each invoice will be stored under: a bill saying "Verizon"
 * or "ATT" for the company's Verizon Wireless and AT&T Mobility shows those carriers (with the
 * file's spelling beside them), a carrier met for the first time shows as new, and the commit
 * files the invoices exactly so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total';
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-filed-under-'));

/** A bill file of one-line invoices: [carrier as written, account, invoice number]. */
function billFile(name: string, invoices: [string, string, string][]): string {
  const rows = invoices.map(
    ([carrier, account, invoice]) =>
      `${carrier},${account},${invoice},2026-10-05,555-010-0001,Plan,MRC,40.00,40.00`,
  );
  const path = join(workDir, name);
  writeFileSync(path, [HEADER, ...rows].join('\r\n'));
  return path;
}

describe('import preview carriers', () => {
  it('shows the carrier each invoice is filed under, as the commit files it', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    const carrierCells = async () => {
      const table = preview.getByRole('table', { name: 'Invoices found' });
      const rows = await table.getByRole('row').all();
      const cells = await Promise.all(
        rows.slice(1).map(async (row) => (await row.getByRole('cell').allTextContents())[0]),
      );
      return cells.join('\n');
    };

    await pickBillFiles(page, [
      billFile('first.csv', [
        ['Verizon Wireless', '842012345-00001', 'VZ-1'],
        ['AT&T Mobility', '287012345678', 'ATT-1'],
      ]),
    ]);
    await expect
      .poll(carrierCells)
      .toBe(['Verizon Wireless (new carrier)', 'AT&T Mobility (new carrier)'].join('\n'));
    await preview.getByRole('button', { name: 'Import 2 invoices' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 invoices' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    await pickBillFiles(page, [
      billFile('second.csv', [
        ['Verizon', '842012345-00001', 'VZ-2'],
        ['ATT', '287012345678', 'ATT-2'],
        ['Acme Telecom', '77-1', 'AC-1'],
      ]),
    ]);
    await expect
      .poll(carrierCells)
      .toBe(
        [
          'Verizon Wireless (file says “Verizon”)',
          'AT&T Mobility (file says “ATT”)',
          'Acme Telecom (new carrier)',
        ].join('\n'),
      );
    await session.screenshot('import-preview-filed-under');
    await preview.getByRole('button', { name: 'Import 3 invoices' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 3 invoices' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    // Committed as previewed: three carriers, no "Verizon" or "ATT" beside the two known ones.
    await page.evaluate(() => {
      window.location.hash = '#/dashboard';
    });
    const carrier = page.getByLabel('Carrier', { exact: true });
    await carrier.waitFor({ timeout: 30_000 });
    expect(await carrier.locator('option').allTextContents()).toEqual([
      'All carriers',
      'Acme Telecom',
      'AT&T Mobility',
      'Verizon Wireless',
    ]);
  });
});
