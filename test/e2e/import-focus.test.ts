/**
 * Keyboard focus follows the import from step to step: after "Use this mapping" it lands on the
 * preview's heading, after "Import N invoices" on the import's result, never on the page's body.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { billsLink } from '../../renderer/app/links';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** What has the keyboard focus: its tag, role and text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      tag: active?.tagName.toLowerCase(),
      role: active?.getAttribute('role') ?? null,
      text: active?.textContent.trim() ?? '',
    };
  });
}

describe('focus through the import', () => {
  it('lands on the preview heading after the mapping, then on the result after importing', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const csv = join(mkdtempSync(join(tmpdir(), 'temdesk-focus-e2e-')), 'zayo-2024-02.csv');
    writeFileSync(
      csv,
      readFileSync(new URL('../fixtures/files/unknown-layout.csv', import.meta.url)),
    );
    await pickBillFiles(page, [csv]);
    const wizard = page.getByRole('region', { name: 'Map the columns of zayo-2024-02.csv' });
    await wizard.waitFor();
    await wizard.getByLabel('Column “Charge Description” holds').selectOption('description');
    const use = wizard.getByRole('button', { name: 'Use this mapping' });
    await expect.poll(() => use.isEnabled()).toBe(true);
    await use.focus();
    await page.keyboard.press('Enter');

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect
      .poll(() => focused(page))
      .toEqual({ tag: 'h2', role: null, text: 'Preview: nothing is saved until you import' });

    const importButton = preview.getByRole('button', { name: 'Import 1 invoice' });
    await importButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();
    await expect
      .poll(() => focused(page))
      .toMatchObject({
        tag: 'p',
        role: 'status',
        text: expect.stringMatching(/^Imported 1 invoice/),
      });
    await session.screenshot('import-focus-complete');
    // Tab goes on from there, to the step's own button.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Close' });
    // It stays while the user filters this page, and does not follow them to another page.
    const complete = page.getByRole('heading', { name: 'Import complete' });
    const filtered = billsLink({ carrierId: '', due: ['overdue'] });
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, filtered);
    await page.waitForFunction((hash) => window.location.hash === hash, filtered);
    expect(await complete.count()).toBe(1);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect.poll(() => complete.count()).toBe(0);
    await page.getByRole('link', { name: 'Bills', exact: true }).click();
    await page.getByRole('heading', { name: /^Invoices/ }).waitFor();
    expect(await complete.count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
