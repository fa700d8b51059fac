import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../shared/export/xlsx';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const HEADER = [
  'Agreement #',
  'Vendor',
  'Title',
  'Billing Accounts',
  'Effective',
  'Length',
  'Renews?',
  'Notice',
];

describe('contract files in Chromium', () => {
  it('imports an XLSX with its own column names through the mapping step, and exports CSV that reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-contracts-'));
    const path = join(dir, 'contracts.xlsx');
    writeFileSync(
      path,
      writeXlsx({
        sheets: [
          {
            name: 'Contracts',
            columns: HEADER.map((header) => ({ header, kind: 'text' as const })),
            rows: [
              ['C-100', 'Lumen', 'Lumen MPLS 2024', '5-ACME-001', '2024-01-15', '36', 'Yes', '60'],
              ['C-200', 'Windstream', 'Windstream SIP', 'WS-100', '2025-03-01', '24', 'No', '30'],
            ],
          },
        ],
      }),
    );
    session = await openApp({ hash: '#/contracts' });
    const { page } = session;
    await page.getByRole('tab', { name: 'Import and export' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose contracts file…' }).click();
    await (await chooser).setFiles(path);

    const step = page.getByRole('group', { name: 'Columns of contracts.xlsx' });
    await expect
      .poll(() => step.getByRole('listitem').filter({ hasText: 'Contract ID' }).count())
      .toBe(1);
    await step
      .getByLabel('Contract ID is in column', { exact: true })
      .selectOption({ label: 'Agreement #' });
    await step
      .getByLabel('Accounts is in column', { exact: true })
      .selectOption({ label: 'Billing Accounts' });
    await step
      .getByLabel('Start Date is in column', { exact: true })
      .selectOption({ label: 'Effective' });
    await step
      .getByLabel('Term Months is in column', { exact: true })
      .selectOption({ label: 'Length' });
    await step
      .getByLabel('Auto Renew is in column', { exact: true })
      .selectOption({ label: 'Renews?' });
    await step
      .getByLabel('Notice Days is in column', { exact: true })
      .selectOption({ label: 'Notice' });
    await session.screenshot('contracts-import-mapping');
    await step.getByRole('button', { name: 'Use these columns' }).click();

    await page.getByRole('button', { name: 'Import 2 contracts' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 new' }).count())
      .toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Contracts (CSV)' }).click();
    const saved = join(dir, 'exported.csv');
    await (await download).saveAs(saved);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(saved, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(
      rows.map((r) => [
        r['Contract ID'],
        r.Carrier,
        r['End Date'],
        r['Auto Renew'],
        r['Notice Days'],
      ]),
    ).toEqual([
      ['C-100', 'Lumen', '2027-01-14', 'Yes', '60'],
      ['C-200', 'Windstream', '2027-02-28', 'No', '30'],
    ]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('refuses a row with a value in a column that has no header, naming the row and the column', async () => {
    // Before, the Contracts page read the row without its note (a workbook) or left a CSV row
    // wider than its header out of the preview without a word, and imported the rest.
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-contracts-'));
    const path = join(dir, 'noted-contracts.xlsx');
    const header = ['Contract ID', 'Carrier', 'Name', 'Accounts', 'Start Date', 'Term Months'];
    writeFileSync(
      path,
      writeXlsx({
        sheets: [
          {
            name: 'Contracts',
            columns: [...header, '', 'Owner'].map((name) => ({
              header: name,
              kind: 'text' as const,
            })),
            rows: [
              ['C-100', 'Lumen', 'Lumen MPLS', '5-ACME-001', '2024-01-15', '36', null, 'Dana'],
              [
                'C-200',
                'Windstream',
                'Windstream SIP',
                'WS-100',
                '2025-03-01',
                '24',
                'ask Bo',
                'Eli',
              ],
            ],
          },
        ],
      }),
    );
    session = await openApp({ hash: '#/contracts' });
    const { page } = session;
    await page.getByRole('tab', { name: 'Import and export' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose contracts file…' }).click();
    await (await chooser).setFiles(path);
    const step = page.getByRole('group', { name: 'Columns of noted-contracts.xlsx' });
    await step.getByRole('button', { name: 'Use these columns' }).click();

    const problems = page.getByRole('table', { name: /problem to fix in the file/ });
    await expect.poll(() => problems.getByRole('row').count()).toBe(2);
    await expect
      .poll(() => problems.textContent())
      .toContain(
        'Row 3: column G has a value ("ask Bo") but no header, so it cannot be imported: name column G in the header row (row 1) or clear the cell.',
      );
    // The problem's Column cell names the column its message does.
    expect(await problems.getByRole('row').nth(1).getByRole('cell').nth(2).textContent()).toBe('G');
    expect(await page.getByRole('button', { name: 'Import 1 contract' }).isDisabled()).toBe(true);
    await session.screenshot('contracts-import-unheaded-cell');
    expect(session.consoleErrors).toEqual([]);
  });
});
