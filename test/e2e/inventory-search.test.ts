import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCompany, openApp, sampleCompanyOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('inventory search and site list in Chromium', () => {
  it('searches within the chosen site as typed (a phone number in any format), and “select all” ticks only the rows shown', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);

    // A mobile line of the site with the most services, and its number written another way.
    const company = sampleCompanyOf(session);
    const perSite = new Map<string, number>();
    for (const service of company.services)
      if (service.siteId) perSite.set(service.siteId, (perSite.get(service.siteId) ?? 0) + 1);
    const [siteId, total] = [...perSite].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const site = company.sites.find((s) => s.id === siteId);
    const line = company.services.find(
      (s) =>
        s.siteId === siteId &&
        s.type === 'mobile-line' &&
        s.serviceIdRaw.replace(/\D/g, '').length === 10,
    );
    if (!site || !line) throw new Error('the sample company has no site with a mobile line');
    const digits = line.serviceIdRaw.replace(/\D/g, '');
    const dotted = `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`;
    expect(line.serviceIdRaw).not.toBe(dotted);

    const grid = page.getByRole('region', { name: 'Services', exact: true });
    const heading = (text: string) => page.getByRole('heading', { name: text, exact: true });
    await page
      .getByRole('navigation', { name: 'Sites' })
      .getByRole('button', { name: new RegExp(`^${site.code} ·`) })
      .click();
    await expect.poll(() => heading(`${site.code} — ${total} services`).count()).toBe(1);

    // Typed key by key: each prefix matches many rows, the last value is what the grid shows.
    const search = page.getByLabel('Search services');
    await search.pressSequentially(dotted);
    await expect.poll(() => heading(`${site.code} — 1 of ${total} services`).count()).toBe(1);
    const ids = grid.locator('[role="gridcell"][col-id="serviceIdRaw"]');
    await expect.poll(() => ids.allTextContents()).toEqual([line.serviceIdRaw]);
    await session.screenshot('inventory-search-in-site');

    // The search stays when the site changes: every site, still the one line.
    await page
      .getByRole('navigation', { name: 'Sites' })
      .getByRole('button', { name: /^All sites/ })
      .click();
    await expect
      .poll(() =>
        heading(
          `All sites — 1 of ${company.services.length.toLocaleString('en-US')} services`,
        ).count(),
      )
      .toBe(1);

    // Cleared, back at the site: the header checkbox selects that site's services, no others.
    await search.fill('');
    await page
      .getByRole('navigation', { name: 'Sites' })
      .getByRole('button', { name: new RegExp(`^${site.code} ·`) })
      .click();
    await expect.poll(() => heading(`${site.code} — ${total} services`).count()).toBe(1);
    await grid.getByRole('checkbox', { name: 'Column with Header Selection' }).check();
    await expect
      .poll(() => page.getByRole('group', { name: `Bulk edit ${total} selected services` }).count())
      .toBe(1);
    await session.screenshot('inventory-select-all-at-site');
    expect(session.consoleErrors).toEqual([]);
  });
});
