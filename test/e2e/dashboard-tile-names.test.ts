import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const MONTH = String.raw`[A-Z][a-z]{2} \d{4}`;
const MONEY = String.raw`\$[\d,]+\.\d\d`;

describe('dashboard tile links', () => {
  it('are named for what their figure is, not by the number alone', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await loadSampleCompany(page);
    await page.getByRole('figure', { name: /^Billed by month and carrier/ }).waitFor();
    for (const name of [
      new RegExp(`^Billed, ${MONTH} – ${MONTH}: ${MONEY}$`),
      new RegExp(`^Billed in ${MONTH}: ${MONEY}$`),
      new RegExp(`^Monthly average: ${MONEY}$`),
      /^Invoices: [\d,]+$/,
      /^Sites with spend: [\d,]+$/,
      new RegExp(`^Actual vs budget, Jan – ${MONTH}: ${MONEY} of ${MONEY}$`),
      // Open and disputed findings, as the Findings page's "At stake (open or disputed)" tile.
      new RegExp(
        String.raw`^Money at stake \(open or disputed\)\s*${MONEY}\s*[\d,]+ findings? open or disputed`,
      ),
    ])
      await expect
        .poll(() => page.getByRole('link', { name }).count(), { timeout: 30_000 })
        .toBe(1);
    // No link on the page is announced by a number alone.
    for (const name of [new RegExp(`^${MONEY}$`), /^[\d,]+$/, new RegExp(`^${MONEY} of ${MONEY}$`)])
      expect(await page.getByRole('link', { name }).count()).toBe(0);
    await session.screenshot('dashboard-tile-names');
  });
});
