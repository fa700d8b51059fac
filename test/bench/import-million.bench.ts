import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { it } from 'vitest';
import { generateSampleCompany } from '../fixtures/generate/sample-company';
import { openBenchBrowser } from './browser-session';
import { startCpuProfile } from './cpu-profile';
import { reportBench } from './report';

/** The sample company at 5.2× scale over three years: 1,004,248 charge lines in its bill files. */
const COMPANY = {
  months: Number(process.env.BENCH_MONTHS ?? 36),
  scale: Number(process.env.BENCH_SCALE ?? 5.2),
};
const HEAP_SAMPLE_MS = 100;

/** Runs in the app's page before its scripts: keeps every main-thread task over 50 ms. */
function watchLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
}

/**
 * Samples the JS heap of the page and of every worker it starts, through the DevTools protocol
 * (`Runtime.getHeapUsage`, answered even while the thread runs): `performance.memory` does not
 * exist in workers. Keeps the peak of each.
 */
async function watchHeaps(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const workers = new Set<string>();
  const pending = new Map<number, (used: number) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.add(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event) => workers.delete(event.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    const resolve = message.id === undefined ? undefined : pending.get(message.id);
    if (resolve && message.id !== undefined) {
      pending.delete(message.id);
      resolve(message.result?.usedSize ?? 0);
    }
  });
  // Not flattened: messages to a worker go through `Target.sendMessageToTarget`.
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const peak = { page: 0, worker: 0 };
  const samples: number[][] = [];
  const workerHeap = (sessionId: string) =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => resolve(0));
      setTimeout(() => pending.delete(id) && resolve(0), 2_000);
    });
  let running = true;
  const sampling = (async () => {
    while (running) {
      const [own, ...others] = await Promise.all([
        cdp.send('Runtime.getHeapUsage').then(
          (usage) => usage.usedSize,
          () => 0,
        ),
        ...[...workers].map(workerHeap),
      ]);
      peak.page = Math.max(peak.page, own ?? 0);
      for (const used of others) peak.worker = Math.max(peak.worker, used);
      samples.push([own ?? 0, ...others].map((used) => Math.round(used / 2 ** 20)));
      await new Promise((resolve) => setTimeout(resolve, HEAP_SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await sampling;
      await cdp.detach();
      return { ...peak, samples };
    },
  };
}

/**
 * Issue 20's million lines, through the real UI: every bill file of the sample company at 5.2×
 * over three years picked at once, read in the worker, previewed, committed and visible in the
 * invoices grid (the click on Import not counted). Beside the time: the longest main-thread task
 * (PerformanceObserver 'longtask') and the peak JS heap of the page and of the worker. Printed,
 * never asserted on time.
 */
it('import: a million charge lines from files to committed and visible', async () => {
  const company = generateSampleCompany(COMPANY);
  const dir = mkdtempSync(join(tmpdir(), 'temdesk-million-bench-'));
  const paths = company.files.map((file, index) => {
    // Sample files can share a name across folders: keep each in its own folder.
    const folder = join(dir, String(index));
    const path = join(folder, file.name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, file.bytes);
    return path;
  });
  const megabytes = company.files.reduce((sum, file) => sum + file.bytes.byteLength, 0) / 2 ** 20;

  const bench = await openBenchBrowser();
  try {
    const page = await bench.context.newPage();
    await page.addInitScript(watchLongTasks);
    await page.goto(`${bench.appUrl}#/bills`);
    await page.evaluate(() => indexedDB.deleteDatabase('tem-desk'));
    await page.reload();
    await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();
    const heaps = await watchHeaps(page);
    // BENCH_CPUPROFILE=1 keeps the profile (test-results/bench/import-million.cpuprofile).
    const profile = await startCpuProfile(page, 'import-million');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bills…' }).first().click();
    await (await chooser).setFiles(paths);
    // Waited for by the app's own marks: a role query (the accessibility tree of the whole page)
    // polled by the driver while the app works runs on the page's main thread, in its long tasks.
    await page.waitForFunction(
      () => performance.getEntriesByName('import:preview-rendered').length > 0,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    // The preview's summary and its Import button, found and clicked in one evaluation: a role
    // query (the accessibility tree of the whole page) is 100–150 ms of the page's main thread
    // here, long tasks of the driver's own that the figure below would count. (The e2e tests
    // drive this by role.)
    const summary = await page.evaluate(() => {
      const status = document.querySelector('[role="status"]')?.textContent ?? '';
      const button = [...document.querySelectorAll('button')].find((b) =>
        /^Import [\d,]+ invoices/.test(b.textContent ?? ''),
      );
      if (!button) throw new Error('no Import button in the preview');
      button.click();
      return status;
    });
    await page.waitForFunction(
      () => performance.getEntriesByName('invoices:rendered').length > 0,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    // (Not a role query: see above.)
    await page.waitForFunction(() =>
      [...document.querySelectorAll('h2')].some((h) => h.textContent?.startsWith('Invoices (')),
    );
    const peak = await heaps.stop();
    await profile.save();

    const marks = await page.evaluate(() => {
      const at = (name: string) =>
        performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
      const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] })
        .longTasks;
      const picked = at('files:picked');
      // Each task's part after the pick: the task that delivers the picked files began before the
      // mark (the file dialog's own work), and what the app does in it counts.
      const after = tasks
        .map((t) => ({ start: Math.max(t.start, picked), end: t.start + t.duration }))
        .filter((t) => t.end > picked)
        .map((t) => ({ start: t.start, duration: t.end - t.start }));
      return {
        picked,
        readDone: at('import:read-done'),
        preview: at('import:preview-rendered'),
        commitStart: at('import:commit-start'),
        commitDone: at('import:commit-done'),
        commitWritten: at('import:commit-written'),
        visible: at('invoices:rendered'),
        longest: Math.max(0, ...after.map((t) => t.duration)),
        over100: after.filter((t) => t.duration > 100).length,
        tasks: after
          .filter((t) => t.duration > 100)
          .map((t) => [Math.round(t.start), Math.round(t.duration)]),
      };
    });
    await page.close();

    const lines = Number(/([\d,]+) charge lines/.exec(summary)?.[1]?.replace(/,/g, '') ?? NaN);
    const toVisible = marks.preview - marks.picked + (marks.visible - marks.commitStart);
    const mb = (bytes: number) => bytes / 2 ** 20;
    reportBench(
      'import-million',
      `A million lines through the app's import, in Chromium through the UI: the sample company ×${COMPANY.scale} over ${COMPANY.months} months, ${lines.toLocaleString('en-US')} charge lines in ${company.files.length} files (${megabytes.toFixed(0)} MB), one run`,
      [
        {
          measure: 'files picked → committed and visible in the invoices grid (without the click)',
          value: toVisible,
          limit: 5_000,
        },
        {
          measure: '…reading in the worker (to the hand-over)',
          value: marks.readDone - marks.picked,
        },
        {
          measure: '…commit (the one transaction)',
          value: marks.commitWritten - marks.commitStart,
        },
        {
          measure: `longest main-thread task during the import (${marks.over100} over 100 ms)`,
          value: marks.longest,
          limit: 100,
        },
        { measure: 'peak JS heap, page', value: mb(peak.page), unit: 'MB', limit: 600 },
        { measure: 'peak JS heap, import worker', value: mb(peak.worker), unit: 'MB', limit: 600 },
      ],
      { marks, peak, lines, files: company.files.length, megabytes },
    );
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
