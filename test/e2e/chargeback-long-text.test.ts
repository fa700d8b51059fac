/**
 * A charge description longer than Excel's limit of 32,767 characters a cell, exported from the
 * Chargeback page: the workbook cuts the cell to fit, lists it on a "Cut text" sheet, and the
 * page says so beside "Saved …", so the finance person knows before opening the file. The CSV
 * keeps the whole text. (The CLI's side: test/electron/cli-chargeback-long-text.test.ts.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectXlsx } from '../helpers/xlsx-inspect';
import { importBills, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Description,Amount';
const LONG = 'C'.repeat(40_000);

async function download(page: Page, button: string, path: string): Promise<void> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await event).saveAs(path);
}

describe('chargeback export of a charge with a 40,000-character description', () => {
  it('cuts the XLSX cell to fit, lists it on a Cut text sheet and says so; the CSV keeps it whole', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-long-text-'));
    const bill = join(dir, 'october.csv');
    writeFileSync(
      bill,
      `${HEADER}\r\nLumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,"${LONG}",850.00\r\n` +
        `Lumen,5-KE4X-001,754240482,2026-10-01,,Surcharge,Federal USF,12.40\r\n`,
    );
    await importBills(page, [bill], 1);

    await page.goto(`${new URL(page.url()).origin}/#/chargeback`);
    await page.getByLabel('Month', { exact: true }).selectOption('2026-10');
    await page.getByRole('tab', { name: 'Export' }).click();
    const xlsxPath = join(dir, 'chargeback.xlsx');
    await download(page, 'Export XLSX', xlsxPath);
    const status = page.getByRole('status').filter({ hasText: /^Saved chargeback-2026-10-/ });
    await expect
      .poll(() => status.textContent())
      .toMatch(
        /^Saved chargeback-2026-10-[a-z0-9-]+\.xlsx\. 2 cells held text longer than Excel's limit of 32,767 characters \(Detail!L2, Exceptions!G2\): cut to fit/,
      );
    await session.screenshot('chargeback-cut-text');

    const book = inspectXlsx(readFileSync(xlsxPath));
    const texts = book.sheets.flatMap((sheet) =>
      sheet.values.flat().filter((value): value is string => typeof value === 'string'),
    );
    expect(Math.max(...texts.map((text) => text.length))).toBe(32_767);
    // The charge is on the Detail sheet and, its service being in no inventory, on Exceptions.
    expect(texts.filter((text) => /^C+… \(cut: 7,258 characters\)$/.test(text))).toHaveLength(2);
    expect(book.sheets.map((sheet) => sheet.name)).toContain('Cut text');

    // The CSV has no cell limit: the description is whole there, and the message says nothing cut.
    const csvPath = join(dir, 'chargeback.csv');
    await download(page, 'Export CSV', csvPath);
    await expect
      .poll(() => status.textContent())
      .toMatch(/^Saved chargeback-2026-10-[a-z0-9-]+\.csv\.$/);
    expect(readFileSync(csvPath, 'utf8')).toContain(LONG);
    expect(session.consoleErrors).toEqual([]);
  });
});
