/**
 * Mark-up on the sample company, as the defect was reported in Chromium (chargeback month 2026-11):
 * the screen shows each cost center's rate × its amount rounded once, and the "Detail with
 * mark-up" CSV adds up to the screen's figure per cost center.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/dates';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** `$11,836.58` or `-$1.05` → cents. */
function centsOfScreen(text: string): number {
  return centsOfText(text.replace(/[$,\s]/g, ''));
}

/** Rate (basis points) per cost center code, and the figures a calculator gives for 2026-11. */
const MARKUPS = [
  { code: '0045250140', percent: '2.5', amount: 11_836_58, markup: 295_91 },
  { code: '0045250161', percent: '3.33', amount: 26_383_97, markup: 878_59 },
  { code: '0045250173', percent: '7.77', amount: 15_218_48, markup: 1_182_48 },
];

describe('mark-up in Chromium', () => {
  it('shows rate × amount per cost center, and the detail CSV adds up to it', async () => {
    // The sample ends the month before today: today in December gives the reported 2026-11.
    session = await openApp({ hash: '#/chargeback', today: isoDate(2026, 12, 16) });
    const { page } = session;
    await loadSampleCompany(page);
    const check = page.getByRole('region', { name: 'Reconciliation check' });
    await expect
      .poll(() => check.textContent(), { timeout: 30_000 })
      .toContain('Reconciled to the cent');
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe('2026-11');

    await page.getByRole('tab', { name: 'Rules and settings' }).click();
    for (const { code, percent } of MARKUPS) {
      await page.getByLabel(`Mark-up % for ${code}`).fill(percent);
    }
    await page.getByRole('button', { name: 'Save mark-ups' }).click();

    await page.getByRole('tab', { name: 'Cost centers' }).click();
    const totals = page.getByRole('table', { name: 'Totals by cost center' });
    for (const { code, amount, markup } of MARKUPS) {
      const row = totals.getByRole('row').filter({ has: page.getByRole('button', { name: code }) });
      const cells = row.getByRole('cell');
      await expect
        .poll(async () => centsOfScreen((await cells.nth(3).textContent()) ?? ''))
        .toBe(markup);
      expect(centsOfScreen((await cells.nth(2).textContent()) ?? '')).toBe(amount);
    }
    await session.screenshot('chargeback-markup');

    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByLabel('Column layout').selectOption('standard-markup');
    const event = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    // The browser's own copy of the download (deleted with the session).
    const rows = parseChargebackCsv(readFileSync(await (await event).path(), 'utf8'));
    for (const { code, amount, markup } of MARKUPS) {
      const mine = rows.filter((row) => row['Cost center'] === code);
      expect(mine.reduce((sum, row) => sum + centsOfText(row.Amount ?? ''), 0)).toBe(amount);
      expect(mine.reduce((sum, row) => sum + centsOfText(row['Mark-up'] ?? ''), 0)).toBe(markup);
    }
  });
});
