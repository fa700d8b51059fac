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

describe('inventory files in Chromium', () => {
  it('imports an inventory CSV, bulk-disconnects three lines, and exports a CSV that reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-inventory-'));
    const path = join(dir, 'inventory.csv');
    writeFileSync(path, INVENTORY);
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;

    await page.getByRole('button', { name: 'Import inventory…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose inventory file…' }).click();
    await (await chooser).setFiles(path);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '5 services ready' }).count())
      .toBe(1);
    await session.screenshot('inventory-import-preview');
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
    await session.screenshot('inventory-after-bulk-disconnect');

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
    expect(session.consoleErrors).toEqual([]);
  });
});
