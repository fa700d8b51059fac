import { mkdtempSync, writeFileSync } from 'node:fs';
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

const INVOICES = 4;
const LINES_PER_INVOICE = 1_500;

/** A bill in the TEM Desk CSV layout: a few invoices of more lines than one block holds. */
function billCsv(): string {
  const rows = [
    'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Period Start,Period End,Service ID,Description,Category,Quantity,Amount,Invoice Total',
  ];
  for (let i = 1; i <= INVOICES; i++)
    for (let line = 0; line < LINES_PER_INVOICE; line++)
      rows.push(
        `Windstream,ACCT-${i},W-${i},2026-10-01,2026-10-25,2026-09-01,2026-09-30,555-010-${String(line).padStart(4, '0')},Line,Recurring,1,1.00,${LINES_PER_INVOICE}.00`,
      );
  return rows.join('\r\n');
}

/** The keys of the stored blocks, and each stored invoice's id and lines, from the app's IndexedDB. */
function stored(
  page: Page,
): Promise<{ blockKeys: [string, number][]; invoices: [string, number][] }> {
  return page.evaluate(
    () =>
      new Promise<{ blockKeys: [string, number][]; invoices: [string, number][] }>(
        (resolve, reject) => {
          const open = indexedDB.open('tem-desk');
          open.onerror = () => reject(new Error('cannot open the database'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['chargeBlocks', 'invoices'], 'readonly');
            const blockKeys = tx.objectStore('chargeBlocks').getAllKeys();
            const invoices = tx.objectStore('invoices').getAll();
            tx.oncomplete = () => {
              db.close();
              const records = invoices.result as { id: string; lineCount: number }[];
              resolve({
                blockKeys: blockKeys.result as [string, number][],
                invoices: records.map((invoice) => [invoice.id, invoice.lineCount]),
              });
            };
          };
        },
      ),
  );
}

/** The stored blocks, and those of no stored invoice. */
async function storedBlocks(page: Page): Promise<{ blocks: number; orphans: number }> {
  const { blockKeys, invoices } = await stored(page);
  const ids = new Set(invoices.map(([id]) => id));
  return {
    blocks: blockKeys.length,
    orphans: blockKeys.filter(([invoiceId]) => !ids.has(invoiceId)).length,
  };
}

/** The invoice ids the stored blocks are under, and the stored invoices' ids with their lines. */
async function storedIds(
  page: Page,
): Promise<{ blocksOf: string[]; invoices: [string, number][] }> {
  const { blockKeys, invoices } = await stored(page);
  return {
    blocksOf: [...new Set(blockKeys.map(([invoiceId]) => invoiceId))].sort(),
    invoices: invoices.sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Opens the app and previews the bill, its lines' blocks staged meanwhile. */
async function previewBill(): Promise<{ page: Page; preview: ReturnType<Page['getByRole']> }> {
  const dir = mkdtempSync(join(tmpdir(), 'temdesk-staged-'));
  const path = join(dir, 'windstream-2026-10.csv');
  writeFileSync(path, billCsv());
  session = await openApp({ hash: '#/bills' });
  const { page } = session;
  await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
  await pickBillFiles(page, [path]);
  const preview = page.getByRole('region', {
    name: 'Preview: nothing is saved until you import',
  });
  await preview.waitFor();
  // Two blocks per invoice, written while the preview is shown, before anything is imported.
  await expect.poll(async () => (await storedBlocks(page)).blocks).toBe(2 * INVOICES);
  return { page, preview };
}

describe('charge-line blocks staged while the bill is previewed', () => {
  it('are all claimed by the import: the invoices take their ids, none left without an invoice', async () => {
    const { page, preview } = await previewBill();
    // Every block is written: each invoice is staged whole, under an id chosen ahead.
    const staged = (await storedIds(page)).blocksOf;
    expect(staged).toHaveLength(INVOICES);
    await preview.getByRole('button', { name: `Import ${INVOICES} invoices` }).click();
    await page.getByRole('heading', { name: `Invoices (${INVOICES})` }).waitFor();
    expect(await storedBlocks(page)).toEqual({ blocks: 2 * INVOICES, orphans: 0 });
    // Claimed, not written again under new ids: the stored invoices are the staged ones.
    expect(await storedIds(page)).toEqual({
      blocksOf: staged,
      invoices: staged.map((id) => [id, LINES_PER_INVOICE]),
    });
  });

  it('are removed when the import is cancelled from the preview', async () => {
    const { page, preview } = await previewBill();
    await preview.getByRole('button', { name: 'Cancel import' }).click();
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
    await expect.poll(() => storedBlocks(page)).toEqual({ blocks: 0, orphans: 0 });
  });
});
