/**
 * Where keyboard focus goes when the control that had it is removed: opening the contract form
 * (its heading), cancelling or saving it (the contract's heading), and replacing the data with a
 * backup (the result). It once fell to the page's body, so a keyboard user started over from the
 * top and a screen reader said nothing.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { acmeBackupFile, offerBackup } from './backup-offer';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** The focused element: its tag and text, `body` when focus is lost. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return 'body';
    return `${active.tagName.toLowerCase()} ${(active.textContent ?? '').trim()}`;
  });
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
});
