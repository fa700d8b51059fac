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

/**
 * Rate per cost center code, the cost center's amount for 2026-11 (the sample as of 2026-11-30),
 * and its mark-up as a calculator gives it: amount × rate, rounded once.
 */
const MARKUPS = [
  { code: '0045250140', percent: '2.5', amount: 11_787_94, markup: 294_70 },
  { code: '0045250161', percent: '3.33', amount: 26_395_50, markup: 878_97 },
  { code: '0045250173', percent: '7.77', amount: 15_133_44, markup: 1_175_87 },
];

describe('mark-up in Chromium', () => {
  it('shows rate × amount per cost center, and the detail CSV adds up to it', async () => {
    // The reported month, 2026-11, as the latest: on its last day every account of the sample
    // has its November bill and none its December one.
    session = await openApp({ hash: '#/chargeback', today: isoDate(2026, 11, 30) });
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
    let roundedPerLine = 0;
    for (const { code, percent, amount, markup } of MARKUPS) {
      const mine = rows.filter((row) => row['Cost center'] === code);
      expect(mine.reduce((sum, row) => sum + centsOfText(row.Amount ?? ''), 0)).toBe(amount);
      expect(mine.reduce((sum, row) => sum + centsOfText(row['Mark-up'] ?? ''), 0)).toBe(markup);
      // What the defect did: each line's mark-up rounded on its own, adding up to another figure.
      const basisPoints = Math.round(Number(percent) * 100);
      const perLine = mine.reduce(
        (sum, row) => sum + Math.round((centsOfText(row.Amount ?? '') * basisPoints) / 10_000),
        0,
      );
      if (perLine !== markup) roundedPerLine += 1;
    }
    // The month still shows the defect's figures apart: a test of rounding once, not a tautology.
    expect(roundedPerLine).toBeGreaterThan(0);
  });
});
