import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { costCentersXlsx } from '../../shared/inventory/cost-centers-file';
import { SETUP_FIXTURES } from '../helpers/setup-files';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

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
    expect(session.consoleErrors).toEqual([]);
  });
});
