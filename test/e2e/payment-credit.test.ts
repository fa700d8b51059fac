/**
 * A credit memo in the app's payment file, in Chromium: of two approved invoices, one a carrier's
 * credit (a total below zero), the file pays the other alone, the panel names the credit with what
 * to do (apply it against the carrier's next invoice), and only the payment is marked exported; a
 * second export, with the credit alone left, writes no file and says why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';
import { importBills, openApp, storedRecords, type AppSession } from './harness';

let session: AppSession | undefined;
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-payment-credit-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Service ID,Description,Category,Amount';

/** A bill file of `rows` in the work folder; its path. */
function bill(name: string, rows: readonly string[]): string {
  const path = join(workDir, name);
  writeFileSync(path, `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
  return path;
}

/** The stored invoices' payment batches by invoice number (null: never in a payment file). */
async function paymentBatches(page: Page): Promise<Record<string, string | null>> {
  const invoices = await storedRecords<{ invoiceNumber: string; paymentBatch?: string }>(
    page,
    'invoices',
  );
  return Object.fromEntries(invoices.map((i) => [i.invoiceNumber, i.paymentBatch ?? null]));
}

describe('a credit memo and the payment file in Chromium', () => {
  it('pays the other carrier alone, names the credit, and marks only the payment exported', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await importBills(
      page,
      [
        bill('lumen-credit.csv', [
          'Lumen,5-KE4X-001,754240482,2026-10-01,2026-10-25,555-010-0001,Business Line,MRC,55.09',
          'Lumen,5-KE4X-001,754240482,2026-10-01,2026-10-25,555-010-0001,Outage credit,Credit,-250.00',
        ]),
        bill('windstream.csv', [
          'Windstream,WS-100,W-1001,2026-10-03,2026-10-28,DHEC.554433..WIN,100M DIA,MRC,850.00',
          'Windstream,WS-100,W-1001,2026-10-03,2026-10-28,,Federal USF,Surcharge,12.40',
        ]),
      ],
      2,
    );

    // A person approves both (the policy has no expected amount for them).
    await page
      .getByRole('region', { name: 'Invoices' })
      .getByRole('checkbox', { name: 'Column with Header Selection' })
      .check();
    await page
      .getByRole('group', { name: 'Actions for 2 selected invoices' })
      .getByRole('button', { name: 'Approve' })
      .click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Approved: 2 invoices.' }).count())
      .toBe(1);

    await page.getByText('Payment file', { exact: true }).click();
    const panel = page.locator('details.payment-file');
    await panel.getByLabel('Due from').fill('2026-10-01');
    await panel.getByLabel('Due to').fill('2026-11-30');
    const path = join(workDir, 'payments.csv');
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export payment file (CSV)' }).click();
    await (await download).saveAs(path);

    const credit =
      "Lumen 5-KE4X-001 invoice 754240482 is a credit of $194.91: not in the payment file — apply it against the carrier's next invoice.";
    const status = panel.getByRole('status');
    await expect.poll(() => status.textContent()).toContain(credit);
    expect(await status.textContent()).toMatch(
      /^Saved payments-2026-10-01-to-2026-11-30\.csv: 1 invoice, \$862\.40 \(1 row\)\. It is marked exported in batch PAY-\d{8}-\d{6}\. Lumen/,
    );
    await session.screenshot('payment-file-credit');

    const rows = parseChargebackCsv(readFileSync(path, 'utf8'));
    expect(rows.map((row) => row['Invoice number'])).toEqual(['W-1001']);
    expect(rows.reduce((sum, row) => sum + centsOfText(row['Amount'] ?? ''), 0)).toBe(862_40);
    const batches = await paymentBatches(page);
    expect(batches['W-1001']).toMatch(/^PAY-/);
    expect(batches['754240482']).toBeNull();

    // Again: the credit alone is left, so no file is written, and the panel says why.
    await panel.getByRole('button', { name: 'Export payment file (CSV)' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe(`Nothing to pay from 2026-10-01 to 2026-11-30: no payment file was written. ${credit}`);
    await session.screenshot('payment-file-credit-only');
    expect(session.consoleErrors).toEqual([]);
  });
});
