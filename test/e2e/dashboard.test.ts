import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  loadSampleCompany,
  monthTitle,
  openApp,
  sampleLastMonthOf,
  type AppSession,
} from './harness';

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Clicks down a column of the canvas until a click lands on a bar (the app then navigates), the
 * way a user clicks a chart segment.
 */
async function clickBarIn(page: Page, figureName: RegExp, xShare: number, fromBottom: boolean) {
  const canvas = page.getByRole('figure', { name: figureName }).locator('canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('chart not drawn');
  const before = await page.evaluate(() => window.location.hash);
  for (let step = 0; step < 40; step++) {
    const y = fromBottom ? box.height - 30 - step * 8 : 12 + step * 8;
    if (y < 0 || y > box.height) break;
    await canvas.click({ position: { x: box.width * xShare, y } });
    // Chart.js handles pointer events on the next animation frame: give it one before moving on.
    const moved = await page
      .waitForFunction((hash) => window.location.hash !== hash, before, { timeout: 500 })
      .then(() => true)
      .catch(() => false);
    if (moved) return;
  }
  throw new Error(`no bar found in ${String(figureName)}`);
}

describe('dashboard', () => {
  it('shows where the money goes, filtered, in light and dark, and drills down from a chart click', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    // The month of the sample's latest bills: the dashboard's latest month and the report's.
    const endMonth = sampleLastMonthOf(session);
    await loadSampleCompany(page);

    const spend = page.getByRole('list', { name: 'Needs attention' });
    await expect.poll(() => spend.textContent(), { timeout: 60_000 }).toMatch(/[1-9]\d* findings/);
    for (const name of [
      /^Billed by month and carrier/,
      /^Billed by site, top \d+ \(\d+ sites with spend\)/,
      /^Billed by cost center/,
      /^Change from the month before/,
      /^Money at stake by check/,
      /^Savings: .* identified by billing month of the charges, claimed in disputes by date filed, .* recovered by date of the credit$/,
    ])
      await page.getByRole('figure', { name }).waitFor();
    for (const name of ['Upcoming notice deadlines', 'Invoices due or overdue'])
      await page.getByRole('heading', { name }).waitFor();
    // What an unnoticed renewal would lock in: the contract's own spend × its renewal term.
    const deadlinesTable = page
      .getByRole('region', { name: 'Upcoming notice deadlines' })
      .getByRole('table');
    await deadlinesTable.getByRole('columnheader', { name: 'At stake if it renews' }).waitFor();
    await expect
      .poll(() =>
        deadlinesTable
          .getByRole('row')
          .filter({ hasText: /\$[\d,]+\.\d\d$/ })
          .count(),
      )
      .toBeGreaterThan(0);
    await page.getByRole('table', { name: /^Biggest movers/ }).waitFor();
    await session.screenshot('dashboard-light');

    // Filters: the whole dashboard narrows to one site; the URL keeps the filter.
    const allText = await page.getByRole('group', { name: 'Filter the dashboard' }).isVisible();
    expect(allText).toBe(true);
    const totalAll = await page.locator('dl.tiles dd').first().textContent();
    const site = page.getByLabel('Site', { exact: true });
    const firstSite = await site.locator('option').nth(1).getAttribute('value');
    await site.selectOption(firstSite ?? '');
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(window.location.hash)))
      .toContain('site=');
    await expect.poll(() => page.locator('dl.tiles dd').first().textContent()).not.toBe(totalAll);
    await session.screenshot('dashboard-filtered-site');
    // A backwards range says so instead of showing zeros.
    const from = page.getByLabel('From', { exact: true });
    await from.selectOption((await from.locator('option').last().getAttribute('value')) ?? '');
    await page
      .getByLabel('To', { exact: true })
      .selectOption((await from.locator('option').first().getAttribute('value')) ?? '');
    await page
      .getByRole('status')
      .filter({ hasText: 'The From month is after the To month' })
      .waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('dl.tiles dd').first().textContent()).toBe(totalAll);
    // One month only: the findings of the other months are counted apart, not silently left out,
    // and the two counts make the Findings page's.
    const openIn = async () => {
      const text = (await spend.locator('.tile__meta').allTextContents()).join('\n');
      const inMonths = Number(/^(\d+) findings? open or disputed in these months/m.exec(text)?.[1]);
      const outside = Number(/^(\d+) more open findings?/m.exec(text)?.[1] ?? 0);
      return { inMonths, outside, all: inMonths + outside };
    };
    const before = await openIn();
    await from.selectOption((await from.locator('option').last().getAttribute('value')) ?? '');
    await expect.poll(async () => (await openIn()).outside).toBeGreaterThan(before.outside);
    expect((await openIn()).all).toBe(before.all);
    expect(await spend.textContent()).toMatch(
      /more open findings \(\$[\d,.]+ at stake\) billed outside these months, listed on the Findings page\./,
    );
    // The one month's movers are against the month before it, as its change is.
    const moversOfMonth = page.getByRole('table', { name: /^Biggest movers, .+ → / });
    await expect
      .poll(() =>
        moversOfMonth
          .getByRole('row')
          .filter({ hasText: /[+−]\$[\d,]+\.\d\d$/ })
          .count(),
      )
      .toBeGreaterThan(0);
    // Its one open finding is "1 open finding".
    await page
      .getByRole('figure', { name: /^Money at stake by check: \$[\d,.]+ in 1 open finding$/ })
      .waitFor();
    await session.screenshot('dashboard-one-month');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Dark theme.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('figure', { name: /^Billed by month and carrier/ }).waitFor();
    await session.screenshot('dashboard-dark');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('radio', { name: 'Light' }).check();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();

    // A click on the latest month's bar lands on that carrier's invoices of the month.
    await clickBarIn(page, /^Billed by month and carrier/, 0.955, true);
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(window.location.hash)))
      .toMatch(new RegExp(`^#/bills/where/carrier=[^&]+&from=${endMonth}&to=${endMonth}$`));
    await expect
      .poll(() => page.getByRole('heading', { name: /^Invoices \(\d+\)$/ }).count())
      .toBe(1);
    await session.screenshot('dashboard-drilldown-bills');

    // The month's report for management, with findings and recoveries.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('link', { name: 'Monthly report', exact: true }).click();
    const report = page.getByRole('article', {
      name: `Telecom spend report — ${monthTitle(endMonth)}`,
    });
    await report.getByRole('heading', { name: 'Billing errors and recoveries' }).waitFor();
    await expect
      .poll(() => report.textContent())
      .toMatch(/Recovered as carrier credits: \$[\d,.]+ this month, \$[\d,.]+ to date/);
    await session.screenshot('dashboard-monthly-report');
  });

  it('drills down from sites, cost centers, checks and the lists to the grids behind them', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await loadSampleCompany(page);
    const hash = () => page.evaluate(() => decodeURIComponent(window.location.hash));

    // The sites chart as a table (keyboard and screen readers): each figure is a drill-down.
    const sites = page.getByRole('figure', { name: /^Billed by site/ });
    await sites.getByRole('button', { name: 'Show as table' }).click();
    await sites.getByRole('row').nth(1).getByRole('button').click();
    await expect.poll(hash).toMatch(/^#\/inventory\/where\/site=[^&]+$/);
    await page
      .getByRole('status')
      .filter({ hasText: /^Showing/ })
      .first()
      .waitFor();
    await session.screenshot('dashboard-drilldown-site');
    await page.goBack();

    // A click on the biggest check's bar opens Findings filtered to that check.
    await expect
      .poll(() => page.getByRole('list', { name: 'Needs attention' }).textContent(), {
        timeout: 60_000,
      })
      .toMatch(/[1-9]\d* findings/);
    await clickBarIn(page, /^Money at stake by check/, 0.6, false);
    await expect.poll(hash).toMatch(/^#\/findings\/where\/rule=[^&]+&status=open-or-disputed/);
    await page
      .getByRole('status')
      .filter({ hasText: /^Showing/ })
      .first()
      .waitFor();
    await session.screenshot('dashboard-drilldown-findings');
    await page.goBack();

    // The invoices-to-pay list and its tile lead to the overdue invoices.
    await page.getByRole('link', { name: /^All invoices to pay/ }).click();
    await expect.poll(hash).toBe('#/bills/where/due=overdue&due=due-soon');
    await expect
      .poll(() => page.getByRole('heading', { name: /^Invoices \(\d+\)$/ }).count())
      .toBe(1);
    await page.goBack();
    await page.getByRole('link', { name: 'All renewals' }).click();
    await expect.poll(hash).toBe('#/contracts/renewals');
  });
});
