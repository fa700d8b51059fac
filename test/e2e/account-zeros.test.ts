/**
 * An inventory kept in Excel whose account number was typed as a number (the LibreOffice workbook
 * test/fixtures/xlsx/inventory-account-zeros.xlsx: `0012345` saved as 12345), set up after
 * Verizon's bills of `0012345`: the preview and the result say which row's number was taken as
 * the bills' account, and the audit finds no line on the wrong account.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountZerosLines, verizonSummaryText } from '../helpers/verizon-summary';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const INVENTORY = new URL('../fixtures/xlsx/inventory-account-zeros.xlsx', import.meta.url)
  .pathname;
const ROW_NOTE =
  'Row 2: account 12345 is taken as Verizon Wireless account 0012345, already known: the same number without its leading zeros, which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them).';
/** The note of Set up from files, which names the file. */
const NOTE = `inventory-account-zeros.xlsx: ${ROW_NOTE}`;

/** Verizon's line summary of October 2026, as a file: a line on 0012345, another on 0067890. */
function verizonBill(): string {
  const path = join(
    mkdtempSync(join(tmpdir(), 'temdesk-zeros-')),
    'Account & Wireless Summary.txt',
  );
  writeFileSync(path, verizonSummaryText(accountZerosLines()));
  return path;
}

/** The app with Verizon's bill of 0012345 and 0067890 imported, as a user imports it. */
async function openWithBills(): Promise<AppSession> {
  const opened = await openApp({ hash: '#/bills' });
  const { page } = opened;
  await pickBillFiles(page, [verizonBill()]);
  const preview = page.getByRole('region', { name: 'Preview: nothing is saved until you import' });
  await preview.getByRole('button', { name: 'Import 2 invoices' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 invoices' }).count())
    .toBe(1);
  return opened;
}

describe('an inventory whose account numbers a spreadsheet saved as numbers', () => {
  it('is set up on the bills’ accounts, saying which row it took as which account', async () => {
    session = await openWithBills();
    const { page } = session;

    await page.goto(new URL('#/inventory/setup', session.baseUrl).toString());
    const setup = page.getByRole('region', { name: 'Set up from files' });
    const chooser = page.waitForEvent('filechooser');
    await setup.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(INVENTORY);
    await expect
      .poll(() => setup.getByRole('status').first().innerText())
      .toBe('Ready: 1 site and 2 services.');
    const notes = setup.getByRole('list', { name: 'Notes on the rows imported' });
    expect(await notes.getByRole('listitem').allInnerTexts()).toEqual([NOTE]);
    await session.screenshot('setup-account-zeros-preview');

    await setup.getByRole('button', { name: 'Import 1 site and 2 services' }).click();
    await expect
      .poll(() => setup.getByRole('status').last().innerText())
      .toContain(
        `Set up done: 0 cost centers, 1 sites, 0 contracts, 2 services and 0 rates imported. ${NOTE}`,
      );
    await session.screenshot('setup-account-zeros-done');
    expect(session.consoleErrors).toEqual([]);
  });

  it('is imported on the Inventory page on the bills’ accounts, saying which row it took as which account', async () => {
    session = await openWithBills();
    const { page } = session;

    await page.goto(new URL('#/inventory', session.baseUrl).toString());
    await page.getByRole('button', { name: 'Import inventory…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose inventory file…' }).click();
    await (await chooser).setFiles(INVENTORY);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'services ready' }).innerText())
      .toBe('2 services ready');
    const notes = page.getByRole('list', { name: 'Notes on the rows imported' });
    await expect.poll(() => notes.getByRole('listitem').allInnerTexts()).toEqual([ROW_NOTE]);
    await session.screenshot('inventory-account-zeros-preview');

    await page.getByRole('button', { name: 'Import 2 services' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '2 services added' }).innerText())
      .toContain(ROW_NOTE);
    expect(session.consoleErrors).toEqual([]);
  });
});
