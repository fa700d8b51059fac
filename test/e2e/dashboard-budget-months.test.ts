import { afterEach, describe, expect, it } from 'vitest';
import { addMonthsToMonth, isoDate, type IsoMonth } from '../../shared/dates';
import { shortMonth } from '../../renderer/features/dashboard/filter';
import { loadSampleCompany, openApp, sampleLastMonthOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('dashboard budget by month', () => {
  it('says "not billed yet" for a month without bills, and names months one way', async () => {
    // The last day of November: every account of the sample has its November bill, and December
    // is not billed yet (the accounts billed in advance have theirs on the 1st).
    session = await openApp({ hash: '#/dashboard', today: isoDate(2026, 11, 30) });
    const { page } = session;
    const endMonth = sampleLastMonthOf(session);
    const year = endMonth.slice(0, 4);
    await loadSampleCompany(page);
    const figure = page.getByRole('figure', { name: `Budget vs actual by month, ${year}` });
    await figure.waitFor({ timeout: 30_000 });
    await figure.getByRole('button', { name: /^Show as table/ }).click();
    const table = figure.getByRole('table');
    const headers = await table.getByRole('columnheader').allTextContents();
    const actual = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Actual' }) });
    const cells = await actual.getByRole('cell').allTextContents();
    // The months after the last billed one have no actual: not $0.00.
    const unbilled: IsoMonth[] = [];
    for (let m = addMonthsToMonth(endMonth, 1); m.startsWith(year); m = addMonthsToMonth(m, 1))
      unbilled.push(m);
    expect(unbilled).toEqual(['2026-12']);
    for (const month of unbilled)
      expect(cells[headers.indexOf(shortMonth(month)) - 1]).toBe('— (not billed yet)');
    expect(cells[headers.indexOf(shortMonth(endMonth)) - 1]).toMatch(/^\$[\d,]+\.\d\d$/);
    await session.screenshot('dashboard-budget-months');

    // The budget page's year to date names its months the way the dashboard's tile does.
    await page.evaluate((to) => {
      window.location.hash = to;
    }, `#/budgets/variance/${year}`);
    await expect
      .poll(() => page.getByText(/^Year to date: /).textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Year to date: Jan – ${shortMonth(endMonth)}\\.`));
  });
});
