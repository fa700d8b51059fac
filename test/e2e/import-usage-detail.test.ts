/**
 * Usage detail layouts of issue 21 through the app's import. AT&T usage detail (ADE): alone it is
 * refused with a sentence naming the bill to import with it; picked with its Premier billing
 * summary, its rows are counted as usage records of that bill in the preview, and the bill imports
 * with the summary's charges only. Bell ACC + MOB saved as XLSX join as their CSV files do.
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
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-att-ade-e2e-'));

/** A fixture saved under the name a user would give it. */
function saved(fixture: string, name: string): string {
  const path = join(workDir, name);
  copyFileSync(new URL(fixture, fixtures), path);
  return path;
}

describe('AT&T usage detail imported in Chromium', () => {
  it('refuses the detail alone, then counts its usage with its billing summary', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const detail = saved('att-usage-detail.synthetic.csv', 'ATT usage March.csv');
    const summary = saved('att-premier-billing.synthetic.csv', 'ATT billing March.csv');
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });

    await pickBillFiles(page, [detail]);
    await preview.waitFor();
    const refusal = preview
      .getByRole('alert')
      .filter({ hasText: 'ATT usage March.csv cannot be imported' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.textContent()).toContain(
      'import it together with the AT&T Premier billing summary report of account 287099000001',
    );
    await expect
      .poll(() => preview.getByRole('button', { name: 'Import 0 invoices' }).isDisabled())
      .toBe(true);
    await session.screenshot('import-att-ade-alone');
    await preview.getByRole('button', { name: 'Cancel import' }).click();

    await pickBillFiles(page, [summary, detail]);
    await preview.waitFor();
    const status = preview.getByRole('status').first();
    await expect
      .poll(() => status.textContent())
      .toContain('1 invoice, 7 charge lines, 2 usage records · 2 rows could not be read');
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    await expect
      .poll(() => invoices.getByRole('cell', { name: '287099000001', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => preview.getByText(/account 287099000002 for the cycle ending 2026-03-02/).count())
      .toBeGreaterThan(0);
    await session.screenshot('import-att-ade-with-summary');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    await session.screenshot('import-att-ade-imported');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('imports a Bell ACC + MOB pair saved as XLSX into one invoice with its usage', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await pickBillFiles(page, [
      saved('bell-acc.synthetic.xlsx', 'Bell 512345678 Oct ACC.xlsx'),
      saved('bell-mob.synthetic.xlsx', 'Bell 512345678 Oct MOB.xlsx'),
    ]);
    // Bell's Canadian dollars kept as written: the answer of an account billed in US dollars.
    await answerExchangeRate(page, 'CAD', '1');
    await preview.waitFor();
    await expect
      .poll(() => preview.getByRole('status').first().textContent())
      .toContain('1 invoice, 18 charge lines, 3 usage records · 0 rows could not be read');
    const invoices = preview.getByRole('table', { name: 'Invoices found' });
    await expect
      .poll(() => invoices.getByRole('cell', { name: '512345678-20261001', exact: true }).count())
      .toBe(1);
    // Stated total and sum of lines side by side.
    await expect
      .poll(() => invoices.getByRole('cell', { name: '$202.98', exact: true }).count())
      .toBe(2);
    await session.screenshot('import-bell-xlsx-preview');
    await preview.getByRole('button', { name: 'Import 1 invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 invoice' }).count())
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it("names Bell's call detail picked without its ACC or MOB file as not imported, and why", async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    const preview = page.getByRole('region', {
      name: 'Preview: nothing is saved until you import',
    });
    await pickBillFiles(page, [saved('bell-dtl.synthetic.csv', 'Bell 512345678 Oct DTL.csv')]);
    await preview.waitFor();
    const notImported = preview.getByRole('status', { name: 'Not imported from this file' });
    await expect
      .poll(() => notImported.textContent())
      .toContain(
        'Bell 512345678 Oct DTL.csv: call detail is read with the ACC or MOB file of the same invoice',
      );
    expect(await preview.getByRole('button', { name: 'Import 0 invoices' }).isDisabled()).toBe(
      true,
    );
    await session.screenshot('import-bell-dtl-alone');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });
});
