/**
 * Audit benchmark, run in Chromium (driven by test/bench/audit-chromium.bench.ts): the same
 * snapshot as the Node benchmark (the sample company at scale, 36 months, about 1,000,000 charge
 * lines, read by the real import pipeline and packed into blocks), built in the page, then the
 * whole audit timed beside a plain loop over every block's amount column.
 */
import { optimisationReport } from '../../../shared/audit/optimisation';
import { runAudit, type RuleRunSummary } from '../../../shared/audit/run';
import { isoDate } from '../../../shared/dates';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { sampleSnapshot } from '../../unit/audit/sample-snapshot';
import { withUsageRows } from '../usage-rows';

/** What one call of {@link benchAudit} measured; times in milliseconds. */
export interface AuditFigures {
  userAgent: string;
  lines: number;
  invoices: number;
  services: number;
  setupMs: number;
  /** `runAudit` over the whole snapshot, every rule, once per run (after one warm-up run). */
  runs: number[];
  /** A plain loop summing every block's amount column, once per run. */
  rawRuns: number[];
  rules: number;
  findings: number;
  /** Of the last run. */
  indexMs: number;
  byRule: Record<string, RuleRunSummary>;
  /** The same lines with exactly 100,000 usage rows: `runAudit` and the Optimisation tab's computation. */
  usageRows: number;
  usageRuns: number[];
  usageByRule: Record<string, RuleRunSummary>;
  optimisationRuns: number[];
  mobileLines: number;
}

async function benchAudit(runCount = 3): Promise<AuditFigures> {
  const setupStart = performance.now();
  const company = generateSampleCompany({ months: 36, scale: 5.2 });
  const snapshot = sampleSnapshot(company, isoDate(2026, 10, 31));
  const setupMs = performance.now() - setupStart;
  const lines = snapshot.chargeBlocks.reduce((sum, block) => sum + block.count, 0);

  const runs: number[] = [];
  const rawRuns: number[] = [];
  let result = runAudit(snapshot);
  for (let run = 0; run < runCount; run++) {
    // Let the page breathe between runs (a long task per run, as in a Web Worker).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    result = runAudit(snapshot);
    runs.push(performance.now() - start);

    const rawStart = performance.now();
    let total = 0;
    for (const block of snapshot.chargeBlocks) {
      const { amount } = block;
      for (let i = 0; i < block.count; i++) total += amount[i] ?? 0;
    }
    rawRuns.push(performance.now() - rawStart);
    if (!Number.isFinite(total)) throw new Error('unreachable: keeps the loop from being removed');
  }
  const withUsage = withUsageRows(snapshot, 100_000);
  const usageRuns: number[] = [];
  const optimisationRuns: number[] = [];
  let usageResult = runAudit(withUsage);
  let mobileLines = 0;
  for (let run = 0; run < runCount; run++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const start = performance.now();
    usageResult = runAudit(withUsage);
    usageRuns.push(performance.now() - start);
    const optimisationStart = performance.now();
    mobileLines = optimisationReport(withUsage, withUsage.today).lines.length;
    optimisationRuns.push(performance.now() - optimisationStart);
  }
  return {
    usageRows: withUsage.usage.length,
    usageRuns,
    usageByRule: usageResult.byRule,
    optimisationRuns,
    mobileLines,
    userAgent: navigator.userAgent,
    lines,
    invoices: snapshot.invoices.length,
    services: snapshot.services.length,
    setupMs,
    runs,
    rawRuns,
    rules: Object.keys(result.byRule).length,
    findings: result.findings.length,
    indexMs: result.indexMs,
    byRule: result.byRule,
  };
}

declare global {
  interface Window {
    benchAudit: typeof benchAudit;
  }
}

window.benchAudit = benchAudit;
document.getElementById('status')?.replaceChildren('Ready');
