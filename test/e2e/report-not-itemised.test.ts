/**
 * A bill that states more than its charge lines itemise ($1,100.00 stated, $1,030.00 in lines): the
 * monthly report says so beside "Billed this month" and its cost-center table carries the $70.00
 * on a line of its own, so it adds up to the invoices as billed, as the chargeback's exports do.
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

const BILL = [
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Description,Amount,Invoice Total',
  'Lumen,5-KE4X-001,754240482,2026-10-01,DHEC.554433..LUM,Recurring,100M DIA,980.00,1100.00',
  'Lumen,5-KE4X-001,754240482,2026-10-01,,Surcharge,Federal USF,50.00,1100.00',
  '',
].join('\r\n');

describe('the monthly report of a bill that states more than its lines', () => {
  it('names the not-itemised amount and adds it to the cost-center table', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-not-itemised-'));
    const bill = join(dir, 'october.csv');
    writeFileSync(bill, BILL);
    await importBills(page, [bill], 1);

    await page.goto(new URL('#/dashboard/report/2026-10', session.baseUrl).toString());
    await page.getByRole('heading', { level: 1, name: /^Telecom spend report — / }).waitFor();
    const billed = page.getByRole('term').filter({ hasText: 'Billed this month' }).locator('..');
    await expect
      .poll(() => billed.textContent())
      .toBe(
        'Billed this month$1,030.00in the charge lines; the invoices state $1,100.00 ($70.00 not itemised)',
      );
    const table = page.getByRole('table', { name: 'Spend by cost center, 2026-10' });
    const row = table
      .getByRole('row')
      .filter({ hasText: 'Invoice totals as stated, not itemised in their charge lines' });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('$70.00');
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: 'Total' }).last().textContent())
      .toContain('$1,100.00');
    await session.screenshot('report-not-itemised');
    expect(session.consoleErrors).toEqual([]);
  });
});
