import { it } from 'vitest';
import type { AuditFigures } from './browser/audit';
import { openBenchBrowser } from './browser-session';
import { median, reportBench } from './report';

/**
 * The whole audit over about 1,000,000 charge lines in Chromium: the same snapshot as
 * audit.bench.ts (the sample company at scale, read by the real import pipeline), built inside
 * the page, then `runAudit` timed on the page's main thread. Printed, never asserted on time.
 */
it('audit in Chromium: every rule over 1,000,000 charge lines', async () => {
  const bench = await openBenchBrowser();
  try {
    const page = await bench.context.newPage();
    await page.goto(new URL('test/bench/browser/audit.html', bench.baseUrl).toString());
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Ready');
    const figures: AuditFigures = await page.evaluate(() => window.benchAudit(3));
    await page.close();

    const slowest = Object.entries(figures.byRule)
      .sort(([, a], [, b]) => b.ms - a.ms)
      .slice(0, 5);
    const chromium = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(figures.userAgent)?.[1] ?? '?';
    reportBench(
      'audit-chromium',
      `Audit in Chromium ${chromium} (page main thread): ${figures.lines.toLocaleString('en-US')} charge lines, ${figures.invoices.toLocaleString('en-US')} invoices, ${figures.services.toLocaleString('en-US')} services; median of ${figures.runs.length} runs`,
      [
        {
          measure: `runAudit, all ${figures.rules} rules (${figures.findings.toLocaleString('en-US')} findings)`,
          value: median(figures.runs),
          limit: 2000,
          raw: median(figures.rawRuns),
          rawLabel: 'plain loop summing every amount column',
        },
        { measure: 'of which building the indexes (last run)', value: figures.indexMs },
        ...slowest.map(([id, rule]) => ({
          measure: `of which rule ${id} (last run)`,
          value: rule.ms,
        })),
        {
          measure: 'setup in the page, not timed above: generate the company and read its files',
          value: figures.setupMs,
        },
      ],
      figures,
    );
    reportBench(
      'audit-usage-chromium',
      `Audit with usage in Chromium ${chromium} (page main thread): ${figures.lines.toLocaleString('en-US')} charge lines and ${figures.usageRows.toLocaleString('en-US')} usage rows; median of ${figures.usageRuns.length} runs`,
      [
        {
          measure: `runAudit, all ${figures.rules} rules with the usage rules`,
          value: median(figures.usageRuns),
          limit: 2000,
          raw: median(figures.rawRuns),
          rawLabel: 'plain loop summing every amount column',
        },
        ...['zero-usage', 'underused-plan', 'overage'].map((id) => ({
          measure: `of which rule ${id} (last run)`,
          value: figures.usageByRule[id]?.ms ?? Number.NaN,
        })),
        {
          measure: `optimisationReport, the Optimisation tab (${figures.mobileLines.toLocaleString('en-US')} mobile lines)`,
          value: median(figures.optimisationRuns),
          limit: 2000,
        },
      ],
      { usageRuns: figures.usageRuns, optimisationRuns: figures.optimisationRuns },
    );
  } finally {
    await bench.close();
  }
});
