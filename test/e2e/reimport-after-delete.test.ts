/**
 * A bill file whose invoices the user deleted imports again: no "Already imported" for invoices
 * that are gone, the ones still stored named and never imported twice, and an Undo that comes
 * after the file was imported again stores nothing twice.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const workDir = mkdtempSync(join(tmpdir(), 'temdesk-reimport-e2e-'));

function fileAt(name: string, bytes: Uint8Array | string): string {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return path;
}

const TWO_INVOICES = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount,Invoice Total',
  'Windstream,WS-100,W-2026-09,2026-09-01,DHEC.554433..WIN,100M DIA,Recurring,850.00,850.00',
  'Windstream,WS-100,W-2026-10,2026-10-01,DHEC.554433..WIN,100M DIA,Recurring,850.00,850.00',
].join('\r\n');

function previewOf(page: Page) {
  return page.getByRole('region', { name: 'Preview: nothing is saved until you import' });
}

async function importShown(page: Page, button: string, done: string): Promise<void> {
  await previewOf(page).getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: done }).count()).toBe(1);
  await page.getByRole('button', { name: 'Close' }).click();
}

async function deleteInvoice(page: Page, invoiceNumber: string): Promise<void> {
  await page.getByRole('grid').getByRole('gridcell', { name: invoiceNumber, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Invoice ${invoiceNumber}` }).waitFor();
  await page.getByRole('button', { name: 'Delete invoice…' }).click();
  // Asked first, with what goes with it and what stays.
  const question = page.getByRole('group', { name: 'Delete this invoice?' });
  await question.getByText(/^Its \d+ charge lines?.* go(es)? with it\.$/).waitFor();
  await question.getByRole('button', { name: 'Yes, delete this invoice' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Deleted invoice ${invoiceNumber}` })
    .waitFor();
}

describe('importing a file again after deleting its invoices', () => {
  it('imports the file of a deleted invoice normally; a late Undo never doubles it', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const bill = fileAt(
      'Account & Wireless Summary.txt',
      readFileSync(new URL('../fixtures/files/verizon-wireless-summary.txt', import.meta.url)),
    );
    await pickBillFiles(page, [bill]);
    await importShown(page, 'Import 1 invoice', 'Imported 1 invoice');
    await deleteInvoice(page, '9876543210');
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();

    await pickBillFiles(page, [bill]);
    await previewOf(page).waitFor();
    const importButton = previewOf(page).getByRole('button', { name: 'Import 1 invoice' });
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    expect(
      await previewOf(page)
        .getByText(/already imported/i)
        .count(),
    ).toBe(0);
    expect(await previewOf(page).getByRole('alert').count()).toBe(0);
    await session.screenshot('reimport-after-delete-preview');
    await importShown(page, 'Import 1 invoice', 'Imported 1 invoice');

    // The delete's Undo is still offered: taking it now must not store the invoice twice.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({
            hasText:
              'Not undone: invoice 9876543210 was imported again since (from Account & Wireless Summary.txt)',
          })
          .count(),
      )
      .toBe(1);
    await page.getByRole('heading', { name: 'Invoices (1)' }).waitFor();
    expect(session.consoleErrors).toEqual([]);
  });

  it('names the invoices still stored from the file and imports only the deleted one', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const bill = fileAt('windstream-q3.csv', TWO_INVOICES);
    await pickBillFiles(page, [bill]);
    await importShown(page, 'Import 2 invoices', 'Imported 2 invoices');
    await deleteInvoice(page, 'W-2026-09');
    await page.getByRole('heading', { name: 'Invoices (1)' }).waitFor();

    await pickBillFiles(page, [bill]);
    const notice = previewOf(page).getByRole('status', { name: 'Imported before, in part' });
    await expect
      .poll(() => notice.textContent())
      .toMatch(
        /windstream-q3\.csv was imported on \d{4}-\d\d-\d\d\. Still stored from it, and not imported again: invoice W-2026-10 \(account WS-100\)\. Importing adds back the deleted invoice W-2026-09\./,
      );
    expect(await previewOf(page).getByRole('alert').count()).toBe(0);
    expect(
      await previewOf(page)
        .getByLabel(/Replace the stored invoices/)
        .count(),
    ).toBe(0);
    await session.screenshot('reimport-after-partial-delete-preview');
    await importShown(page, 'Import 1 invoice', 'Imported 1 invoice');
    await page.getByRole('heading', { name: 'Invoices (2)' }).waitFor();
    expect(session.consoleErrors).toEqual([]);
  });
});
