import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run(context: Document, options: object): Promise<AxeResults> };
  }
}

/** One axe rule broken on a page, with where (CSS selectors of the first few elements). */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
}

const BLOCKING: readonly (ImpactValue | null | undefined)[] = ['serious', 'critical'];

/**
 * Runs axe-core (node_modules/axe-core/axe.min.js) on the page as it is now and returns its serious
 * and critical violations. The app's CSP allows no inline script, so `page.addScriptTag` (which
 * inlines the file) is refused; the source is evaluated through the DevTools protocol instead,
 * which CSP does not govern.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = window.axe;
    if (!axe) throw new Error('axe-core did not load into the page');
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((v) => BLOCKING.includes(v.impact));
}

/** Violations as lines a failing assertion can show: `[dark] Bills: color-contrast (serious) …`. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string[] {
  return violations.map(
    (v) => `[${where}] ${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.targets.join(' | ')}`,
  );
}
