import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  billsLink,
  contractLink,
  findingsLink,
  inventoryLink,
  renewalsLink,
  savingsLink,
} from '../../renderer/app/links';
import { dueState } from '../../shared/billing/invoice-rows';
import { addMonthsToMonth, endOfMonth, startOfMonth } from '../../shared/dates';
import {
  loadSampleCompany,
  openApp,
  sampleCompanyOf,
  sampleLastMonthOf,
  type AppSession,
} from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** Opens a link as a fresh start of the app would (a bookmark, a reload): the profile keeps the data. */
async function openLink(app: AppSession, hash: string): Promise<void> {
  await app.page.goto(new URL(hash, app.baseUrl).toString());
  await app.page.reload();
}

/** The drill-down notice: a status saying what is filtered, ending with a "Show all …" link. */
function notice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^Showing .* — [\d,]+ \w+\. Show all \w+$/ });
}

async function numberIn(locator: Locator, pattern: RegExp): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  return Number(pattern.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
}

/** The texts of one column's rendered cells (AG Grid renders the rows in view). */
async function column(grid: Locator, colId: string): Promise<string[]> {
  return grid.locator(`[role="gridcell"][col-id="${colId}"]`).allTextContents();
}

describe('drill-down links in Chromium', () => {
  it('opens Bills filtered by carrier, invoice months and due state, and shows all again', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page, today } = session;
    // Months of the sample as the page generated it: its last ten billed months.
    const to = sampleLastMonthOf(session);
    const from = addMonthsToMonth(to, -9);
    // Which of them are overdue or due soon on the page's today: the app marks every sample
    // invoice before its account's latest month paid, so only each account's latest bill can be
    // (last month's for an account whose bill day has not come yet this month).
    const { expectedTotals } = sampleCompanyOf(session);
    const monthOf = (t: { invoiceDate: string }) => t.invoiceDate.slice(0, 7);
    const latest = new Map<string, string>();
    for (const t of expectedTotals)
      if (monthOf(t) > (latest.get(t.accountNumber) ?? '')) latest.set(t.accountNumber, monthOf(t));
    const expectedDue = expectedTotals.filter(
      (t) =>
        t.carrier === 'verizon' &&
        monthOf(t) === latest.get(t.accountNumber) &&
        monthOf(t) >= from &&
        t.dueDate !== null &&
        ['overdue', 'due-soon'].includes(
          dueState({ dueDate: t.dueDate, status: 'received' }, today),
        ),
    ).length;
    await loadSampleCompany(page);
    const heading = page.getByRole('heading', { name: /^Invoices \([\d,]+\)$/ });
    const invoices = () => numberIn(heading, /\(([\d,]+)\)/);
    await expect.poll(invoices).toBeGreaterThan(50);
    const total = await invoices();
    const grid = page.getByRole('region', { name: 'Invoices', exact: true });

    await openLink(
      session,
      billsLink({
        carrierId: 'verizon',
        from,
        to,
        due: ['overdue', 'due-soon'],
      }),
    );
    await expect
      .poll(() => notice(page).textContent())
      .toMatch(
        new RegExp(
          `^Showing Verizon Wireless’s invoices from ${from} to ${to} that are overdue or due soon — \\d+ invoices?\\. Show all invoices$`,
        ),
      );
    const due = await invoices();
    expect(due).toBe(expectedDue);
    expect(due).toBeLessThan(total);
    expect(await numberIn(notice(page), /— (\d+) invoice/)).toBe(due);
    await expect.poll(() => column(grid, 'carrier')).toEqual(Array(due).fill('Verizon Wireless'));
    for (const cell of await column(grid, 'dueDate')) expect(cell).toMatch(/· (Overdue|Due soon)$/);
    await session.screenshot('drilldown-bills-due');

    // Months only: every Verizon invoice of those ten months, paid or not.
    await openLink(session, billsLink({ carrierId: 'verizon', from, to }));
    await expect
      .poll(() => notice(page).textContent())
      .toMatch(
        new RegExp(`^Showing Verizon Wireless’s invoices from ${from} to ${to} — \\d+ invoices\\.`),
      );
    const months = await invoices();
    expect(months).toBeGreaterThan(due);
    for (const date of await column(grid, 'invoiceDate')) {
      expect(date >= startOfMonth(from) && date <= endOfMonth(to), date).toBe(true);
    }

    // The dashboard chart's older link still works.
    await openLink(session, `#/bills/filter/lumen/${to}`);
    await expect
      .poll(() => notice(page).textContent())
      .toMatch(
        new RegExp(`^Showing Lumen’s invoices of ${to} — \\d invoices?\\. Show all invoices$`),
      );

    await notice(page).getByRole('link', { name: 'Show all invoices' }).click();
    await expect.poll(invoices).toBe(total);
    expect(await notice(page).count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('opens Findings with the filters set, lets the user change them, and opens the savings tracker', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    // Periods of the sample as the page generated it: all of them, then its last two months.
    const endMonth = sampleLastMonthOf(session);
    const from = addMonthsToMonth(endMonth, -21);
    const previous = addMonthsToMonth(endMonth, -1);
    await loadSampleCompany(page);
    const lastRun = page.getByRole('status').filter({ hasText: 'Last run' });
    await expect
      .poll(() => numberIn(lastRun, /: (\d+) findings/), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(30);
    const shown = page
      .getByLabel('Money at stake in the findings shown')
      .locator('.tile')
      .filter({ hasText: 'Findings shown' })
      .locator('dd');
    const count = () => numberIn(shown, /^([\d,]+)$/);
    const total = await count();
    const grid = page.getByRole('region', { name: 'Findings', exact: true });
    const filters = page.getByRole('group', { name: 'Filter findings' });

    await openLink(
      session,
      findingsLink({
        ruleId: 'rate-mismatch',
        carrierId: 'lumen',
        status: 'open-or-disputed',
        from,
        to: endMonth,
      }),
    );
    await expect
      .poll(() => notice(page).textContent(), { timeout: 30_000 })
      .toMatch(
        new RegExp(
          `^Showing open or disputed “Billed above the contract rate” findings of Lumen for periods ${from} to ${endMonth} — \\d+ findings?\\. Show all findings$`,
        ),
      );
    const linked = await count();
    expect(linked).toBeGreaterThanOrEqual(1);
    expect(linked).toBeLessThan(total);
    expect(await numberIn(notice(page), /— (\d+) finding/)).toBe(linked);
    // The filters bar shows what the link set, and the grid follows it.
    expect(await filters.getByLabel('Rule').inputValue()).toBe('rate-mismatch');
    expect(await filters.getByLabel('Carrier').inputValue()).toBe('lumen');
    expect(await filters.getByLabel('Status').inputValue()).toBe('open-or-disputed');
    expect(await filters.getByLabel('Period from').inputValue()).toBe(from);
    expect(await filters.getByLabel('Period to').inputValue()).toBe(endMonth);
    await expect.poll(() => column(grid, 'carrier')).toEqual(Array(linked).fill('Lumen'));
    for (const rule of await column(grid, 'rule'))
      expect(rule).toBe('Billed above the contract rate');
    for (const status of await column(grid, 'status')) expect(status).toMatch(/^(Open|Disputed)$/);
    await session.screenshot('drilldown-findings');

    // The user can still change the filters; the notice follows.
    await filters.getByLabel('Carrier').selectOption('');
    await expect
      .poll(() => notice(page).textContent())
      .toMatch(/^Showing open or disputed “Billed above the contract rate” findings for periods/);
    expect(await count()).toBeGreaterThan(linked);

    // Open or disputed over a period range, any rule or carrier.
    await openLink(
      session,
      findingsLink({ status: 'open-or-disputed', from: previous, to: endMonth }),
    );
    await expect
      .poll(() => notice(page).textContent(), { timeout: 30_000 })
      .toMatch(
        new RegExp(
          `^Showing open or disputed findings for periods ${previous} to ${endMonth} — \\d+ findings?`,
        ),
      );
    for (const period of await column(grid, 'period'))
      expect([previous, endMonth]).toContain(period);

    await notice(page).getByRole('link', { name: 'Show all findings' }).click();
    await expect.poll(count).toBe(total);
    expect(await notice(page).count()).toBe(0);
    expect(await filters.getByLabel('Status').inputValue()).toBe('');

    await openLink(session, savingsLink());
    await expect
      .poll(() => page.getByRole('tab', { name: 'Savings tracker', selected: true }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => page.getByLabel('Savings to date').count()).toBe(1);
    await session.screenshot('drilldown-savings');
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('opens Inventory at a site, filtered to a cost center, service type and carrier', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    const heading = page.getByRole('heading', { name: /^.+ — [\d,]+ services$/ });
    const services = () => numberIn(heading, /— ([\d,]+) services$/);
    await expect.poll(services).toBeGreaterThan(100);
    const total = await services();
    const grid = page.getByRole('region', { name: 'Services', exact: true });
    const sites = page.getByRole('navigation', { name: 'Sites' });

    // HQ (site-0001) is charged to IT Infrastructure (cc-01, code 0045250140).
    await openLink(
      session,
      inventoryLink({
        siteId: 'site-0001',
        costCenterId: 'cc-01',
        serviceType: 'mobile-line',
        carrierId: 'verizon',
      }),
    );
    await expect
      .poll(() => notice(page).textContent())
      .toMatch(
        /^Showing Mobile line services of Verizon Wireless at HQ · Headquarters charged to 0045250140 · IT Infrastructure — \d+ services?\. Show all services$/,
      );
    await expect.poll(() => heading.textContent()).toMatch(/^HQ — \d+ services$/);
    const linked = await services();
    expect(linked).toBeGreaterThanOrEqual(1);
    expect(linked).toBeLessThan(total);
    expect(await numberIn(notice(page), /— (\d+) service/)).toBe(linked);
    expect(await sites.getByRole('button', { name: /^HQ/, pressed: true }).count()).toBe(1);
    const carriers = await column(grid, 'carrier');
    expect(carriers.length).toBe(Math.min(linked, carriers.length));
    expect(new Set(carriers)).toEqual(new Set(['Verizon Wireless']));
    expect(new Set(await column(grid, 'type'))).toEqual(new Set(['Mobile line']));
    expect(new Set(await column(grid, 'chargedTo'))).toEqual(new Set(['0045250140']));
    await session.screenshot('drilldown-inventory');

    // A cost center across every site: the service's own, else its site's, else its account's.
    await openLink(session, inventoryLink({ costCenterId: 'cc-01' }));
    await expect
      .poll(() => notice(page).textContent())
      .toMatch(/^Showing services charged to 0045250140 · IT Infrastructure — [\d,]+ services\./);
    await expect.poll(() => heading.textContent()).toMatch(/^All sites — [\d,]+ services$/);
    const charged = await services();
    expect(charged).toBeGreaterThan(linked);
    expect(charged).toBeLessThan(total);
    expect(new Set(await column(grid, 'chargedTo'))).toEqual(new Set(['0045250140']));

    await notice(page).getByRole('link', { name: 'Show all services' }).click();
    await expect.poll(services).toBe(total);
    expect(await notice(page).count()).toBe(0);
    expect(await sites.getByRole('button', { name: /^All sites/, pressed: true }).count()).toBe(1);
    expect(session.consoleErrors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
  });

  it('opens a contract’s detail and the renewals view', async () => {
    session = await openApp({ hash: '#/contracts' });
    const { page } = session;
    await loadSampleCompany(page);
    const renewals = page.getByRole('heading', { name: 'Renewals by notice deadline' });
    await expect.poll(() => renewals.count()).toBe(1);

    await openLink(session, contractLink('ctr-vzw-2024'));
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: 'Verizon Wireless Major Account Agreement', level: 2 })
          .count(),
      )
      .toBe(1);
    await session.screenshot('drilldown-contract');

    // From another tab, the renewals link (followed in the open app) brings the renewals back.
    await page.getByRole('button', { name: '← All contracts' }).click();
    await page.getByRole('tab', { name: 'All contracts' }).click();
    await expect.poll(() => renewals.count()).toBe(0);
    await page.evaluate((hash) => (window.location.hash = hash), renewalsLink());
    await expect
      .poll(() => page.getByRole('tab', { name: 'Renewals', selected: true }).count())
      .toBe(1);
    await expect.poll(() => renewals.count()).toBe(1);
    await openLink(session, renewalsLink());
    await expect.poll(() => renewals.count()).toBe(1);
    await session.screenshot('drilldown-renewals');
    expect(session.consoleErrors).toEqual([]);
  });
});
