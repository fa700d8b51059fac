import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const sortOf = (page: Page, grid: string, column: string) =>
  page
    .getByRole('region', { name: grid, exact: true })
    .getByRole('columnheader', { name: column, exact: true })
    .getAttribute('aria-sort');

describe('grid layouts', () => {
  it('remembers how the Findings and Invoices grids are sorted, across a restart', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await loadSampleCompany(page);

    const billed = page
      .getByRole('region', { name: 'Invoices', exact: true })
      .getByRole('columnheader', { name: 'Billed', exact: true });
    await billed.getByText('Billed', { exact: true }).click();
    await expect.poll(() => sortOf(page, 'Invoices', 'Billed')).toBe('ascending');

    await page.getByRole('link', { name: 'Findings', exact: true }).click();
    const impact = page
      .getByRole('region', { name: 'Findings', exact: true })
      .getByRole('columnheader', { name: 'Impact', exact: true });
    await impact.getByText('Impact', { exact: true }).click();
    await impact.getByText('Impact', { exact: true }).click();
    await expect.poll(() => sortOf(page, 'Findings', 'Impact')).toBe('descending');
    // The layout is saved a moment after the change.
    await page.waitForTimeout(600);

    await page.reload();
    await page.getByRole('region', { name: 'Findings', exact: true }).waitFor();
    await expect.poll(() => sortOf(page, 'Findings', 'Impact')).toBe('descending');
    await session.screenshot('grid-layout-findings-remembered');
    await page.getByRole('link', { name: 'Bills', exact: true }).click();
    await expect.poll(() => sortOf(page, 'Invoices', 'Billed')).toBe('ascending');
  });
});
