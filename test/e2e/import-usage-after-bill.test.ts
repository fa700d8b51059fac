/**
 * A usage-only file imported after its bill (issue 21): the Rogers bill (TEM Desk charges CSV) is
 * imported first; its Rogers usage archive, picked later on its own, is previewed as usage for
 * that stored invoice (which invoice, how many lines) and imported onto it; Undo takes that usage
 * back, so the archive imports again; picked once more it is refused as already stored.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

const fixtures = new URL('../fixtures/carriers/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-usage-after-bill-e2e-'));
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, fixtures)));

describe('a Rogers usage archive imported after its bill, in Chromium', () => {
  it('adds its usage to the stored invoice, undoes it, and refuses it when already stored', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const bill = join(workDir, 'Rogers March bill.csv');
    copyFileSync(new URL('rogers-bill.temdesk.csv', fixtures), bill);
    const archive = join(workDir, 'Rogers SMS March.zip');
    writeFileSync(
      archive,
      zipSync({
        'Header-SMS.txt': fixture('rogers/Header-SMS.txt'),
        'ALL_CALLS-SMS.txt': fixture('rogers/ALL_CALLS-SMS.txt'),
      }),
    );
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });

    await pickBillFiles(page, [bill]);
    await preview.waitFor();
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Imported 1 invoice' });
    await expect.poll(() => done.count()).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    // Previewed as usage for the stored invoice: which invoice, and how many of its lines.
    const previewUsage = async (screenshot: string) => {
      await pickBillFiles(page, [archive]);
      await preview.waitFor();
      await expect
        .poll(() => preview.getByRole('status').first().textContent())
        .toContain('0 invoices, 0 charge lines, 2 usage records · 0 rows could not be read');
      await expect
        .poll(() =>
          preview
            .getByText(
              'Importing adds the usage of 2 lines to invoice R260320001 of account 800123456.',
            )
            .count(),
        )
        .toBe(1);
      const targets = preview.getByRole('table', {
        name: 'Invoices imported earlier that get this usage',
      });
      // Usage alone: no empty charge-lines section.
      expect(await preview.getByRole('heading', { name: /Charge lines to import/ }).count()).toBe(
        0,
      );
      await expect
        .poll(() => targets.getByRole('row').allTextContents())
        .toEqual([
          'Invoice numberAccountCarrierLines with new usage',
          'R260320001800123456Rogers2',
        ]);
      // No empty "Invoices found" table for a file that brings no invoice of its own.
      expect(await preview.getByRole('table', { name: 'Invoices found' }).count()).toBe(0);
      await session?.screenshot(screenshot);
      await preview.getByRole('button', { name: 'Import 2 usage records' }).click();
      const attached = page
        .getByRole('status')
        .filter({ hasText: 'Added the usage of 2 lines to invoices imported earlier.' });
      await expect.poll(() => attached.count()).toBe(1);
    };

    await previewUsage('import-usage-after-bill-preview');
    await session.screenshot('import-usage-after-bill-done');
    // Undone like the app's other actions: the usage goes, and the archive is new again.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    const undone = page
      .getByRole('status')
      .filter({ hasText: 'Undone: Added the usage of 2 lines to invoice R260320001' });
    await expect.poll(() => undone.count()).toBe(1);
    // "Import complete" goes with it.
    expect(await page.getByRole('heading', { name: 'Import complete' }).count()).toBe(0);
    await session.screenshot('import-usage-after-bill-undone');
    const grid = page.getByRole('grid');
    await grid.getByRole('gridcell', { name: 'R260320001', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice R260320001' }).waitFor();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Usage (0 services)' }).count())
      .toBe(1);
    await session.screenshot('import-usage-after-bill-undone-invoice');
    await page.getByRole('link', { name: 'Bills', exact: true }).click();

    await previewUsage('import-usage-after-bill-after-undo');
    await page.getByRole('button', { name: 'Close' }).click();

    await pickBillFiles(page, [archive]);
    await preview.waitFor();
    const refusal = preview.getByRole('alert').filter({ hasText: 'is already stored' });
    await expect.poll(() => refusal.count()).toBe(1);
    await expect
      .poll(() => preview.getByRole('button', { name: 'Import 0 invoices' }).isDisabled())
      .toBe(true);
    await session.screenshot('import-usage-after-bill-again');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it("pairs an unzipped archive's Header and call file picked loose with the bill", async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const bill = join(workDir, 'Rogers March bill.csv');
    copyFileSync(new URL('rogers-bill.temdesk.csv', fixtures), bill);
    const header = join(workDir, 'Header-SMS.txt');
    const calls = join(workDir, 'ALL_CALLS-SMS.txt');
    copyFileSync(new URL('rogers/Header-SMS.txt', fixtures), header);
    copyFileSync(new URL('rogers/ALL_CALLS-SMS.txt', fixtures), calls);
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await pickBillFiles(page, [bill, header, calls]);
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('status').first().textContent())
      .toContain('1 invoice, 4 charge lines, 2 usage records · 0 rows could not be read');
    expect(await preview.getByRole('alert').count()).toBe(0);
    // Its usage goes to the invoice of this pick, not to one "imported earlier".
    const targets = preview.getByRole('table', {
      name: 'Invoices of this import that get this usage',
    });
    await expect
      .poll(() => targets.getByRole('row').allTextContents())
      .toEqual(['Invoice numberAccountCarrierLines with new usage', 'R260320001800123456Rogers2']);
    await session.screenshot('import-rogers-loose-files');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });
});
