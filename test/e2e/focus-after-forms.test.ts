/**
 * Where keyboard focus goes when the control that had it is removed: opening the contract form
 * (its heading), cancelling or saving it (the contract's heading), replacing the data with a
 * backup (the result), Set up from files and its Import, opening and deleting an invoice, a
 * finding's details (Escape, Save status), the New dispute form and its refusals, and Add to
 * inventory. It once fell to the page's body, so a keyboard user started over from the top and a
 * screen reader said nothing.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SETUP_FIXTURES } from '../helpers/setup-files';
import { acmeBackupFile, offerBackup } from './backup-offer';
import { focused, openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** Whether the focused element is marked invalid and described by the text `description`. */
function focusedInvalid(page: Page): Promise<{ invalid: string | null; description: string }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const described = (active?.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    return { invalid: active?.getAttribute('aria-invalid') ?? null, description: described };
  });
}

/** Loads the sample company on the Findings page; its findings grid once the checks have run. */
async function sampleFindings(page: Page): Promise<Locator> {
  await loadSampleCompany(page);
  const grid = page.getByRole('region', { name: 'Findings', exact: true });
  await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(10);
  return grid;
}

/** Presses Enter on a button, as a keyboard user does. */
async function press(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  await button.press('Enter');
}

describe('focus after a form or panel closes', () => {
  it('goes to the contract form’s heading, then back to the contract’s', async () => {
    session = await openApp({ hash: '#/contracts' });
    const { page, today } = session;
    await loadSampleCompany(page);

    await press(page, 'New contract…');
    await expect.poll(() => focused(page)).toBe('h2 New contract');
    const form = page.getByRole('form', { name: 'New contract' });
    await form.getByLabel('Name', { exact: true }).fill('Focus test 2026');
    await form.getByLabel('Start date', { exact: true }).fill(today);
    await press(page, 'Save contract');
    await expect.poll(() => focused(page)).toBe('h2 Focus test 2026');

    await press(page, 'Edit contract…');
    await expect.poll(() => focused(page)).toBe('h2 Edit Focus test 2026');
    await press(page, 'Cancel');
    await expect.poll(() => focused(page)).toBe('h2 Focus test 2026');
    expect(session.consoleErrors).toEqual([]);
  });

  it('goes to the result after replacing the data with a backup, and back after Cancel', async () => {
    const file = acmeBackupFile();
    session = await openApp({ hash: '#/settings' });
    const { page } = session;
    const offer = () => offerBackup(page, file, (button) => button.press('Enter'));

    await offer();
    await press(page, 'Cancel');
    await expect.poll(() => focused(page)).toBe('button Restore from backup…');

    await offer();
    await press(page, 'Replace my data with this backup');
    await expect.poll(() => focused(page)).toBe('div Restored from acme.temdesk.');
    expect(session.consoleErrors).toEqual([]);
  });

  it('goes to the set-up panel’s heading from the Dashboard’s link, then to what Import did', async () => {
    session = await openApp();
    const { page } = session;
    const empty = page.getByRole('region', { name: 'Your telecom spend will appear here' });
    await empty.getByRole('link', { name: 'Set up from files…' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('h2 Set up from files');

    const setup = page.getByRole('region', { name: 'Set up from files' });
    const chooser = page.waitForEvent('filechooser');
    await setup.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(join(SETUP_FIXTURES, 'cost-centers.csv'));
    await press(page, 'Import 3 cost centers');
    await expect.poll(() => focused(page)).toMatch(/^p Set up done: 3 cost centers/);
    expect(session.consoleErrors).toEqual([]);
  });

  it('goes to the invoice’s heading when Enter opens it, and to the Bills heading when it is deleted', async () => {
    session = await openApp({ hash: '#/bills' });
    const { page } = session;
    await loadSampleCompany(page);
    const invoices = page.getByRole('region', { name: 'Invoices', exact: true });
    await invoices.locator('[role="gridcell"][col-id="invoiceNumber"]').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^h1 Invoice \S+$/);

    // Asked first: the question takes the focus, Keep this invoice gives it back to the button.
    await press(page, 'Delete invoice…');
    await expect.poll(() => focused(page)).toMatch(/^p Delete invoice \S+ \(\$[\d,.]+\)\?$/);
    await press(page, 'Keep this invoice');
    await expect.poll(() => focused(page)).toBe('button Delete invoice…');
    await press(page, 'Delete invoice…');
    await press(page, 'Yes, delete this invoice');
    await expect.poll(() => focused(page)).toBe('h1 Bills');
    expect(session.consoleErrors).toEqual([]);
  });

  it('closes a finding’s details with Escape, back to its row, and goes to its heading after Save status', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    const grid = await sampleFindings(page);
    const cell = grid.locator('[role="gridcell"][col-id="rule"]').first();
    await cell.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: /: \$/ });
    await detail.waitFor();
    const title = (await detail.getByRole('heading', { level: 2 }).textContent()) ?? '';

    await detail.getByLabel('Note').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    await expect.poll(() => cell.evaluate((e) => e === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await detail.getByLabel('New status').selectOption('dismissed');
    // Dismissed with no note: refused, the note field marked, described by why and focused.
    await press(page, 'Save status');
    await expect
      .poll(() => focusedInvalid(page))
      .toEqual({
        invalid: 'true',
        description:
          'Say in the note why it is dismissed: it stays in the finding’s history, for whoever reviews it later.',
      });
    await page.keyboard.type('Agreed with the carrier');
    await press(page, 'Save status');
    await expect
      .poll(() => detail.getByRole('listitem').last().textContent())
      .toContain('Dismissed: Agreed with the carrier');
    await expect.poll(() => focused(page)).toBe(`h2 ${title}`);
    expect(session.consoleErrors).toEqual([]);
  });

  it('goes to a new dispute’s heading, to a refused field (tied to its error), then to what Open dispute did', async () => {
    session = await openApp({ hash: '#/findings' });
    const { page } = session;
    const grid = await sampleFindings(page);
    await page
      .getByRole('group', { name: 'Filter findings' })
      .getByLabel('Rule')
      .selectOption('late-fee');
    await grid
      .getByRole('checkbox', { name: /^Select finding / })
      .first()
      .check();
    await press(page, 'Create dispute from 1 selected…');
    await expect.poll(() => focused(page)).toMatch(/^h2 New dispute: /);

    const form = page.getByRole('form', { name: /^New dispute/ });
    const credit = form.getByLabel('Expected credit (blank = the claim)');
    await credit.fill('Pat Gomez, Lumen billing');
    await press(page, 'Open dispute');
    await expect.poll(() => credit.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await focusedInvalid(page)).toEqual({
      invalid: 'true',
      description: expect.stringMatching(/^Expected credit: /),
    });
    await session.screenshot('focus-dispute-credit-refused');

    await credit.fill('');
    await press(page, 'Open dispute');
    await expect.poll(() => focused(page)).toMatch(/^p Disputed 1 finding \(/);
    expect(session.consoleErrors).toEqual([]);
  });

  it('goes to the next unmatched row after Add to inventory', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    await page.getByRole('tab', { name: 'Unmatched and not billed' }).click();
    const unmatched = page.getByRole('region', { name: /Billed but not in the inventory/ });
    const adds = unmatched.getByRole('button', { name: /^Add or map / });
    await expect.poll(() => adds.count()).toBeGreaterThan(1);
    const second = (await adds.nth(1).getAttribute('aria-label')) ?? '';
    await adds.first().focus();
    await adds.first().press('Enter');
    // No site is picked for the user: the keyboard user picks one first.
    const site = page.getByRole('group', { name: /to the inventory/ }).getByLabel('Site');
    if ((await site.inputValue()) === '') await site.selectOption({ index: 1 });
    await press(page, 'Add to inventory');
    await expect.poll(() => focused(page)).toBe(`button ${second}`);
    expect(session.consoleErrors).toEqual([]);
  });
});
