import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe';
import { loadSampleCompany, openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** Goes to a hash the way a link does (no reload) and waits for what says the page is there. */
async function go(page: Page, hash: string, ready: Locator): Promise<void> {
  await page.evaluate((to) => {
    window.location.hash = to;
  }, hash);
  await ready.first().waitFor({ timeout: 30_000 });
}

async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await go(page, '#/settings', page.getByRole('radio', { name: theme }));
  await page.getByRole('radio', { name: theme }).check();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? ''))
    .toBe(theme.toLowerCase());
}

/** Every tab of the page's tab list, one after the other, each checked once it shows. */
async function eachTab(page: Page, list: string, check: (tab: string) => Promise<void>) {
  const tabs = page.getByRole('tablist', { name: list }).getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    await check(name);
  }
}

describe('accessibility (axe-core) with the sample company', () => {
  it('has no serious or critical violation in any section, tab or main form, light and dark', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await loadSampleCompany(page);
    const problems: string[] = [];
    const screenshotted = new Set<string>();
    let theme = 'light';
    const check = async (where: string) => {
      // Let AG Grid and Chart.js settle (they deliver after a timer on the pinned clock).
      await page.waitForTimeout(300);
      problems.push(...describeViolations(`${theme}] [${where}`, await seriousViolations(page)));
      const shot = `a11y-${theme}-${where.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      if (!screenshotted.has(shot)) {
        screenshotted.add(shot);
        await session?.screenshot(shot);
      }
    };

    for (const name of ['Light', 'Dark'] as const) {
      await setTheme(page, name);
      theme = name.toLowerCase();
      await check('Settings');

      await go(
        page,
        '#/dashboard',
        page.getByRole('figure', { name: /^Billed by month and carrier/ }),
      );
      await check('Dashboard');
      await go(
        page,
        '#/dashboard/report',
        page.getByRole('heading', { name: 'Billing errors and recoveries' }),
      );
      await check('Monthly report');

      await go(page, '#/bills', page.getByRole('heading', { name: /^Invoices \(\d+\)$/ }));
      await check('Bills');
      const invoices = page.getByRole('region', { name: 'Invoices', exact: true });
      await invoices.locator('[role="gridcell"][col-id="invoiceNumber"]').first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^Charge lines \(/ }).waitFor();
      await check('Invoice');

      await go(page, '#/inventory', page.getByRole('tablist', { name: 'Inventory views' }));
      await eachTab(page, 'Inventory views', (tab) => check(`Inventory ${tab}`));
      await page.getByRole('tab', { name: 'Services', exact: true }).click();
      const services = page.getByRole('region', { name: 'Services', exact: true });
      await services.locator('[role="gridcell"][col-id="serviceIdRaw"]').first().focus();
      await page.keyboard.press('Alt+Enter');
      await page.getByRole('complementary').first().waitFor();
      await check('Inventory service detail');
      await page.getByRole('button', { name: 'Add service…' }).click();
      await check('Inventory add service');
      await page.getByRole('button', { name: 'Import inventory…' }).first().click();
      await check('Inventory import');

      await go(page, '#/contracts', page.getByRole('tablist', { name: 'Contract views' }));
      await eachTab(page, 'Contract views', (tab) => check(`Contracts ${tab}`));
      await page.getByRole('button', { name: 'New contract…' }).click();
      await check('Contracts new contract');

      await go(page, '#/findings', page.getByRole('tablist', { name: 'Findings views' }));
      await eachTab(page, 'Findings views', (tab) => check(`Findings ${tab}`));
      await page.getByRole('tab', { name: 'Findings', exact: true }).click();
      const findings = page.getByRole('region', { name: 'Findings', exact: true });
      await findings.locator('[role="gridcell"][col-id="rule"]').first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: /: \$/ }).waitFor();
      await check('Finding detail');
      // A dispute covers one carrier account: two findings of the sample's Comcast account.
      await page
        .getByRole('group', { name: 'Filter findings' })
        .getByLabel('Account')
        .selectOption('8495 35 291 4115544');
      const boxes = findings.getByRole('checkbox', { name: /^Select finding / });
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByRole('button', { name: 'Create dispute from 2 selected…' }).click();
      await page.getByRole('form', { name: /^New dispute/ }).waitFor();
      await check('Findings new dispute');

      await go(page, '#/chargeback', page.getByRole('tablist', { name: 'Chargeback views' }));
      await eachTab(page, 'Chargeback views', (tab) => check(`Chargeback ${tab}`));
      await page.getByRole('tab', { name: 'Rules and settings', exact: true }).press('Enter');
      await page.getByRole('button', { name: 'Add a split…' }).press('Enter');
      await check('Chargeback new split rule');
    }

    expect(problems).toEqual([]);
  }, 600_000);
});
