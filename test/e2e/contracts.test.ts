import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { contractEndDate, icsDate } from '../../shared/contracts';
import { findIcsComponents, icsValue, parseIcs } from '../helpers/ics';
import { addDays, addMonths } from '../../shared/dates';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const event = page.waitForEvent('download');
  await click();
  const path = join(mkdtempSync(join(tmpdir(), 'temdesk-contracts-')), 'file');
  await (await event).saveAs(path);
  return path;
}

describe('contracts in Chromium', () => {
  it('creates a contract with a rate card and a signed PDF, counts down to its notice deadline, and exports it to a calendar', async () => {
    session = await openApp({ hash: '#/contracts' });
    const { page, today } = session;
    await loadSampleCompany(page);

    // Dates relative to the page's today: the notice deadline falls 70 days out (inside the
    // 90-day window).
    const start = addMonths(today, -9);
    const endDate = addDays(today, 100);
    const deadline = addDays(endDate, -30);

    await page.getByRole('button', { name: 'New contract…' }).click();
    const form = page.getByRole('form', { name: 'New contract' });
    await form.getByLabel('Carrier', { exact: true }).selectOption({ label: 'Lumen' });
    await form.getByLabel('Name', { exact: true }).fill('Lumen SIP trunks 2026');
    await form.getByLabel('Contract number').fill('LUM-SIP-7788');
    await form.getByLabel('Start date', { exact: true }).fill(start);
    await form.getByLabel('Term (months)', { exact: true }).fill('12');
    await expect
      .poll(() => form.getByLabel('End date', { exact: true }).inputValue())
      .toBe(contractEndDate(start, 12));
    await form.getByLabel('End date', { exact: true }).fill(endDate);
    await form.getByLabel('Notice period (days)').fill('30');
    await form.getByLabel('MARC — minimum annual commitment ($)').fill('24,000.00');
    await form.getByRole('checkbox', { name: /^5-/ }).first().check();

    await form.getByRole('button', { name: 'Add a rate' }).click();
    await form.getByLabel('Rate 1 plan or service type').fill('SIP trunk 10 paths');
    await form.getByLabel('Rate 1 monthly rate').fill('abc');
    // A second rate with plan allowances: a number, unlimited, and blank (not known).
    await form.getByRole('button', { name: 'Add a rate' }).click();
    await form.getByLabel('Rate 2 plan or service type').fill('Mobile 10GB');
    await form.getByLabel('Rate 2 monthly rate').fill('35.00');
    await form.getByLabel('Rate 2 data allowance (GB)').fill('ten');
    await form.getByLabel('Rate 2 voice minutes allowance').fill('unlimited');
    await form.getByRole('button', { name: 'Save contract' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Rate 1: .*"abc"/);
    expect(await form.getByRole('alert').textContent()).toMatch(/Rate 2: .*GB.*"ten"/);
    await form.getByLabel('Rate 1 monthly rate').fill('450.00');
    await form.getByLabel('Rate 2 data allowance (GB)').fill('10');

    const chooser = page.waitForEvent('filechooser');
    await form.getByRole('button', { name: 'Attach a file…' }).click();
    const pdf = Buffer.from('%PDF-1.4\n% signed contract LUM-SIP-7788\n%%EOF\n');
    await (
      await chooser
    ).setFiles({ name: 'LUM-SIP-7788-signed.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect
      .poll(() => form.getByRole('list', { name: 'Files to attach' }).textContent())
      .toContain('LUM-SIP-7788-signed.pdf');
    await session.screenshot('contracts-form');
    await form.getByRole('button', { name: 'Save contract' }).click();

    // The contract opens: terms, rate card, and the PDF downloads byte for byte.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Lumen SIP trunks 2026', level: 2 }).count())
      .toBe(1);
    const contractId = decodeURIComponent(page.url().split('#/contracts/')[1] ?? '');
    expect(contractId).toMatch(/^contract-/);
    const rateCard = page.getByRole('table', { name: 'Rate card (2)' });
    await expect.poll(() => rateCard.textContent()).toContain('$450.00');
    const mobile = rateCard.getByRole('row', { name: /Mobile 10GB/ });
    expect(await mobile.textContent()).toContain('10 GB · unlimited min');
    expect(await mobile.textContent()).not.toContain('msgs');
    const saved = await download(page, () =>
      page.getByRole('button', { name: 'LUM-SIP-7788-signed.pdf', exact: true }).click(),
    );
    expect(readFileSync(saved).equals(pdf)).toBe(true);
    await session.screenshot('contracts-detail');

    // Renewals: our contract with its countdown and alert window.
    await page.getByRole('button', { name: '← All contracts' }).click();
    const renewals = page.getByRole('table', { name: /Contracts ordered by notice deadline/ });
    const row = renewals.getByRole('row', { name: /Lumen SIP trunks 2026/ });
    await expect.poll(() => row.textContent()).toContain(deadline);
    expect(await row.textContent()).toContain('70 days left');
    expect(await row.textContent()).toContain('Within 90 days');
    expect(await row.textContent()).toContain(`Give notice to Lumen by ${deadline}`);
    // Rows are ordered by notice deadline.
    const deadlines = (await renewals.locator('tbody tr td:nth-child(2)').allTextContents()).filter(
      (text) => /^\d{4}-\d{2}-\d{2}$/.test(text),
    );
    expect(deadlines.length).toBeGreaterThan(3);
    await session.screenshot('contracts-renewals');

    // The timeline and its table alternative.
    const timeline = page.getByRole('region', { name: 'Next 24 months' });
    await expect.poll(() => timeline.getByRole('img').count()).toBe(1);
    await timeline.getByText('Timeline as a table').click();
    const points = timeline.getByRole('table', { name: /Notice deadlines and end dates/ });
    expect(await points.getByRole('row', { name: /Lumen SIP trunks 2026/ }).count()).toBe(2);
    await timeline.screenshot({
      path: join(process.cwd(), 'test-results', 'screenshots', 'contracts-timeline.png'),
    });

    // The calendar: one event per deadline and end date, with a reminder.
    const icsPath = await download(page, () =>
      page.getByRole('button', { name: 'Export calendar (.ics)' }).click(),
    );
    const parsed = parseIcs(readFileSync(icsPath, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const events = findIcsComponents(parsed.value, 'VEVENT');
    const notice = events.find((e) => icsValue(e, 'UID') === `notice-${contractId}@temdesk.local`);
    expect(notice && icsValue(notice, 'DTSTART')).toBe(icsDate(deadline));
    expect(notice && icsValue(notice, 'SUMMARY')).toBe('Notice deadline: Lumen SIP trunks 2026');
    expect(notice?.components.map((c) => c.name)).toEqual(['VALARM']);
    const end = events.find((e) => icsValue(e, 'UID') === `end-${contractId}@temdesk.local`);
    expect(end && icsValue(end, 'DTSTART')).toBe(icsDate(endDate));

    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('deletes a contract with its files and brings it back with Undo', async () => {
    session = await openApp({ hash: '#/dashboard' });
    const { page } = session;
    await loadSampleCompany(page);
    const name = 'Verizon Wireless Major Account Agreement';
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    const renewals = page.getByRole('table', { name: /Contracts ordered by notice deadline/ });
    await renewals.waitFor();
    await expect.poll(() => renewals.getByRole('row', { name: new RegExp(name) }).count()).toBe(0);
    await session.screenshot('contracts-deleted-undo-offered');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => renewals.getByRole('row', { name: new RegExp(name) }).count()).toBe(1);
  });
});
