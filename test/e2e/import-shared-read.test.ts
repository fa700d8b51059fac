import { afterEach, describe, expect, it } from 'vitest';
import { isoMonth } from '../../shared/dates';
import { readBills } from '../../shared/import/read-bill';
import { generateSampleCompany } from '../fixtures/generate/sample-company';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** A year of the sample company at 2.4× scale: 72 files, about 9 MB (two workers share such a read). */
const company = generateSampleCompany({ months: 12, scale: 2.4, endMonth: isoMonth(2026, 10) });
const files = company.files.map((file) => ({
  name: file.name,
  mimeType: file.name.endsWith('.zip') ? 'application/zip' : 'text/csv',
  buffer: Buffer.from(file.bytes),
}));

/** Counts the file readers the page starts (run before the app's scripts). */
function countReaders(): void {
  const Real = window.Worker;
  const counted = window as unknown as { readersStarted: number };
  counted.readersStarted = 0;
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (String(url).includes('read.worker')) counted.readersStarted += 1;
    }
  };
}

async function openWithCountedReaders(): Promise<AppSession> {
  const opened = await openApp({ hash: '#/bills' });
  await opened.context.addInitScript(countReaders);
  await opened.page.reload();
  await opened.page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
  return opened;
}

describe('a large import read by two workers in Chromium', () => {
  it('previews and imports exactly what one reader gives', async () => {
    // What one reader makes of the same files (the worker's own code, run here in one thread).
    const drafts = readBills(
      company.files.map((file) => ({ name: file.name, bytes: file.bytes })),
    ).flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : []));
    const invoices = drafts.reduce((sum, draft) => sum + draft.invoices.length, 0);
    const lines = drafts.reduce((sum, draft) => sum + draft.lines.length, 0);
    expect(invoices).toBeGreaterThan(0);

    session = await openWithCountedReaders();
    const { page } = session;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (await chooser).setFiles(files);
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor({ timeout: 60_000 });
    // Two readers: the one warmed as the file dialog opened, and the second of the shared read.
    expect(
      await page.evaluate(() => (window as unknown as { readersStarted: number }).readersStarted),
    ).toBe(2);
    await session.screenshot('import-shared-read-preview');

    await preview
      .getByRole('button', { name: `Import ${invoices.toLocaleString('en-US')} invoices` })
      .click();
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: `with ${lines.toLocaleString('en-US')} charge lines` })
            .count(),
        { timeout: 60_000 },
      )
      .toBe(1);
    await page
      .getByRole('heading', { name: `Invoices (${invoices.toLocaleString('en-US')})` })
      .waitFor();
    expect(session.consoleErrors).toEqual([]);
  });

  it('cancels both workers and saves nothing', async () => {
    session = await openWithCountedReaders();
    const { page } = session;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (await chooser).setFiles(files);
    const progress = page.getByRole('progressbar', { name: /Reading files/ });
    await progress.waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => progress.count()).toBe(0);
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
    // The originals staged as the files were read went with the cancel.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open('tem-desk');
              open.onsuccess = () => {
                const count = open.result
                  .transaction('originalFiles')
                  .objectStore('originalFiles')
                  .count();
                count.onsuccess = () => {
                  resolve(count.result);
                  open.result.close();
                };
                count.onerror = () => reject(count.error);
              };
              open.onerror = () => reject(open.error);
            }),
        ),
      )
      .toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
