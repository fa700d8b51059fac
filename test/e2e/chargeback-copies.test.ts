/**
 * A bill the carrier sent twice under a new number: the chargeback books both as billed, and the
 * Chargeback page says so above its figures, naming the copy and linking to its finding, so cost
 * centers are not charged twice for one bill without a word.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBills, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';

function bill(dir: string, name: string, invoiceNumber: string, day: string): string {
  const path = join(dir, name);
  const rows = [
    `Windstream,WS-100,${invoiceNumber},2026-10-${day},DHEC.554433..WIN,100M DIA,Recurring,850.00`,
    `Windstream,WS-100,${invoiceNumber},2026-10-${day},,Federal USF,Surcharge,12.40`,
  ];
  writeFileSync(path, `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
  return path;
}

describe('chargeback of a month with a bill sent twice', () => {
  it('says which invoice repeats another, with the way to its finding', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-copies-'));
    const files = [
      bill(dir, 'october.csv', 'W-1001', '01'),
      bill(dir, 'resent.csv', 'W-1002', '03'),
    ];
    await importBills(page, files, 2);

    await page.goto(`${new URL(page.url()).origin}/#/chargeback`);
    const note = page.getByRole('note', { name: 'Invoices billed twice' });
    await expect
      .poll(() => note.textContent(), { timeout: 20_000 })
      .toContain(
        '1 invoice of October 2026 (W-1002, $862.40) repeats another under a new number: same account, period and charges. It is in this chargeback as billed;',
      );
    await session.screenshot('chargeback-copies');
    // The link opens Findings on that check, showing the copy's finding.
    await note.getByRole('link', { name: 'Review the finding' }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('rule=duplicate-invoice');
    await page
      .getByText('Showing open or disputed “Invoice stored twice” findings — 1 finding.')
      .waitFor();
    await page.getByRole('gridcell', { name: 'W-1002' }).first().waitFor();
    await session.screenshot('chargeback-copies-findings');
    expect(session.consoleErrors).toEqual([]);
  });
});
