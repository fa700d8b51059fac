import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { costCentersXlsx } from '../../shared/inventory/cost-centers-file';
import { SETUP_FIXTURES } from '../helpers/setup-files';
import type { Locator } from 'playwright-core';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** A row's text with its cells and buttons one space apart. */
async function words(row: Locator): Promise<string> {
  return (await row.innerText()).replace(/\s+/g, ' ').trim();
}

/** The set-up files as a user has them: the cost centers in an XLSX workbook, the rest CSV. */
function userFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'temdesk-setup-'));
  const workbook = join(dir, 'Cost centers FY26.xlsx');
  writeFileSync(
    workbook,
    costCentersXlsx([
      { id: 'a', code: '4100', name: 'Retail Stores', glAccount: '6420-000', active: true },
      { id: 'b', code: '4200', name: 'Corporate IT', glAccount: '6421-000', active: true },
      { id: 'c', code: '4900', name: 'Legacy Ops', glAccount: '6429-000', active: false },
    ]),
  );
  // Picked in the "wrong" order: rates first, cost centers last.
  return [
    join(SETUP_FIXTURES, 'rates.csv'),
    join(SETUP_FIXTURES, 'inventory.csv'),
    join(SETUP_FIXTURES, 'contracts.csv'),
    join(SETUP_FIXTURES, 'sites.csv'),
    workbook,
  ];
}

describe('set up from files in Chromium', () => {
  it('sets an empty app up from five files in any order, asking about a code-only cost center', async () => {
    session = await openApp();
    const { page } = session;
    const empty = page.getByRole('region', { name: 'Your telecom spend will appear here' });
    await empty.getByRole('button', { name: 'Try it with a sample company' }).waitFor();
    // The first step it suggests is this set-up, before any bill.
    expect(await empty.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Set up from files: your sites, inventory and contracts/),
      'Open Bills and import your carriers’ bill files.',
      'Come back here to see spend by month, carrier, site and cost center.',
    ]);
    await session.screenshot('dashboard-empty-steps');
    await empty.getByRole('link', { name: 'Set up from files…' }).focus();
    await page.keyboard.press('Enter');

    const setup = page.getByRole('region', { name: 'Set up from files' });
    const chooser = page.waitForEvent('filechooser');
    await setup.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(userFiles());

    const files = setup.getByRole('table', { name: 'Files, in the order they are imported' });
    await expect
      .poll(() => files.getByRole('row').allInnerTexts())
      .toEqual([
        expect.stringContaining('File'),
        'Cost centers FY26.xlsx\tCost centers\t3\t0',
        'sites.csv\tSites\t3\t1',
        'contracts.csv\tContracts\t2\t0',
        'inventory.csv\tInventory\t5\t0',
        'rates.csv\tContract rates\t3\t0',
      ]);
    await expect
      .poll(() => setup.getByRole('status').first().innerText())
      .toBe('1 problem to fix before anything is imported.');
    const problems = setup.getByRole('table', { name: /Problems to fix/ });
    expect(await problems.getByRole('row').nth(1).innerText()).toContain(
      'sites.csv\t5\tCost Center\tRow 5, column "Cost Center": there is no cost center “7700”',
    );
    const importButton = setup.getByRole('button', { name: /^Import / });
    expect(await importButton.isDisabled()).toBe(true);
    await session.screenshot('setup-preview-problem');

    const create = setup.getByRole('checkbox', { name: /Create cost center 7700/ });
    await create.focus();
    await page.keyboard.press('Space');
    const label = 'Import 4 cost centers, 5 sites, 2 contracts, 5 services and 3 rates';
    await expect
      .poll(() => setup.getByRole('status').first().innerText())
      .toBe(`Ready: ${label.replace('Import ', '')}.`);
    await session.screenshot('setup-preview-ready');
    await page.emulateMedia({ colorScheme: 'dark' });
    await session.screenshot('setup-preview-ready-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await setup.getByRole('button', { name: label }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        setup
          .getByRole('status')
          .filter({ hasText: 'Set up done: 4 cost centers, 5 sites, 2 contracts, 5 services' })
          .count(),
      )
      .toBe(1);
    await setup.getByRole('link', { name: 'Open the inventory' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /All sites — / }).innerText())
      .toBe('All sites — 5 services');
    // Search finds a line however its number is written, and the heading counts what it shows.
    const search = page.getByRole('searchbox', { name: 'Search services' });
    for (const typed of ['(555) 010-0002', '5550100002', '555-010-0002']) {
      await search.fill(typed);
      await expect
        .poll(() => page.getByRole('heading', { name: /All sites — / }).innerText())
        .toBe('All sites — 1 of 5 services');
    }
    await search.fill('dhec 554433');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Services', exact: true }).getByRole('row').count(),
      )
      .toBe(2);
    await session.screenshot('inventory-search');
    expect(session.consoleErrors).toEqual([]);
  });

  it('keeps a cost centers list: add, import, edit, retire (not delete) when in use, export; sites can be edited', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await page.getByLabel('Cost center code').fill('4100');
    await page.getByLabel('Cost center name').fill('Retail');
    await page.getByLabel('GL account').fill('6420-000');
    await page.getByRole('button', { name: 'Add cost center' }).press('Enter');
    const list = page.getByRole('table', { name: /^Cost centers \(1\)/ });
    await expect
      .poll(() => words(list.getByRole('row').nth(1)))
      .toBe('4100 Retail 6420-000 Active 0 Edit Retire Delete');

    // Import a file that updates 4100 and adds two more.
    await page.getByRole('button', { name: 'Import cost centers…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose cost centers file…' }).click();
    await (await chooser).setFiles(join(SETUP_FIXTURES, 'cost-centers.csv'));
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'cost-centers.csv:' }).innerText())
      .toBe('cost-centers.csv: 2 new, 1 updated · 0 problems');
    await page.getByRole('button', { name: 'Import 3 cost centers' }).click();
    const three = page.getByRole('table', { name: /^Cost centers \(3\)/ });
    await three.waitFor();

    // A site on 4100: the cost center is in use, so it can be retired but not deleted.
    await page.getByLabel('Site code').fill('STR-0300');
    await page.getByLabel('Site name').fill('Store 300');
    await page.getByLabel('Site cost center').selectOption({ label: '4100 Retail Stores' });
    await page.getByRole('button', { name: 'Add site' }).click();
    // The first site turns the empty inventory into its tabs: back to the lists.
    await page.getByRole('tab', { name: 'Sites and cost centers' }).click();
    const retail = three.getByRole('row').filter({ hasText: 'Retail Stores' });
    await expect.poll(() => words(retail)).toBe('4100 Retail Stores 6420-000 Active 1 Edit Retire');
    await three.getByRole('button', { name: 'Edit 4100 Retail Stores' }).click();
    await three.getByLabel('GL account of 4100').fill('6420-100');
    await three.getByRole('button', { name: 'Save 4100' }).click();
    await three.getByRole('button', { name: 'Retire 4100 Retail Stores' }).click();
    await expect
      .poll(() => words(retail))
      .toBe('4100 Retail Stores 6420-100 Retired 1 Edit Reactivate');
    await session.screenshot('cost-centers-list');
    await page.emulateMedia({ colorScheme: 'dark' });
    await session.screenshot('cost-centers-list-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Edit the site: rename it and close it.
    const sites = page.getByRole('table', { name: /^Sites \(/ });
    await sites.getByRole('button', { name: 'Edit site STR-0300' }).click();
    await sites.getByLabel('Name of site STR-0300').fill('Store 300 Austin');
    await sites.getByLabel('Status of site STR-0300').selectOption('closed');
    await sites.getByLabel('Closed on (YYYY-MM-DD) of site STR-0300').fill('2026-01-31');
    await sites.getByRole('button', { name: 'Save site' }).click();
    await expect
      .poll(() => words(sites.getByRole('row').nth(1)))
      .toContain('STR-0300 Store 300 Austin 4100 Closed 2026-01-31');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export cost centers CSV' }).click();
    const saved = join(mkdtempSync(join(tmpdir(), 'temdesk-cc-')), 'cc.csv');
    await (await download).saveAs(saved);
    expect(
      readFileSync(saved, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/),
    ).toEqual([
      'Cost Center,Name,GL Account,Status',
      '4100,Retail Stores,6420-100,Retired',
      '4200,Corporate IT,6421-000,Active',
      '4900,Legacy Ops,6429-000,Retired',
      '',
    ]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('previews a single sites or inventory file with the checks its Import runs', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import sites…' }).click();
    await (await chooser).setFiles(join(SETUP_FIXTURES, 'sites.csv'));
    // No cost centers yet: every row names one nothing has, so none is ready.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'sites ready' }).innerText())
      .toBe('0 sites ready · 4 problems');
    expect(await page.getByRole('button', { name: 'Import 0 sites' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Import inventory…' }).click();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose inventory file…' }).click();
    await (await chooser).setFiles(join(SETUP_FIXTURES, 'inventory.csv'));
    // Every row names a contract nothing has (and two a cost center): none is ready.
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'services ready' }).innerText())
      .toContain('0 services ready');
    expect(await page.getByRole('button', { name: 'Import 0 services' }).isDisabled()).toBe(true);
    expect(
      await page.getByRole('list', { name: 'Rows that cannot be read' }).innerText(),
    ).toContain('Row 2: there is no contract “VZW-2024”.');
  });
});
