/**
 * A PDF bill entered by hand in Chromium: the PDF is shown beside the form (pdf.js, its worker
 * from the app's own bundle, under the app's CSP), values read from its text are offered and used
 * one by one, the lines are typed until the running difference reaches zero, and the saved
 * invoice is a stored invoice like any other — in Bills after a reload, in the checks' run and in
 * the chargeback.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe';
import { ACCOUNT_IDS } from '../../shared/sample/organization';
import { loadSampleCompany, openApp, sampleCompanyOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

const PDF = fileURLToPath(new URL('../fixtures/pdf/northwind-2026-11.pdf', import.meta.url));

describe('entering a PDF bill by hand in Chromium', () => {
  it('shows the PDF, uses its suggestions, balances the lines, saves, and the invoice is everywhere', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await page.getByRole('button', { name: 'Enter an invoice…' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Enter an invoice' }).waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach the bill PDF…' }).click();
    await (await chooser).setFiles([PDF]);

    const viewer = page.getByRole('region', { name: 'Bill PDF: northwind-2026-11.pdf' });
    await viewer.waitFor();
    await expect.poll(() => viewer.getByText('Page 1 of 2').count()).toBe(1);
    // The page is really drawn: the canvas holds dark (text) pixels, not a blank sheet.
    const inked = () =>
      viewer.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark++;
        return dark;
      });
    await expect.poll(inked).toBeGreaterThan(500);
    await viewer.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => viewer.getByText('Page 2 of 2').count()).toBe(1);
    await expect.poll(inked).toBeGreaterThan(200);
    await viewer.getByRole('button', { name: 'Previous page' }).click();

    const form = page.getByRole('form', { name: 'Invoice entered by hand' });
    // Suggestions are offered, never filled in by themselves.
    await form.getByRole('button', { name: 'Use account number 88-1200-7' }).waitFor();
    expect(await form.getByLabel('Account number', { exact: true }).inputValue()).toBe('');
    await session.screenshot('manual-invoice-suggestions');

    await form.getByRole('button', { name: 'Use account number 88-1200-7' }).click();
    await form.getByRole('button', { name: 'Use invoice number NW-2026-1101' }).click();
    await form.getByRole('button', { name: 'Use invoice date 2026-11-01' }).click();
    await form.getByRole('button', { name: 'Use due date 2026-11-25' }).click();
    await form.getByRole('button', { name: 'Use stated total 1259.56' }).click();
    expect(await form.getByLabel('Account number', { exact: true }).inputValue()).toBe('88-1200-7');
    expect(await form.getByLabel('Invoice date', { exact: true }).inputValue()).toBe('2026-11-01');
    await form.getByLabel('Carrier', { exact: true }).fill('Northwind Telecom');
    await form.getByLabel('Period start', { exact: true }).fill('2026-11-01');
    await form.getByLabel('Period end', { exact: true }).fill('2026-11-30');

    // Saving an incomplete form says what is missing, field by field.
    await form.getByRole('button', { name: 'Save invoice' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('Enter at least one charge line.');

    const status = form.getByRole('status');
    await form.getByLabel('Line 1 description', { exact: true }).fill('Monthly recurring charges');
    await form.getByLabel('Line 1 amount', { exact: true }).fill('1,100.00');
    await expect
      .poll(() => status.textContent())
      .toBe('Lines add up to $1,100.00: $159.56 less than the stated total of $1,259.56.');
    await form.getByRole('button', { name: 'Add a line' }).click();
    await form.getByLabel('Line 2 category', { exact: true }).selectOption({ label: 'Taxes' });
    await form.getByLabel('Line 2 description', { exact: true }).fill('Taxes and surcharges');
    await form.getByLabel('Line 2 amount', { exact: true }).fill('144.56');
    await form.getByRole('button', { name: 'Add a line' }).click();
    await form.getByLabel('Line 3 category', { exact: true }).selectOption({ label: 'Credits' });
    await form.getByLabel('Line 3 description', { exact: true }).fill('Loyalty credit');
    await form.getByLabel('Line 3 amount', { exact: true }).fill('10.00');
    await expect
      .poll(() => status.textContent())
      .toBe('Lines add up to $1,234.56: $25.00 less than the stated total of $1,259.56.');
    await form.getByRole('button', { name: 'Add a line' }).click();
    await form.getByLabel('Line 4 category', { exact: true }).selectOption({ label: 'Late fees' });
    await form.getByLabel('Line 4 description', { exact: true }).fill('Late payment charge');
    await form.getByLabel('Line 4 amount', { exact: true }).fill('25');
    await expect
      .poll(() => status.textContent())
      .toBe('Lines add up to $1,259.56, exactly the stated total.');
    await session.screenshot('manual-invoice-balanced');
    expect(describeViolations('Enter an invoice', await seriousViolations(page))).toEqual([]);

    await form.getByRole('button', { name: 'Save invoice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice NW-2026-1101' }).waitFor();
    await expect
      .poll(() => page.getByText('Entered invoice NW-2026-1101 by hand').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('button', { name: /Download original file/ }).count())
      .toBe(1);
    expect(await page.getByRole('term').filter({ hasText: 'Entered by hand with' }).count()).toBe(
      1,
    );
    await session.screenshot('manual-invoice-detail');

    await page.reload();
    await page.goto(`${session.baseUrl}#/bills`);
    const grid = page.getByRole('grid');
    await expect
      .poll(() => grid.getByRole('gridcell', { name: 'NW-2026-1101', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => grid.getByRole('gridcell', { name: '$1,259.56', exact: true }).count())
      .toBeGreaterThan(0);
    await session.screenshot('manual-invoice-in-bills');

    // Entering the same invoice again is recognised and refused unless replaced on purpose.
    await page.getByRole('button', { name: 'Enter an invoice…' }).first().click();
    const again = page.getByRole('form', { name: 'Invoice entered by hand' });
    await again.getByLabel('Carrier', { exact: true }).fill('Northwind Telecom');
    await again.getByLabel('Account number', { exact: true }).fill('88-1200-7');
    await page.getByRole('button', { name: 'Copy last month’s invoice' }).click();
    await expect
      .poll(() => again.getByLabel('Invoice date', { exact: true }).inputValue())
      .toBe('2026-12-01');
    expect(await again.getByLabel('Line 3 amount', { exact: true }).inputValue()).toBe('10.00');
    await again.getByLabel('Invoice number', { exact: true }).fill('nw-2026-1101');
    await again.getByLabel('Stated total', { exact: true }).fill('1,259.56');
    await again.getByRole('button', { name: 'Save invoice' }).click();
    await expect
      .poll(() => again.getByRole('alert').textContent())
      .toMatch(/Invoice nw-2026-1101 of account 88-1200-7 \(Northwind Telecom\) is already stored/);
    await again.getByRole('button', { name: 'Replace the stored invoice' }).waitFor();
    await session.screenshot('manual-invoice-repeated');
    await again.getByRole('link', { name: 'Cancel' }).click();

    // The checks run over it: its late fee is a finding.
    await page.goto(`${session.baseUrl}#/findings`);
    await page.getByRole('button', { name: 'Run checks now' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Last run' }).textContent(), {
        timeout: 30_000,
      })
      .toMatch(/: 1 finding \(/);
    const findings = page.getByRole('region', { name: 'Findings', exact: true });
    await expect
      .poll(() => findings.getByRole('gridcell', { name: 'NW-2026-1101', exact: true }).count())
      .toBe(1);
    await session.screenshot('manual-invoice-findings');

    // The chargeback allocates it.
    await page.goto(`${session.baseUrl}#/chargeback`);
    const check = page.getByRole('region', { name: 'Reconciliation check' });
    await expect
      .poll(() => check.textContent(), { timeout: 30_000 })
      .toContain('invoices $1,259.56');
    await session.screenshot('manual-invoice-chargeback');

    // The dashboard counts it.
    await page.goto(`${session.baseUrl}#/dashboard`);
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 30_000 })
      .toContain('$1,259.56');
    await session.screenshot('manual-invoice-dashboard');

    expect(session.externalRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('copies last month of an account with inventory: lines by service, saved, then undone', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await loadSampleCompany(page);
    const company = sampleCompanyOf(session);
    const account = company.accounts.find((a) => a.id === ACCOUNT_IDS.lumenVoice);
    const carrier = company.carriers.find((c) => c.id === account?.carrierId);
    if (!account || !carrier) throw new Error('The sample company has no Lumen voice account.');

    await page.getByRole('button', { name: 'Enter an invoice…' }).first().click();
    const form = page.getByRole('form', { name: 'Invoice entered by hand' });
    await form.getByLabel('Carrier', { exact: true }).fill(carrier.name);
    await form.getByLabel('Account number', { exact: true }).fill(account.accountNumber);
    await page.getByRole('button', { name: 'Copy last month’s invoice' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Copied invoice' }).count())
      .toBe(1);
    expect(await form.getByRole('radio', { name: 'By service' }).isChecked()).toBe(true);
    expect(await form.getByLabel('Invoice number', { exact: true }).inputValue()).toBe('');
    // The copied lines name the inventory's services in the picker.
    const service = await form.getByLabel('Line 1 service', { exact: true }).inputValue();
    expect(company.services.some((s) => s.serviceIdRaw === service)).toBe(true);

    const status = form.getByRole('status');
    const sum = /^Lines add up to (\$[\d,]+\.\d{2}); enter the stated total/.exec(
      (await status.textContent()) ?? '',
    )?.[1];
    if (sum === undefined) throw new Error(`No running sum in "${await status.textContent()}"`);
    await form.getByLabel('Invoice number', { exact: true }).fill('LUMEN-BY-HAND-1');
    await form.getByLabel('Stated total', { exact: true }).fill(sum);
    await expect
      .poll(() => status.textContent())
      .toBe(`Lines add up to ${sum}, exactly the stated total.`);
    await session.screenshot('manual-invoice-by-service');
    await form.getByRole('button', { name: 'Save invoice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice LUMEN-BY-HAND-1' }).waitFor();
    const lines = page.getByRole('region', { name: 'Charge lines', exact: true });
    await expect
      .poll(() => lines.getByRole('gridcell', { name: service, exact: true }).count())
      .toBeGreaterThan(0);

    // Undo takes the saved invoice away again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.getByText('Undone: Entered invoice LUMEN-BY-HAND-1 by hand').count())
      .toBeGreaterThan(0);
    await page.goto(`${session.baseUrl}#/bills`);
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(2);
    await page.getByLabel('Search invoices').fill('LUMEN-BY-HAND-1');
    await expect
      .poll(() => grid.getByRole('gridcell', { name: 'LUMEN-BY-HAND-1', exact: true }).count())
      .toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('in the desktop app, File → Enter an invoice… takes a paper bill and keeps what was typed as its original', async () => {
    session = await openApp({
      hash: '#/dashboard',
      bridge: { fileName: 'scan-notes.txt', text: 'not a PDF' },
    });
    const { page } = session;
    await page.evaluate(() => window.__menu?.('enter-invoice'));
    await page.getByRole('heading', { level: 1, name: 'Enter an invoice' }).waitFor();
    // Only a PDF is shown as the bill.
    await page.getByRole('button', { name: 'Attach the bill PDF…' }).click();
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'scan-notes.txt is not a PDF.' }).count(),
      )
      .toBe(1);

    const form = page.getByRole('form', { name: 'Invoice entered by hand' });
    await form.getByLabel('Carrier', { exact: true }).fill('Acme Local Phone');
    await form.getByLabel('Account number', { exact: true }).fill('ALP-0042');
    await form.getByLabel('Invoice number', { exact: true }).fill('2026-11');
    await form.getByLabel('Invoice date', { exact: true }).fill('2026-11-03');
    await form.getByLabel('Due date', { exact: true }).fill('2026-10-30');
    await form.getByLabel('Stated total', { exact: true }).fill('$89.90');
    await form.getByLabel('Line 1 amount', { exact: true }).fill('89.9O');
    await form.getByRole('button', { name: 'Save invoice' }).click();
    const problems = form.getByRole('alert');
    await expect
      .poll(() => problems.textContent())
      .toContain('The due date (2026-10-30) is before the invoice date (2026-11-03).');
    expect(await problems.textContent()).toContain('Line 1: ');
    expect(
      await form.getByLabel('Line 1 amount', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await form.getByLabel('Due date', { exact: true }).fill('2026-11-28');
    await form.getByLabel('Line 1 amount', { exact: true }).fill('89.90');
    await expect.poll(() => problems.count()).toBe(0);
    await form.getByRole('button', { name: 'Save invoice' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice 2026-11' }).waitFor();
    await page.getByRole('button', { name: /Download original file/ }).click();
    await expect
      .poll(() => page.evaluate(() => window.__saved?.suggestedName))
      .toBe('entered-by-hand-Acme-Local-Phone-ALP-0042-2026-11.csv');
    expect(session.consoleErrors).toEqual([]);
  });
});
