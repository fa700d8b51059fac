import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../helpers/chromium';

const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
// Each run builds into its own folder, so two e2e runs on one machine never overwrite each other.
const outDir = fileURLToPath(
  new URL(`../../node_modules/.e2e-build/${process.pid}`, import.meta.url),
);
const reusableOutDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let server: PreviewServer | undefined;
let builtDir: string | undefined;

/**
 * Builds the renderer once and serves it with `vite preview` on localhost (module scripts do not
 * load from file://). `TEM_E2E_REUSE_BUILD=1` skips the build when dist/ already exists.
 */
export async function setup(project: TestProject): Promise<void> {
  const chromiumPath = findChromium();
  const reuse =
    process.env.TEM_E2E_REUSE_BUILD === '1' && existsSync(`${reusableOutDir}/index.html`);
  const servedDir = reuse ? reusableOutDir : outDir;
  if (!reuse) await build({ configFile, logLevel: 'warn', build: { outDir: servedDir } });
  const port = await freePort();
  server = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir: servedDir },
    preview: { port, strictPort: true },
  });
  builtDir = reuse ? undefined : servedDir;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('chromiumPath', chromiumPath);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (builtDir) rmSync(builtDir, { recursive: true, force: true });
}
