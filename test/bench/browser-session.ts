import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium';

const configFile = fileURLToPath(new URL('./vite.bench.config.ts', import.meta.url));

export interface BenchBrowser {
  context: BrowserContext;
  baseUrl: string;
  appUrl: string;
  close(): Promise<void>;
}

/** Builds the app + benchmark pages on one origin and opens them in a fresh Chromium profile. */
export async function openBenchBrowser(): Promise<BenchBrowser> {
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build (several
  // times slower); the app ships the production build, so that is what the benchmarks time.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile,
      logLevel: 'warn',
      // BENCH_NOMINIFY=1 keeps function names readable in a CPU profile of a benchmark page.
      ...(process.env.BENCH_NOMINIFY ? { build: { minify: false } } : {}),
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    preview: { port: 0 },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}/`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'temdesk-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    baseUrl,
    appUrl: new URL('renderer/index.html', baseUrl).toString(),
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
