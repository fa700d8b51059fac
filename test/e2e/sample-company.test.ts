import { afterEach, describe, expect, it } from 'vitest';
import { deadlines } from '../../shared/billing/attention';
import { addMonthsToMonth, isoMonthOf } from '../../shared/dates';
import { cents, formatCents } from '../../shared/money/cents';
import {
  monthTitle,
  openApp,
  sampleCompanyOf,
  sampleLastMonthOf,
  type AppSession,
} from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('sample company in Chromium', () => {
  it('loads in one click through the import pipeline, reconciles, and clears again', async () => {
    session = await openApp();
    const { page, today } = session;
    // The company the page generates: each account billed up to its last bill on or before the
    // page's today. The dashboard opens on the 12 months ending with the latest bills' month: an
    // account whose bill day has not come this month has its first bill in the month before them.
    const company = sampleCompanyOf(session);
    const endMonth = sampleLastMonthOf(session);
    const firstShown = addMonthsToMonth(endMonth, -11);
    const expectedTotal = company.expectedTotals
      .filter((invoice) => isoMonthOf(invoice.invoiceDate) >= firstShown)
      .reduce((sum, invoice) => sum + invoice.totalCents, 0);
    // Notice deadlines within 90 days of today, counted by the dashboard's own function.
    const carrierNames = new Map(company.carriers.map((c) => [c.id, c.name]));
    const within90 = deadlines(company.contracts, '', today, carrierNames).within90;
    expect(within90).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: 'Try it with a sample company' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent(), {
        timeout: 60_000,
      })
      .toContain(`Imported ${company.expectedTotals.length} invoices`);
    await page.getByRole('button', { name: 'Close' }).click();

    await expect
      .poll(() => page.locator('dl.tiles').textContent())
      .toContain(formatCents(cents(expectedTotal)));
    const attention = page.getByRole('list', { name: 'Needs attention' });
    await expect
      .poll(() => attention.textContent(), { timeout: 60_000 })
      .toMatch(/[1-9]\d* findings open or disputed/);
    await expect.poll(() => attention.textContent()).toContain(`${within90} in 90 days`);
    await session.screenshot('sample-dashboard');

    // The chart's numbers as a table, and a drill-down from one carrier's month to its invoices.
    const chart = page.getByRole('figure', { name: /^Billed by month and carrier/ });
    await chart.getByRole('button', { name: 'Show as table' }).click();
    await chart
      .getByRole('row', { name: /^Lumen/ })
      .getByRole('button')
      .last()
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: `Showing Lumen’s invoices of ${endMonth}` })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => page.getByRole('heading', { name: /^Invoices \(\d\)$/ }).count())
      .toBe(1);
    await session.screenshot('sample-drill-down');
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.locator('dl.tiles').first().waitFor();
    await session.screenshot('sample-dashboard-dark');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('radio', { name: 'Light' }).check();

    // The month's management report: the spend figures come from the same invoices.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('link', { name: 'Monthly report', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: `Telecom spend report — ${monthTitle(endMonth)}` })
      .waitFor();
    const lastMonth = company.expectedTotals
      .filter((t) => isoMonthOf(t.invoiceDate) === endMonth)
      .reduce((sum, t) => sum + t.totalCents, 0);
    await expect
      .poll(() => page.locator('dl.tiles').textContent())
      .toContain(formatCents(cents(lastMonth)));
    await expect
      .poll(() => page.getByRole('heading', { name: 'Biggest changes since last month' }).count())
      .toBe(1);
    await session.screenshot('sample-monthly-report');

    await page.getByRole('link', { name: 'Bills', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /^Invoices \(/ }).textContent())
      .toBe(`Invoices (${company.expectedTotals.length})`);
    await session.screenshot('sample-bills');

    await page.getByRole('button', { name: 'Clear sample data' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'No bills imported yet' }).isVisible())
      .toBe(true);
    expect(session.consoleErrors).toEqual([]);
  });
});
