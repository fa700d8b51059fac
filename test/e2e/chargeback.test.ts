import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectXlsx, type ReadSheet } from '../helpers/xlsx-inspect';
import { isTotalRow } from '../helpers/chargeback-csv';
import {
  loadSampleCompany,
  openApp,
  RESULTS_DIR,
  sampleCompanyOf,
  sampleLastMonthOf,
  type AppSession,
} from './harness';

let session: AppSession | undefined;
let workDir: string | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
});

/** The month's invoice total straight from IndexedDB (sum of the stored invoices' line totals). */
function monthInvoiceTotal(page: Page, month: string): Promise<number> {
  return page.evaluate(
    (target) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('tem-desk');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('invoices').objectStore('invoices').getAll();
          request.onerror = () => reject(new Error('cannot read invoices'));
          request.onsuccess = () => {
            const invoices: { invoiceDate: string; linesTotal: number }[] = request.result;
            db.close();
            resolve(
              invoices
                .filter((invoice) => invoice.invoiceDate.startsWith(target))
                .reduce((sum, invoice) => sum + invoice.linesTotal, 0),
            );
          };
        };
      }),
    month,
  );
}

/** `-1234.56` → -123456, exactly (no float of dollars). */
function centsOf(text: string): number {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** The last row's value in the column headed `header` (the totals row of our sheets), in cents. */
function totalOf(sheet: ReadSheet | undefined, header: string): number {
  const column = sheet?.values[0]?.indexOf(header) ?? -1;
  const last = sheet?.values[sheet.values.length - 1]?.[column];
  return typeof last === 'number' ? Math.round(last * 100) : Number.NaN;
}

async function download(page: Page, button: string, path: string): Promise<void> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await event).saveAs(path);
}

describe('chargeback in Chromium', () => {
  it('allocates a month, drills down, exports XLSX and CSV that reconcile, and follows a fix', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'temdesk-chargeback-'));
    session = await openApp({ hash: '#/chargeback' });
    const { page } = session;
    // The month of the sample's latest bills (today's month once an account's bill day has come).
    const lastMonth = sampleLastMonthOf(session);
    await loadSampleCompany(page);

    const check = page.getByRole('region', { name: 'Reconciliation check' });
    await expect
      .poll(() => check.textContent(), { timeout: 30_000 })
      .toContain('Reconciled to the cent');
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe(lastMonth);
    expect(await monthInvoiceTotal(page, lastMonth)).toBeGreaterThan(0);
    await session.screenshot('chargeback-cost-centers');
    // By service period the first figure is the month's share of the bills, and says so.
    expect(await check.getByRole('term').first().textContent()).toMatch(
      /^Invoice total \(\d+ invoices\)$/,
    );
    await page.getByLabel('Month of a charge by').selectOption('service-period');
    await expect
      .poll(() => check.getByRole('term').first().textContent())
      .toMatch(/^Billed for service in the month \(from \d+ invoices, split by days\)$/);
    await expect.poll(() => check.textContent()).toContain('Reconciled to the cent');
    await session.screenshot('chargeback-service-period');
    await page.getByLabel('Month of a charge by').selectOption('invoice-date');
    await expect
      .poll(() => check.getByRole('term').first().textContent())
      .toMatch(/^Invoice total/);

    // Drill down: a cost center's services, then one service's charge lines.
    const totals = page.getByRole('table', { name: 'Totals by cost center' });
    await totals
      .getByRole('button', { name: /^Open / })
      .first()
      .click();
    const services = page.getByRole('table', { name: /^Services charged to/ });
    await services.getByRole('row').nth(1).getByRole('button').click();
    await expect
      .poll(() => page.getByRole('heading', { name: /^Charge lines of/ }).count())
      .toBe(1);
    const lines = page.getByRole('region', { name: 'Charge lines' });
    await expect.poll(() => lines.getByRole('row').count()).toBeGreaterThan(1);
    await session.screenshot('chargeback-drill-down');
    await page.getByRole('button', { name: 'All cost centers' }).click();

    // The rest is of the month of the kiosk's latest bill: its broadband has no cost center (a
    // planted gap), and its account's latest bill is last month's while its bill day has not come.
    const gap = sampleCompanyOf(session).plantedErrors.find(
      (error) => error.ruleId === 'missing-cost-center',
    );
    const month = gap?.throughMonth ?? lastMonth;
    await page.getByLabel('Month', { exact: true }).selectOption(month);
    await expect.poll(() => check.textContent()).toContain('Reconciled to the cent');
    const invoices = await monthInvoiceTotal(page, month);
    expect(invoices).toBeGreaterThan(0);

    // Exceptions: the kiosk's broadband has no cost center.
    await page.getByRole('tab', { name: /^Exceptions/ }).click();
    const exceptions = page.getByRole('table', { name: 'Exceptions' });
    const kiosk = exceptions.getByRole('row').filter({ hasText: 'No cost center' }).first();
    await expect.poll(() => kiosk.count()).toBe(1);
    const kioskService = (await kiosk.getByRole('rowheader').textContent()) ?? '';
    expect(kioskService).not.toBe('');
    await session.screenshot('chargeback-exceptions');

    // Export XLSX and CSV in the standard layout, read both back.
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByLabel('Column layout').selectOption('standard');
    const xlsxPath = join(workDir, 'before.xlsx');
    await download(page, 'Export XLSX', xlsxPath);
    // Kept beside the screenshots, for a person to open.
    copyFileSync(xlsxPath, join(RESULTS_DIR, `chargeback-${month}.xlsx`));
    const book = inspectXlsx(readFileSync(xlsxPath));
    // The sample's closed store is still billed: allocated, and listed on a review sheet whose
    // total is already inside the Summary's.
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Detail',
      'Exceptions',
      'For review (allocated)',
    ]);
    const [summary, detail, exceptionSheet, review] = book.sheets;
    expect(totalOf(review, 'Amount')).toBeGreaterThan(0);
    expect(totalOf(summary, 'Total')).toBe(invoices);
    const unallocated = totalOf(exceptionSheet, 'Amount');
    expect(unallocated).toBeGreaterThan(0);
    // The Detail holds the CSV's rows, the unallocated ones on the suspense cost center too.
    expect(totalOf(detail, 'Amount')).toBe(invoices);
    for (const sheet of book.sheets) expect(sheet.frozenRows).toBe(1);
    expect(summary?.rows[1]?.find((cell) => typeof cell?.value === 'number')?.numFmt).toContain(
      '$',
    );

    const csvPath = join(workDir, 'before.csv');
    await download(page, 'Export CSV', csvPath);
    const csvRows = readCsv(csvPath);
    // The CSV adds up to the month's invoices in itself: the unallocated charges are rows too,
    // booked to the suspense cost center and GL account (UNALLOCATED unless set otherwise).
    const csvTotal = csvRows.reduce((sum, row) => sum + centsOf(row.Amount ?? ''), 0);
    expect(csvTotal).toBe(invoices);
    const kioskBefore = csvRows.filter((row) => row['Service ID'] === kioskService);
    expect(kioskBefore.length).toBeGreaterThan(0);
    for (const row of kioskBefore) {
      expect([row['Cost center'], row['GL account']]).toEqual(['UNALLOCATED', 'UNALLOCATED']);
    }
    const suspenseBefore = csvRows
      .filter((row) => row['Cost center'] === 'UNALLOCATED')
      .reduce((sum, row) => sum + centsOf(row.Amount ?? ''), 0);
    expect(suspenseBefore).toBe(unallocated);

    // One-click fix: give the kiosk service a cost center.
    await page.getByRole('tab', { name: /^Exceptions/ }).click();
    const fix = page.getByRole('group', { name: `Fix ${kioskService}` });
    const chooser = fix.getByLabel(`Cost center for ${kioskService}`);
    await chooser.selectOption({ index: 1 });
    const chosenCode = ((await chooser.locator('option:checked').textContent()) ?? '').split(
      ' ',
    )[0];
    await fix.getByRole('button', { name: 'Set on service' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'set on service' }).count())
      .toBe(1);

    // The export follows: the kiosk's charges now sit on the chosen cost center.
    await page.getByRole('tab', { name: 'Export' }).click();
    const afterPath = join(workDir, 'after.csv');
    await download(page, 'Export CSV', afterPath);
    const after = readCsv(afterPath);
    const kioskRows = after.filter((row) => row['Service ID'] === kioskService);
    expect(kioskRows.length).toBeGreaterThan(0);
    expect(new Set(kioskRows.map((row) => row['Cost center']))).toEqual(new Set([chosenCode]));
    const afterXlsx = join(workDir, 'after.xlsx');
    await download(page, 'Export XLSX', afterXlsx);
    const afterBook = inspectXlsx(readFileSync(afterXlsx));
    const afterUnallocated = totalOf(afterBook.sheets[2], 'Amount');
    expect(afterUnallocated).toBeLessThan(unallocated);
    const afterTotal = after.reduce((sum, row) => sum + centsOf(row.Amount ?? ''), 0);
    expect(afterTotal).toBe(invoices);
    expect(totalOf(afterBook.sheets[0], 'Total')).toBe(invoices);

    // The built-in GL journal, with a chosen suspense GL account and a total row: debits less
    // credits equal the month's invoices, and so does the total row.
    await page.getByLabel('Column layout').selectOption('gl-journal');
    await page.getByLabel('Suspense GL account').fill('1990');
    await page.getByLabel(/total row/).check();
    const journalPath = join(workDir, 'journal.csv');
    await download(page, 'Export CSV', journalPath);
    const journalRows = readCsv(journalPath);
    const journal = journalRows.filter((row) => !isTotalRow(row));
    expect(journalRows.length).toBe(journal.length + 1);
    const net = journal.reduce(
      (sum, row) => sum + centsOf(row.Debit || '0') - centsOf(row.Credit || '0'),
      0,
    );
    expect(net).toBe(invoices);
    expect(centsOf(journalRows.at(-1)?.Debit ?? '')).toBe(invoices);
    const suspenseLine = journal.find((row) => row['Cost center'] === 'UNALLOCATED');
    if (!Number.isNaN(afterUnallocated)) expect(suspenseLine?.['GL account']).toBe('1990');
    await page.getByLabel(/total row/).uncheck();

    // One of the company's own cost centers as the suspense code would hide the unallocated
    // charges among its rows: said beside the field, and neither file is written.
    const suspenseField = page.getByLabel('Suspense cost center');
    await suspenseField.fill(chosenCode ?? '');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'suspense cost center' }).textContent())
      .toContain(`is the cost center ${chosenCode ?? ''}`);
    await expect.poll(() => suspenseField.getAttribute('aria-invalid')).toBe('true');
    let downloads = 0;
    const counted = () => (downloads += 1);
    page.on('download', counted);
    await page.getByRole('button', { name: 'Export XLSX' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Not exported' }).count())
      .toBe(1);
    await session.screenshot('chargeback-suspense-taken');
    page.off('download', counted);
    expect(downloads).toBe(0);
    await suspenseField.fill('');
    await expect.poll(() => suspenseField.getAttribute('aria-invalid')).toBe('false');
    expect(journal[0]?.Memo).toMatch(new RegExp(`^Telecom chargeback ${month} — \\d+ invoices?$`));

    // A named layout: copy the standard one, rename and drop columns, save, export with it.
    await page.getByLabel('Column layout').selectOption('standard');
    await page.getByRole('button', { name: 'Copy layout…' }).click();
    const editor = page.getByRole('form', { name: 'Edit column layout' });
    await editor.getByLabel('Layout name').fill('Finance short');
    await editor.getByRole('button', { name: 'Remove Description' }).click();
    await editor.getByRole('button', { name: 'Remove User' }).click();
    await editor.getByLabel('Header for Amount').fill('Cost (USD)');
    await editor.getByRole('button', { name: 'Move Amount up' }).click();
    await session.screenshot('chargeback-preset-editor');
    await editor.getByRole('button', { name: 'Save layout' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Finance short' }).count())
      .toBe(1);
    await expect.poll(() => page.getByLabel('Column layout').inputValue()).not.toBe('standard');
    const customPath = join(workDir, 'custom.csv');
    await download(page, 'Export CSV', customPath);
    const custom = readCsv(customPath);
    expect(Object.keys(custom[0] ?? {})).not.toContain('Description');
    expect(Object.keys(custom[0] ?? {}).slice(-2)).toEqual(['Cost (USD)', 'Category']);
    expect(custom.reduce((sum, row) => sum + centsOf(row['Cost (USD)'] ?? ''), 0)).toBe(invoices);

    // Rules persist: a 60/40 split of the kiosk service between two cost centers.
    await page.getByRole('tab', { name: 'Rules and settings' }).click();
    await page.getByRole('button', { name: 'Add a split…' }).click();
    const form = page.getByRole('form', { name: 'New split' });
    await form.getByLabel('Rule name').fill('Kiosk shared');
    await form.getByLabel('Service ID').fill(kioskService);
    await form.getByLabel('Cost center of share 1').selectOption({ index: 1 });
    await form.getByLabel('Cost center of share 2').selectOption({ index: 2 });
    await form.getByLabel('Percent of share 1').fill('60');
    await form.getByLabel('Percent of share 2').fill('40');
    await form.getByRole('button', { name: 'Save split' }).click();
    const rules = page.getByRole('table', { name: 'Split rules' });
    await expect.poll(() => rules.getByRole('row').count()).toBe(2);
    expect(await rules.textContent()).toMatch(/60% \/ \d+ 40%/);
    await session.screenshot('chargeback-rules');
    await expect.poll(() => check.textContent()).toContain('Reconciled to the cent');
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows what an invoice states beyond its charge lines, and exports it on its own line', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'temdesk-chargeback-stated-'));
    session = await openApp({ hash: '#/chargeback' });
    const { page } = session;
    await loadSampleCompany(page);
    const check = page.getByRole('region', { name: 'Reconciliation check' });
    await expect
      .poll(() => check.textContent(), { timeout: 30_000 })
      .toContain('Reconciled to the cent');
    // The sample plants one invoice stating more than its lines (the invoice-math finding).
    const planted = await statedBeyondLines(page);
    expect(planted).toBeDefined();
    const { month, stated, lines } = planted ?? { month: '', stated: 0, lines: 0 };
    await page.getByLabel('Month', { exact: true }).selectOption(month);
    const note = page.getByRole('note', { name: 'Invoice totals not itemised' });
    await expect.poll(() => note.textContent()).toContain('No charge line names a cost center');
    // The lines still reconcile; the difference stands beside them, as a row of the totals.
    expect(await check.textContent()).toContain('Reconciled to the cent');
    const totals = page.getByRole('table', { name: 'Totals by cost center' });
    const row = totals.getByRole('row').filter({ hasText: 'not itemised in their charge lines' });
    await expect.poll(() => row.count()).toBe(1);
    await session.screenshot('chargeback-not-itemised');
    const invoices = await monthInvoiceTotal(page, month);
    await page.getByRole('tab', { name: 'Export' }).click();
    const csvPath = join(workDir, 'stated.csv');
    await download(page, 'Export CSV', csvPath);
    const rows = readCsv(csvPath);
    const own = rows.filter((r) => (r['Cost center name'] ?? '').includes('not itemised'));
    expect(own).toHaveLength(1);
    // At least the planted invoice's difference (another of the month may add its own).
    const notItemised = centsOf(own[0]?.Amount ?? '');
    expect(notItemised).toBeGreaterThanOrEqual(stated - lines);
    const body = rows.filter((r) => !isTotalRow(r));
    expect(body.reduce((sum, r) => sum + centsOf(r.Amount ?? ''), 0)).toBe(invoices + notItemised);
    expect(session.consoleErrors).toEqual([]);
  });
});

/** The month, stated total and lines of the first stored invoice stating more than its lines. */
function statedBeyondLines(
  page: Page,
): Promise<{ month: string; stated: number; lines: number } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ month: string; stated: number; lines: number } | undefined>(
        (resolve, reject) => {
          const open = indexedDB.open('tem-desk');
          open.onerror = () => reject(new Error('cannot open the database'));
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('invoices').objectStore('invoices').getAll();
            request.onerror = () => reject(new Error('cannot read invoices'));
            request.onsuccess = () => {
              const invoices: {
                invoiceDate: string;
                statedTotal: number | null;
                linesTotal: number;
              }[] = request.result;
              db.close();
              const found = invoices.find(
                (i) => i.statedTotal !== null && i.statedTotal > i.linesTotal,
              );
              resolve(
                found === undefined
                  ? undefined
                  : {
                      month: found.invoiceDate.slice(0, 7),
                      stated: found.statedTotal ?? 0,
                      lines: found.linesTotal,
                    },
              );
            };
          };
        },
      ),
  );
}
