import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const INVENTORY = [
  'Site Code,Site Name,Carrier,Account Number,Service Type,Service ID,Plan,Expected Monthly Cost,Status,User',
  'STR-0300,Store 300 Austin,Verizon Wireless,842012345-00001,mobile-line,512-555-0101,Business Unlimited,45.00,active,Ana Ruiz',
  'STR-0300,Store 300 Austin,Verizon Wireless,842012345-00001,mobile-line,512-555-0102,Business Unlimited,45.00,active,Bo Chen',
  'STR-0300,Store 300 Austin,Verizon Wireless,842012345-00001,mobile-line,512-555-0103,Business Unlimited,45.00,active,Cy Dale',
  'STR-0300,Store 300 Austin,Lumen,5-ACME-001,internet,DHEC.554433..WIN,100M DIA,850.00,active,',
  'HQ,Headquarters,Lumen,5-ACME-001,mpls-sdwan,BBEC.556677..LUMN,MPLS 200M,1250.00,active,',
].join('\r\n');

/** Opens the Inventory and chooses a file of `text` (written to a fresh folder) to import. */
async function importInventoryFile(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'temdesk-inventory-'));
  writeFileSync(join(dir, name), text);
  const app = await openApp({ hash: '#/inventory' });
  session = app;
  const { page } = app;
  await page.getByRole('button', { name: 'Import inventory…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose inventory file…' }).click();
  await (await chooser).setFiles(join(dir, name));
  return { app, dir, page };
}

describe('inventory files in Chromium', () => {
  it('imports an inventory CSV, bulk-disconnects three lines, and exports a CSV that reads back', async () => {
    const { app, dir, page } = await importInventoryFile('inventory.csv', INVENTORY);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '5 services ready' }).count())
      .toBe(1);
    await app.screenshot('inventory-import-preview');
    await page.getByRole('button', { name: 'Import 5 services' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '5 services added' }).count())
      .toBe(1);

    await page
      .getByRole('navigation', { name: 'Sites' })
      .getByRole('button', { name: /^STR-0300/ })
      .click();
    const grid = page.getByRole('region', { name: 'Services', exact: true });
    await expect
      .poll(() => grid.getByRole('checkbox', { name: /toggle row selection/i }).count())
      .toBe(4);
    const boxes = grid.getByRole('checkbox', { name: /toggle row selection/i });
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    const bulk = page.getByRole('group', { name: 'Bulk edit 3 selected services' });
    await bulk.getByLabel('to').selectOption('disconnected');
    await bulk.getByRole('button', { name: 'Apply to 3 services' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved 3 services' }).count())
      .toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const saved = join(dir, 'exported.csv');
    await (await download).saveAs(saved);
    const parsed = Papa.parse<Record<string, string>>(
      readFileSync(saved, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    );
    expect(parsed.data).toHaveLength(5);
    const status = Object.fromEntries(parsed.data.map((row) => [row['Service ID'], row.Status]));
    expect(Object.values(status).filter((s) => s === 'disconnected')).toHaveLength(3);
    expect(status['BBEC.556677..LUMN']).toBe('active');
    expect(
      parsed.data.find((row) => row['Service ID'] === 'BBEC.556677..LUMN')?.[
        'Expected Monthly Cost'
      ],
    ).toBe('1250.00');
    await app.screenshot('inventory-after-bulk-disconnect');

    // Account defaults: bill cycle day and expected monthly total.
    await page.getByRole('tab', { name: 'Sites and cost centers' }).click();
    await page.getByRole('button', { name: 'Edit account 5-ACME-001' }).click();
    await page.getByLabel('Bill cycle day').fill('40');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'day of the month, 1 to 31' }).count())
      .toBe(1);
    await page.getByLabel('Bill cycle day').fill('16');
    await page.getByLabel('Expected monthly ($)').fill('2,100');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /5-ACME-001/ }).textContent())
      .toMatch(/16\$2,100\.00/);
    expect(app.consoleErrors).toEqual([]);
  });

  it('reads back a service at no site as it exported it: a blank Site Code is no site', async () => {
    const { app, dir, page } = await importInventoryFile(
      'inventory.csv',
      [
        'Site Code,Site Name,Carrier,Account Number,Service Type,Service ID,Plan',
        'STR-0300,Store 300 Austin,Verizon Wireless,842012345-00001,mobile-line,512-555-0101,Business Unlimited',
        ',,Verizon Wireless,842012345-00001,mobile-line,512-555-0199,Business Unlimited',
      ].join('\r\n'),
    );
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '2 services ready' }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'No site' }).count()).toBe(1);
    await app.screenshot('inventory-import-service-at-no-site');
    await page.getByRole('button', { name: 'Import 2 services' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '2 services added' }).count())
      .toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const saved = join(dir, 'exported.csv');
    await (await download).saveAs(saved);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(saved, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows.find((row) => row['Service ID'] === '512-555-0199')?.['Site Code']).toBe('');

    // The exported file goes back in whole: no row to fix, the service still at no site.
    await page.getByRole('button', { name: 'Import inventory…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose inventory file…' }).click();
    await (await chooser).setFiles(saved);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '2 services ready' }).count())
      .toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'to fix' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('counts a row with two bad cells once, says "1 service", and refuses a disconnect before the install', async () => {
    const { app, page } = await importInventoryFile(
      'inventory-bad.csv',
      [
        'Site Code,Carrier,Account Number,Service ID,Expected Monthly Cost,Install Date,Disconnect Date',
        'STR-0300,Lumen,5-ACME-001,512-555-0101,45.00,2026-03-01,',
        'STR-0300,Lumen,5-ACME-001,512-555-0102,abc,2026-03-01,2026-02-27',
      ].join('\r\n'),
    );
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'ready' }).innerText())
      .toBe('1 service ready · 1 row cannot be read and is left out');
    expect(
      await page.getByRole('list', { name: 'Rows that cannot be read' }).innerText(),
    ).toContain(
      'Row 3, column "Disconnect Date": expected a disconnect date on or after the install date (2026-03-01) but found 2026-02-27',
    );
    await page.getByRole('button', { name: 'Import 1 service', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '1 service added' }).count())
      .toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
