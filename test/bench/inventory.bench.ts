import type { Page } from 'playwright-core';
import { it } from 'vitest';
import type { InventoryRawFigures } from './browser/inventory';
import { openBenchBrowser } from './browser-session';
import { startCpuProfile } from './cpu-profile';
import { median, reportBench } from './report';

const SERVICES = 20_000;
const SITE_ID = 'site-7';
const SITE_CODE = 'STR-0007';
const SEARCH = 'User 1999';

/**
 * Waits (in the page) until the services grid says it shows `rows` rows, then for the frame that
 * paints them: the end point of every timing here, the same as in the raw page.
 */
function gridShowsSource(): string {
  return `async (rows) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const grid = () => document.querySelector('[role="region"][aria-label="Services"] [role="treegrid"], [role="region"][aria-label="Services"] [role="grid"]');
    while (grid()?.getAttribute('aria-rowcount') !== String(rows + 1)) await frame();
    await frame();
  }`;
}

async function installGridShows(page: Page): Promise<void> {
  await page.evaluate(`window.benchGridShows = ${gridShowsSource()}`);
}

/**
 * Waits until the page has run no long task for a second (at most 15 s) and its workers have
 * finished what they were running: the app checks the data it opened on in the background (the
 * validation checks, read on the page and run in a worker), which is not what these figures time.
 */
async function settle(page: Page): Promise<void> {
  await quiet(page);
  // A worker answers once its current task (a run of the checks) is over.
  for (const worker of page.workers()) await worker.evaluate(() => 0);
  await quiet(page);
}

async function quiet(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let quietSince = performance.now();
        const observer = new PerformanceObserver(() => {
          quietSince = performance.now();
        });
        observer.observe({ type: 'longtask' });
        const deadline = performance.now() + 15_000;
        const check = () => {
          const now = performance.now();
          if (now - quietSince >= 1000 || now > deadline) {
            observer.disconnect();
            resolve();
          } else setTimeout(check, 100);
        };
        check();
      }),
  );
}

/** Issue 20's inventory at 20,000 services: opening it, choosing a site, searching, typing. */
it('inventory: 20,000 services', async () => {
  const bench = await openBenchBrowser();
  try {
    const seedPage = await bench.context.newPage();
    await seedPage.goto(new URL('test/bench/browser/storage.html', bench.baseUrl).toString());
    await seedPage.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Ready',
    );
    const seeded = await seedPage.evaluate((n) => window.seedInventory(n), SERVICES);
    await seedPage.close();

    const raw: InventoryRawFigures[] = [];
    const open: number[] = [];
    // Where each opening's time went: until the services read began, the read, and from the data
    // in hand to the grid painted (the app's marks; see renderer/db/inventory-early.ts).
    const phases: { readStart: number; readDone: number; painted: number; allRows: number }[] = [];
    const siteSwitch: number[] = [];
    const search: number[] = [];
    const typingLongestTask: number[] = [];
    for (let run = 0; run < 3; run++) {
      const rawPage = await bench.context.newPage();
      await rawPage.goto(new URL('test/bench/browser/inventory.html', bench.baseUrl).toString());
      await rawPage.waitForFunction(
        () => document.getElementById('status')?.textContent === 'Ready',
      );
      const figures = await rawPage.evaluate(
        ([site, text]) => window.benchInventoryRaw(site, text),
        [SITE_ID, SEARCH] as const,
      );
      raw.push(figures);
      await rawPage.close();
      const { siteRows, searchRows } = figures;

      const page = await bench.context.newPage();
      // BENCH_CPUPROFILE=1 keeps each run's profile, from the navigation to the typing's end
      // (test-results/bench/inventory-N.cpuprofile).
      const profile = await startCpuProfile(page, `inventory-${run + 1}`);
      await page.goto(`${bench.appUrl}#/inventory`);
      await page.waitForFunction(
        () => performance.getEntriesByName('services:rendered').length > 0,
        undefined,
        { timeout: 60_000 },
      );
      // The first screen is drawn from its own rows; every service follows in a task of its own.
      await page.waitForFunction(() => performance.getEntriesByName('grid:all-rows').length > 0);
      const marks = await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
        return {
          readStart: at('inventory:read-start'),
          readDone: at('inventory:read-done'),
          painted: at('services:rendered'),
          allRows: at('grid:all-rows'),
        };
      });
      phases.push(marks);
      open.push(marks.painted);
      await installGridShows(page);
      await settle(page);

      // Choose a site in the site list: from the click to the grid painting that site's rows.
      siteSwitch.push(
        await page.evaluate(
          async ([code, rows]) => {
            const shows = (window as unknown as { benchGridShows(n: number): Promise<void> })
              .benchGridShows;
            const button = [
              ...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Sites"] button'),
            ].find((b) => b.textContent?.startsWith(code));
            if (!button) throw new Error(`no site ${code}`);
            // Marks for a CPU profile's reader (BENCH_CPUPROFILE=1): where the switch starts and ends.
            performance.mark('bench:site-click');
            const start = performance.now();
            button.click();
            await shows(rows);
            performance.mark('bench:site-shown');
            return performance.now() - start;
          },
          [SITE_CODE, siteRows] as const,
        ),
      );

      // Back to every site, then the first quick search (it builds the search index): from the
      // text arriving in the box to the grid painting what it found.
      search.push(
        await page.evaluate(
          async ([text, all, rows]) => {
            const shows = (window as unknown as { benchGridShows(n: number): Promise<void> })
              .benchGridShows;
            document.querySelector<HTMLButtonElement>('nav[aria-label="Sites"] button')?.click();
            await shows(all);
            await new Promise((r) => setTimeout(r, 300));
            const input = document.querySelector<HTMLInputElement>(
              'input[type="search"]:not(.site-list__filter input)',
            );
            if (!input) throw new Error('no search box');
            const setValue = Object.getOwnPropertyDescriptor(
              HTMLInputElement.prototype,
              'value',
            )?.set;
            performance.mark('bench:search-typed');
            const start = performance.now();
            setValue?.call(input, text);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await shows(rows);
            performance.mark('bench:search-shown');
            return performance.now() - start;
          },
          [SEARCH, SERVICES, searchRows] as const,
        ),
      );

      // Typing the search key by key (60 ms apart): the longest main-thread task meanwhile.
      typingLongestTask.push(
        await page.evaluate(
          async ([text, all, rows]) => {
            const shows = (window as unknown as { benchGridShows(n: number): Promise<void> })
              .benchGridShows;
            const input = document.querySelector<HTMLInputElement>(
              'input[type="search"]:not(.site-list__filter input)',
            );
            if (!input) throw new Error('no search box');
            const setValue = Object.getOwnPropertyDescriptor(
              HTMLInputElement.prototype,
              'value',
            )?.set;
            const type = (value: string) => {
              setValue?.call(input, value);
              input.dispatchEvent(new Event('input', { bubbles: true }));
            };
            type('');
            await shows(all);
            await new Promise((r) => setTimeout(r, 300));
            let longest = 0;
            const observer = new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
            });
            observer.observe({ type: 'longtask' });
            for (let i = 1; i <= text.length; i++) {
              type(text.slice(0, i));
              await new Promise((r) => setTimeout(r, 60));
            }
            await shows(rows);
            await new Promise((r) => setTimeout(r, 100));
            observer.disconnect();
            return longest;
          },
          [SEARCH, SERVICES, searchRows] as const,
        ),
      );
      if (process.env.BENCH_CPUPROFILE)
        console.log(
          `inventory-${run + 1} marks (page time):`,
          await page.evaluate(() =>
            performance
              .getEntriesByType('mark')
              .filter((m) => m.name.startsWith('bench:'))
              .map((m) => `${m.name} ${m.startTime.toFixed(0)}`)
              .join(', '),
          ),
        );
      await profile.save();
      await page.close();
    }

    const [first] = raw;
    if (!first) throw new Error('no run');
    const rawMedian = (key: keyof InventoryRawFigures) => median(raw.map((r) => r[key]));
    reportBench(
      'inventory',
      `Inventory in Chromium: ${SERVICES.toLocaleString('en-US')} services over 300 sites, median of 3 runs`,
      [
        {
          measure: 'open Inventory to the services grid painted',
          value: median(open),
          limit: 600,
          raw: rawMedian('readMs'),
          rawLabel: 'raw IndexedDB getAll of the services',
        },
        {
          measure: '…of which: navigation start to the services read started',
          value: median(phases.map((p) => p.readStart)),
        },
        {
          measure: '…the services read (with the other inventory tables), started to data in hand',
          value: median(phases.map((p) => p.readDone - p.readStart)),
        },
        {
          measure: '…data in hand to the services grid painted',
          value: median(phases.map((p) => p.painted - p.readDone)),
        },
        {
          measure:
            '…every service in the grid (its first screen is drawn from those rows alone; the rest follow in a task of their own)',
          value: median(phases.map((p) => p.allRows)),
        },
        {
          measure: '…a bare AG Grid (no React, no app code) painting the same rows',
          value: rawMedian('gridMs'),
        },
        {
          measure: `choose a site in the site list (${first.siteRows} services shown)`,
          value: median(siteSwitch),
          limit: 100,
          raw: rawMedian('siteMs'),
          rawLabel: 'the bare AG Grid filtered to that site',
        },
        {
          measure: `first quick search across all services (“${SEARCH}”, ${first.searchRows} found)`,
          value: median(search),
          limit: 100,
          raw: rawMedian('searchMs'),
          rawLabel: 'a plain substring filter + the bare AG Grid showing the result',
        },
        {
          measure: 'longest main-thread task while typing that search key by key',
          value: median(typingLongestTask),
        },
      ],
      { open, phases, siteSwitch, search, typingLongestTask, raw, seeded },
    );
  } finally {
    await bench.close();
  }
});
