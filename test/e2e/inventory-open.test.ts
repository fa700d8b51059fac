import { afterEach, describe, expect, it } from 'vitest';
import { inventoryLink } from '../../renderer/app/links';
import { summarizeSites } from '../../shared/inventory/sites';
import { formatCents } from '../../shared/money/cents';
import { loadSampleCompany, openApp, sampleCompanyOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('opening Inventory in Chromium', () => {
  it('gives the services grid every service after its first screen, on a site link too, and leaves no other grid in the page', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    const company = sampleCompanyOf(session);
    const total = company.services.length;
    const perSite = new Map<string, number>();
    for (const service of company.services)
      if (service.siteId) perSite.set(service.siteId, (perSite.get(service.siteId) ?? 0) + 1);
    const [siteId, atSite] = [...perSite].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const site = company.sites.find((s) => s.id === siteId);
    if (!site) throw new Error('the sample company has no site with services');
    // More services than the grid's first screen (see ServicesGrid), so the rest follow it.
    expect(total).toBeGreaterThan(100);

    const grid = page.getByRole('region', { name: 'Services', exact: true });
    // Rows the grid counts (its header row included), whatever it shows of them.
    const rowCount = () =>
      grid.locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-rowcount');
    const roots = () => page.locator('.ag-root-wrapper').count();

    // A fresh start on Inventory (the read starts early; the grid may be warmed up meanwhile).
    await page.reload();
    await expect.poll(rowCount).toBe(String(total + 1));
    expect(await roots()).toBe(1);

    // A fresh start on a site's link: that site's rows, and all the others behind the site filter.
    await page.goto(new URL(inventoryLink({ siteId }), session.baseUrl).toString());
    await page.reload();
    await expect.poll(rowCount).toBe(String(atSite + 1));
    const sites = grid.locator('[role="gridcell"][col-id="site"]');
    expect(new Set(await sites.allTextContents())).toEqual(new Set([site.code]));
    await page
      .getByRole('navigation', { name: 'Sites' })
      .getByRole('button', { name: /^All sites/ })
      .click();
    await expect.poll(rowCount).toBe(String(total + 1));
    expect(await roots()).toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it('draws the site list a frame after the services grid’s first screen, every site with its live services and monthly cost', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    const company = sampleCompanyOf(session);
    const summaries = summarizeSites(company.sites, company.services);
    const live = summaries.reduce((sum, s) => sum + s.serviceCount, 0);
    // How many sites the list showed when the grid's first screen was drawn (its mark, see
    // ServicesGrid): the list is not part of that screen.
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'services:rendered')
          (window as unknown as { sitesAtFirstScreen: number }).sitesAtFirstScreen =
            document.querySelectorAll('nav[aria-label="Sites"] button').length;
        return mark(name, options);
      };
    });
    await page.reload();
    const list = page.getByRole('navigation', { name: 'Sites' });
    await expect
      .poll(() => list.locator('.site-list__meta').allTextContents())
      .toEqual([
        `${live.toLocaleString('en-US')} live services`,
        ...summaries.map((s) => `${s.serviceCount} live · ${formatCents(s.monthlyCents)}/mo`),
      ]);
    expect(await list.locator('.site-list__name').allTextContents()).toEqual([
      'All sites,',
      ...summaries.map(
        (s) => `${s.site.code} · ${s.site.name},${s.site.status === 'closed' ? ' Closed,' : ''}`,
      ),
    ]);
    expect(
      await page.evaluate(
        () => (window as unknown as { sitesAtFirstScreen?: number }).sitesAtFirstScreen,
      ),
    ).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('draws the site list, its site pressed, and fills the column chooser when a link’s first screen has no service to show', async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    const company = sampleCompanyOf(session);
    // A site and a carrier with no service of that carrier there: the grid's first screen is
    // empty (no first rows to draw, so no "first data rendered" from the grid).
    const carriers = [...new Set(company.services.map((s) => s.carrierId))];
    const pairs = company.sites.flatMap((site) =>
      carriers
        .filter((carrierId) =>
          company.services.every((s) => s.siteId !== site.id || s.carrierId !== carrierId),
        )
        .map((carrierId) => ({ site, carrierId })),
    );
    const [pick] = pairs;
    if (!pick) throw new Error('every site of the sample company has a service of every carrier');
    const summary = summarizeSites(company.sites, company.services).find(
      (s) => s.site.id === pick.site.id,
    );
    if (!summary) throw new Error(`the site list has no ${pick.site.code}`);

    await page.goto(
      new URL(
        inventoryLink({ siteId: pick.site.id, carrierId: pick.carrierId }),
        session.baseUrl,
      ).toString(),
    );
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: / services$/ }).textContent())
      .toBe(`${pick.site.code} — 0 services`);
    const list = page.getByRole('navigation', { name: 'Sites' });
    const pressed = list.getByRole('button', { pressed: true });
    await expect
      .poll(() => pressed.locator('.site-list__meta').allTextContents())
      .toEqual([`${summary.serviceCount} live · ${formatCents(summary.monthlyCents)}/mo`]);
    // The toolbar's column chooser has the grid's columns: hiding one hides it in the grid.
    await page.locator('.column-chooser summary').click();
    const plan = page.getByRole('checkbox', { name: 'Plan', exact: true });
    await expect.poll(() => plan.isChecked()).toBe(true);
    const header = page
      .getByRole('region', { name: 'Services', exact: true })
      .getByRole('columnheader', { name: 'Plan', exact: true });
    expect(await header.count()).toBe(1);
    await plan.uncheck();
    await expect.poll(() => header.count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
