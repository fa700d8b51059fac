import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const INVOICES = 130;
/** Invoices whose stated total is a dollar more than their line: one beyond the first 100. */
const DIFFERING = new Set([7, 42, 120]);

/** A bill in the TEM Desk CSV layout with one invoice (and one line) per account. */
function manyInvoicesCsv(): string {
  const rows = [
    'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Period Start,Period End,Service ID,Description,Category,Quantity,Amount,Invoice Total',
  ];
  for (let i = 1; i <= INVOICES; i++) {
    const account = `ACCT-${String(i).padStart(3, '0')}`;
    const amount = 100 + i;
    const stated = DIFFERING.has(i) ? amount + 1 : amount;
    rows.push(
      `Windstream,${account},W-${i},2026-10-01,2026-10-25,2026-09-01,2026-09-30,DHEC.${i}..WIN,100M DIA,Recurring,1,${amount}.00,${stated}.00`,
    );
  }
  return rows.join('\r\n');
}

describe('a bill of many invoices in Chromium', () => {
  it('lists its first 100 invoices, counts every difference, shows all on request, and fills the list made during the read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-many-'));
    const path = join(dir, 'windstream-2026-10.csv');
    writeFileSync(path, manyInvoicesCsv());
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
    // With no grid on the page yet, AG Grid is warmed up while the page is idle (see
    // grid-warm-up): one hidden grid, out of the accessibility tree, until a real grid is made.
    const hiddenGrids = () =>
      page.locator('body > div[aria-hidden="true"] .ag-root-wrapper').count();
    await expect.poll(hiddenGrids).toBe(1);
    expect(await page.getByRole('treegrid').count()).toBe(0);
    expect(await page.getByRole('grid').count()).toBe(0);
    await pickBillFiles(page, [path]);

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    // The header row and the first 100 invoices.
    await expect.poll(() => invoices.getByRole('row').count()).toBe(101);
    await expect
      .poll(() =>
        preview
          .getByText(
            'The first 100 of 130 invoices are listed; 3 of them differ from their stated total.',
          )
          .count(),
      )
      .toBe(1);
    expect(await invoices.getByRole('cell', { name: 'ACCT-120', exact: true }).count()).toBe(0);
    // The invoices list is there, empty, while the bill is previewed; the empty state is not.
    const list = page.getByRole('region', { name: 'Invoices', exact: true });
    await expect.poll(() => list.count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'No bills imported yet' }).count()).toBe(0);
    await expect.poll(hiddenGrids).toBe(0);
    await session.screenshot('import-many-invoices-preview');

    const showAll = preview.getByRole('button', { name: 'Show all invoices' });
    expect(await showAll.getAttribute('aria-expanded')).toBe('false');
    await showAll.click();
    await expect.poll(() => invoices.getByRole('row').count()).toBe(INVOICES + 1);
    const last = invoices.getByRole('row').filter({
      has: page.getByRole('cell', { name: 'ACCT-120', exact: true }),
    });
    expect(await last.getByRole('cell', { name: '$1.00', exact: true }).count()).toBe(1);
    await preview.getByRole('button', { name: 'Show the first 100' }).click();
    await expect.poll(() => invoices.getByRole('row').count()).toBe(101);

    await preview.getByRole('button', { name: `Import ${INVOICES} invoices` }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Imported ${INVOICES} invoices` })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => page.getByRole('heading', { name: `Invoices (${INVOICES})` }).count())
      .toBe(1);
    await expect
      .poll(() => list.getByRole('gridcell', { name: 'Windstream', exact: true }).count())
      .toBeGreaterThan(0);
    // Only the rows in view are drawn (about a dozen in its 520 pixels), not ten more each way.
    const drawn = await list
      .locator('[role="row"][row-index]')
      .evaluateAll((rows) => new Set(rows.map((row) => row.getAttribute('row-index'))).size);
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThanOrEqual(14);
    await session.screenshot('import-many-invoices-imported');
    expect(session.consoleErrors).toEqual([]);
  });
});
