/**
 * Figures that read across: the chargeback's total row against the budget (its variance is its own
 * amount minus its budget, the exports say the same), the monthly report's first month (nothing to
 * compare with: "—", never $0.00 and a change), and the budget report's months not billed yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';
import { inspectXlsx } from '../helpers/xlsx-inspect';
import {
  loadSampleCompany,
  openApp,
  RESULTS_DIR,
  sampleLastMonthOf,
  type AppSession,
} from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** `$1,234.56` / `−$12.00` / `+$3.00` → cents. */
function centsOfMoney(text: string): number {
  const negative = /^[−-]/.test(text);
  const value = centsOfText(text.replace(/[^\d.]/g, ''));
  return negative ? -value : value;
}

/** `+2.95%` for a variance of a budget, as the app rounds it (half away from zero). */
function percentText(variance: number, budget: number): string {
  const basisPoints = Math.sign(variance) * Math.round((Math.abs(variance) * 10_000) / budget);
  const sign = basisPoints > 0 ? '+' : basisPoints < 0 ? '−' : '';
  const abs = Math.abs(basisPoints);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

/** Presses an export button and keeps the file in test-results/, for a person to open. */
async function exported(page: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(RESULTS_DIR, name);
  await file.saveAs(path);
  return path;
}

describe('figures that read across', () => {
  it('chargeback total vs budget, the report’s first month and months not billed yet', async () => {
    session = await openApp({ hash: '#/chargeback' });
    const { page } = session;
    // The month of the sample's latest bills: the chargeback opens on it, the year to date ends
    // with it.
    const endMonth = sampleLastMonthOf(session);
    const year = endMonth.slice(0, 4);
    await loadSampleCompany(page);

    // 1. Totals by cost center: the total row's variance is its amount minus its budget, and the
    // Variance column adds up to it (the unallocated row has no budget: all of it is variance).
    const totals = page.getByRole('table', { name: 'Totals by cost center' });
    const totalRow = totals.getByRole('row', { name: /^Total \(equals the invoices\)/ });
    await expect.poll(() => totalRow.getByRole('cell').count(), { timeout: 30_000 }).toBe(6);
    const [amount = '', , , budget = '', variance = '', percent = ''] = await cellTexts(totalRow);
    expect(centsOfMoney(variance)).toBe(centsOfMoney(amount) - centsOfMoney(budget));
    expect(percent).toBe(percentText(centsOfMoney(variance), centsOfMoney(budget)));
    const unallocatedRow = totals.getByRole('row').filter({
      has: page.getByRole('button', { name: 'Unallocated' }),
    });
    const unallocated = await cellTexts(unallocatedRow);
    expect(unallocated[5]).toBe('—');
    expect(unallocated[6]).toBe(unallocated[2]);
    const bodyVariances = await totals
      .locator('tbody')
      .getByRole('row')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[6]?.textContent ?? ''));
    expect(bodyVariances.reduce((sum, text) => sum + centsOfMoney(text), 0)).toBe(
      centsOfMoney(variance),
    );
    await session.screenshot('read-across-chargeback-totals');

    // The exports say the same: XLSX Summary's total row, and the "Cost centers vs budget" CSV.
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByLabel('Column layout').selectOption('budget-variance');
    const xlsxPath = await exported(page, 'Export XLSX', `read-across-${endMonth}.xlsx`);
    const [summary] = inspectXlsx(readFileSync(xlsxPath)).sheets;
    const header = summary?.values[0] ?? [];
    const last = summary?.values[(summary?.values.length ?? 0) - 1] ?? [];
    const at = (name: string) => last[header.indexOf(name)];
    expect(
      [at('Total'), at('Budget'), at('Variance'), at('Variance %')].map((value) =>
        typeof value === 'number' ? value : NaN,
      ),
    ).toEqual([
      centsOfMoney(amount) / 100,
      centsOfMoney(budget) / 100,
      centsOfMoney(variance) / 100,
      Number(percent.replace('−', '-').replace('%', '')),
    ]);
    const csvPath = await exported(page, 'Export CSV', `read-across-${endMonth}.csv`);
    const rows = parseChargebackCsv(readFileSync(csvPath, 'utf8'));
    const sum = (field: string) => rows.reduce((s, row) => s + centsOfText(row[field] ?? ''), 0);
    expect([sum('Amount'), sum('Budget'), sum('Variance')]).toEqual(
      [amount, budget, variance].map(centsOfMoney),
    );

    // 2. The monthly report's first month: nothing to compare with, said as the tile says it.
    await page.goto(new URL('#/dashboard/report', session.baseUrl).toString());
    const picker = page.getByRole('combobox', { name: 'Month' });
    await expect
      .poll(() => picker.locator('option').count(), { timeout: 30_000 })
      .toBeGreaterThan(2);
    // Newest first: the last option is the first month with bills, the one before it the next.
    const months = await picker
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const [second = '', first = ''] = months.slice(-2);
    await picker.selectOption(first);
    const noBills = 'No bills the month before to compare with.';
    const byCarrier = page.getByRole('table', { name: `Spend by carrier, ${first}` });
    await expect
      .poll(() => byCarrier.getByRole('row').count(), { timeout: 30_000 })
      .toBeGreaterThan(2);
    for (const row of await byCarrier.getByRole('row').all()) {
      const cells = await cellTexts(row);
      if (cells.length === 3) expect([cells[0], cells[2]]).toEqual(['—', '—']);
    }
    expect(await byCarrier.textContent()).toContain(noBills);
    const movers = page.getByRole('region', { name: 'Biggest changes since last month' });
    expect(await movers.getByRole('row').allTextContents()).toEqual([
      'AccountLast monthThis monthChange',
      noBills,
    ]);
    await session.screenshot('read-across-report-first-month');
    // The month after: real figures and real changes again.
    await picker.selectOption(second);
    const nextCarrier = page.getByRole('table', { name: `Spend by carrier, ${second}` });
    await expect.poll(() => nextCarrier.textContent(), { timeout: 30_000 }).not.toContain('—');
    expect(await movers.getByRole('row').count()).toBeGreaterThan(2);

    // 3. The budget report: one form for the period, and "—" for a month not billed yet.
    await page.goto(new URL(`#/budgets/variance/${year}`, session.baseUrl).toString());
    const section = page.getByRole('region', { name: 'Actual vs budget' });
    await expect
      .poll(() => section.textContent(), { timeout: 30_000 })
      .toContain(
        `Year to date: Jan – ${new Date(`${endMonth}-15T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })}.`,
      );
    const chartName = `Budget vs actual by month, ${year}`;
    const figure = page.getByRole('figure', { name: chartName });
    await figure.getByRole('button', { name: /^Show as table/ }).click();
    const chartTable = page.getByRole('table', { name: chartName });
    const actual = await cellTexts(chartTable.getByRole('row', { name: /^Actual/ }));
    expect(actual).toHaveLength(12);
    const billedMonths = Number(endMonth.slice(5, 7));
    for (const text of actual.slice(billedMonths)) expect(text).toBe('— (not billed yet)');
    for (const text of actual.slice(0, billedMonths)) expect(text).toMatch(/^\$[\d,]+\.\d\d$/);
    await session.screenshot('read-across-budget-variance');
  });
});
