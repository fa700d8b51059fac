import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  loadSampleCompany,
  openApp,
  sampleCompanyOf,
  sampleLastMonthOf,
  SCREENSHOT_DIR,
  type AppSession,
} from './harness';

let session: AppSession | undefined;
let workDir: string | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
});

/** `-$1,234.56` → -123456, exactly. */
function centsOfMoney(text: string): number {
  const negative = text.trim().startsWith('-');
  const [whole = '0', fraction = '0'] = text.replace(/[^\d.]/g, '').split('.');
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

describe('budgets in Chromium', () => {
  it('imports a budget CSV (refusing a bad one whole), shows variance on the dashboard and the forecast, and keeps it after a reload', async () => {
    workDir = mkdtempSync(join(tmpdir(), 'temdesk-budgets-'));
    const profile = join(workDir, 'profile');
    session = await openApp({ hash: '#/budgets', userDataDir: profile });
    const { page } = session;
    // The year of the sample's latest bills (today's month once an account's bill day has come),
    // so every figure below is of a year with bills whatever the (shifted) test date.
    const endMonth = sampleLastMonthOf(session);
    const thisYear = session.today.slice(0, 4);
    const year = Number(endMonth.slice(0, 4));
    const company = sampleCompanyOf(session);
    const costCenter = company.costCenters[0];
    if (costCenter === undefined) throw new Error('the sample has no cost center');
    await loadSampleCompany(page);
    await page.goto(new URL(`#/budgets/plan/${year}`, session.baseUrl).toString());

    // A file with a bad month and an unknown cost center: refused whole, each problem by row.
    const bad = join(workDir, 'budget-bad.csv');
    writeFileSync(
      bad,
      `Cost Center,Carrier,Month,Amount\n${costCenter.code},,${year}-01,1000\n${costCenter.code},,${year}-13,1000\nNOPE-1,,${year}-02,5\n`,
    );
    await page.getByRole('button', { name: 'Import budget…' }).click();
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose budget file…' }).click();
    await (await chooser).setFiles(bad);
    const problems = page.getByRole('list', { name: 'Problems in the budget file' });
    await expect
      .poll(() => problems.getByRole('listitem').allTextContents())
      .toEqual([
        `Row 3, column "Month": expected a month written as YYYY-MM (e.g. 2026-01) but found "${year}-13".`,
        'Row 4, column "Cost Center": there is no cost center "NOPE-1". Add it under Inventory → Cost centers, fix the code, or tick "Create missing cost centers".',
      ]);
    expect(await page.getByRole('button', { name: /^Import \d+ budget cells$/ }).isDisabled()).toBe(
      true,
    );
    await session.screenshot('budgets-import-refused');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A good file: $1,000.00 a month for the first cost center, the whole year.
    const good = join(workDir, 'budget.csv');
    const rows = Array.from(
      { length: 12 },
      (_, i) => `${costCenter.code},,${year}-${String(i + 1).padStart(2, '0')},"1,000.00"`,
    );
    writeFileSync(good, `Cost Center,Carrier,Month,Amount\n${rows.join('\n')}\n`);
    await page.getByRole('button', { name: 'Import budget…' }).click();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose budget file…' }).click();
    await (await chooser).setFiles(good);
    await page.getByRole('button', { name: 'Import 12 budget cells' }).click();
    await expect
      .poll(() => page.getByText('Imported budget.csv: 12 budget cells.').count())
      .toBe(1);
    const grid = page.getByRole('region', { name: `Budget ${year}` });
    const row = grid.getByRole('row').filter({ hasText: `${costCenter.code} ${costCenter.name}` });
    await expect.poll(() => row.first().textContent()).toContain('$12,000.00');
    await session.screenshot('budgets-grid');

    // Edit February in the grid, then fill it right to December: $1,000 + 11 × $2,000.
    const february = grid.locator(`[role="gridcell"][col-id="${year}-02"]`).first();
    await february.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2,000');
    await page.keyboard.press('Enter');
    await expect.poll(() => february.textContent()).toBe('$2,000.00');
    await february.click();
    await page.getByRole('button', { name: 'Fill right' }).click();
    const yearTotal = grid.locator('[role="gridcell"][col-id="total"]').first();
    await expect.poll(() => yearTotal.textContent()).toBe('$23,000.00');
    // A bad amount is refused with a sentence and changes nothing.
    await february.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('two grand');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.getByText(/expected an amount of money like 1,234.56 but found "two grand"/).count(),
      )
      .toBe(1);
    expect(await february.textContent()).toBe('$2,000.00');

    // Copy last year into the next one, 10% up: the row's year becomes $25,300.00.
    await page.getByLabel('Year', { exact: true }).selectOption(String(year + 1));
    await page.getByLabel('Uplift %').fill('10');
    await page.getByRole('button', { name: 'Copy last year' }).click();
    await expect
      .poll(() => page.getByText(/^Copied \d+ budget cells from \d{4} with 10% uplift\.$/).count())
      .toBe(1);
    const nextTotal = page
      .getByRole('region', { name: `Budget ${year + 1}` })
      .locator('[role="gridcell"][col-id="total"]')
      .first();
    await expect.poll(() => nextTotal.textContent()).toBe('$25,300.00');
    await page.getByLabel('Year', { exact: true }).selectOption(String(year));
    await expect.poll(() => yearTotal.textContent()).toBe('$23,000.00');

    // Actual against budget: the cost center's year-to-date budget is $1,000.00 a closed month.
    await page.getByRole('tab', { name: 'Actual vs budget' }).click();
    const table = page.getByRole('table', { name: 'Actual against budget, year to date' });
    const varianceRow = table
      .getByRole('row')
      .filter({ hasText: `${costCenter.code} ${costCenter.name}` });
    const closedMonths = Number(endMonth.slice(5, 7));
    await expect
      .poll(() => varianceRow.first().getByRole('cell').nth(2).textContent())
      .toBe(`$${(1000 + (closedMonths - 1) * 2000).toLocaleString('en-US')}.00`);
    await session.screenshot('budgets-variance');

    // The chargeback page shows the month against the same budget: Variance = Amount − Budget.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Chargeback' })
      .click();
    const totals = page.getByRole('table', { name: 'Totals by cost center' });
    const chargebackRow = totals.getByRole('row').filter({
      has: page.getByRole('button', { name: `Open ${costCenter.code} ${costCenter.name}` }),
    });
    // The chargeback opens on the last billed month: January kept $1,000, later months $2,000.
    const monthBudget = endMonth.endsWith('-01') ? 1_000_00 : 2_000_00;
    await expect
      .poll(() => chargebackRow.getByRole('cell').nth(5).textContent(), { timeout: 30_000 })
      .toBe(monthBudget === 1_000_00 ? '$1,000.00' : '$2,000.00');
    const amount = centsOfMoney((await chargebackRow.getByRole('cell').nth(2).textContent()) ?? '');
    expect(centsOfMoney((await chargebackRow.getByRole('cell').nth(6).textContent()) ?? '')).toBe(
      amount - monthBudget,
    );
    await session.screenshot('budgets-chargeback-columns');

    // The dashboard: a year-to-date tile and the budget vs actual chart, both opening the report.
    // Its actuals allocate the year's charge lines: that read starts only after the dashboard's
    // charts have been drawn and two frames have gone by (they are on screen), so it never
    // competes with their first paint (Chart.js styles a canvas as it draws it).
    await page.evaluate(() => {
      const seen = { framesWithCharts: 0, atBudgetRead: -1 };
      Object.assign(window, { budgetReadSeen: seen });
      const drawn = '.dashboard[data-state="ready"] .chart canvas[style*="box-sizing"]';
      const count = () => {
        if (document.querySelector(drawn)) seen.framesWithCharts++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      const mark = performance.mark.bind(performance);
      performance.mark = (name, options) => {
        if (name === 'dashboard:budget-read' && seen.atBudgetRead < 0)
          seen.atBudgetRead = seen.framesWithCharts;
        return mark(name, options);
      };
    });
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    const tile = page.getByLabel('Actual against budget, year to date');
    await expect.poll(() => tile.count(), { timeout: 30_000 }).toBe(1);
    const seen = await page.evaluate(
      () => (window as unknown as { budgetReadSeen: { atBudgetRead: number } }).budgetReadSeen,
    );
    expect(seen.atBudgetRead).toBeGreaterThanOrEqual(2);
    expect(await tile.textContent()).toMatch(
      /Actual vs budget, Jan – \w+ \d{4}\$[\d,.]+ of \$[\d,.]+\$[\d,.]+ (over|under) budget \([+−]\d+\.\d\d%\)/,
    );
    await expect
      .poll(() => page.getByRole('figure', { name: `Budget vs actual by month, ${year}` }).count())
      .toBe(1);
    await session.screenshot('budgets-dashboard');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page
      .getByRole('region', { name: 'Budget' })
      .screenshot({ path: join(SCREENSHOT_DIR, 'budgets-dashboard-tile.png') });
    await tile.getByRole('link').click();
    await expect.poll(() => table.count()).toBe(1);

    // The forecast: actual months then forecast months, and the assumptions behind it.
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const changes = page.getByRole('table', { name: 'Assumptions: known changes' });
    await expect.poll(() => changes.getByRole('row').count()).toBeGreaterThan(1);
    // The sample has lines waiting to be disconnected: each is a change with its monthly effect.
    const pending = company.services.filter((s) => s.status === 'pending-disconnect').length;
    expect(pending).toBeGreaterThan(0);
    expect(
      await changes.getByRole('cell', { name: 'Pending disconnect', exact: true }).count(),
    ).toBeGreaterThan(0);
    // The export lists every assumption, the run-rates included.
    const csvPath = join(workDir, 'forecast.csv');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export forecast CSV' }).click();
    await (await download).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv).toContain('Kind,Cost Center,Carrier,Subject,From,Monthly effect,Assumption');
    expect(csv).toMatch(/\r\nRun-rate,/);
    expect(csv).toMatch(/\r\nPending disconnect,/);
    await expect
      .poll(() =>
        page
          .getByRole('figure', {
            name: `Actual, then forecast, against budget, ${thisYear}`,
          })
          .count(),
      )
      .toBe(1);
    await session.screenshot('budgets-forecast');
    await page
      .getByRole('figure', {
        name: `Actual, then forecast, against budget, ${thisYear}`,
      })
      .screenshot({ path: join(SCREENSHOT_DIR, 'budgets-forecast-top.png') });

    // Reload: the imported budget is kept.
    await page.goto(new URL(`#/budgets/plan/${year}`, session.baseUrl).toString());
    await page.reload();
    await expect.poll(() => yearTotal.textContent(), { timeout: 30_000 }).toBe('$23,000.00');

    // A cost center budgeted for the month but with no bills: the chargeback shows it at $0.00
    // spend, $250.00 under budget, and the Budget column adds up to the total row's budget.
    const budgetOnly = join(workDir, 'budget-only.csv');
    writeFileSync(budgetOnly, `Cost Center,Carrier,Month,Amount\nZZ-NEW,,${endMonth},250.00\n`);
    await page.getByRole('button', { name: 'Import budget…' }).click();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose budget file…' }).click();
    await (await chooser).setFiles(budgetOnly);
    await page.getByLabel('Create missing cost centers (1)').check();
    await page.getByRole('button', { name: 'Import 1 budget cells' }).click();
    await expect
      .poll(() =>
        page.getByText('Imported budget-only.csv: 1 budget cells, 1 cost centers created.').count(),
      )
      .toBe(1);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Chargeback' })
      .click();
    const unbilledRow = totals
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'ZZ-NEW', exact: true }) });
    await expect
      .poll(() => unbilledRow.getByRole('cell').allTextContents(), { timeout: 30_000 })
      .toEqual(['ZZ-NEW', '0', '$0.00', '$0.00', '$0.00', '$250.00', '-$250.00', '−100.00%']);
    const bodyRows = totals.locator('tbody').getByRole('row');
    const budgetColumn = await bodyRows.evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[5]?.textContent ?? ''),
    );
    const footer = totals.locator('tfoot').getByRole('row').getByRole('cell');
    expect(budgetColumn.reduce((sum, text) => sum + centsOfMoney(text), 0)).toBe(
      centsOfMoney((await footer.nth(3).textContent()) ?? ''),
    );
    await session.screenshot('budgets-chargeback-unbilled');
    expect(session.consoleErrors).toEqual([]);
  });
});
