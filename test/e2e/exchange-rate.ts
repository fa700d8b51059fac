/** Answering the import's exchange-rate question in Chromium (a bill in another currency). */
import type { Page } from 'playwright-core';

/**
 * Waits for the question asking what a file's `currency` amounts are in US dollars, gives `rate`
 * (US dollars per 1 unit; 1 for an account billed in US dollars) and continues.
 */
export async function answerExchangeRate(page: Page, currency: string, rate: string) {
  await page
    .getByRole('heading', { name: `does not say what its ${currency} amounts are in US dollars` })
    .waitFor();
  await page.getByLabel(`US dollars per 1 ${currency}`).fill(rate);
  await page.getByRole('button', { name: 'Continue' }).click();
}
