/**
 * A Teams PSTN usage report charged in euros, imported in Chromium: the import asks the rate (US
 * dollars per 1 EUR) with the account, refuses a rate of 0 saying why, converts every amount with
 * the rate given, and the invoice shows what it was in euros and at which rate.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** The euro report saved under the name a user would give it. */
function euroReport(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'temdesk-teams-eur-e2e-')), 'PSTN usage EUR.csv');
  // 0.1725 EUR in October (× 1.0842 = $0.1870245 → $0.19), 12.25 EUR in November ($13.28145 → $13.28).
  copyFileSync(
    new URL('../fixtures/carriers/teams-pstn-usage-eur.synthetic.csv', import.meta.url),
    path,
  );
  return path;
}

describe('a Teams PSTN usage report in euros imported in Chromium', () => {
  it('asks the rate, refuses 0, converts every amount and shows the rate on the invoice', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await pickBillFiles(page, [euroReport()]);
    await page
      .getByRole('heading', {
        name: 'PSTN usage EUR.csv does not say which account it is billed to, and its amounts are in EUR',
      })
      .waitFor();
    await expect
      .poll(() => page.getByText(/The calls in this report are charged in EUR/).count())
      .toBe(1);
    const cont = page.getByRole('button', { name: 'Continue' });
    await page.getByLabel('Account number').fill('MS-1');
    const rate = page.getByLabel('US dollars per 1 EUR');
    // Without a rate the amounts are not read at all, let alone as dollars.
    expect(await cont.isDisabled()).toBe(true);
    // `0` on its way to `0.92` is not yet wrong: nothing is said while the rate is typed.
    await rate.fill('0');
    expect(await page.getByRole('alert').count()).toBe(0);
    // Leaving the field says why, announced (an alert) and tied to the field.
    await rate.press('Tab');
    const zero = page
      .getByRole('alert')
      .filter({ hasText: /The exchange rate \(US dollars per 1 EUR\) cannot be 0/ });
    await expect.poll(() => zero.count()).toBe(1);
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    expect(await rate.getAttribute('aria-describedby')).toBe(await zero.getAttribute('id'));
    expect(await cont.isDisabled()).toBe(true);
    // A comma no more typing can mend is said at once, without leaving the field.
    await rate.fill('1,0842');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'written with a comma' }).count())
      .toBe(1);
    expect(await cont.isDisabled()).toBe(true);
    await rate.fill('1.0842');
    await session.screenshot('import-teams-rate-question');
    expect(await cont.isDisabled()).toBe(false);
    await cont.click();

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    for (const [number, total] of [
      ['MS-1-20261031', '$0.19'],
      ['MS-1-20261130', '$13.28'],
    ] as const) {
      const row = invoices.getByRole('row').filter({ hasText: number });
      await expect.poll(() => row.getByRole('cell', { name: total, exact: true }).count()).toBe(1);
    }
    await expect
      .poll(() => preview.getByText(/converted to US dollars at 1\.0842 USD per EUR/).count())
      .toBeGreaterThan(0);
    await preview.getByRole('button', { name: 'Import 2 invoices' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 invoices' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    await page
      .getByRole('grid')
      .getByRole('gridcell', { name: 'MS-1-20261130', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Invoice MS-1-20261130' }).waitFor();
    await expect
      .poll(() =>
        page.getByText('12.25 EUR at 1.0842 US dollars per 1 EUR', { exact: true }).count(),
      )
      .toBe(1);
    // One seat's usage: "1 service", not "1 services".
    await page.getByRole('heading', { level: 2, name: 'Usage (1 service)', exact: true }).waitFor();
    await session.screenshot('import-teams-eur-invoice-detail');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });
});
