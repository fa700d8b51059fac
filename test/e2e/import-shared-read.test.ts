import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { isoMonth } from '../../shared/dates';
import { readBills } from '../../shared/import/read-bill';
import { BLOCK_SIZE } from '../../shared/storage/charge-blocks';
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

/** Every record of one of the app's stores, read straight from IndexedDB. */
function recordsOf<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('tem-desk');
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

/** The keys of every stored charge-line block. */
function blockKeysOf(page: Page): Promise<[string, number][]> {
  return page.evaluate(
    () =>
      new Promise<[string, number][]>((resolve, reject) => {
        const open = indexedDB.open('tem-desk');
        open.onsuccess = () => {
          const keys = open.result
            .transaction('chargeBlocks')
            .objectStore('chargeBlocks')
            .getAllKeys();
          keys.onsuccess = () => {
            resolve(keys.result as [string, number][]);
            open.result.close();
          };
          keys.onerror = () => reject(keys.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
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
    const linesOfInvoice = new Map<string, number>();
    // Per draft and invoice key (as each draft's packed lines group them).
    for (const [d, draft] of drafts.entries())
      for (const line of draft.lines) {
        const key = `${d}#${line.invoiceKey}`;
        linesOfInvoice.set(key, (linesOfInvoice.get(key) ?? 0) + 1);
      }
    const blocks = [...linesOfInvoice.values()].reduce(
      (sum, count) => sum + Math.ceil(count / BLOCK_SIZE),
      0,
    );
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
    // Both workers write their drafts' blocks while the preview is shown, each invoice under an
    // id it chose (see db/staged-blocks-writer): as many as the invoices' lines make.
    await expect
      .poll(async () => (await blockKeysOf(page)).length, { timeout: 60_000 })
      .toBe(blocks);
    const stagedKeys = await blockKeysOf(page);
    const stagedIds = [...new Set(stagedKeys.map(([invoiceId]) => invoiceId))].sort();
    expect(stagedIds).toHaveLength(invoices);

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
    // The import claimed every staged block: its invoices have the staged ids, nothing rewritten.
    const storedInvoices = await recordsOf<{ id: string; lineCount: number }>(page, 'invoices');
    expect(storedInvoices.map((invoice) => invoice.id).sort()).toEqual(stagedIds);
    expect(storedInvoices.reduce((sum, invoice) => sum + invoice.lineCount, 0)).toBe(lines);
    expect((await blockKeysOf(page)).length).toBe(stagedKeys.length);
    // Each file is fingerprinted by one of the two workers; every batch has its file's SHA-256,
    // by which a second import of it is recognised.
    const stored = (
      await recordsOf<{ fileName: string; fileHash: string }>(page, 'importBatches')
    ).map((batch) => [batch.fileName, batch.fileHash] as const);
    const expected = new Map(
      company.files.map((file) => [
        file.name,
        createHash('sha256').update(file.bytes).digest('hex'),
      ]),
    );
    // (A file no invoice came from is kept as no batch.)
    expect(stored.length).toBeGreaterThan(company.files.length * 0.9);
    for (const [name, hash] of stored) expect([name, hash]).toEqual([name, expected.get(name)]);
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
    await expect.poll(async () => (await recordsOf(page, 'originalFiles')).length).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
