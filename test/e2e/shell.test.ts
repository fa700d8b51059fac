import { afterEach, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../renderer/app/sections';
import { openApp, type AppSession } from './harness';

let session: AppSession | undefined;

afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail');
  session = undefined;
});

describe('app shell in Chromium', () => {
  it('opens on the dashboard with no console error and an empty state', async () => {
    session = await openApp();
    const { page } = session;
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Dashboard' }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        page.getByRole('heading', { name: 'Your telecom spend will appear here' }).isVisible(),
      )
      .toBe(true);
    await session.screenshot('shell-dashboard-empty');
    expect(session.consoleErrors).toEqual([]);
  });

  it('asks for the app’s code from its first HTML, every chunk the app’s start imports', async () => {
    session = await openApp();
    const { page, baseUrl } = session;
    const html = await (await page.request.get(baseUrl)).text();
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    const boot = preloaded.find((href) => /\/boot-[\w-]+\.js$/.test(href));
    expect(boot, `no modulepreload of the app's chunk in ${html}`).toBeDefined();
    // Every preloaded file is one the browser then loads as the app starts (none missing, none
    // loaded twice under another name).
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Dashboard' }).isVisible())
      .toBe(true);
    for (const href of preloaded) {
      const path = new URL(href, baseUrl).pathname;
      expect(loaded, path).toContain(path);
      expect((await page.request.get(new URL(href, baseUrl).toString())).status(), path).toBe(200);
    }
    expect(session.consoleErrors).toEqual([]);
  });

  it('reaches every section with the keyboard alone, each with its empty state', async () => {
    session = await openApp();
    const { page } = session;
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const section of SECTIONS) {
      const link = nav.getByRole('link', { name: section.label, exact: true });
      // Tab from the top of the page until the section's link has focus, then press Enter.
      // Start from the top of the page (its first stop is the skip link), as a keyboard user would.
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      let focused = false;
      for (let presses = 0; presses < 20 && !focused; presses++) {
        await page.keyboard.press('Tab');
        focused = await link.evaluate((element) => element === document.activeElement);
      }
      expect(focused, `Tab never reached the ${section.label} link`).toBe(true);
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { level: 1, name: section.label });
      await expect.poll(() => heading.isVisible()).toBe(true);
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      // Focus moves to the new section's heading, so a screen reader announces where we are.
      await expect
        .poll(() => heading.evaluate((element) => element === document.activeElement))
        .toBe(true);
      if (section.id !== 'settings') {
        await expect
          .poll(() => page.getByRole('heading', { name: 'How to start' }).isVisible())
          .toBe(true);
      }
      await session.screenshot(`shell-section-${section.id}`);
    }
    expect(session.consoleErrors).toEqual([]);
  });

  it('never sends a request beyond localhost, and the guard does catch one', async () => {
    session = await openApp();
    const { page } = session;
    for (const section of SECTIONS) {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: section.label })
        .click();
      await page.getByRole('heading', { level: 1, name: section.label }).waitFor();
    }
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(session.externalRequests).toEqual([]);

    // Two layers stop the app going online. The page's CSP refuses a script's outside request
    // before it is even made…
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/ping').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    expect(session.externalRequests).toEqual([]);
    // …and the test's own interceptor is live: a navigation outside is recorded and aborted.
    await expect(page.goto('https://example.com/')).rejects.toThrow();
    expect(session.externalRequests).toEqual(['https://example.com/']);
  });

  it('keeps what the user saved across a reload (theme and company name)', async () => {
    session = await openApp({ hash: '#/settings' });
    const { page } = session;
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByLabel('Company name').fill('Acme Logistics');
    await page.getByRole('button', { name: 'Save company name' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Company name').inputValue()).toBe('Acme Logistics');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => page.getByTestId('persistence').textContent()).not.toBe('Checking…');
    await session.screenshot('shell-settings-dark');

    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await session.screenshot('shell-dashboard-dark');
    expect(session.consoleErrors).toEqual([]);
  });
});
