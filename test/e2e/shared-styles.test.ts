/**
 * Controls every page uses are styled on a fresh load of any page: the selected tab stands out and
 * a danger button is red, without the Inventory page (whose stylesheet once held them) being
 * opened first.
 */
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { acmeBackupFile, offerBackup } from './backup-offer';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

/** The computed styles that set a control apart. */
function looks(control: Locator) {
  return control.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      background: style.backgroundColor,
      fontWeight: style.fontWeight,
      border: style.borderTopColor,
    };
  });
}

describe('shared controls on a fresh load', () => {
  it('the selected tab of Contracts looks selected', async () => {
    session = await openApp({ hash: '#/contracts' });
    const { page } = session;
    const tabs = page.getByRole('tablist', { name: 'Contract views' });
    const selected = tabs.getByRole('tab', { selected: true });
    const other = tabs.getByRole('tab', { selected: false }).first();
    await selected.waitFor();
    const [on, off] = [await looks(selected), await looks(other)];
    expect(on.fontWeight).toBe('600');
    expect(off.fontWeight).toBe('400');
    expect(on.background).not.toBe(off.background);
    expect(on.border).not.toBe(off.border);
    expect(session.consoleErrors).toEqual([]);
  });

  it('a danger button on Settings is not an ordinary button', async () => {
    session = await openApp({ hash: '#/settings' });
    const { page } = session;
    const summary = await offerBackup(page, acmeBackupFile());
    const danger = summary.getByRole('button', { name: 'Replace my data with this backup' });
    const ordinary = page.getByRole('button', { name: 'Download backup' });
    expect((await looks(danger)).background).not.toBe((await looks(ordinary)).background);
    expect(session.consoleErrors).toEqual([]);
  });
});
