import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../shared/backup/format';
import { makeConsistentWorkspace, META } from '../unit/backup/workspace';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** Whether the element has the keyboard focus and its top is inside the window. */
async function focusedInView(page: Page, panel: Locator): Promise<boolean> {
  const focused = await panel.evaluate((element) => element === document.activeElement);
  const box = await panel.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  // Scrolled to the top of the window, give or take a fraction of a pixel.
  return focused && box !== null && box.y > -2 && box.y < height / 2;
}

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

describe('rough edges a new user hit', () => {
  it('opens detail panels in view with focus; Undo clears the selection and its message; toasts expire and stay on their page', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    const grid = page.getByRole('region', { name: 'Services', exact: true });
    await grid.locator('[role="gridcell"][col-id="serviceIdRaw"]').first().waitFor();

    // A service's detail, by keyboard: it scrolls into view and takes focus.
    await grid.locator('[role="gridcell"][col-id="serviceIdRaw"]').first().focus();
    await page.keyboard.press('Alt+Enter');
    const detail = page
      .getByRole('complementary')
      .filter({ has: page.getByRole('button', { name: 'Delete service' }) });
    await expect.poll(() => focusedInView(page, detail)).toBe(true);
    await session.screenshot('rough-service-detail-in-view');
    await detail.getByRole('button', { name: 'Close', exact: true }).press('Enter');
    await expect.poll(() => detail.count()).toBe(0);

    // A bulk edit, then Undo: the selection bar and "Saved 2 services." go with it.
    const boxes = grid.getByRole('checkbox', { name: /toggle row selection/i });
    for (const index of [0, 1]) {
      await boxes.nth(index).focus();
      await page.keyboard.press('Space');
    }
    const bulk = page.getByRole('group', { name: 'Bulk edit 2 selected services' });
    await bulk.getByLabel('to').selectOption('pending-disconnect');
    await bulk.getByRole('button', { name: 'Apply to 2 services' }).press('Enter');
    const saved = page.getByRole('status').filter({ hasText: 'Saved 2 services.' });
    await expect.poll(() => saved.count()).toBe(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).press('Enter');
    const undone = page.getByRole('status').filter({ hasText: 'Undone: Changed 2 services' });
    await expect.poll(() => undone.count()).toBe(1);
    await expect.poll(() => bulk.count()).toBe(0);
    expect(await saved.count()).toBe(0);
    await session.screenshot('rough-after-undo');
    // "Undone: …" goes by itself after a few seconds.
    await page.clock.runFor(7_000);
    await expect.poll(() => undone.count()).toBe(0);

    // Again, and this time move to another page: the toast does not follow.
    for (const index of [0, 1]) {
      await boxes.nth(index).focus();
      await page.keyboard.press('Space');
    }
    await bulk.getByLabel('to').selectOption('pending-disconnect');
    await bulk.getByRole('button', { name: 'Apply to 2 services' }).press('Enter');
    await page.getByRole('button', { name: 'Undo', exact: true }).press('Enter');
    await expect.poll(() => undone.count()).toBe(1);
    await page.getByRole('link', { name: 'Bills', exact: true }).press('Enter');
    await expect.poll(() => hashOf(page)).toBe('#/bills');
    await expect.poll(() => undone.count()).toBe(0);
    // The Bills page is there once its heading has taken focus (as a new section's does): only
    // then is the next key the user's. Pressed earlier, on a busy machine the heading took focus
    // between the link's focus and its Enter, and the Enter went to the heading.
    const billsHeading = page.getByRole('heading', { name: 'Bills', level: 1 });
    await expect
      .poll(() => billsHeading.evaluate((heading) => heading === document.activeElement))
      .toBe(true);

    // A finding's detail comes into view with focus, its new status starting at "Disputed".
    await page.getByRole('link', { name: 'Findings', exact: true }).press('Enter');
    const findings = page.getByRole('region', { name: 'Findings', exact: true });
    const rule = findings.locator('[role="gridcell"][col-id="rule"]').first();
    await rule.waitFor({ timeout: 60_000 });
    await rule.focus();
    await page.keyboard.press('Enter');
    const finding = page.getByRole('region', { name: /^[^:]+: \$/ });
    await expect.poll(() => focusedInView(page, finding)).toBe(true);
    const change = finding.getByRole('form', { name: 'Change this finding' });
    expect(await change.getByLabel('New status').inputValue()).toBe('disputed');
    await session.screenshot('rough-finding-detail-in-view');
    expect(session.consoleErrors).toEqual([]);
  });

  it('links an invoice to its findings both ways and shows its Amount column whole', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await loadSampleCompany(page);
    // Wait for the automatic checks, so the grid counts findings.
    const invoices = page.getByRole('region', { name: 'Invoices', exact: true });
    const counted = invoices.locator('[role="gridcell"][col-id="findings"].link-cell');
    await expect.poll(() => counted.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const cell = counted.first();
    const count = Number(await cell.textContent());
    const row = invoices.locator(
      `[role="row"][row-index="${await cell.evaluate((c) => c.closest('[role="row"]')?.getAttribute('row-index') ?? '')}"]`,
    );
    const number = (await row.locator('[col-id="invoiceNumber"]').first().textContent()) ?? '';

    // Enter on the count opens Findings filtered to that invoice.
    await cell.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => hashOf(page))
      .toMatch(/^#\/findings\/where\/invoice=[^&]+&status=open-or-disputed$/);
    const notice = page.getByRole('status').filter({ hasText: `on invoice ${number}` });
    await expect
      .poll(() => notice.textContent())
      .toBe(
        `Showing open or disputed findings on invoice ${number} — ${count} finding${count === 1 ? '' : 's'}. Show all findings`,
      );
    await session.screenshot('rough-findings-of-invoice');

    // The invoice's page lists its findings.
    await page.goBack();
    await expect.poll(() => hashOf(page)).toBe('#/bills');
    await invoices
      .locator('[role="gridcell"][col-id="invoiceNumber"]')
      .filter({ hasText: number })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    const section = page.getByRole('region', { name: /^Findings on this invoice \(\d+\)$/ });
    await section.waitFor();
    const listed = await section.getByRole('table').locator('tbody tr').count();
    expect(listed).toBeGreaterThanOrEqual(count);
    const work = section.getByRole('link', { name: /^Work on them in Findings/ });
    expect(decodeURIComponent((await work.getAttribute('href')) ?? '')).toMatch(
      /^#\/findings\/where\/invoice=invoice-/,
    );

    // The Amount column shows whole: nothing is painted over the end of its header or its first
    // figure (a scrollbar's track, say), and no container clips them.
    const lines = page.getByRole('region', { name: 'Charge lines', exact: true });
    const amount = lines.getByRole('columnheader', { name: 'Amount' });
    const firstAmount = lines.locator('[role="gridcell"][col-id="amount"]').first();
    await firstAmount.waitFor();
    expect(await firstAmount.textContent()).toMatch(/^-?\$[\d,]+\.\d\d$/);
    for (const cell of [amount, firstAmount]) {
      await cell.scrollIntoViewIfNeeded();
      const endShows = await cell.evaluate((element) => {
        const text = element.querySelector('.ag-header-cell-text') ?? element;
        const range = document.createRange();
        range.selectNodeContents(text);
        const box = range.getBoundingClientRect();
        // Top to bottom: nothing painted over the text's end before the cell itself.
        for (const over of document.elementsFromPoint(box.right - 1, box.top + box.height / 2)) {
          if (element.contains(over)) return true;
          if (getComputedStyle(over).backgroundColor !== 'rgba(0, 0, 0, 0)') return false;
        }
        return false;
      });
      expect(endShows).toBe(true);
    }
    await session.screenshot('rough-invoice-findings-and-amount');
  });

  it('does not ask to back up an empty workspace; after a restore the last backup is that one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'temdesk-rough-'));
    const file = join(dir, 'acme.temdesk');
    writeFileSync(
      file,
      writeBackup(makeConsistentWorkspace(), { ...META, organizationName: 'Acme Retail Inc.' }),
    );
    session = await openApp({ hash: '#/settings' });
    const { page } = session;
    const reminder = page.getByRole('region', { name: 'Backup reminder' });

    // An empty workspace: the automatic checks run and write, but nothing is worth a backup.
    await page.clock.runFor(3_000);
    await expect.poll(() => page.getByText('Last backup: never').count()).toBe(1);
    expect(await reminder.count()).toBe(0);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from backup…' }).press('Enter');
    await (await chooser).setFiles(file);
    const summary = page.getByRole('group', { name: 'Backup to restore' });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('for Acme Retail Inc. It checks out');
    expect(text).not.toContain('..');
    await session.screenshot('rough-restore-preview');
    await summary.getByRole('button', { name: 'Replace my data with this backup' }).press('Enter');
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'Restored from acme.temdesk.' }).count(),
      )
      .toBe(1);
    await expect
      .poll(() => page.getByText(/^Last backup: /).textContent())
      .toBe(`Last backup: ${META.createdAt.slice(0, 16).replace('T', ' ')}`);
    await session.screenshot('rough-after-restore');

    // Undo the restore: the workspace is empty again (and just changed) — still no reminder.
    await page.getByRole('button', { name: 'Undo', exact: true }).press('Enter');
    await expect.poll(() => page.getByText('Last backup: never').count()).toBe(1);
    await page.clock.runFor(3_000);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Try it with a sample company' }).waitFor();
    await page.clock.runFor(1_000);
    expect(await reminder.count()).toBe(0);
  });

  it('serves a favicon: no request of the page fails', async () => {
    session = await openApp();
    const { page } = session;
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.clock.runFor(1_000);
    const icon = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '',
    );
    expect(icon).toMatch(/favicon\.svg$/);
    const response = await page.request.get(icon);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    expect(failed).toEqual([]);
  });

  it('reports spend by carrier and by cost center as the chargeback does, from the first month with bills, in plain words', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await loadSampleCompany(page);
    await page.getByRole('link', { name: 'Monthly report', exact: true }).press('Enter');
    const report = page.getByRole('article', { name: /^Telecom spend report — / });
    await report.getByRole('heading', { name: 'Spend by cost center' }).waitFor();
    const month = await report.getByRole('combobox', { name: 'Month' }).inputValue();
    const reportMonths = await report
      .getByRole('combobox', { name: 'Month' })
      .locator('option')
      .allTextContents();

    const money = (text: string | null) =>
      Math.round(Number((text ?? '').replace(/[$,]/g, '')) * 100);
    // By carrier: the rows add up to "Billed this month".
    const byCarrier = report.getByRole('table', { name: `Spend by carrier, ${month}` });
    const billed = report.locator('.tile').filter({ hasText: 'Billed this month' }).locator('dd');
    const carrierTotal = byCarrier.locator('tfoot td').nth(1);
    expect(money(await carrierTotal.textContent())).toBe(money(await billed.textContent()));
    expect(await byCarrier.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);

    // By cost center: the chargeback's figures for the same month, to the cent.
    const byCostCenter = report.getByRole('table', { name: `Spend by cost center, ${month}` });
    const reportRows = new Map<string, number>();
    for (const row of await byCostCenter.locator('tbody tr').all()) {
      const code = (await row.locator('th').textContent()) ?? '';
      reportRows.set(code, money(await row.locator('td').nth(1).textContent()));
    }
    expect(reportRows.size).toBeGreaterThan(3);

    // Wording: plurals, and "none" rather than "0 found".
    const text = (await report.textContent()) ?? '';
    expect(text).not.toMatch(/\b1 disputes\b|\b0 found\b|\b1 findings\b/);
    expect(text).toMatch(/(None found this month|\d[\d,]* findings? found this month)/);
    expect(text).toMatch(/(No dispute open|\d[\d,]* disputes? open)/);
    await session.screenshot('rough-monthly-report');

    // Enter on the section link, once the page is on the chargeback: a key pressed just as the
    // screenshot above ends was once lost in CI (the page stayed on the report), so it is pressed
    // again until the section opens, at most three times.
    const chargebackLink = page.getByRole('link', { name: 'Chargeback', exact: true });
    for (let tries = 0; tries < 3 && !page.url().endsWith('#/chargeback'); tries++) {
      await chargebackLink.press('Enter');
      await page.waitForURL(/#\/chargeback$/, { timeout: 5_000 }).catch(() => undefined);
    }
    expect(page.url()).toMatch(/#\/chargeback$/);
    const month$ = page.getByRole('combobox', { name: 'Month', exact: true });
    await month$.selectOption(month);
    const chargebackMonths = await month$
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    const totals = page.getByRole('table', { name: 'Totals by cost center' });
    await totals.waitFor();
    const chargebackRows = new Map<string, number>();
    for (const row of await totals.locator('tbody tr').all()) {
      const code = ((await row.locator('th').textContent()) ?? '').trim();
      const amount = money(await row.locator('td').nth(2).textContent());
      if (amount !== 0) chargebackRows.set(code, amount);
    }
    expect(reportRows).toEqual(chargebackRows);

    // The report's months start at the first month with bills (the chargeback's oldest), not a
    // year before it.
    expect(reportMonths.at(-1)).toBe([...chargebackMonths].sort()[0]);
    expect(reportMonths).toHaveLength(chargebackMonths.length);
  });
});
