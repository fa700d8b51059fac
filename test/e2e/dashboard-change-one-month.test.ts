/**
 * The dashboard's change chart with a range of one month compares it with the month before, the
 * figure agreeing with the two months' "Billed in" tiles; where there is nothing to compare (the
 * first billed month, months without bills) it says so in the chart's place, not an empty chart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMonthsToMonth, isoDate, isoMonth, type IsoMonth } from '../../shared/dates';
import { NO_DASHBOARD_FILTER } from '../../shared/billing/dashboard-view';
import { dashboardLink, shortMonth } from '../../renderer/features/dashboard/filter';
import { loadSampleCompany, openApp, sampleCompanyOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const CHART = /^Change from the month before/;

/** `$1,234.56` / `-$1,234.56` / `−$1,234.56` in cents. */
function centsOf(text: string): number {
  const digits = Number(text.replace(/[^\d]/g, ''));
  return /^\s*[-−]/.test(text) ? -digits : digits;
}

async function showRange(page: Page, from: IsoMonth, to: IsoMonth): Promise<void> {
  const link = dashboardLink({ ...NO_DASHBOARD_FILTER, from, to });
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, link);
  await page.getByRole('link', { name: new RegExp(`^Billed, ${shortMonth(from)} – `) }).waitFor();
}

/** The "Billed in <month>" tile's figure, in cents. */
async function billedIn(page: Page, month: IsoMonth): Promise<number> {
  const name = await page
    .getByRole('link', { name: new RegExp(`^Billed in ${shortMonth(month)}: `) })
    .getAttribute('aria-label');
  return centsOf(name?.split(': ')[1] ?? '');
}

/** The change chart's figures as its table gives them: month label → cents. */
async function changes(page: Page): Promise<Map<string, number>> {
  const figure = page.getByRole('figure', { name: CHART });
  await figure.getByRole('button', { name: /^Show as table/ }).click();
  const table = figure.getByRole('table');
  const headers = (await table.getByRole('columnheader').allTextContents()).slice(1);
  const cells = await table.getByRole('cell').allTextContents();
  await figure.getByRole('button', { name: /^Show as chart/ }).click();
  return new Map(headers.map((header, i) => [header, centsOf(cells[i] ?? '')]));
}

describe('dashboard change chart', () => {
  it('compares one month with the month before, or says why it cannot', async () => {
    session = await openApp({ hash: '#/dashboard', today: isoDate(2026, 11, 16) });
    const { page } = session;
    const { months, services, accounts, expectedTotals } = sampleCompanyOf(session);
    const end = months.at(-1) ?? isoMonth(2026, 10);
    const previous = addMonthsToMonth(end, -1);
    await loadSampleCompany(page);

    // The month before on its own: its total as the tile gives it.
    await showRange(page, previous, previous);
    const previousTotal = await billedIn(page, previous);

    // One month: its change from the month before, the same figure the two tiles give and the
    // two-month range's chart shows, and the tile says it too.
    await showRange(page, end, end);
    const endTotal = await billedIn(page, end);
    const oneMonth = await changes(page);
    expect([...oneMonth.keys()]).toEqual([shortMonth(end)]);
    expect(oneMonth.get(shortMonth(end))).toBe(endTotal - previousTotal);
    // The biggest movers compare the same two months: the rows the two-month range shows.
    const movers = page.getByRole('table', {
      name: `Biggest movers, ${shortMonth(previous)} → ${shortMonth(end)}`,
    });
    await movers.waitFor();
    const oneMonthMovers = await movers.getByRole('row').allTextContents();
    expect(oneMonthMovers.length).toBeGreaterThan(1);
    await session.screenshot('dashboard-one-month-movers');
    await showRange(page, previous, end);
    expect(await movers.getByRole('row').allTextContents()).toEqual(oneMonthMovers);
    await showRange(page, end, end);
    await expect
      .poll(() => page.locator('dl.tiles .tile__meta').first().textContent())
      .toMatch(new RegExp(`^[+−]?\\$[\\d,]+\\.\\d\\d vs ${shortMonth(previous)}`));
    // The month holds one open finding, and the tile says so in the singular.
    await expect
      .poll(() => page.getByRole('list', { name: 'Needs attention' }).textContent())
      .toContain('1 finding open or disputed in these months');
    const canvas = page.getByRole('figure', { name: CHART }).locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    await session.screenshot('dashboard-change-one-month');

    await showRange(page, previous, end);
    expect((await changes(page)).get(shortMonth(end))).toBe(endTotal - previousTotal);

    // Circuits bill the same every month: every change is $0.00, drawn on an axis of dollars, from
    // the first month of their account's bills (the sample's first month may be another account's).
    const circuitAccounts = new Set(
      services.flatMap((service) => {
        const account = accounts.find((a) => a.id === service.accountId);
        return service.type === 'circuit' && account ? [account.accountNumber] : [];
      }),
    );
    const circuitMonths = [
      ...new Set(
        expectedTotals.flatMap((t) => (circuitAccounts.has(t.accountNumber) ? [t.month] : [])),
      ),
    ].sort();
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      dashboardLink({
        ...NO_DASHBOARD_FILTER,
        from: circuitMonths[0] ?? end,
        to: end,
        serviceType: 'circuit',
      }),
    );
    await page.getByLabel('Service type', { exact: true }).waitFor();
    await expect
      .poll(() => page.getByLabel('Service type', { exact: true }).inputValue())
      .toBe('circuit');
    // The chart follows the new range in a render of its own: read it once it shows the range.
    expect(circuitMonths.at(-1)).toBe(end);
    await expect.poll(async () => (await changes(page)).size).toBe(circuitMonths.length - 1);
    const flat = await changes(page);
    expect(flat.size).toBeGreaterThan(6);
    expect([...flat.values()].every((change) => change === 0)).toBe(true);
    await page.getByRole('figure', { name: CHART }).locator('canvas').scrollIntoViewIfNeeded();
    await session.screenshot('dashboard-change-all-zero');

    // The first billed month: nothing before it to compare with, said in plain words.
    const first = months[0] ?? end;
    await showRange(page, first, first);
    const nothingBefore = page.getByRole('region', { name: 'Change from the month before' });
    await expect
      .poll(() => nothingBefore.textContent())
      .toContain(
        `No bills in ${shortMonth(addMonthsToMonth(first, -1))} to compare ${shortMonth(first)} with.`,
      );
    expect(await page.getByRole('figure', { name: CHART }).count()).toBe(0);
    await nothingBefore.scrollIntoViewIfNeeded();
    await session.screenshot('dashboard-change-first-month');

    // Months with no bills at all: no chart of zeros.
    await showRange(page, isoMonth(2019, 1), isoMonth(2019, 3));
    await expect
      .poll(() => page.getByRole('region', { name: 'Change from the month before' }).textContent())
      .toContain('Nothing billed in these months matches the filters');
    expect(await page.getByRole('figure', { name: CHART }).count()).toBe(0);
  });
});
