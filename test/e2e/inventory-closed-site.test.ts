import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleCompany, openApp, sampleCompanyOf, type AppSession } from './harness';

let session: AppSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('closed sites in Chromium', () => {
  it("names a closed site's button with separators, and refuses to move a service to it with a sentence", async () => {
    session = await openApp({ hash: '#/inventory' });
    const { page } = session;
    await loadSampleCompany(page);
    const closed = sampleCompanyOf(session).sites.find((site) => site.status === 'closed');
    if (!closed) throw new Error('the sample company has no closed site');

    const sites = page.getByRole('navigation', { name: 'Sites' });
    await expect
      .poll(() =>
        sites.getByRole('button', { name: `${closed.code} · ${closed.name}, Closed, ` }).count(),
      )
      .toBe(1);
    await expect
      .poll(() => sites.getByRole('button', { name: /^All sites, [\d,]+ live services$/ }).count())
      .toBe(1);

    // A service at an open site (HQ), so the closed site is another one.
    await sites.getByRole('button', { name: /^HQ/ }).click();
    const grid = page.getByRole('region', { name: 'Services', exact: true });
    await grid.locator('[role="gridcell"][col-id="serviceIdRaw"]').first().dblclick();
    const detail = page.getByRole('complementary');
    await detail
      .getByLabel('New site')
      .selectOption({ label: `${closed.code} ${closed.name} (closed)` });
    await detail.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => detail.getByRole('status').innerText())
      .toBe(
        'Site: This site is closed, so no service can be moved to it; pick an open site, or reopen the site under Sites and cost centers first.',
      );
    expect(session.consoleErrors).toEqual([]);
  });
});
