import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AppSession, loadSampleCompany } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('inventory in Chromium', () => {
  it('shows sites beside their services, edits in place with validation, bulk-edits, and records the lifecycle', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);

    const sites = page.getByRole('navigation', { name: 'Sites' });
    await expect.poll(() => sites.getByRole('button').count()).toBeGreaterThan(30);
    const grid = page.getByRole('region', { name: 'Services', exact: true });
    await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(10);
    await session.screenshot('inventory-all-sites');

    // Choose one site: the grid narrows to it.
    const firstSite = sites.getByRole('button', { name: /^HQ/ });
    await firstSite.click();
    await expect
      .poll(() => page.getByRole('heading', { name: /^HQ — \d+ services$/ }).count())
      .toBe(1);

    // Inline edit with validation: a bad cost is refused with a sentence, a good one is saved.
    const costCell = grid.locator('[role="gridcell"][col-id="monthlyDollars"]').first();
    await costCell.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Monthly cost:' }).count())
      .toBe(1);
    const centerCell = grid.locator('[role="gridcell"][col-id="costCenterOverride"]').first();
    await centerCell.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('NOPE');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'there is no cost center “NOPE”' }).count(),
      )
      .toBe(1);
    await costCell.dblclick();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('39.99');
    await page.keyboard.press('Enter');
    await expect.poll(() => costCell.textContent()).toBe('$39.99');

    // Bulk edit two services.
    const boxes = grid.getByRole('checkbox', { name: /toggle row selection/i });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bulk = page.getByRole('group', { name: 'Bulk edit 2 selected services' });
    await bulk.getByLabel('to').selectOption('pending-disconnect');
    await bulk.getByRole('button', { name: 'Apply to 2 services' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved 2 services' }).count())
      .toBe(1);
    await session.screenshot('inventory-bulk-edit');

    // Lifecycle on one service: move it, and see it in its history.
    await grid.locator('[role="gridcell"][col-id="serviceIdRaw"]').first().dblclick();
    const detail = page.getByRole('complementary');
    await detail.getByLabel('New site').selectOption({ index: 3 });
    await detail.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => detail.getByRole('list', { name: 'Change history' }).textContent())
      .toContain('Moved — Site:');
    await expect.poll(() => detail.getByRole('table', { name: 'Billed history' }).count()).toBe(1);
    await session.screenshot('inventory-service-detail');
    expect(session.consoleErrors).toEqual([]);
  });

  it('lists billed numbers missing from the inventory and adds one in a click; remembers column choice', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);

    await page.getByRole('tab', { name: 'Unmatched and not billed' }).click();
    const unmatched = page.getByRole('region', { name: /Billed but not in the inventory/ });
    await expect
      .poll(() => unmatched.getByRole('button', { name: /Add or map \(555\) 900-00/ }).count())
      .toBe(3);
    await session.screenshot('inventory-unmatched');
    await unmatched
      .getByRole('button', { name: /Add or map \(555\) 900-00/ })
      .first()
      .click();
    const dialog = page.getByRole('group', { name: /to the inventory/ });
    // No site is picked for the user: a quick "Add" asks for one, on the field.
    const site = dialog.getByLabel('Site');
    expect(await site.inputValue()).toBe('');
    const codes = (await site.locator('option').allTextContents()).slice(1);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b)));
    await dialog.getByRole('button', { name: 'Add to inventory' }).click();
    await expect.poll(() => site.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await site.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'Choose the site this line is at.',
    );
    await session.screenshot('inventory-add-from-bill');
    await site.selectOption({ index: 1 });
    await expect.poll(() => site.getAttribute('aria-invalid')).toBe(null);
    await dialog.getByRole('button', { name: 'Add to inventory' }).click();
    await expect
      .poll(() => unmatched.getByRole('button', { name: /Add or map \(555\) 900-00/ }).count())
      .toBe(2);

    await page.getByRole('tab', { name: 'Services' }).click();
    await page.getByText('Columns', { exact: true }).click();
    // The chooser follows the grid's column events, which AG Grid delivers after a timer: click,
    // then wait for the box to follow (`uncheck()` checks at once and races the timer).
    const department = page.getByRole('checkbox', { name: 'Department' });
    await department.click();
    await expect.poll(() => department.isChecked()).toBe(false);
    await expect.poll(() => page.getByRole('columnheader', { name: 'Department' }).count()).toBe(0);
    await page.waitForTimeout(600);
    await page.reload();
    await page
      .getByRole('region', { name: 'Services', exact: true })
      .getByRole('row')
      .nth(2)
      .waitFor();
    await expect.poll(() => page.getByRole('columnheader', { name: 'User' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Department' }).count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
