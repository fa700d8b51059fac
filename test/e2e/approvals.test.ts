/**
 * Closing the month in Chromium: the approval policy approves the sample's clean invoices, a person
 * marks several paid at once, exports the payment file (a real download, read back: it sums to
 * the invoices), and after a reload everything is kept; a paid invoice offers no Approve.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { centsOfText, parseChargebackCsv } from '../helpers/chargeback-csv';
import { loadSampleCompany, openApp, storedRecords, type AppSession } from './harness';

let session: AppSession | undefined;
const workDir = mkdtempSync(join(tmpdir(), 'temdesk-approvals-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
afterEach(async (context) => {
  const failed = context.task.result?.state === 'fail';
  await session?.close(failed);
  session = undefined;
});

interface StoredInvoice {
  id: string;
  carrierId: string;
  accountNumber: string;
  invoiceNumber: string;
  status: string;
  statedTotal: number | null;
  linesTotal: number;
  approval?: { decidedBy: string; reason: string };
  payment?: { paidOn: string; reference: string };
  paymentBatch?: string;
}

/** The stored invoices, straight from IndexedDB. */
function storedInvoices(page: Page): Promise<StoredInvoice[]> {
  return storedRecords<StoredInvoice>(page, 'invoices');
}

/** The stored carriers' names by id, straight from IndexedDB. */
async function carrierNames(page: Page): Promise<Record<string, string>> {
  const carriers = await storedRecords<{ id: string; name: string }>(page, 'carriers');
  return Object.fromEntries(carriers.map((carrier) => [carrier.id, carrier.name]));
}

/** Row indexes of the grid's rows whose Status cell reads `status`. */
function rowIndexesWithStatus(page: Page, status: string): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Invoices' })
    .locator('[role="row"][row-index]')
    .evaluateAll(
      (rows, wanted) =>
        rows
          .filter((row) => row.querySelector('[col-id="status"]')?.textContent?.trim() === wanted)
          .map((row) => row.getAttribute('row-index') ?? ''),
      status,
    );
}

/**
 * Opens Bills on the sample company and waits for the policy's approvals: it decides after the
 * import and again after the checks.
 */
async function openSampleBills(): Promise<AppSession> {
  const opened = await openApp({ hash: '#/bills' });
  session = opened;
  await loadSampleCompany(opened.page);
  await expect
    .poll(
      async () =>
        (await storedInvoices(opened.page)).filter(
          (i) => i.approval?.decidedBy === 'policy' && i.status === 'approved',
        ).length,
      { timeout: 60_000 },
    )
    // Once the checks have run: every invoice a finding over several months covers is held.
    .toBeGreaterThanOrEqual(3);
  return opened;
}

/** On the Payment file panel: a due-date range that takes in every invoice of the sample. */
async function chooseEveryDueDate(page: Page): Promise<void> {
  await page.getByLabel('Due from').fill('2020-01-01');
  await page.getByLabel('Due to').fill('2030-12-31');
}

/** Exports the payment file (a real download) into the work folder as `name`; its path. */
async function exportPaymentFile(page: Page, name: string): Promise<string> {
  const path = join(workDir, name);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export payment file (CSV)' }).click();
  await (await download).saveAs(path);
  return path;
}

describe('approvals and the payment file in Chromium', () => {
  it('the policy approves, bulk mark-paid sticks, the payment file reconciles, and a reload keeps it all', async () => {
    const app = await openSampleBills();
    const { page } = app;
    const grid = page.getByRole('region', { name: 'Invoices' });
    // (Two to pay and one left: every invoice a finding over several months covers is held.)
    await expect
      .poll(async () => (await rowIndexesWithStatus(page, 'Approved')).length)
      .toBeGreaterThanOrEqual(3);
    const invoices = await storedInvoices(page);
    const review = invoices.filter((i) => i.status === 'received');
    expect(review.length).toBeGreaterThan(0);
    expect(review.every((i) => (i.approval?.reason ?? '') !== '')).toBe(true);
    await app.screenshot('approvals-policy');

    // Mark two approved invoices paid at once, with a date and a reference.
    const [first, second, ...rest] = await rowIndexesWithStatus(page, 'Approved');
    for (const index of [first, second]) {
      await grid
        .locator(`[role="row"][row-index="${index ?? ''}"]`)
        .getByRole('checkbox', { name: /toggle row selection/i })
        .first()
        .check();
    }
    const bar = page.getByRole('group', { name: 'Actions for 2 selected invoices' });
    await bar.getByRole('button', { name: 'Mark paid…' }).click();
    const form = page.getByRole('form', { name: 'Payment' });
    await form.getByLabel('Payment date').fill(app.today);
    await form.getByLabel(/^Payment reference/).fill('ACH 20417');
    await app.screenshot('approvals-mark-paid-form');
    await form.getByRole('button', { name: 'Mark 2 invoices paid' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Marked paid: 2 invoices.' }).count())
      .toBe(1);
    const paid = (await storedInvoices(page)).filter((i) => i.payment?.reference === 'ACH 20417');
    expect(paid).toHaveLength(2);
    expect(rest.length).toBeGreaterThan(0);

    // The payment file: every approved invoice due in the range, by cost center.
    await page.getByText('Payment file', { exact: true }).click();
    await chooseEveryDueDate(page);
    const csvPath = await exportPaymentFile(page, 'payments.csv');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Saved payments-/ })
          .count(),
      )
      .toBe(1);
    await app.screenshot('approvals-payment-file');
    const rows = parseChargebackCsv(readFileSync(csvPath, 'utf8'));
    const sums = new Map<string, number>();
    for (const row of rows) {
      const key = `${row['Account'] ?? ''}|${row['Invoice number'] ?? ''}`;
      sums.set(key, (sums.get(key) ?? 0) + centsOfText(row['Amount'] ?? ''));
    }
    const approved = (await storedInvoices(page)).filter((i) => i.status === 'approved');
    expect(sums.size).toBe(approved.length);
    for (const invoice of approved) {
      expect(sums.get(`${invoice.accountNumber}|${invoice.invoiceNumber}`)).toBe(
        invoice.statedTotal ?? invoice.linesTotal,
      );
    }

    // After a reload: the payments and the export marks are kept; a second export finds nothing new.
    await page.reload();
    await expect
      .poll(async () => (await rowIndexesWithStatus(page, 'Paid')).length)
      .toBeGreaterThan(1);
    const after = await storedInvoices(page);
    expect(after.filter((i) => i.payment?.reference === 'ACH 20417')).toHaveLength(2);
    expect(
      after.filter((i) => i.status === 'approved').every((i) => i.paymentBatch !== undefined),
    ).toBe(true);
    await page.getByText('Payment file', { exact: true }).click();
    await chooseEveryDueDate(page);
    await page.getByRole('button', { name: 'Export payment file (CSV)' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /that was not exported before/ })
          .count(),
      )
      .toBe(1);

    // A paid invoice offers no Approve.
    await page.goto(new URL(`#/bills/${paid[0]?.id ?? ''}`, app.baseUrl).toString());
    const panel = page.getByRole('region', { name: 'Review' });
    await expect.poll(() => panel.getByText(/^Paid on /).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await app.screenshot('approvals-paid-invoice');
    // Older bills paid outside the app show as overdue: tick them all and mark them paid.
    await page.goto(new URL('#/bills', app.baseUrl).toString());
    await expect.poll(() => page.getByText(/^\d+ overdue$/).count()).toBe(1);
    await page
      .getByRole('region', { name: 'Invoices' })
      .getByRole('checkbox', { name: 'Column with Header Selection' })
      .check();
    await page.getByRole('button', { name: 'Mark paid…' }).click();
    await page
      .getByRole('form', { name: 'Payment' })
      .getByRole('button', { name: /^Mark \d+ invoices paid$/ })
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Marked paid: \d+ invoices\. \d+ left as they were/ })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(/^\d+ overdue$/).count()).toBe(0);
    await expect.poll(() => page.getByText(/^Marked paid [1-9]\d? invoices?$/).count()).toBe(1);
    await app.screenshot('approvals-all-paid');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('approval settings and payment layouts in Chromium', () => {
  it('a carrier limit sends its approved invoices to review; a per-invoice layout with a renamed column is saved and used', async () => {
    const app = await openSampleBills();
    const { page } = app;

    // A $1.00 limit on a carrier the policy approved an invoice of: each of its approved
    // invoices needs review now.
    await expect
      .poll(async () => (await storedInvoices(page)).some((i) => i.status === 'approved'))
      .toBe(true);
    const firstApproved = (await storedInvoices(page)).find((i) => i.status === 'approved');
    const carrier = (await carrierNames(page))[firstApproved?.carrierId ?? ''] ?? '';
    expect(carrier).not.toBe('');
    await page.getByText('Approval policy', { exact: true }).click();
    const policy = page.locator('details.approval-policy');
    await policy.getByLabel('Carrier').selectOption({ label: carrier });
    await policy.getByLabel('Limit ($)').fill('1.00');
    await policy.getByRole('button', { name: 'Add limit' }).click();
    await expect
      .poll(() => policy.getByRole('list', { name: 'Amount limits' }).textContent())
      .toContain(`${carrier}: above $1.00`);
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await expect
      .poll(() => policy.getByRole('status').textContent())
      .toMatch(/^Saved\. The policy re-decided [1-9]\d* invoices?\.$/);
    await app.screenshot('approvals-policy-settings');
    const limited = (await storedInvoices(page)).filter(
      (i) => i.approval?.reason === `Above the $1.00 limit for ${carrier}`,
    );
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((i) => i.status === 'received')).toBe(true);

    // A layout of one row per invoice, Amount renamed "Pay amount", moved first.
    await page.getByText('Payment file', { exact: true }).click();
    await page.getByRole('button', { name: 'Edit layout…' }).click();
    const layout = page.getByRole('group', { name: 'Payment file layout' });
    await layout.getByLabel('Layout name').fill('AP one line each');
    await layout.getByLabel('Rows').selectOption('invoice');
    await layout.getByLabel('Header of Amount', { exact: true }).fill('Pay amount');
    for (let i = 0; i < 8; i++) {
      const up = layout.getByRole('button', { name: 'Move Pay amount up' });
      if (await up.isDisabled()) break;
      await up.click();
    }
    await app.screenshot('approvals-payment-layout');
    await layout.getByRole('button', { name: 'Save layout' }).click();
    await expect
      .poll(() => page.getByLabel('Payment file layout').inputValue())
      .toMatch(/^custom-/);
    await chooseEveryDueDate(page);
    const path = await exportPaymentFile(page, 'one-line-each.csv');
    const rows = parseChargebackCsv(readFileSync(path, 'utf8'));
    expect(Object.keys(rows[0] ?? {})[0]).toBe('Pay amount');
    const approved = (await storedInvoices(page)).filter((i) => i.status === 'approved');
    expect(rows).toHaveLength(approved.length);
    expect(rows.reduce((sum, row) => sum + centsOfText(row['Pay amount'] ?? ''), 0)).toBe(
      approved.reduce((sum, i) => sum + (i.statedTotal ?? i.linesTotal), 0),
    );
    expect(app.consoleErrors).toEqual([]);
  });
});
