/**
 * Canadian carriers' exports through the app's import, as a user picks them: a Bell ACC + MOB
 * pair (two header rows, ISO-8859-1) joins into one invoice, a TELUS Invoice Summary (report-style
 * text) becomes one; both land in Bills with the stated totals their lines add up to. Their
 * Canadian dollars are asked a rate: Bell's converted at 0.7312 US dollars per 1 CAD ($202.98 CAD
 * is $148.42, the invoice saying so), TELUS's given 1 (an account billed in US dollars: as written).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerExchangeRate } from './exchange-rate';
import { openApp, pickBillFiles, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const fixtures = new URL('../fixtures/carriers/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-carriers-e2e-'));

/** A fixture saved under the name a user would give it. */
function saved(fixture: string, name: string): string {
  const path = join(workDir, name);
  copyFileSync(new URL(fixture, fixtures), path);
  return path;
}

/**
 * Picks files, checks the preview shows one invoice of the layout whose stated total equals the
 * sum of its lines (the two cells side by side), imports it and closes the summary.
 */
async function importThroughPreview(
  app: AppSession,
  expected: {
    files: string[];
    layout: RegExp;
    invoiceNumber: string;
    statedTotal: string;
    screenshot: string;
    /** US dollars per 1 CAD, answered when the import asks. */
    cadRate: string;
  },
): Promise<void> {
  const { page } = app;
  const preview = page.getByRole('region', { name: 'Preview: nothing is saved until you import' });
  const invoices = preview.getByRole('table', { name: 'Invoices found' });
  await pickBillFiles(page, expected.files);
  await answerExchangeRate(page, 'CAD', expected.cadRate);
  await preview.waitFor();
  await expect
    .poll(() => preview.getByRole('heading', { name: expected.layout }).count())
    .toBeGreaterThan(0);
  await expect
    .poll(() => invoices.getByRole('cell', { name: expected.invoiceNumber, exact: true }).count())
    .toBe(1);
  await expect
    .poll(() => invoices.getByRole('cell', { name: expected.statedTotal, exact: true }).count())
    .toBe(2);
  await app.screenshot(expected.screenshot);
  await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
    .toBe(1);
  await page.getByRole('button', { name: 'Close' }).click();
}

describe('Canadian carriers imported in Chromium', () => {
  it('imports a Bell ACC + MOB pair and a TELUS invoice summary, and shows both in Bills with their stated totals', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await importThroughPreview(session, {
      files: [
        saved('bell-acc.synthetic.csv', 'Bell 512345678 Oct ACC.csv'),
        saved('bell-mob.synthetic.csv', 'Bell 512345678 Oct MOB.csv'),
      ],
      layout: /Bell Mobility/,
      invoiceNumber: '512345678-20261001',
      // $202.98 CAD × 0.7312 = 148.418976.
      statedTotal: '$148.42',
      screenshot: 'import-bell-acc-mob-preview',
      cadRate: '0.7312',
    });
    await importThroughPreview(session, {
      files: [saved('telus-invoice-summary.synthetic.txt', 'invoice summary.txt')],
      layout: /TELUS/,
      invoiceNumber: '900123456789',
      statedTotal: '$71.92',
      screenshot: 'import-telus-summary-preview',
      cadRate: '1',
    });

    const grid = page.getByRole('grid');
    for (const [number, total] of [
      ['512345678-20261001', '$148.42'],
      ['900123456789', '$71.92'],
    ] as const) {
      const row = grid
        .getByRole('row')
        .filter({ has: page.getByRole('gridcell', { name: number, exact: true }) });
      await expect.poll(() => row.count()).toBe(1);
      await expect
        .poll(() => row.getByRole('gridcell', { name: total, exact: true }).count())
        .toBeGreaterThan(0);
    }
    await session.screenshot('import-carriers-bills');

    await grid.getByRole('gridcell', { name: '512345678-20261001', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 512345678-20261001' }).waitFor();
    const lines = page.getByRole('region', { name: 'Charge lines', exact: true });
    await expect
      .poll(() =>
        lines.getByRole('gridcell', { name: 'Monthly charges (Mth Chg Ttl)', exact: true }).count(),
      )
      .toBe(3);
    await expect
      .poll(() =>
        page.getByText('202.98 CAD at 0.7312 US dollars per 1 CAD', { exact: true }).count(),
      )
      .toBe(1);
    await session.screenshot('import-bell-invoice-detail');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('asks which account a Teams PSTN usage report is billed to, then imports a month of calls per invoice', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await pickBillFiles(page, [saved('teams-pstn-usage.synthetic.csv', 'PSTN usage Oct 2026.csv')]);
    await page
      .getByRole('heading', {
        name: 'PSTN usage Oct 2026.csv does not say which account it is billed to',
      })
      .waitFor();
    await expect
      .poll(() => page.getByText(/A Teams PSTN usage report names no billing account/).count())
      .toBe(1);
    const cont = page.getByRole('button', { name: 'Continue' });
    expect(await cont.isDisabled()).toBe(true);
    await page.getByLabel('Account number').fill('MS-100200');
    await session.screenshot('import-teams-account-question');
    await cont.click();

    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await preview.waitFor();
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    // October's calls and the one of November 1 (UTC): two monthly invoices of the account.
    for (const number of ['MS-100200-20261031', 'MS-100200-20261130'])
      await expect
        .poll(() => invoices.getByRole('cell', { name: number, exact: true }).count())
        .toBe(1);
    // $0.17 + $1.44 + $0.09 + $1.45 + $0.07: each user's calls of a kind summed exactly, then rounded.
    await expect
      .poll(() => invoices.getByRole('cell', { name: '$3.22', exact: true }).count())
      .toBe(1);
    await session.screenshot('import-teams-preview');
    await preview.getByRole('button', { name: 'Import 2 invoices' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 invoices' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    const grid = page.getByRole('grid');
    await grid.getByRole('gridcell', { name: 'MS-100200-20261031', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice MS-100200-20261031' }).waitFor();
    const lines = page.getByRole('region', { name: 'Charge lines', exact: true });
    await expect
      .poll(() =>
        lines.getByRole('gridcell', { name: 'Outbound calls, international', exact: true }).count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        lines.getByRole('gridcell', { name: 'jane.doe@contoso.example', exact: true }).count(),
      )
      .toBe(2);
    await session.screenshot('import-teams-invoice-detail');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });
});
