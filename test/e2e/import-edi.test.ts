/**
 * An EDI X12 811 bill through the app, as a user imports one: picked with Import bills…, shown in
 * the preview with its stated total, committed, and found in Bills; the 811 whose TDS total
 * differs from its lines is flagged in the preview and by the invoice-math check.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { interchange, lumenInvoice, x12Text, type Segment } from '../helpers/x12';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const workDir = mkdtempSync(join(tmpdir(), 'temdesk-edi-e2e-'));

/** A synthetic fixture copied under the name a user's download would have. */
function ediFile(fixture: string, name: string): string {
  const path = join(workDir, name);
  copyFileSync(fileURLToPath(new URL(`../fixtures/edi/${fixture}`, import.meta.url)), path);
  return path;
}

describe('EDI X12 811 import in Chromium', () => {
  it('previews two 811 bills, imports them, and shows the stated totals and the invoice-math finding', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await pickBillFiles(page, [
      ediFile('lumen-2026-09-bom-crlf.edi', 'lumen-2026-09.edi'),
      ediFile('total-mismatch.811', 'lumen-2026-10.811'),
    ]);

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    await expect.poll(() => preview.getByRole('heading', { name: /EDI X12 811/ }).count()).toBe(1);
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    const row = (number: string) => invoices.getByRole('row').filter({ hasText: number });
    await expect.poll(() => row('LUM-2609-001').count()).toBe(1);
    // The carrier it will be filed under (new in an empty workspace), once the preview knows it.
    await expect
      .poll(async () => (await row('LUM-2609-001').getByRole('cell').allTextContents())[0])
      .toBe('Lumen (new carrier)');
    expect(await row('LUM-2609-001').getByRole('cell').allTextContents()).toEqual([
      'Lumen (new carrier)',
      '5-KE4X-001',
      'LUM-2609-001',
      '2026-09-01',
      '2026-08-01 – 2026-08-31',
      '2026-09-25',
      '$1,118.42',
      '$1,118.42',
      '$0.00',
    ]);
    expect(await row('LUM-2610-001').getByRole('cell').allTextContents()).toContain('$25.00');
    await expect
      .poll(() => preview.getByRole('list', { name: 'Warnings' }).textContent())
      .toContain(
        'Invoice LUM-2610-001: the bill states a total of $1,165.92 but its lines add up to $1,140.92 (a difference of $25.00).',
      );
    await preview.getByRole('button', { name: 'Show charge lines' }).click();
    await expect
      .poll(() =>
        preview.getByRole('gridcell', { name: 'Ethernet 100M port', exact: true }).count(),
      )
      .toBe(2);
    await session.screenshot('import-edi-preview');

    await preview.getByRole('button', { name: 'Import 2 invoices' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 invoices' }).count())
      .toBe(1);

    const grid = page.getByRole('grid');
    await expect
      .poll(() => grid.getByRole('gridcell', { name: 'LUM-2610-001', exact: true }).count())
      .toBe(1);
    // Bills shows each invoice at its stated total, as the carrier sent it.
    for (const billed of ['$1,118.42', '$1,165.92']) {
      expect(await grid.getByRole('gridcell', { name: billed, exact: true }).count()).toBe(1);
    }
    await session.screenshot('import-edi-bills');
    await grid.getByRole('gridcell', { name: 'LUM-2610-001', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice LUM-2610-001' }).waitFor();
    await expect
      .poll(() => page.locator('dt:has-text("Stated total") + dd').textContent())
      .toBe('$1,165.92');
    const findings = page.getByRole('table', { name: 'Findings on invoice LUM-2610-001' });
    await expect
      .poll(() => findings.getByRole('rowheader', { name: 'Invoice does not add up' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await session.screenshot('import-edi-invoice-findings');
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows a segment it cannot read in the preview, naming the segment and element', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const path = join(workDir, 'lumen-damaged.edi');
    const charges: Segment[] = [
      ['IT1', '1', '1', 'MO', '850.00', '', 'SV', 'MRC'],
      ['IT1', '2', '1', 'EA', '12S.00', '', 'SV', 'OCC'],
      ['TXI', 'ST', '41.85'],
    ];
    // The stated total includes the $125.00 charge that cannot be read.
    writeFileSync(path, x12Text(interchange([lumenInvoice({ charges, total: '101685' })])));
    await pickBillFiles(page, [path]);

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const problems = preview.getByRole('table', { name: /Rows that could not be read \(1\)/ });
    await expect
      .poll(() =>
        problems.getByRole('row').filter({ hasText: 'lumen-damaged.edi' }).allTextContents(),
      )
      .toEqual([
        'lumen-damaged.edi14IT104Segment 14 (IT1), element 4 (IT104): expected a unit price like 12.50, found "12S.00"; this charge is not imported.',
      ]);
    const invoice = preview.getByRole('table', { name: 'Invoices found' }).getByRole('row');
    expect(await invoice.filter({ hasText: 'LUM-1' }).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['$1,016.85', '$891.85', '$125.00']),
    );
    await session.screenshot('import-edi-damaged');
    expect(session.consoleErrors).toEqual([]);
  });
});
