import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { chargeLineCsv } from '../fixtures/generate/charge-line-csv';
import { openBenchBrowser } from './browser-session';
import { startCpuProfile } from './cpu-profile';
import { median, reportBench } from './report';

const LINES = 100_000;

/**
 * Issue 3's import figure, in Chromium through the real UI: a 100,000-line bill file picked in
 * the app, read in the worker, previewed, committed and visible in the invoices grid. The time the
 * (scripted) user takes to press Import is not counted. Printed, never asserted on time.
 */
it('import: 100,000 charge lines from file to committed and visible', async () => {
  const text = chargeLineCsv(LINES);
  const dir = mkdtempSync(join(tmpdir(), 'temdesk-import-bench-'));
  const filePath = join(dir, 'lumen-100k.csv');
  writeFileSync(filePath, text);
  const megabytes = Buffer.byteLength(text) / 1024 / 1024;

  const bench = await openBenchBrowser();
  try {
    const baseline = await bench.context.newPage();
    await baseline.goto(new URL('test/bench/browser/import.html', bench.baseUrl).toString());
    await baseline.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Ready',
    );
    const parses: number[] = [];
    const stores: number[] = [];
    for (let run = 0; run < 3; run++) {
      const parsed = await baseline.evaluate((csv) => window.rawParseMs(csv), text);
      if (parsed.rows !== LINES) throw new Error(`PapaParse read ${parsed.rows} rows`);
      parses.push(parsed.ms);
      stores.push(await baseline.evaluate((n) => window.rawStoreMs(n), LINES));
    }
    await baseline.close();

    const toPreview: number[] = [];
    const readTimes: number[] = [];
    const commitTimes: number[] = [];
    /** Whether the blocks staged during the preview were all written when Import was pressed. */
    const stagedAtClick: boolean[] = [];
    const toVisible: number[] = [];
    /** Every mark of each run, in ms after the file was picked (kept in the JSON report). */
    const phases: Record<string, number>[] = [];
    const absMarks: Record<string, number>[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await bench.context.newPage();
      await page.goto(`${bench.appUrl}#/bills`);
      await page.evaluate(() => indexedDB.deleteDatabase('tem-desk'));
      await page.reload();
      await page.getByRole('heading', { name: 'No bills imported yet' }).waitFor();

      // BENCH_CPUPROFILE=1 keeps the last run's profile (test-results/bench/import.cpuprofile).
      const profile = run === 2 ? await startCpuProfile(page, 'import') : undefined;
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import bills…' }).first().click();
      const picked = await chooser;
      await picked.setFiles(filePath);
      // Waited for by the app's own marks: a role query (the accessibility tree of the whole page)
      // polled by the driver during the timed windows would run on the page's main thread too.
      await page.waitForFunction(
        () => performance.getEntriesByName('import:preview-rendered').length > 0,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      const importButton = page.getByRole('button', { name: 'Import 100 invoices' });
      await importButton.click();
      await page.waitForFunction(
        () => performance.getEntriesByName('invoices:rendered').length > 0,
        undefined,
        { timeout: 60_000, polling: 50 },
      );
      await page.getByRole('heading', { name: 'Invoices (100)' }).waitFor();
      await page.getByRole('gridcell', { name: /^INV-/ }).first().waitFor();
      await profile?.save();
      // In-page marks, so the figures hold no test-driver latency: picked → preview → (click) →
      // commit → first rows of the invoices grid painted.
      const marks = await page.evaluate(() => {
        const at = (name: string) =>
          performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
        return {
          picked: at('files:picked'),
          workerAnswered: at('import:worker-answered'),
          readDone: at('import:read-done'),
          hashed: at('import:hashed'),
          conflictsChecked: at('import:conflicts-checked'),
          preview: at('import:preview-rendered'),
          commitStart: at('import:commit-start'),
          commitDone: at('import:commit-done'),
          commitWritten: at('import:commit-written'),
          // Written during the preview (see renderer/db/staged-blocks): NaN when never finished.
          blocksStaged: at('import:blocks-staged'),
          visible: at('invoices:rendered'),
        };
      });
      absMarks.push(marks);
      phases.push(
        Object.fromEntries(
          Object.entries(marks).map(([name, at]) => [name, Math.round(at - marks.picked)]),
        ),
      );
      // The commit waits for staging still running at the click: its figure includes that wait.
      stagedAtClick.push(marks.blocksStaged <= marks.commitStart);
      readTimes.push(marks.readDone - marks.picked);
      commitTimes.push(marks.commitWritten - marks.commitStart);
      toPreview.push(marks.preview - marks.picked);
      toVisible.push(marks.preview - marks.picked + (marks.visible - marks.commitStart));
      await page.close();
    }

    reportBench(
      'import',
      `Import in Chromium through the UI: ${LINES.toLocaleString('en-US')} charge lines, ${megabytes.toFixed(1)} MB CSV, median of 3 runs`,
      [
        {
          measure: 'file picked → preview shown (worker: decode, parse, recognise, draft)',
          value: median(toPreview),
          raw: median(parses),
          rawLabel: 'PapaParse alone, main thread',
        },
        {
          measure: '…of which reading in the worker (decode, parse, draft, packed hand-over)',
          value: median(readTimes),
          raw: median(parses),
          rawLabel: 'PapaParse alone',
        },
        {
          measure:
            "commit: the one transaction (batch, invoices, totals, approval policy; the original file is written during the read, the lines' blocks during the preview, any wait for them counted; target ≤ 2× raw)",
          value: median(commitTimes),
          rawLimit: 2,
          raw: median(stores),
          rawLabel: 'raw IndexedDB packed store',
        },
        {
          measure: `…runs whose lines' blocks were all staged when Import was pressed (of ${stagedAtClick.length})`,
          value: stagedAtClick.filter(Boolean).length,
          unit: 'runs',
        },
        {
          measure:
            'file picked → committed and visible in the invoices grid, without the click (target also ≤ 3× raw)',
          value: median(toVisible),
          limit: 700,
          rawLimit: 3,
          raw: median(parses) + median(stores),
          rawLabel: `PapaParse + raw IndexedDB packed store (${Math.round(median(stores))} ms)`,
        },
      ],
      {
        toPreview,
        toVisible,
        readTimes,
        commitTimes,
        stagedAtClick,
        parses,
        stores,
        megabytes,
        phases,
        absMarks,
      },
    );
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
