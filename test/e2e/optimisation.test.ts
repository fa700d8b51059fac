/**
 * The Optimisation tab on the sample company in Chromium: the lines with their plans and usage,
 * filters that move the totals, and the change list downloaded as CSV that sums to its total.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
let workDir: string | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
});

/** A tile's value in cents (`$1,234.56`) or as a count. */
async function tileValue(page: Page, name: string): Promise<number> {
  const text =
    (await page
      .getByLabel('Plan optimisation totals')
      .locator('.tile')
      .filter({ has: page.getByText(name, { exact: true }) })
      .locator('dd')
      .textContent()) ?? '';
  return text.startsWith('$') || text.startsWith('-$')
    ? Math.round(Number(text.replace(/[$,]/g, '')) * 100)
    : Number(text);
}

const toCents = (text: string | undefined) => Math.round(Number(text ?? 'NaN') * 100);

describe('plan optimisation in Chromium', () => {
  it('lists the sample’s mobile lines, filters, totals, and downloads a change list that sums', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'temdesk-optimisation-'));
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    await loadSampleCompany(page);
    await page.getByRole('tab', { name: 'Optimisation' }).click({ timeout: 30_000 });

    const grid = page.getByRole('region', { name: 'Mobile lines and plans' });
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect.poll(() => tileValue(page, 'Plans to change')).toBeGreaterThan(0);
    const allMonthly = await tileValue(page, 'Saving per month');
    const allLines = await tileValue(page, 'Lines shown');
    expect(allMonthly).toBeGreaterThan(0);
    expect(await tileValue(page, 'Saving per year')).toBe(allMonthly * 12);
    // The planted idle line is listed apart: no use at all, cancel rather than change plan.
    const idle = page.getByText(/^Lines with no use \(cancel rather than change plan\) \(\d+\)$/);
    await expect.poll(() => idle.count()).toBe(1);
    await session.screenshot('optimisation');

    // Filter by each carrier in turn: the totals follow, and the carriers' savings add up.
    const filters = page.getByRole('group', { name: 'Filter lines' });
    const carrier = filters.getByLabel('Carrier');
    const carriers = (await carrier.locator('option').allTextContents()).slice(1);
    expect(carriers.length).toBeGreaterThan(1);
    let sum = 0;
    let lines = 0;
    for (const name of carriers) {
      await carrier.selectOption({ label: name });
      await expect.poll(() => tileValue(page, 'Lines shown')).toBeLessThan(allLines);
      const monthly = await tileValue(page, 'Saving per month');
      expect(await tileValue(page, 'Saving per year')).toBe(monthly * 12);
      sum += monthly;
      lines += await tileValue(page, 'Lines shown');
    }
    expect(sum).toBe(allMonthly);
    expect(lines).toBe(allLines);
    await carrier.selectOption({ label: 'All carriers' });
    await expect.poll(() => tileValue(page, 'Lines shown')).toBe(allLines);
    // A site filter narrows too.
    await filters.getByLabel('Site').selectOption({ index: 1 });
    await expect.poll(() => tileValue(page, 'Lines shown')).toBeLessThan(allLines);
    await filters.getByLabel('Site').selectOption({ label: 'All sites' });
    await expect.poll(() => tileValue(page, 'Lines shown')).toBe(allLines);

    // The change list: a real download, read back, its rows sum to its total and to the tile.
    const path = join(workDir, 'changes.csv');
    const event = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export change list CSV' }).click();
    const download = await event;
    expect(download.suggestedFilename()).toBe(`plan-changes-${session.today}.csv`);
    await download.saveAs(path);
    const rows = Papa.parse<Record<string, string>>(
      readFileSync(path, 'utf8').replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    const total = rows.at(-1);
    const changes = rows.slice(0, -1);
    expect(total?.Carrier).toBe('Total monthly saving');
    expect(changes.length).toBe(await tileValue(page, 'Plans to change'));
    const rowsSum = changes.reduce((acc, row) => acc + toCents(row['Monthly Saving']), 0);
    expect(rowsSum).toBe(toCents(total?.['Monthly Saving']));
    expect(rowsSum).toBe(allMonthly);
    for (const row of changes) {
      expect(toCents(row['Current Monthly']) - toCents(row['New Monthly'])).toBe(
        toCents(row['Monthly Saving']),
      );
      expect(row['New Plan']).not.toBe('');
    }
  }, 180_000);
});
