import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** A page's CPU profile being recorded (see {@link startCpuProfile}). */
export interface CpuProfiling {
  /** Stops and keeps the profile in test-results/bench/NAME.cpuprofile (open it in DevTools). */
  save(): Promise<void>;
}

/**
 * With BENCH_CPUPROFILE=1 (and BENCH_NOMINIFY=1 for function names), records the page's CPU
 * profile until `save()`; otherwise does nothing. The profile keeps `pageNowAtStart`, the page's
 * `performance.now()` when it started, to place the app's performance marks in it.
 */
export async function startCpuProfile(page: Page, name: string): Promise<CpuProfiling> {
  if (!process.env.BENCH_CPUPROFILE) return { save: () => Promise.resolve() };
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  const pageNowAtStart = await page.evaluate(() => performance.now());
  return {
    async save() {
      const { profile } = await session.send('Profiler.stop');
      mkdirSync(join('test-results', 'bench'), { recursive: true });
      writeFileSync(
        join('test-results', 'bench', `${name}.cpuprofile`),
        JSON.stringify({ ...profile, pageNowAtStart }),
      );
      await session.detach();
    },
  };
}
