import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const fixtures = new URL('../fixtures/files/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-import-e2e-'));

/** A Verizon Raw Data Download ZIP as the portal ships it: tab-delimited files in a folder. */
function verizonZip(): string {
  const path = join(workDir, 'verizon-raw-data-2021-08.zip');
  writeFileSync(
    path,
    zipSync({
      'Raw Data/Account & Wireless Summary.txt': readFileSync(
        new URL('verizon-wireless-summary.txt', fixtures),
      ),
      'Raw Data/AccountSummary.txt': readFileSync(new URL('verizon-account-summary.txt', fixtures)),
    }),
  );
  return path;
}

describe('bill import in Chromium', () => {
  it('imports a Verizon ZIP through the preview, keeps it after a reload, and gives back the original', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const zipPath = verizonZip();
    await pickBillFiles(page, [zipPath]);

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('heading', { name: /Verizon Wireless/ }).count())
      .toBeGreaterThan(0);
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    await expect
      .poll(() => invoices.getByRole('cell', { name: '9876543210', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => invoices.getByRole('cell', { name: '$145.26', exact: true }).count())
      .toBe(2);
    await preview.getByRole('button', { name: 'Show charge lines' }).click();
    await expect
      .poll(() => preview.getByRole('gridcell', { name: 'Monthly Charges', exact: true }).count())
      .toBe(2);
    await session.screenshot('import-verizon-preview');

    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);

    await page.reload();
    const grid = page.getByRole('grid');
    await expect
      .poll(() => grid.getByRole('gridcell', { name: '9876543210', exact: true }).count())
      .toBe(1);
    await session.screenshot('import-invoices-grid');
    await grid.getByRole('gridcell', { name: '9876543210', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 9876543210' }).waitFor();
    const lines = page.getByRole('region', { name: 'Charge lines', exact: true });
    await expect
      .poll(() => lines.getByRole('gridcell', { name: 'Monthly Charges' }).count())
      .toBe(2);
    await session.screenshot('import-invoice-detail');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Download original file/ }).click();
    const saved = join(workDir, 'downloaded.zip');
    await (await download).saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(zipPath))).toBe(true);

    // Review workflow: each step stamped with its note.
    await page.getByLabel('Note for this step (optional)').fill('Checked against the PDF');
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Review history' }).textContent())
      .toContain('Checked against the PDF');
    expect(session.consoleErrors).toEqual([]);
  });

  it('maps an unknown CSV in the wizard, remembers the mapping, and refuses the same file twice', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const csv = join(workDir, 'zayo-2024-02.csv');
    writeFileSync(csv, readFileSync(new URL('unknown-layout.csv', fixtures)));
    await pickBillFiles(page, [csv]);

    const wizard = page.getByRole('region', { name: 'Map the columns of zayo-2024-02.csv' });
    await wizard.waitFor();
    await expect
      .poll(() => wizard.getByLabel('Column “Bill Date” holds').inputValue())
      .toBe('invoiceDate');
    await expect
      .poll(() => wizard.getByLabel('Column “Monthly Cost” holds').inputValue())
      .toBe('amount');
    await wizard.getByLabel('Column “Charge Description” holds').selectOption('description');
    await expect
      .poll(() => wizard.getByRole('cell', { name: 'Wave 10G', exact: true }).count())
      .toBe(2);
    await session.screenshot('import-mapping-wizard');
    await wizard.getByRole('button', { name: 'Use this mapping' }).click();

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('cell', { name: 'Z-55-20240201', exact: true }).count())
      .toBe(1);
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    // The same file again: no questions (the mapping was saved), and it is recognised.
    await pickBillFiles(page, [csv]);
    await preview.waitFor();
    await expect
      .poll(() => preview.getByText('zayo-2024-02.csv was already imported').count())
      .toBe(1);
    await expect
      .poll(() => preview.getByRole('button', { name: 'Import 1 invoice' }).isDisabled())
      .toBe(true);
    await session.screenshot('import-already-imported');
    await preview.getByRole('button', { name: 'Cancel import' }).click();
    expect(session.consoleErrors).toEqual([]);
  });
});
