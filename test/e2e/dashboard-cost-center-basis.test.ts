import { afterEach, describe, expect, it } from 'vitest';
import { isoDate, isoMonth } from '../../shared/dates';
import { shortMonth } from '../../renderer/features/dashboard/filter';
import { formatCents, cents } from '../../shared/money/cents';
import { loadSampleCompany, openApp, sampleLastMonthOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const dollarsToCents = (text: string) => Math.round(Number(text.replace(/[$,]/g, '')) * 100);

describe('dashboard cost center', () => {
  it('says its figures are the inventory’s cost center and how far the chargeback’s actual differs', async () => {
    // As in the defect report, the sample is billed to November 2026: on the last day of November
    // every account has its November bill and none its December one.
    session = await openApp({ hash: '#/dashboard', today: isoDate(2026, 11, 30) });
    const { page } = session;
    const endMonth = sampleLastMonthOf(session);
    expect(endMonth).toBe(isoMonth(2026, 11));
    const year = endMonth.slice(0, 4);
    await loadSampleCompany(page);
    await page.getByRole('figure', { name: `Budget vs actual by month, ${year}` }).waitFor();
    // Without a cost center filter, no note about the chargeback's split rules.
    expect(await page.getByText(/^Actuals here are the chargeback’s allocation/).count()).toBe(0);

    const costCenter = page.getByRole('combobox', { name: 'Cost center' });
    const description = await costCenter.evaluate(
      (select) =>
        document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(description).toBe('The inventory’s, before split rules');
    const stores = await costCenter
      .locator('option')
      .filter({ hasText: /^Stores - Central/ })
      .getAttribute('value');
    await costCenter.selectOption(stores ?? '');
    await page.getByRole('combobox', { name: 'From' }).selectOption(endMonth);
    await page
      .getByRole('figure', {
        name: /^Billed by cost center \(the inventory’s, before split rules\), top \d+/,
      })
      .waitFor();
    await page
      .getByText(/^Cost center as the inventory gives it .* before the chargeback’s split rules/)
      .waitFor();

    const tile = page.getByRole('link', {
      name: new RegExp(`^Billed in ${shortMonth(endMonth)}: \\$[\\d,]+\\.\\d\\d$`),
    });
    await expect.poll(() => tile.count(), { timeout: 30_000 }).toBe(1);
    const inventory = dollarsToCents(
      /\$[\d,.]+$/.exec((await tile.textContent()) ?? '')?.[0] ?? '',
    );

    const figure = page.getByRole('figure', { name: `Budget vs actual by month, ${year}` });
    await figure.getByRole('button', { name: /^Show as table/ }).click();
    const table = figure.getByRole('table');
    const headers = await table.getByRole('columnheader').allTextContents();
    const actualRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Actual' }) });
    const cells = await actualRow.getByRole('cell').allTextContents();
    const chargeback = dollarsToCents(cells[headers.indexOf(shortMonth(endMonth)) - 1] ?? '');
    // The two figures of the defect report differ (split rules move charges between cost centers).
    expect(chargeback).not.toBe(inventory);

    const difference = chargeback - inventory;
    const signed = `${difference > 0 ? '+' : '−'}${formatCents(cents(Math.abs(difference)))}`;
    const note = page.getByText(/^Actuals here are the chargeback’s allocation/);
    expect(await note.textContent()).toBe(
      'Actuals here are the chargeback’s allocation of this cost center (with its split rules and ' +
        'account policies, before mark-up), as on the Chargeback and Budgets pages; the tiles and ' +
        'charts above take the inventory’s cost center, before split rules. ' +
        `${shortMonth(endMonth)}: ${formatCents(cents(chargeback))} here, ` +
        `${formatCents(cents(inventory))} above — a difference of ${signed} from split rules and ` +
        'account policies.',
    );
    await note.scrollIntoViewIfNeeded();
    await session.screenshot('dashboard-cost-center-basis');
  });
});
