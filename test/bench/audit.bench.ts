import { it } from 'vitest';
import { isoDate } from '../../shared/dates';
import { optimisationReport } from '../../shared/audit/optimisation';
import { runAudit } from '../../shared/audit/run';
import { generateSampleCompany } from '../fixtures/generate/sample-company';
import { sampleSnapshot } from '../unit/audit/sample-snapshot';
import { median, reportBench } from './report';
import { withUsageRows } from './usage-rows';

/** Usage rows in the usage benchmark (issue 16: 100,000 beside the million charge lines). */
const USAGE_ROWS = 100_000;

/**
 * The whole audit over about 1,000,000 charge lines: the sample company at scale (36 months,
 * scale 5.2), its bills read by the real import pipeline and packed into blocks, so the rules meet
 * realistic matches, contracts and planted errors. Printed, never asserted on time.
 */
it('audit: every rule over 1,000,000 charge lines, then with 100,000 usage rows', () => {
  const setupStart = performance.now();
  const company = generateSampleCompany({ months: 36, scale: 5.2 });
  const snapshot = sampleSnapshot(company, isoDate(2026, 10, 31));
  const setupMs = performance.now() - setupStart;
  const lines = snapshot.chargeBlocks.reduce((sum, block) => sum + block.count, 0);

  const runs: number[] = [];
  const rawRuns: number[] = [];
  let result = runAudit(snapshot);
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    result = runAudit(snapshot);
    runs.push(performance.now() - start);

    // Raw baseline: one plain loop summing every amount column of the same blocks.
    const rawStart = performance.now();
    let total = 0;
    for (const block of snapshot.chargeBlocks) {
      const { amount } = block;
      for (let i = 0; i < block.count; i++) total += amount[i] ?? 0;
    }
    rawRuns.push(performance.now() - rawStart);
    if (!Number.isFinite(total)) throw new Error('unreachable: keeps the loop from being removed');
  }

  const slowest = Object.entries(result.byRule)
    .sort(([, a], [, b]) => b.ms - a.ms)
    .slice(0, 5);
  reportBench(
    'audit',
    `Audit in Node: ${lines.toLocaleString('en-US')} charge lines, ${snapshot.invoices.length.toLocaleString('en-US')} invoices, ${snapshot.services.length.toLocaleString('en-US')} services; median of 3 runs`,
    [
      {
        measure: `runAudit, all ${Object.keys(result.byRule).length} rules (${result.findings.length.toLocaleString('en-US')} findings)`,
        value: median(runs),
        limit: 2000,
        raw: median(rawRuns),
        rawLabel: 'plain loop summing every amount column',
      },
      { measure: 'of which building the indexes (last run)', value: result.indexMs },
      ...slowest.map(([id, figures]) => ({
        measure: `of which rule ${id} (last run)`,
        value: figures.ms,
      })),
      {
        measure: 'setup, not timed above: generate the company and read its files',
        value: setupMs,
      },
    ],
    { lines, runs, rawRuns, byRule: result.byRule },
  );

  // The same lines with exactly 100,000 usage rows: every rule (the usage rules read them), and
  // the Optimisation tab's computation over the same snapshot.
  const withUsage = withUsageRows(snapshot, USAGE_ROWS);
  const usageRuns: number[] = [];
  const optimisationRuns: number[] = [];
  let usageResult = runAudit(withUsage);
  let lineCount = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    usageResult = runAudit(withUsage);
    usageRuns.push(performance.now() - start);
    const optimisationStart = performance.now();
    lineCount = optimisationReport(withUsage, withUsage.today).lines.length;
    optimisationRuns.push(performance.now() - optimisationStart);
  }
  const usageRules = ['zero-usage', 'underused-plan', 'overage'];
  reportBench(
    'audit-usage',
    `Audit with usage in Node: ${lines.toLocaleString('en-US')} charge lines and ${withUsage.usage.length.toLocaleString('en-US')} usage rows; median of 3 runs`,
    [
      {
        measure: `runAudit, all ${Object.keys(usageResult.byRule).length} rules with the usage rules (${usageResult.findings.length.toLocaleString('en-US')} findings)`,
        value: median(usageRuns),
        limit: 2000,
        raw: median(rawRuns),
        rawLabel: 'plain loop summing every amount column',
      },
      ...usageRules.map((id) => ({
        measure: `of which rule ${id} (last run)`,
        value: usageResult.byRule[id]?.ms ?? Number.NaN,
      })),
      {
        measure: `optimisationReport, the Optimisation tab (${lineCount.toLocaleString('en-US')} mobile lines)`,
        value: median(optimisationRuns),
        limit: 2000,
      },
    ],
    { lines, usageRows: withUsage.usage.length, usageRuns, optimisationRuns },
  );
});
