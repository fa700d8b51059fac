/**
 * Bills in several files, as users have them after unzipping a Verizon download: the line summary
 * imported alone, its account summary later (it completes the stored invoice, no duplicate), and
 * a copy of a file picked with the original (refused, said so, never counted twice).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ANA, BEN, PREMIER } from '../unit/import/premier-parts';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const fixtures = new URL('../fixtures/files/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-parts-e2e-'));

/** The fixture written as an unzipped download would name it, in a month folder. */
function loose(folder: string, name: string, fixture: string): string {
  mkdirSync(join(workDir, folder), { recursive: true });
  const path = join(workDir, folder, name);
  writeFileSync(path, readFileSync(new URL(fixture, fixtures)));
  return path;
}

function previewOf(page: Page) {
  return page.getByRole('region', { name: 'Preview: nothing is saved until you import' });
}

describe('bills in several files', () => {
  it('completes a stored invoice with its account summary imported later, keeping its review', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const lines = loose(
      '2021-08',
      'Account & Wireless Summary.txt',
      'verizon-wireless-summary.txt',
    );
    await pickBillFiles(page, [lines]);
    const preview = previewOf(page);
    await preview.waitFor();
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    await expect
      .poll(() => invoices.getByRole('cell', { name: '9876543210', exact: true }).count())
      .toBe(1);
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    // Reviewed before its companion arrives: the review must survive the completion.
    const grid = page.getByRole('grid');
    await grid.getByRole('gridcell', { name: '9876543210', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 9876543210' }).waitFor();
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Review history' }).textContent())
      .toContain('Reviewed');

    const summary = loose('2021-08', 'AccountSummary.txt', 'verizon-account-summary.txt');
    await page.getByRole('link', { name: 'Bills', exact: true }).click();
    await pickBillFiles(page, [summary]);
    await previewOf(page).waitFor();
    const completed = previewOf(page).getByRole('list', { name: 'Stored invoices completed' });
    await expect
      .poll(() => completed.textContent())
      .toContain(
        'Completes stored invoice 9876543210 (account 123456789-00001): AccountSummary.txt joins Account & Wireless Summary.txt',
      );
    expect(await previewOf(page).getByRole('alert').count()).toBe(0);
    await expect
      .poll(() =>
        previewOf(page)
          .getByRole('table', { name: 'Invoices found' })
          .getByRole('cell', { name: '$145.26', exact: true })
          .count(),
      )
      .toBe(2);
    await session.screenshot('import-companion-preview');
    await previewOf(page).getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'completing 1 stored invoice' }).count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    // Still one invoice, now with its stated total, its review kept.
    await expect
      .poll(() => page.getByRole('heading', { name: /^Invoices \(1\)$/ }).count())
      .toBe(1);
    await page.reload();
    await page.getByRole('grid').getByRole('gridcell', { name: '9876543210', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 9876543210' }).waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Review history' }).textContent())
      .toContain('Completed with AccountSummary.txt');
    // Both originals are kept, each downloadable from the invoice.
    await expect
      .poll(() => page.getByRole('button', { name: /^Download original file/ }).count())
      .toBe(2);
    await page
      .getByRole('button', { name: 'Download original file (AccountSummary.txt)' })
      .waitFor();
    await session.screenshot('import-companion-invoice');
    expect(session.consoleErrors).toEqual([]);
  });

  it('undoes the completion: the stored invoice is back as it was, and the file imports again', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const importing = async (file: string, done: string) => {
      await pickBillFiles(page, [file]);
      await previewOf(page).getByRole('button', { name: 'Import 1 invoice' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: done }).count()).toBe(1);
    };
    await importing(
      loose('2021-08-undo', 'Account & Wireless Summary.txt', 'verizon-wireless-summary.txt'),
      'Imported 1 invoice',
    );
    await page.getByRole('button', { name: 'Close' }).click();
    const summary = loose('2021-08-undo', 'AccountSummary.txt', 'verizon-account-summary.txt');
    await importing(summary, 'completing 1 stored invoice');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    const undone = page
      .getByRole('status')
      .filter({ hasText: 'Undone: Completed invoice 9876543210 with the imported file' });
    await expect.poll(() => undone.count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Import complete' }).count()).toBe(0);
    await session.screenshot('import-companion-undone');
    // The account summary is no longer "already imported": it completes the invoice again.
    await importing(summary, 'completing 1 stored invoice');
    expect(session.consoleErrors).toEqual([]);
  });

  it('joins another department’s report saved under the stored report’s name', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    // Every department's report of the AT&T bill is downloaded as BillingSummary.csv.
    const report = (folder: string, rows: readonly string[]) => {
      mkdirSync(join(workDir, folder), { recursive: true });
      const path = join(workDir, folder, 'BillingSummary.csv');
      writeFileSync(path, [PREMIER, ...rows].join('\r\n'));
      return path;
    };
    for (const [path, done] of [
      [report('sales', [ANA]), 'Imported 1 invoice'],
      [report('operations', [BEN]), 'completing 1 stored invoice'],
    ] as const) {
      await pickBillFiles(page, [path]);
      await previewOf(page).getByRole('button', { name: 'Import 1 invoice' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: done }).count()).toBe(1);
      await page.getByRole('button', { name: 'Close' }).click();
    }
    await expect
      .poll(() => page.getByRole('heading', { name: /^Invoices \(1\)$/ }).count())
      .toBe(1);
    expect(
      await page.getByRole('grid').getByRole('gridcell', { name: '$108.54', exact: true }).count(),
    ).toBeGreaterThan(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows the balance the account summary states, and a check of the amount due it asks', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const lines = loose(
      '2021-08-due',
      'Account & Wireless Summary.txt',
      'verizon-wireless-summary.txt',
    );
    const summary = join(workDir, '2021-08-due', 'AccountSummary.txt');
    // The payment of $140.00 is listed, yet the bill asks for it again.
    const text = readFileSync(new URL('verizon-account-summary.txt', fixtures), 'latin1');
    writeFileSync(summary, text.replace('\t145.26\t145.26\t', '\t145.26\t285.26\t'), 'latin1');
    await pickBillFiles(page, [lines, summary]);
    await previewOf(page).waitFor();
    await previewOf(page).getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('grid').getByRole('gridcell', { name: '9876543210', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 9876543210' }).waitFor();
    const facts = page.getByRole('definition');
    await expect.poll(() => facts.allTextContents()).toContain('$285.26');
    await expect.poll(() => page.getByRole('term').allTextContents()).toContain('Amount due');
    await expect
      .poll(
        () =>
          page
            .getByText(
              /asks \$285\.26 but its previous balance \$140\.00 less payments \$140\.00 and its current charges \$145\.26 make \$145\.26: \$140\.00 more than owed/,
            )
            .count(),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await session.screenshot('invoice-balance-check');
    expect(session.consoleErrors).toEqual([]);
  });

  it('refuses a copy picked with the original and says which files', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const paths = [
      loose('copy-a/2021-08', 'Account & Wireless Summary.txt', 'verizon-wireless-summary.txt'),
      loose('copy-a/2021-08', 'AccountSummary.txt', 'verizon-account-summary.txt'),
      loose('copy-b/2021-08', 'AccountSummary.txt', 'verizon-account-summary.txt'),
    ];
    await pickBillFiles(page, paths);
    const preview = previewOf(page);
    await preview.waitFor();
    const copies = preview.getByRole('alert', { name: 'Copies not imported' });
    await expect
      .poll(() => copies.textContent())
      .toContain(
        'AccountSummary.txt (2) repeats invoice 9876543210 (account 123456789-00001), already read from AccountSummary.txt',
      );
    await expect
      .poll(() =>
        preview
          .getByRole('table', { name: 'Invoices found' })
          .getByRole('cell', { name: '$145.26', exact: true })
          .count(),
      )
      .toBe(2);
    await session.screenshot('import-copy-refused');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows as billed what the carrier states, beside the sum of the lines', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const path = join(workDir, 'lumen-2026-10.csv');
    writeFileSync(
      path,
      [
        'Carrier,Account Number,Invoice Number,Invoice Date,Category,Description,Amount,Invoice Total',
        'Lumen,5-ACME-001,INV-9,2026-10-01,Recurring,Internet,776.60,826.60',
      ].join('\n'),
    );
    await pickBillFiles(page, [path]);
    await previewOf(page).getByRole('button', { name: 'Import 1 invoice' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    const grid = page.getByRole('grid');
    await grid.getByRole('gridcell', { name: 'INV-9', exact: true }).waitFor();
    // Billed is what the carrier asks for; the lines fall $50.00 short of it (columns by id: the
    // grid renders only the columns in view).
    const cell = (colId: string) => grid.locator(`[role="gridcell"][col-id="${colId}"]`).first();
    await expect.poll(() => cell('billed').textContent()).toBe('$826.60');
    await expect.poll(() => cell('difference').textContent()).toBe('$50.00');
    await session.screenshot('bills-billed-stated-total');
    expect(session.consoleErrors).toEqual([]);
  });
});
